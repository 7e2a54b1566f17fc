package app.mentorbot.adapters.slack;

import app.mentorbot.adapters.api.testing.Hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import app.mentorbot.adapters.api.InboundMessage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile Socket Mode frames through the mapping the link runs on each frame (read JSON, then
 * {@link Envelopes#toMessage}), without a network. In the adapter's package (its entry points are
 * package-private), kept under fuzz/. Tagged {@code fuzz}: {@code -Dfuzz.n} frames (default 10,000);
 * {@link Smoke} runs 200 in the normal build.
 */
@Tag("fuzz")
class SlackEnvelopeFuzzTest {
    private final ObjectMapper json = JsonMapper.builder().build();
    private final Instant now = Instant.parse("2026-03-02T08:00:00Z");

    int n() {
        return Hostile.n(10_000);
    }

    long seed() {
        return Hostile.seed("Slack envelopes");
    }

    static class Smoke extends SlackEnvelopeFuzzTest {
        @Override
        int n() {
            return 200;
        }

        @Override
        long seed() {
            return Hostile.seed("Slack envelopes", 20_240_902L);
        }
    }

    @Test
    void hostileEnvelopesAreMappedOrDroppedNeverThrown() {
        Hostile h = new Hostile(seed());
        int n = n();
        Envelopes envelopes = new Envelopes(Clock.fixed(now, ZoneOffset.UTC), () -> "U0MENTORBOT");
        List<String> escaped = new ArrayList<>();
        int unreadable = 0;
        int malformed = 0;
        int mapped = 0;
        for (int i = 0; i < n; i++) {
            boolean mustDrop = h.chance(30);
            String raw = mustDrop ? dropped(h, i) : envelope(h, i);
            JsonNode root;
            try {
                root = json.readTree(raw);
            } catch (JacksonException e) {
                unreadable++;
                continue;
            } catch (RuntimeException e) {
                escaped.add("readTree: " + e + " for " + abbreviate(raw));
                continue;
            }
            if (root == null || !root.isObject()) continue;
            long started = System.nanoTime();
            try {
                Optional<InboundMessage> m = envelopes.toMessage(root);
                if (m.isPresent()) {
                    mapped++;
                    assertThat(mustDrop).as("an envelope that must be dropped was mapped: %s", abbreviate(raw)).isFalse();
                    assertThat(m.get().senderId()).isNotNull();
                    assertThat(m.get().messageId()).isNotNull();
                }
            } catch (Envelopes.MalformedEnvelope e) {
                malformed++;
            } catch (RuntimeException e) {
                escaped.add("toMessage: " + e + " for " + abbreviate(raw));
            }
            long ms = (System.nanoTime() - started) / 1_000_000;
            if (ms > 1_000) escaped.add("toMessage took " + ms + " ms for " + abbreviate(raw));
        }
        System.out.printf("[fuzz] Slack envelopes: %d frames, %d unreadable, %d malformed, %d mapped%n", n, unreadable, malformed, mapped);
        assertThat(escaped).as("exceptions escaping the adapter (or frames that stall it)").isEmpty();
        JsonNode ok = json.readTree(Fixtures.read("im-message.json"));
        assertThat(envelopes.toMessage(ok)).as("an ordinary DM is still mapped").isPresent();
    }

    /** Envelopes the pipeline must never see: own messages, edits, channel chatter, other types, garbage. */
    private String dropped(Hostile h, int i) {
        return switch (h.nextInt(6)) {
            case 0 -> event(h, i, "\"message\"", "\"channel_type\":\"im\",\"bot_id\":\"B1\"");
            case 1 -> event(h, i, "\"message\"", "\"channel_type\":\"im\",\"subtype\":" + h.pick(List.of("\"message_changed\"", "\"bot_message\"", "\"channel_join\"")));
            case 2 -> event(h, i, "\"message\"", "\"channel_type\":\"channel\"");
            case 3 -> "{\"envelope_id\":\"e" + i + "\",\"type\":" + h.pick(List.of("\"slash_commands\"", "\"interactive\"", "null", "1", Hostile.quote(h.text())))
                    + ",\"payload\":" + h.jsonValue(3) + "}";
            case 4 -> h.deepJson();
            default -> h.utf8Garbage(h.nextInt(300));
        };
    }

    private String envelope(Hostile h, int i) {
        return switch (h.nextInt(5)) {
            case 0 -> "{\"envelope_id\":" + h.jsonValue(1) + ",\"type\":\"events_api\",\"payload\":" + h.jsonValue(4) + "}";
            case 1 -> h.brokenJson(event(h, i, "\"message\"", "\"channel_type\":\"im\""));
            default -> event(h, i, h.pick(List.of("\"message\"", "\"app_mention\"", "null", "7")),
                    h.pick(List.of("\"channel_type\":\"im\"", "\"channel_type\":" + h.jsonValue(1), "\"subtype\":\"file_share\",\"channel_type\":\"im\"")));
        };
    }

    private String event(Hostile h, int i, String type, String more) {
        return "{\"envelope_id\":\"e" + i + "\",\"type\":\"events_api\",\"accepts_response_payload\":false,\"retry_attempt\":"
                + h.pick(List.of("0", "1", "\"x\"", "1e999")) + ",\"payload\":{\"type\":\"event_callback\",\"event_id\":"
                + (h.chance(95) ? "\"Ev" + i + "\"" : h.jsonValue(1)) + ",\"event\":{\"type\":" + type + ",\"user\":"
                + (h.chance(85) ? Hostile.quote(h.chance(70) ? "U0TEACHER" + h.nextInt(5) : h.text()) : h.jsonValue(1))
                + ",\"channel\":" + (h.chance(85) ? Hostile.quote(h.pick(List.of("D0DM", "C0CLASS", "G0X")) + h.text()) : h.jsonValue(1))
                + ",\"text\":" + (h.chance(85) ? Hostile.quote(h.pick(List.of("", "<@U0MENTORBOT> ", "<@U0MENTORBOT|bot>")) + h.text()) : h.jsonValue(2))
                + ",\"ts\":" + h.pick(List.of("\"1700000000.000200\"", "\"-1\"", "\"1e999999999\"", "\"1e-999999999\"", "\"9e18\"",
                        "\"NaN\"", "\"\"", "1700000000", "null", Hostile.quote(h.text()), "\"31556889864403200\"", "\"-31557014167219201\""))
                + (h.chance(30) ? ",\"thread_ts\":" + h.jsonValue(1) : "") + "," + more + "}}}";
    }

    static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…(" + s.length() + " chars)" : s;
    }
}
