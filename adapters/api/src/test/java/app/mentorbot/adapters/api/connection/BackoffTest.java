package app.mentorbot.adapters.api.connection;

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
    }

    @Test
    void aVeryHighAttemptWaitsTheMaximumWithoutOverflowing() {
        for (int attempt : new int[] {40, 64, 1_000, Integer.MAX_VALUE}) {
            assertThat(backoff.delay(attempt).toMillis()).as("attempt %d", attempt).isBetween(30_000L, 60_000L);
        }
        Backoff huge = Backoff.exponential(Duration.ofDays(365), Duration.ofDays(730), new Random(1));
        assertThat(huge.delay(50)).isBetween(Duration.ofDays(365), Duration.ofDays(730));
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

    @Test
    void aMinimumThatIsNotPositiveOrAMaximumBelowItIsRefusedAtOnce() {
        assertThatThrownBy(() -> Backoff.exponential(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("min");
        assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max");
    }
}
