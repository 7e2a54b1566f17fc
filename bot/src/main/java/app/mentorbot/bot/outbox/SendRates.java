package app.mentorbot.bot.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import app.mentorbot.adapters.api.RateLimit;

/**
 * Per-platform sliding windows: how long to wait before the next send is allowed. The dispatcher
 * postpones a row rather than sleeping, so one slow platform never holds up another.
 */
final class SendRates {
    private final Clock clock;
    private final Map<String, Deque<Instant>> windows = new ConcurrentHashMap<>();

    SendRates(Clock clock) {
        this.clock = clock;
    }

    /** Zero when a send may go now (and counts it); otherwise the wait until one may. */
    Duration take(String platform, RateLimit limit) {
        Deque<Instant> window = windows.computeIfAbsent(platform, p -> new ArrayDeque<>());
        synchronized (window) {
            Instant now = clock.instant();
            Instant horizon = now.minus(limit.per());
            while (!window.isEmpty() && !window.peekFirst().isAfter(horizon)) window.pollFirst();
            if (window.size() < limit.permits()) {
                window.addLast(now);
                return Duration.ZERO;
            }
            return Duration.between(horizon, window.peekFirst()).plusMillis(1);
        }
    }
}
