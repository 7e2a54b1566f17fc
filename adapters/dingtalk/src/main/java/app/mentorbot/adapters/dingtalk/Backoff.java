package app.mentorbot.adapters.dingtalk;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** How long to wait before reconnect attempt {@code n} (1 = the first retry). Injected so tests run fast. */
@FunctionalInterface
interface Backoff {

    Duration delay(int attempt);

    /**
     * Exponential with "equal jitter": the step doubles from {@code min} up to {@code max} and the delay is drawn
     * uniformly from its upper half, so many bots cut off at once do not come back in the same millisecond.
     */
    static Backoff exponential(Duration min, Duration max, RandomGenerator random) {
        long minMs = Math.max(1, min.toMillis());
        long maxMs = Math.max(minMs, max.toMillis());
        return attempt -> {
            if (attempt < 1) throw new IllegalArgumentException("attempt starts at 1: " + attempt);
            int doublings = Math.min(attempt - 1, 30);
            long step = Math.min(maxMs, minMs << doublings);
            if (step <= 0) step = maxMs; // overflow guard
            long half = step / 2;
            return Duration.ofMillis(step - half + random.nextLong(half + 1));
        };
    }
}
