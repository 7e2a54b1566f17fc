package app.mentorbot.bot.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

import app.mentorbot.adapters.api.InboundMessage;
import app.mentorbot.adapters.api.InboundSink;

/**
 * The sink adapters hand messages to. Returns quickly (a platform message is first forced to disk);
 * the work runs on lanes, one thread each, and a sender always lands on the same lane so their
 * messages are handled in the order they were sent (an answer to "which student?" must not overtake
 * the note it answers).
 */
@Component
public class InboundQueue implements InboundSink, AutoCloseable {
    // The work mostly waits on commits, not the CPU: more lanes than cores, fewer than the pool's connections.
    private static final int LANES = Math.max(8, Runtime.getRuntime().availableProcessors() * 2);
    private final List<ExecutorService> lanes = new ArrayList<>();
    private final TurnProcessor processor;
    private final AcceptedMessages accepted;
    private final AtomicInteger backlog = new AtomicInteger();

    InboundQueue(TurnProcessor processor, AcceptedMessages accepted) {
        this.processor = processor;
        this.accepted = accepted;
        for (int i = 0; i < LANES; i++) {
            int lane = i;
            lanes.add(Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "inbound-lane-" + lane);
                t.setDaemon(true);
                return t;
            }));
        }
    }

    /**
     * Queues the message on its sender's lane. A platform message is first forced to disk (see
     * {@link AcceptedMessages}), since the adapter acknowledges it when this returns; if that fails
     * this throws and the platform delivers it again.
     */
    @Override
    public void accept(InboundMessage message) {
        boolean kept = accepted.keep(message);
        onLaneOf(message, () -> {
            processor.process(message); // handled, refused, recorded as failed, or spooled: safe either way
            if (kept) accepted.handled(message);
        });
    }

    /** Runs {@code work} on the lane of the message's sender, after what is already queued there. */
    void onLaneOf(InboundMessage message, Runnable work) {
        int lane = Math.floorMod((message.platform() + "\u0000" + message.senderId()).hashCode(), lanes.size());
        backlog.incrementAndGet();
        lanes.get(lane).execute(() -> {
            try {
                work.run();
            } finally {
                backlog.decrementAndGet();
            }
        });
    }

    /** Messages accepted and not yet through the pipeline (for the health check, and for tests that wait for quiet). */
    public int backlog() {
        return backlog.get();
    }

    @Override
    public void close() throws InterruptedException {
        for (ExecutorService lane : lanes) lane.shutdown();
        for (ExecutorService lane : lanes) lane.awaitTermination(10, TimeUnit.SECONDS);
    }
}
