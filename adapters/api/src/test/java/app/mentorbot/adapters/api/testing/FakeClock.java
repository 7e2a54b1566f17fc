package app.mentorbot.adapters.api.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** A clock the test sets and moves by hand. Shared through this module's test-jar (the bot's TestClock is one). */
public class FakeClock extends Clock {
    /** The schools' zone, for clocks started from an instant. */
    public static final ZoneId SCHOOL_ZONE = ZoneId.of("Asia/Shanghai");

    private final ZoneId zone;
    private volatile Instant now;

    /** Starts at {@code start}, in {@link #SCHOOL_ZONE}. */
    public FakeClock(Instant start) {
        this(start.atZone(SCHOOL_ZONE));
    }

    /** Starts at {@code start}, in its zone. */
    public FakeClock(ZonedDateTime start) {
        this.now = start.toInstant();
        this.zone = start.getZone();
    }

    public void set(Instant at) {
        now = at;
    }

    public void set(ZonedDateTime at) {
        now = at.toInstant();
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same clock: a test that moves it moves every view of it. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
