package app.mentorbot.adapters.wecom;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import app.mentorbot.adapters.api.AdapterContext;
import app.mentorbot.adapters.api.InboundMessage;
import app.mentorbot.adapters.api.InboundSink;

/** What reached the pipeline, and which chats the adapter reported reachable. Doubles as the context. */
final class RecordingSink implements InboundSink, AdapterContext {
    private final BlockingQueue<InboundMessage> received = new LinkedBlockingQueue<>();
    final List<String> reachable = new CopyOnWriteArrayList<>();
    volatile RuntimeException failWith;

    @Override
    public void accept(InboundMessage message) {
        if (failWith != null) throw failWith;
        received.add(message);
    }

    @Override
    public InboundSink sink() {
        return this;
    }

    @Override
    public void reachable(String platform, String chatId) {
        reachable.add(platform + "/" + chatId);
    }

    InboundMessage next(Duration timeout) throws InterruptedException {
        InboundMessage m = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (m == null) throw new AssertionError("nothing reached the sink within " + timeout);
        return m;
    }

    List<InboundMessage> all() {
        return new ArrayList<>(received);
    }

    boolean isEmpty() {
        return received.isEmpty();
    }
}
