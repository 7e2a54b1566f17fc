package app.mentorbot.adapters.dingtalk;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import app.mentorbot.adapters.api.AdapterContext;
import app.mentorbot.adapters.api.InboundMessage;
import app.mentorbot.adapters.api.InboundSink;

/** Records what reached the pipeline; can be told to refuse (as a full queue would). Also the adapter's context. */
final class RecordingSink implements InboundSink, AdapterContext {
    private final BlockingQueue<InboundMessage> messages = new LinkedBlockingQueue<>();
    final List<InboundMessage> all = new CopyOnWriteArrayList<>();
    private final List<String> journal;
    volatile boolean refuse;

    RecordingSink(List<String> journal) {
        this.journal = journal;
    }

    @Override
    public void accept(InboundMessage message) {
        if (refuse) throw new java.util.concurrent.RejectedExecutionException("queue full");
        journal.add("sink:" + message.messageId());
        all.add(message);
        messages.add(message);
    }

    InboundMessage next(Duration timeout) throws InterruptedException {
        InboundMessage m = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (m == null) throw new AssertionError("nothing reached the sink within " + timeout);
        return m;
    }

    @Override
    public InboundSink sink() {
        return this;
    }

    @Override
    public void reachable(String platform, String chatId) {}
}
