package app.mentorbot.bot.testing;

import java.time.ZonedDateTime;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Import this to run the bot on a {@link TestClock} set to a school afternoon (Tuesday 10 March 2026, 15:00). */
@TestConfiguration(proxyBeanMethods = false)
public class SchoolDayClock {
    public static final ZonedDateTime TUESDAY_AFTERNOON = ZonedDateTime.parse("2026-03-10T15:00:00+08:00[Asia/Shanghai]");

    @Bean
    @Primary
    public TestClock testClock() {
        return new TestClock(TUESDAY_AFTERNOON);
    }
}
