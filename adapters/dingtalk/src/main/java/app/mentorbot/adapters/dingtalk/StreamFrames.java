package app.mentorbot.adapters.dingtalk;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Stream-mode wire format, both ways: frames from the gateway ({@code type}, {@code headers}, {@code data} as a
 * JSON <em>string</em>) and the ACK frames we answer with ({@code code}, {@code headers.messageId}, {@code message},
 * {@code data}). Kept in one place so the adapter and the fake gateway of the tests agree.
 */
final class StreamFrames {
    static final ObjectMapper JSON = JsonMapper.builder().build();

    static final String SYSTEM = "SYSTEM";
    static final String EVENT = "EVENT";
    static final String CALLBACK = "CALLBACK";
    static final String TOPIC_PING = "ping";
    static final String TOPIC_DISCONNECT = "disconnect";
    static final String TOPIC_BOT_MESSAGE = "/v1.0/im/bot/messages/get";

    private StreamFrames() {}

    /**
     * One frame from the gateway. {@code data} is kept as the raw string: a frame whose payload is unreadable can
     * still be acknowledged.
     */
    record Frame(String type, String topic, String messageId, JsonNode headers, String data) {
        String header(String name) {
            JsonNode value = headers.get(name);
            return value == null || value.isNull() ? null : value.asString();
        }
    }

    static final class BadFrame extends Exception {
        BadFrame(String reason) {
            super(reason, null, false, false);
        }
    }

    static Frame parse(String raw) throws BadFrame {
        JsonNode node;
        try {
            node = JSON.readTree(raw);
        } catch (JacksonException e) {
            throw new BadFrame("not JSON");
        }
        if (node == null || !node.isObject()) throw new BadFrame("not a JSON object");
        JsonNode headers = node.get("headers");
        if (headers == null || !headers.isObject()) throw new BadFrame("no headers");
        String type = text(node.get("type"));
        if (type == null) throw new BadFrame("no type");
        JsonNode data = node.get("data");
        String dataText = data == null || data.isNull() ? null : data.isString() ? data.stringValue() : data.toString();
        return new Frame(type, text(headers.get("topic")), text(headers.get("messageId")), headers, dataText);
    }

    /** The ACK frame for {@code messageId}; {@code data} is itself JSON and is sent as a string. */
    static String ack(String messageId, int code, String message, String data) {
        ObjectNode frame = JSON.createObjectNode();
        frame.put("code", code);
        ObjectNode headers = frame.putObject("headers");
        headers.put("contentType", "application/json");
        headers.put("messageId", messageId);
        frame.put("message", message);
        frame.put("data", data);
        return JSON.writeValueAsString(frame);
    }

    /** A CALLBACK was handled (or not, with another code); the gateway only logs this. */
    static String callbackAck(String messageId, int code, String message) {
        return ack(messageId, code, message, "{\"response\":null}");
    }

    /** An EVENT: SUCCESS, or LATER to have it delivered again. */
    static String eventAck(String messageId, boolean success, String message) {
        ObjectNode data = JSON.createObjectNode();
        data.put("status", success ? "SUCCESS" : "LATER");
        data.put("message", message);
        return ack(messageId, 200, "OK", JSON.writeValueAsString(data));
    }

    /** SYSTEM ping: the request's data (its {@code opaque}) goes back unchanged. */
    static String pong(Frame ping) {
        return ack(ping.messageId(), 200, "OK", ping.data() == null ? "{}" : ping.data());
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isContainer()) return null;
        String s = node.asString();
        return s.isEmpty() ? null : s;
    }

    /** A field of a frame as it may be logged: a protocol word (CALLBACK, /v1.0/im/bot/messages/get, an id) as it is; anything else, which a
     * broken or hostile frame may fill with a teacher's words, only by its length. */
    static String loggable(String field) {
        if (field == null) return "null";
        return field.length() <= 80 && field.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || "_-/.=+:".indexOf(c) >= 0))
                ? field : "(" + field.length() + " chars, not shown)";
    }
}
