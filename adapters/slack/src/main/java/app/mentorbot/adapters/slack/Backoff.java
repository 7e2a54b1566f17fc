package app.mentorbot.adapters.slack;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long to wait before reconnect attempt {@code n} (1 for the first retry). Injectable so tests
 * reconnect in milliseconds.
 */
@FunctionalInterface
public interface Backoff {

    Duration delay(int attempt);

    /**
     * Exponential with "equal jitter": attempt n waits a random time between half and all of
     * {@code base * 2^(n-1)}, capped at {@code max}. The jitter spreads several bot instances (or
     * several schools on one Slack outage) so they do not all reconnect in the same second.
     */
    static Backoff exponential(Duration base, Duration max, RandomGenerator random) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(random, "random");
        if (base.isNegative() || base.isZero()) throw new IllegalArgumentException("base must be positive: " + base);
        if (max.compareTo(base) < 0) throw new IllegalArgumentException("max must be at least base: " + max);
        return attempt -> {
            int n = Math.max(1, attempt);
            long ceiling = base.toMillis() << Math.min(n - 1, 20);
            if (ceiling <= 0 || ceiling > max.toMillis()) ceiling = max.toMillis();
            long half = ceiling / 2;
            return Duration.ofMillis(half + random.nextLong(ceiling - half + 1));
        };
    }

    /** One second doubling to two minutes, jittered. */
    static Backoff standard() {
        return exponential(Duration.ofSeconds(1), Duration.ofMinutes(2), RandomGenerator.getDefault());
    }
}
