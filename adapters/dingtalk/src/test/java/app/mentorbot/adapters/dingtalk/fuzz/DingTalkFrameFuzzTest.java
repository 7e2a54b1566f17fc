package app.mentorbot.adapters.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import app.mentorbot.adapters.api.InboundMessage;
import app.mentorbot.adapters.api.testing.FakeClock;
import app.mentorbot.adapters.api.testing.Hostile;
import app.mentorbot.adapters.api.testing.RecordingSink;

/**
 * Hostile Stream frames through the adapter exactly as {@code StreamClient} hands them on (parse, then
 * {@link DingTalkAdapter#handle}), without a network. In the package of the adapter (to reach its
 * package-private entry points), kept under fuzz/. Tagged {@code fuzz}: {@code -Dfuzz.n} frames (default
 * 10,000); {@link Smoke} runs 200 in the normal build.
 */
@Tag("fuzz")
class DingTalkFrameFuzzTest {
    static final String TOPIC = StreamFrames.TOPIC_BOT_MESSAGE;

    int n() {
        return Hostile.n(10_000);
    }

    long seed() {
        return Hostile.seed("DingTalk frames");
    }

    static class Smoke extends DingTalkFrameFuzzTest {
        @Override
        int n() {
            return 200;
        }

        @Override
        long seed() {
            return Hostile.seed("DingTalk frames", 20_240_902L);
        }
    }

    @Test
    void hostileFramesAreAcknowledgedOrDroppedNeverThrownAndOnlyReadableMessagesReachTheSink() throws Exception {
        Hostile h = new Hostile(seed());
        int n = n();
        RecordingSink sink = new RecordingSink();
        FakeClock clock = new FakeClock(Instant.ofEpochMilli(1690362101894L));
        DingTalkAdapter adapter = new DingTalkAdapter(DingTalkOptions.of("dingclient01", "secret")
                .withApiBaseUrl("http://127.0.0.1:9"), clock);
        // Started without its stream: only the context matters here (handle() is what the stream calls).
        Field context = DingTalkAdapter.class.getDeclaredField("context");
        context.setAccessible(true);
        context.set(adapter, sink);
        List<String> escaped = new ArrayList<>();
        Set<String> mustNotReachSink = new HashSet<>();
        int badFrames = 0;
        int acks = 0;
        for (int i = 0; i < n; i++) {
            String raw = frame(h, i, mustNotReachSink);
            StreamFrames.Frame frame;
            try {
                frame = StreamFrames.parse(raw);
            } catch (StreamFrames.BadFrame e) {
                badFrames++;
                continue;
            } catch (RuntimeException e) {
                escaped.add("parse: " + e + " for " + abbreviate(raw));
                continue;
            }
            try {
                if (StreamFrames.SYSTEM.equals(frame.type())) {
                    if (frame.messageId() != null) StreamFrames.pong(frame);
                    continue;
                }
                String ack = adapter.handle(frame);
                if (ack != null) {
                    acks++;
                    assertThat(StreamFrames.JSON.readTree(ack).path("headers").path("messageId").asString()).isEqualTo(frame.messageId());
                }
            } catch (RuntimeException e) {
                escaped.add("handle: " + e + " for " + abbreviate(raw));
            }
            for (InboundMessage m : sink.drain()) { // what this frame brought
                assertThat(mustNotReachSink).as("message from a frame that had to be dropped").doesNotContain(m.messageId());
                assertThat(m.senderId()).isNotBlank();
                assertThat(m.chatId()).isNotBlank();
            }
        }
        System.out.printf("[fuzz] DingTalk frames: %d frames, %d unreadable, %d acknowledged, %d reached the sink%n",
                n, badFrames, acks, sink.all().size());
        assertThat(escaped).as("exceptions escaping the adapter").isEmpty();
        // Still working: an ordinary message is taken and acknowledged.
        int before = sink.all().size();
        String ack = adapter.handle(StreamFrames.parse(callback("final-1", "{\"msgId\":\"final-1\",\"senderStaffId\":\"u1\","
                + "\"conversationType\":\"1\",\"msgtype\":\"text\",\"text\":{\"content\":\"和张小明谈心\"}}")));
        assertThat(StreamFrames.JSON.readTree(ack).path("code").asInt()).isEqualTo(200);
        assertThat(sink.all()).hasSize(before + 1);
        assertThat(sink.all().get(before).text()).isEqualTo("和张小明谈心");
    }

    private static String callback(String messageId, String data) {
        return "{\"specVersion\":\"1.0\",\"type\":\"CALLBACK\",\"headers\":{\"topic\":\"" + TOPIC + "\",\"messageId\":"
                + Hostile.quote(messageId) + ",\"contentType\":\"application/json\"},\"data\":" + Hostile.quote(data) + "}";
    }

