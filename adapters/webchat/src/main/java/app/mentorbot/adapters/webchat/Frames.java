package app.mentorbot.adapters.webchat;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ResourceBundle;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import app.mentorbot.adapters.api.PastMessage;

/** The web chat wire format, both ways. Kept in one place so the page and the tests agree. */
final class Frames {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** The longest frame read, in characters: a 4,000-character text fits even written as \\uXXXX escapes. */
    static final int MAX_FRAME_CHARS = WebChatAdapter.MAX_TEXT * 6 + 4096;
    /** The socket's buffer: the container allocates it for every open page, so frames arrive in parts of this size. */
    static final int PART_CHARS = 8192;

    private final Clock clock;
    private final ResourceBundle texts;

    Frames(Clock clock, ResourceBundle texts) {
        this.clock = clock;
        this.texts = texts;
    }

    /** A client frame, or the reason it is refused (error code and, when known, its client id). */
    record ClientFrame(String id, String text, String error) {
        boolean ok() { return error == null; }
    }

    ClientFrame parse(String raw) {
        if (raw == null || raw.length() > MAX_FRAME_CHARS) return new ClientFrame(null, null, "too_long");
        JsonNode node;
        try {
            node = JSON.readTree(raw);
        } catch (RuntimeException e) {
            return new ClientFrame(null, null, "bad_frame");
        }
        if (node == null || !node.isObject()) return new ClientFrame(null, null, "bad_frame");
        JsonNode idNode = node.get("id");
        String id = idNode != null && (idNode.isString() || idNode.isNumber()) ? idNode.asString() : null;
        if (id != null && (id.isBlank() || id.length() > 100)) return new ClientFrame(null, null, "bad_id");
        JsonNode textNode = node.get("text");
        if (textNode == null || !textNode.isString()) return new ClientFrame(id, null, "bad_frame");
        String text = textNode.asString();
        if (text.isBlank()) return new ClientFrame(id, null, "empty");
        if (text.length() > WebChatAdapter.MAX_TEXT) return new ClientFrame(id, null, "too_long");
        return new ClientFrame(id, text, null);
    }

    String botText(String text, String replyTo) {
        return botText(text, replyTo, 0);
    }

    /** A bot frame; {@code key} (the outbox row, when positive) lets a client drop a resend after a crash. */
    String botText(String text, String replyTo, long key) {
        return botText(text, replyTo, key, false);
    }

    /** A message from the person's recent thread, marked {@code "history": true}, for a page opened again. */
    String past(PastMessage m) {
        ObjectNode frame = JSON.createObjectNode();
        frame.put("from", m.fromBot() ? "bot" : "me");
        frame.put("text", m.text());
        frame.put("at", m.at().toString());
        if (m.urgent()) frame.put("urgent", true);
        frame.put("history", true);
        return JSON.writeValueAsString(frame);
    }

    /** A bot frame marked {@code "urgent": true} when it is a safety alert, so the page can set it apart. */
    String botText(String text, String replyTo, long key, boolean urgent) {
        ObjectNode frame = JSON.createObjectNode();
        frame.put("from", "bot");
        frame.put("text", text);
        frame.put("at", OffsetDateTime.now(clock).toString());
        frame.put("replyTo", replyTo);
        if (key > 0) frame.put("key", key);
        if (urgent) frame.put("urgent", true);
        return JSON.writeValueAsString(frame);
    }

    String error(String code, String replyTo) {
        ObjectNode frame = (ObjectNode) JSON.readTree(botText(texts.getString("error." + code), replyTo));
        frame.put("error", code);
        return JSON.writeValueAsString(frame);
    }
}
