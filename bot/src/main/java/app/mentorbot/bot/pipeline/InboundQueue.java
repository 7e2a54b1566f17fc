package app.mentorbot.bot.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import app.mentorbot.adapters.api.InboundMessage;
import app.mentorbot.adapters.api.InboundSink;

/**
 * The sink adapters hand messages to. Returns quickly (a platform message is first forced to disk);
 * the work runs on lanes, one thread each, and a sender always lands on the same lane so their
 * messages are handled in the order they were sent (an answer to "which student?" must not overtake
 * the note it answers). Messages that wait on a lane while it is busy are handled together, up to
 * {@link #MAX_BATCH} in one transaction ({@link TurnProcessor#processAll}): under load a commit is shared
 * instead of each message waiting for its own.
 */
@Component
public class InboundQueue implements InboundSink, AutoCloseable {
    // The work mostly waits on commits, not the CPU: more lanes than cores, fewer than the pool's connections.
    private static final int LANES = Math.max(8, Runtime.getRuntime().availableProcessors() * 2);
    /** At most this many waiting messages share a transaction (the first of them waits for the last to be handled). */
    static final int MAX_BATCH = 24;
    private static final Logger log = LoggerFactory.getLogger(InboundQueue.class);
    private final List<Lane> lanes = new ArrayList<>();
    private final TurnProcessor processor;
    private final AcceptedMessages accepted;
    private final AtomicInteger backlog = new AtomicInteger();

    InboundQueue(TurnProcessor processor, AcceptedMessages accepted) {
        this.processor = processor;
        this.accepted = accepted;
        for (int i = 0; i < LANES; i++) lanes.add(new Lane("inbound-lane-" + i));
    }

    /**
     * Queues the message on its sender's lane. A platform message is first forced to disk (see
     * {@link AcceptedMessages}), since the adapter acknowledges it when this returns; if that fails
     * this throws and the platform delivers it again.
     */
    @Override
    public void accept(InboundMessage message) {
        boolean kept = accepted.keep(message);
        laneOf(message).add(new Item(message, kept, null));
    }

    /** Runs {@code work} on the lane of the message's sender, after what is already queued there. */
    void onLaneOf(InboundMessage message, Runnable work) {
        laneOf(message).add(new Item(message, false, work));
    }

    private Lane laneOf(InboundMessage message) {
        return lanes.get(Math.floorMod((message.platform() + "\u0000" + message.senderId()).hashCode(), lanes.size()));
    }

    /** Messages accepted and not yet through the pipeline (for the health check, and for tests that wait for quiet). */
    public int backlog() {
        return backlog.get();
    }

    @Override
    public void close() throws InterruptedException {
        for (Lane lane : lanes) lane.add(Item.STOP);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (Lane lane : lanes) lane.thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
    }

    /** An accepted message to handle, or other work to run in its sender's turn ({@code work} set). */
    private record Item(InboundMessage message, boolean kept, Runnable work) {
        static final Item STOP = new Item(null, false, null);

        boolean accepted() {
            return work == null && message != null;
        }
    }

    /** One thread taking its items in order; accepted messages waiting next to each other go through together. */
    private final class Lane {
        private final LinkedBlockingQueue<Item> items = new LinkedBlockingQueue<>();
        private final Thread thread;

        Lane(String name) {
            thread = new Thread(this::loop, name);
            thread.setDaemon(true);
            thread.start();
        }

        void add(Item item) {
            if (item != Item.STOP) backlog.incrementAndGet();
            items.add(item);
        }

        private void loop() {
            try {
                for (Item first = items.take(); first != Item.STOP; first = items.take()) {
                    List<Item> batch = new ArrayList<>(List.of(first));
                    // only this thread takes from the queue: what it peeks at is what it polls
                    while (first.accepted() && batch.size() < MAX_BATCH && items.peek() != null && items.peek().accepted()) {
                        batch.add(items.poll());
                    }
                    try {
                        run(batch);
                    } catch (RuntimeException e) {
                        log.warn("{} failed: {}", Thread.currentThread().getName(), e.toString());
                    } finally {
                        backlog.addAndGet(-batch.size());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void run(List<Item> batch) {
            if (!batch.get(0).accepted()) {
                batch.get(0).work().run();
                return;
            }
            // handled, refused, recorded as failed, or spooled: safe either way
            if (batch.size() == 1) processor.process(batch.get(0).message());
            else processor.processAll(batch.stream().map(Item::message).toList());
            for (Item i : batch) if (i.kept()) accepted.handled(i.message());
        }
    }
}
