package app.mentorbot.adapters.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import app.mentorbot.adapters.api.testing.FakeClock;

class SessionWebhooksTest {
    private final FakeClock clock = new FakeClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final SessionWebhooks hooks = new SessionWebhooks(clock, 3);

    @Test
    void aReplyUsesItsMessagesWebhookUntilShortlyBeforeItExpires() {
        hooks.remember("m1", "u1", "https://hook/1", clock.instant().plus(Duration.ofMinutes(90)));

        assertThat(hooks.find("m1", "u1")).contains("https://hook/1");
        clock.advance(Duration.ofMinutes(88));
        assertThat(hooks.find("m1", "u1")).contains("https://hook/1");
        clock.advance(Duration.ofMinutes(1).plusSeconds(1)); // inside the safety margin
        assertThat(hooks.find("m1", "u1")).isEmpty();
    }

    @Test
    void aPushWithoutReplyToUsesTheChatsFreshestWebhook() {
        hooks.remember("m1", "u1", "https://hook/1", clock.instant().plus(Duration.ofMinutes(90)));
        clock.advance(Duration.ofMinutes(10));
        hooks.remember("m2", "u1", "https://hook/2", clock.instant().plus(Duration.ofMinutes(90)));

        assertThat(hooks.find(null, "u1")).contains("https://hook/2");
        assertThat(hooks.find("m1", "u1")).contains("https://hook/1");
        assertThat(hooks.find("unknown", "u1")).contains("https://hook/2");
        assertThat(hooks.find(null, "u2")).isEmpty();
    }

    @Test
    void aRefusedWebhookIsForgotten() {
        hooks.remember("m1", "u1", "https://hook/1", clock.instant().plus(Duration.ofMinutes(90)));
        hooks.forget("https://hook/1");

        assertThat(hooks.find("m1", "u1")).isEmpty();
    }

    @Test
    void theCacheIsBounded() {
        for (int i = 0; i < 5; i++) hooks.remember("m" + i, "u" + i, "https://hook/" + i, clock.instant().plus(Duration.ofMinutes(90)));

        assertThat(hooks.find("m0", "u0")).isEmpty();
        assertThat(hooks.find("m4", "u4")).contains("https://hook/4");
    }
}
