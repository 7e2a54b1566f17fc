package app.mentorbot.adapters.xmpp;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** How long to wait before reconnect attempt number {@code failures} (1 for the first retry). */
@FunctionalInterface
public interface Backoff {
    Duration delay(int failures);

    /**
     * Exponential from {@code base} up to {@code max}, each delay drawn between half and all of the
     * step, so a school's worth of bots restarted together do not hammer the server in step.
     */
    static Backoff jittered(Duration base, Duration max) {
        return failures -> {
            long step = Math.min(max.toMillis(), base.toMillis() << Math.min(Math.max(failures - 1, 0), 20));
            long half = Math.max(step / 2, 1);
            return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
        };
    }
}
