package app.mentorbot.bot.modelreader;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

import app.mentorbot.bot.outbox.Outbox;
import app.mentorbot.conversations.dialogue.Dialogue;
import app.mentorbot.conversations.dialogue.SecondReading;
import app.mentorbot.conversations.modelreader.ModelReader;
import app.mentorbot.conversations.modelreader.ModelReaderCounters;
import app.mentorbot.conversations.roster.RosterStore;

/**
 * The second reader, or none: with {@code mentorbot.reader.model.enabled} false (the default) the
 * dialogue gets {@link SecondReading#NONE} and no HTTP client is even built.
 */
@Configuration(proxyBeanMethods = false)
class ModelReaderWiring {
    private static final Logger log = LoggerFactory.getLogger(ModelReaderWiring.class);

    /** Always there (zeros when off), for the metrics to bind. */
    @Bean
    ModelReaderCounters modelReaderCounters() {
        return new ModelReaderCounters();
    }

    @Bean
    SecondReading secondReading(ModelReaderSettings settings, ModelReaderCounters counters, RosterStore rosters,
                                ObjectProvider<Dialogue> dialogue, TransactionTemplate tx, Outbox outbox) {
        if (!settings.enabled()) return SecondReading.NONE;
        log.info("model reader on: notes are read again by {} at {} (timeout {})", settings.model(), settings.completionsUri(),
                settings.timeout());
        ModelReader reader = new ModelReader(HttpCompletions.of(settings), settings.model(), counters);
        return new SecondReader(reader, rosters, dialogue, tx, outbox);
    }
}
