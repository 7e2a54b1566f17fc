package app.mentorbot.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;

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
    void defaultsPointAtSlackAndToStringHidesTheTokens() {
        SlackOptions o = SlackOptions.of("xapp-secret-1", "xoxb-secret-2");
        assertThat(o.apiBaseUrl()).hasToString("https://slack.com/api");
        assertThat(o.silenceTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.toString()).doesNotContain("secret");
    }

    @Test
    void theBackoffGrowsIsJitteredAndCapped() {
        Backoff b = Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(30), RandomGenerator.of("L64X128MixRandom"));
        Set<Duration> firstDelays = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            Duration first = b.delay(1);
            assertThat(first).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
            firstDelays.add(first);
            assertThat(b.delay(3)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
            assertThat(b.delay(40)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
        }
        assertThat(firstDelays).as("jittered, not one fixed value").hasSizeGreaterThan(10);
    }
}
