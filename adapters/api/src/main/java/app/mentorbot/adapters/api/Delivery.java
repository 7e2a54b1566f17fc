package app.mentorbot.adapters.api;

import java.time.Duration;
import java.util.Objects;

/** What became of one send attempt; the outbox dispatcher decides what to do next from it. */
public sealed interface Delivery {

    /** The platform took the message. */
    record Sent() implements Delivery {}

    /** Try again after the given delay (rate limited, server error, timeout). Counts as a failed attempt. */
    record RetryLater(Duration after, String reason) implements Delivery {
        public RetryLater {
            Objects.requireNonNull(after, "after");
        }
    }

    /**
     * The recipient cannot be reached now (for instance nobody has the web chat open). Not a failure:
     * the message waits until the adapter reports the recipient reachable again.
     */
    record Unreachable(String reason) implements Delivery {}

    /** Will never work (unknown chat, message refused); the row is parked with the reason. */
    record Failed(String reason) implements Delivery {}

    static Delivery sent() { return new Sent(); }
}
