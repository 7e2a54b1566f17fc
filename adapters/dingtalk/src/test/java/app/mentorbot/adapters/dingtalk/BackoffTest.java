package app.mentorbot.adapters.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(60), new Random(42));

    @Test
    void eachDelayLiesInTheUpperHalfOfADoublingStepCappedAtTheMaximum() {
        long[] steps = {1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000};
        for (int attempt = 1; attempt <= steps.length; attempt++) {
            for (int i = 0; i < 50; i++) {
                long ms = backoff.delay(attempt).toMillis();
                assertThat(ms).as("attempt %d", attempt).isBetween(steps[attempt - 1] / 2, steps[attempt - 1]);
            }
        }
        assertThat(backoff.delay(1_000).toMillis()).isBetween(30_000L, 60_000L);
    }

    @Test
    void delaysAreJitteredSoBotsCutOffTogetherDoNotReturnTogether() {
        Set<Duration> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) seen.add(backoff.delay(3));
        assertThat(seen).hasSizeGreaterThan(10);
    }

    @Test
    void attemptsStartAtOne() {
        assertThatThrownBy(() -> backoff.delay(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
