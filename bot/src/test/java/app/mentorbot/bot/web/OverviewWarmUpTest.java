package app.mentorbot.bot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import app.mentorbot.adapters.api.testing.Patience;
import app.mentorbot.bot.testing.BotTest;
import app.mentorbot.bot.settings.BotSettings;
import app.mentorbot.bot.testing.CapturedLogs;
import app.mentorbot.conversations.leadership.OverviewBuilder;

/** After start-up the school overview is built once in the background, so the leadership's first look is a warm one; the setting turns it off. */
@BotTest
class OverviewWarmUpTest {
    @Autowired
    OverviewBuilder overview;
    @Autowired
    BotSettings settings;
    @Autowired
    Clock clock;

    @RegisterExtension
    CapturedLogs logs = new CapturedLogs();

    @Test
    void theOverviewIsBuiltOnceInTheBackgroundAfterStartUpWithoutAnError() throws Exception {
        new OverviewWarmUp(overview, settings, clock, true).warmUp();
        long until = System.nanoTime() + Patience.of(Duration.ofSeconds(30)).toNanos();
        while (logs.atLeast(Level.INFO).stream().noneMatch(l -> l.startsWith("school overview prepared")) && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(logs.atLeast(Level.INFO)).anyMatch(l -> l.startsWith("school overview prepared"));
        assertThat(logs.atLeast(Level.WARN)).noneMatch(l -> l.contains("overview"));
    }

    @Test
    void turnedOffItBuildsNothing() throws Exception {
        new OverviewWarmUp(overview, settings, clock, false).warmUp();
        Thread.sleep(200);
        assertThat(logs.atLeast(Level.INFO)).noneMatch(l -> l.startsWith("school overview prepared"));
    }
}
