package app.mentorbot.adapters.api.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

import app.mentorbot.adapters.api.AdapterContext;
import app.mentorbot.adapters.api.InboundMessage;
import app.mentorbot.adapters.api.InboundSink;

/**
 * The pipeline as an adapter sees it, for adapter tests: records what reached it, in order, and which chats were
 * reported reachable; it doubles as the adapter's context. It can refuse messages the way a full inbound queue
 * would (by throwing), and run a hook on each message before taking it.
 *
 * <p>{@link #next} takes messages one at a time; {@link #all} and {@link #await} look at everything ever taken.
 */
public final class RecordingSink implements InboundSink, AdapterContext {
    private final List<InboundMessage> all = new CopyOnWriteArrayList<>();
    private final BlockingQueue<InboundMessage> unread = new LinkedBlockingQueue<>();
    private final List<String> reachable = new CopyOnWriteArrayList<>();
    private final AtomicInteger refuseNext = new AtomicInteger();
    private volatile boolean refuseAll;
    private volatile Consumer<InboundMessage> onAccept = m -> {};

    @Override
    public void accept(InboundMessage message) {
        if (refuseAll || refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("inbound queue full");
        }
        onAccept.accept(message);
        synchronized (this) {
            all.add(message);
            unread.add(message);
            notifyAll();
        }
    }

    @Override
    public InboundSink sink() {
        return this;
    }

    @Override
    public void reachable(String platform, String chatId) {
        reachable.add(platform + "/" + chatId);
    }

    /** While on, every message is refused as a full queue would refuse it. */
    public void refuseAll(boolean on) {
        refuseAll = on;
    }

    /** Refuses the next {@code count} messages, then takes them again. */
    public void refuseNext(int count) {
        refuseNext.set(count);
    }

    /** Runs before each message is taken (after the refusal check); a test can journal or delay there. */
    public void onAccept(Consumer<InboundMessage> hook) {
        onAccept = Objects.requireNonNull(hook, "hook");
    }

    /** The next message not taken yet, waiting up to {@code timeout}; an AssertionError when none came. */
    public InboundMessage next(Duration timeout) throws InterruptedException {
        InboundMessage m = unread.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (m == null) throw new AssertionError("nothing reached the sink within " + timeout);
        return m;
    }

    /** Takes every message {@link #next} has not taken yet. */
    public List<InboundMessage> drain() {
        List<InboundMessage> taken = new ArrayList<>();
        unread.drainTo(taken);
        return taken;
    }

    /** Everything that reached the sink, in order (including what {@link #next} took). */
    public List<InboundMessage> all() {
        return List.copyOf(all);
    }

    public List<InboundMessage> withText(String text) {
        return all.stream().filter(m -> m.text().equals(text)).toList();
    }

    /** The first message ever taken that matches, waiting up to {@code timeout}. */
    public synchronized InboundMessage await(Predicate<InboundMessage> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (InboundMessage m : all) if (wanted.test(m)) return m;
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) throw new AssertionError("nothing matching reached the sink within " + timeout + "; got " + all);
            wait(left);
        }
    }

    /** The message with exactly this text, waiting up to 10 s. */
    public InboundMessage awaitText(String text) throws InterruptedException {
        return await(m -> m.text().equals(text), Duration.ofSeconds(10));
    }

    /** The chats reported reachable, as "platform/chatId", in order. */
    public List<String> reachable() {
        return List.copyOf(reachable);
    }
}
