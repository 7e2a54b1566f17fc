package app.mentorbot.adapters.wecom;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import app.mentorbot.adapters.api.InboundMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The smart robot's frames, without a socket: every frame is {@code {cmd, headers:{req_id}, body}}, and an
 * {@code aibot_msg_callback} body maps to the neutral message here. Messages received through the robot carry ids
 * prefixed {@value #MESSAGE_ID_PREFIX}; a robot group chat is {@value #GROUP_PREFIX}{@code <chatid>}, a person's
 * chat their userid.
 */
final class AiBotFrames {
    static final String MESSAGE_ID_PREFIX = "aibot:";
    static final String GROUP_PREFIX = "group:";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private AiBotFrames() {}

    /** A frame with its command and request id; the caller adds the body. */
    static ObjectNode frame(String cmd, String reqId) {
        ObjectNode frame = JSON.createObjectNode();
        frame.put("cmd", cmd);
        frame.putObject("headers").put("req_id", reqId);
        return frame;
    }

    /** A fresh request id, {@code <prefix>_<32 hex digits>}, as the official SDK makes them. */
    static String reqId(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** A value node's text; "" for anything else (missing, null, object, array). */
    static String str(JsonNode n) {
        return n == null || !n.isValueNode() || n.isNull() ? "" : n.asString("");
    }

    /**
     * An {@code aibot_msg_callback} body as the neutral message; empty when it names no message or no sender. In a
     * group the leading @-mentions are cut; the robot's own message is marked {@link InboundMessage#FROM_BOT}.
     */
    static Optional<InboundMessage> message(JsonNode body, Instant receivedAt) {
        String msgid = str(body.path("msgid"));
        String from = str(body.path("from").path("userid"));
        if (msgid.isBlank() || from.isBlank()) return Optional.empty();
        String msgtype = str(body.path("msgtype"));
        String chatid = str(body.path("chatid"));
        boolean group = "group".equals(str(body.path("chattype"))) && !chatid.isBlank();
        Map<String, String> extras = new HashMap<>();
        extras.put("via", "aibot");
        if (group) extras.put(InboundMessage.GROUP, "true");
        if (!msgtype.equals("text")) extras.put("msgType", msgtype);
        String aibotid = str(body.path("aibotid"));
        if (!aibotid.isBlank() && aibotid.equals(from)) extras.put(InboundMessage.FROM_BOT, "true");
        String text = textOf(msgtype, body);
        if (group) text = text.replaceFirst("^\\s*(@\\S+\\s+)+", "");
        return Optional.of(new InboundMessage(WeComAdapter.PLATFORM, MESSAGE_ID_PREFIX + msgid, group ? GROUP_PREFIX + chatid : from,
                from, text.strip(), sentAt(body.path("create_time"), receivedAt), extras));
    }

    private static String textOf(String msgtype, JsonNode body) {
        return switch (msgtype) {
            case "text" -> str(body.path("text").path("content"));
            case "voice" -> str(body.path("voice").path("content"));
            case "mixed" -> {
                StringBuilder sb = new StringBuilder();
                for (JsonNode item : body.path("mixed").path("msg_item")) {
                    if ("text".equals(str(item.path("msgtype")))) {
                        if (!sb.isEmpty()) sb.append('\n');
                        sb.append(str(item.path("text").path("content")));
                    }
                }
                yield sb.toString();
            }
            default -> "";
        };
    }

    /** create_time in seconds (or milliseconds, when it is that large); the receive time when absent. */
    private static Instant sentAt(JsonNode createTime, Instant receivedAt) {
        long t = createTime.isNumber() ? createTime.asLong() : parseLong(str(createTime));
        if (t <= 0) return receivedAt;
        return t > 100_000_000_000L ? Instant.ofEpochMilli(t) : Instant.ofEpochSecond(t);
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
