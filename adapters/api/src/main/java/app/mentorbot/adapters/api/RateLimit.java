package app.mentorbot.adapters.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How fast the outbox may send through one adapter: at most {@code permits} messages per {@code per},
 * across all chats. Platforms with per-chat limits also answer {@link Delivery.RetryLater} themselves.
 */
public record RateLimit(int permits, Duration per) {
    public RateLimit {
        if (permits <= 0) throw new IllegalArgumentException("permits must be positive: " + permits);
        Objects.requireNonNull(per, "per");
        if (per.isZero() || per.isNegative()) throw new IllegalArgumentException("per must be positive: " + per);
    }
}
