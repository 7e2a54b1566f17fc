package app.mentorbot.adapters.api.testing;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * How long a test waits for the bot: a base that grows with the machine's load (CI runs on two busy cores),
 * so a slow moment is waited out instead of failing at a fixed time.
 */
public final class Patience {
    private Patience() {}

    public static Duration of(Duration base) {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        double factor = load <= 0 ? 1 : Math.max(1, Math.min(6, load / cores));
        return Duration.ofMillis((long) (base.toMillis() * factor));
    }
}