    private String frame(Hostile h, int i, Set<String> mustNotReachSink) {
        String id = "m" + i;
        return switch (h.nextInt(12)) {
            case 0 -> h.utf8Garbage(h.nextInt(300));
            case 1 -> h.deepJson();
            case 2 -> h.jsonValue(4);
            case 3 -> "{\"type\":" + h.jsonValue(1) + ",\"headers\":" + h.jsonValue(2) + ",\"data\":" + h.jsonValue(3) + "}";
            case 4 -> "{\"type\":\"" + h.pick(List.of("SYSTEM", "EVENT", "CALLBACK", "", "system")) + "\",\"headers\":{\"topic\":"
                    + h.pick(List.of("\"ping\"", "\"" + TOPIC + "\"", "null", "[]", Hostile.quote(h.text()))) + ",\"messageId\":"
                    + h.pick(List.of("\"" + id + "\"", "null", "{}", "7", Hostile.quote(h.text()))) + "},\"data\":" + h.jsonValue(2) + "}";
            case 5 -> { // a bot message whose data is not a readable message: acknowledged, not handed on
                mustNotReachSink.add(id);
                String data = h.pick(List.of("", " ", "[]", "null", "42", h.text(), h.deepJson(),
                        "{\"msgId\":\"" + id + "\"}", "{\"msgId\":\"" + id + "\",\"senderStaffId\":\"  \"}",
                        "{\"msgId\":\"" + id + "\",\"senderStaffId\":\"u\",\"conversationType\":\"2\"}"));
                if (data.startsWith("{\"msgId\"") || !data.startsWith("{")) yield callback(id, data);
                yield callback(id, h.brokenJson(data));
            }
            case 6 -> { // a replay of an earlier message id
                String old = "m" + h.nextInt(i + 1);
                if (mustNotReachSink.contains(old)) old = "replay" + i; // that id was an unreadable one: not a replay of a message
                yield callback(old, message(h, old));
            }
            case 7 -> callback(id, h.brokenJson(message(h, id)));
            default -> callback(id, message(h, id));
        };
    }

    /** A bot message with hostile values in every field, sometimes of the wrong type. */
    private String message(Hostile h, String id) {
        StringBuilder m = new StringBuilder("{");
        m.append("\"msgId\":").append(h.chance(90) ? "\"" + id + "\"" : h.jsonValue(1));
        m.append(",\"senderStaffId\":").append(h.chance(80) ? Hostile.quote(h.chance(70) ? "u" + h.nextInt(5) : h.text()) : h.jsonValue(1));
        if (h.chance(30)) m.append(",\"senderId\":").append(Hostile.quote(h.text()));
        if (h.chance(30)) m.append(",\"chatbotUserId\":").append(Hostile.quote(h.text()));
        m.append(",\"conversationType\":").append(h.pick(List.of("\"1\"", "\"2\"", "2", "null", "\"x\"")));
        if (h.chance(70)) m.append(",\"conversationId\":").append(h.chance(80) ? Hostile.quote("cid" + h.text()) : h.jsonValue(1));
        m.append(",\"msgtype\":").append(h.pick(List.of("\"text\"", "\"text\"", "\"richText\"", "\"picture\"", "\"audio\"", "null", "1", Hostile.quote(h.text()))));
        m.append(",\"text\":").append(h.chance(80) ? "{\"content\":" + (h.chance(85) ? Hostile.quote(h.text()) : h.jsonValue(2)) + "}" : h.jsonValue(2));
        if (h.chance(30)) m.append(",\"content\":{\"richText\":").append(h.chance(50) ? "[{\"text\":" + Hostile.quote(h.text()) + "},{\"pictureDownloadCode\":\"x\"}]" : h.jsonValue(3)).append('}');
        if (h.chance(50)) m.append(",\"createAt\":").append(h.pick(List.of("1690362101894", "0", "-1", "9223372036854775807",
                "-9223372036854775808", "1e300", "\"yesterday\"", "null", "[]")));
        if (h.chance(40)) m.append(",\"sessionWebhook\":").append(h.chance(70) ? Hostile.quote("https://oapi.dingtalk.com/robot/sendBySession?" + h.text()) : h.jsonValue(1));
        if (h.chance(40)) m.append(",\"sessionWebhookExpiredTime\":").append(h.pick(List.of("1690369301894", "-1", "9223372036854775807", "\"x\"", "1e400")));
        return m.append('}').toString();
    }

    static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…(" + s.length() + " chars)" : s;
    }
}
