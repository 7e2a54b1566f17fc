package app.mentorbot.adapters.slack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import app.mentorbot.adapters.api.AdapterContext;
import app.mentorbot.adapters.api.InboundMessage;
import app.mentorbot.adapters.api.InboundSink;

/** What reached the pipeline; can refuse the next few messages the way a full queue would. */
final class RecordingSink implements InboundSink, AdapterContext {
    private final BlockingQueue<InboundMessage> messages = new LinkedBlockingQueue<>();
    private final AtomicInteger refuse = new AtomicInteger();
    volatile Consumer<InboundMessage> onAccept = m -> {};

    @Override
    public void accept(InboundMessage message) {
        if (refuse.getAndUpdate(n -> Math.max(0, n - 1)) > 0) throw new IllegalStateException("inbound queue full");
        onAccept.accept(message);
        messages.add(message);
    }

    void refuseNext(int count) {
        refuse.set(count);
    }

    InboundMessage next(Duration timeout) throws InterruptedException {
        InboundMessage m = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (m == null) throw new AssertionError("nothing reached the sink within " + timeout);
        return m;
    }

    List<InboundMessage> drain() {
        List<InboundMessage> all = new ArrayList<>();
        messages.drainTo(all);
        return all;
    }

    @Override
    public InboundSink sink() {
        return this;
    }

    @Override
    public void reachable(String platform, String chatId) {}
}
