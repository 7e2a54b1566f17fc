package app.mentorbot.adapters.wecom;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The callback's {@code timestamp} must lie within {@link #MAX_SKEW} of our clock, either way. The signature
 * covers the timestamp, so a callback recorded once and replayed later (or one stamped 2001) is refused here,
 * after its signature and before anything is decrypted or stored.
 */
final class CallbackWindow {
    static final Duration MAX_SKEW = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(CallbackWindow.class);

    private CallbackWindow() {}

    /** Empty when {@code timestamp} (seconds since the epoch) is close enough to now; else what to answer. */
    static Optional<CallbackResponse> refusal(String timestamp, Clock clock) {
        long stamped;
        try {
            stamped = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Optional.of(CallbackResponse.badRequest("timestamp is not a number of seconds"));
        }
        long now = clock.instant().getEpochSecond();
        long limit = MAX_SKEW.toSeconds();
        if (stamped >= now - limit && stamped <= now + limit) return Optional.empty();
        log.warn("WeCom callback refused: stamped {}, this server's clock says {} (a replay, or a clock to set right)", stamped, now);
        return Optional.of(CallbackResponse.forbidden("timestamp more than " + MAX_SKEW.toMinutes() + " minutes from this server's clock"));
    }
}
