package app.mentorbot.adapters.wecom;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** How long to wait before reconnect attempt {@code n} (1 for the first retry). Injectable so tests are fast. */
@FunctionalInterface
public interface Backoff {

    Duration delay(int attempt);

    /** The official SDK's schedule, 1 s doubling to 30 s, with ±20 % jitter so instances do not reconnect in step. */
    static Backoff jittered() {
        return attempt -> {
            long base = Math.min(30_000L, 1_000L << Math.min(Math.max(attempt, 1) - 1, 5));
            double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
            return Duration.ofMillis((long) (base * jitter));
        };
    }

    static Backoff fixed(Duration delay) {
        return attempt -> delay;
    }
}
