package app.mentorbot.bot.testing;

import java.time.ZonedDateTime;

import app.mentorbot.adapters.api.testing.FakeClock;

/** A clock the test moves by hand, in the school's zone: the adapters' {@link FakeClock}, as a bean type of its own. */
public final class TestClock extends FakeClock {

    public TestClock(ZonedDateTime start) {
        super(start);
    }
}
