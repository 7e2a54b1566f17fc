package app.mentorbot.bot.metrics;

import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

import app.mentorbot.conversations.modelreader.ModelReaderCounters;

/**
 * What the optional second reader (the school's language model) cost and changed, for the operator: calls, timeouts,
 * invalid answers, failures, fields it changed and disagreements with the rules. Counts only, never a note; all stay
 * at zero while the model is off.
 */
@Component
class ModelReaderMeters implements MeterBinder {
    private final ModelReaderCounters counters;

    ModelReaderMeters(ModelReaderCounters counters) {
        this.counters = counters;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counter(registry, "calls", "requests sent to the language model", ModelReaderCounters::calls);
        counter(registry, "timeouts", "requests that ran past the timeout", ModelReaderCounters::timeouts);
        counter(registry, "invalid", "answers dropped as malformed, off the schema or naming unknown students", ModelReaderCounters::invalidAnswers);
        counter(registry, "failures", "requests refused by the server or lost", ModelReaderCounters::failures);
        counter(registry, "fields.changed", "record fields the model filled or flags it added", ModelReaderCounters::fieldsChanged);
        counter(registry, "disagreements", "fields where both readers were confident and differed (the rules stood)", ModelReaderCounters::disagreements);
    }

    private void counter(MeterRegistry registry, String name, String description, ToLongFunction<ModelReaderCounters> count) {
        FunctionCounter.builder("mentorbot.reader.model." + name, counters, c -> count.applyAsLong(c))
                .description(description).register(registry);
    }
}
