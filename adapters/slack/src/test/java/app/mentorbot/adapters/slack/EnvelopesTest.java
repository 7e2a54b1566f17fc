package app.mentorbot.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The mapping from recorded envelopes, without any network. */
class EnvelopesTest {
    private final ObjectMapper json = JsonMapper.builder().build();
    private final Instant now = Instant.parse("2026-03-02T08:00:00Z");
    private final Envelopes withoutBotId = new Envelopes(Clock.fixed(now, ZoneOffset.UTC), () -> null);

    @Test
    void beforeAuthTestAnswersOwnMessagesAreStillRecognisedByBotId() {
        assertThat(withoutBotId.toMessage(json.readTree(Fixtures.read("own-message-bot-id.json")))).isEmpty();
        assertThat(withoutBotId.toMessage(json.readTree(Fixtures.read("bot-message-subtype.json")))).isEmpty();
    }

    @Test
    void beforeAuthTestALeadingMentionIsStillStripped() {
        assertThat(withoutBotId.toMessage(json.readTree(Fixtures.read("app-mention.json"))).orElseThrow().text())
                .isEqualTo("本周7A班谈话汇总");
        assertThat(Envelopes.withoutBotMention("<@U0MENTORBOT|mentorbot> 你好 <@U0OTHER>", "U0MENTORBOT")).isEqualTo("你好 <@U0OTHER>");
    }

    @Test
    void aMissingOrOddTimestampFallsBackToTheClock() {
        assertThat(withoutBotId.timestamp(null)).isEqualTo(now);
        assertThat(withoutBotId.timestamp("yesterday")).isEqualTo(now);
        assertThat(withoutBotId.timestamp("1700000000.000200")).isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 200_000));
    }

    @Test
    void anEventsApiEnvelopeWithoutItsEventIsMalformed() {
        assertThatThrownBy(() -> withoutBotId.toMessage(json.readTree(Fixtures.read("events-api-without-event.json"))))
                .isInstanceOf(Envelopes.MalformedEnvelope.class);
    }
}
