package app.mentorbot.adapters.xmpp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import app.mentorbot.adapters.api.AdapterContext;
import app.mentorbot.adapters.api.InboundMessage;
import app.mentorbot.adapters.api.InboundSink;

/** What reached the pipeline, in order; also the adapter's context. */
final class RecordingSink implements InboundSink, AdapterContext {
    private final List<InboundMessage> messages = new ArrayList<>();

    @Override
    public synchronized void accept(InboundMessage message) {
        messages.add(message);
        notifyAll();
    }

    @Override
    public InboundSink sink() {
        return this;
    }

    @Override
    public void reachable(String platform, String chatId) {}

    synchronized List<InboundMessage> messages() {
        return List.copyOf(messages);
    }

    synchronized List<InboundMessage> withText(String text) {
        return messages.stream().filter(m -> m.text().equals(text)).toList();
    }

    /** The first message matching, waiting up to {@code timeout}. */
    synchronized InboundMessage await(Predicate<InboundMessage> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (true) {
            for (InboundMessage m : messages) if (wanted.test(m)) return m;
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) throw new AssertionError("nothing matching reached the sink within " + timeout + "; got " + messages);
            wait(left);
        }
    }

    InboundMessage awaitText(String text) throws InterruptedException {
        return await(m -> m.text().equals(text), Duration.ofSeconds(10));
    }
}
