package app.mentorbot.conversations.understanding;

import java.util.function.Supplier;

/**
 * A value per thread, like {@link ThreadLocal}, with the last thread's value at hand: a reader mostly reads on one
 * thread at a time, and the thread-local map's look-up, done for each of a note's hundreds of pattern scans, was a
 * measurable part of reading it. Another thread finds its own value in the map as before.
 */
final class PerThread<T> {
    /** Immutable, so a thread that sees another's entry sees it whole, and then finds it is not its own. */
    private record Owned<T>(Thread owner, T value) {}

    private final ThreadLocal<T> values;
    private Owned<T> last;

    PerThread(Supplier<? extends T> initial) {
        this.values = ThreadLocal.withInitial(initial);
    }

    T get() {
        Thread t = Thread.currentThread();
        Owned<T> o = last;
        if (o != null && o.owner() == t) return o.value();
        T v = values.get();
        last = new Owned<>(t, v);
        return v;
    }
}
