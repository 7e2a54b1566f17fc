package app.mentorbot.adapters.api.connection;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/** How long to wait before reconnect attempt {@code n} (1 for the first retry). Injected so tests reconnect in milliseconds. */
@FunctionalInterface
public interface Backoff {

    Duration delay(int attempt);

    /**
     * Exponential with "equal jitter": the step doubles from {@code min} up to {@code max}, and the delay is drawn
     * uniformly from the step's upper half, so many bots cut off at once (a school's instances, or several schools on
     * one platform outage) do not all come back in the same second.
     */
    static Backoff exponential(Duration min, Duration max, RandomGenerator random) {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(random, "random");
        if (min.isNegative() || min.isZero()) throw new IllegalArgumentException("min must be positive: " + min);
        if (max.compareTo(min) < 0) throw new IllegalArgumentException("max must be at least min: " + max + " < " + min);
        long minMs = Math.max(1, min.toMillis());
        long maxMs = Math.max(minMs, max.toMillis());
        int safeDoublings = Long.numberOfLeadingZeros(minMs) - 1; // minMs << this still fits in a long
        return attempt -> {
            if (attempt < 1) throw new IllegalArgumentException("attempt starts at 1: " + attempt);
            int doublings = attempt - 1;
            long step = doublings >= safeDoublings ? maxMs : Math.min(maxMs, minMs << doublings);
            long half = step / 2;
            return Duration.ofMillis(step - half + random.nextLong(half + 1));
        };
    }

    /** {@link #exponential(Duration, Duration, RandomGenerator)} with the JDK's default random generator. */
    static Backoff exponential(Duration min, Duration max) {
        return exponential(min, max, RandomGenerator.getDefault());
    }
}
