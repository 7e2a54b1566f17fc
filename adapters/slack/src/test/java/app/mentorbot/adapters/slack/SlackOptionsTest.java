package app.mentorbot.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SlackOptionsTest {

    @Test
    void swappedOrMissingTokensAreRejectedWithoutPrintingThem() {
        assertThatThrownBy(() -> SlackOptions.of("xoxb-secret-1", "xapp-secret-2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MENTORBOT_ADAPTERS_SLACK_APP_TOKEN").hasMessageContaining("xapp-")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> SlackOptions.of("xapp-1", " "))
                .hasMessageContaining("MENTORBOT_ADAPTERS_SLACK_BOT_TOKEN");
    }

    @Test
    void defaultsPointAtSlackBackOffFromASecondToTwoMinutesAndToStringHidesTheTokens() {
        SlackOptions o = SlackOptions.of("xapp-secret-1", "xoxb-secret-2");
        assertThat(o.apiBaseUrl()).hasToString("https://slack.com/api");
        assertThat(o.silenceTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.toString()).doesNotContain("secret");
        assertThat(o.backoff().delay(1)).as("reconnects start at a second").isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(o.backoff().delay(40)).as("and wait two minutes at most").isBetween(Duration.ofMinutes(1), Duration.ofMinutes(2));
    }
}
