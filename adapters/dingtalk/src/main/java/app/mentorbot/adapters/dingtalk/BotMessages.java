package app.mentorbot.adapters.dingtalk;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import app.mentorbot.adapters.api.InboundMessage;

/**
 * Reads the payload of topic {@value StreamFrames#TOPIC_BOT_MESSAGE} (the frame's {@code data}, a JSON string) into
 * an {@link InboundMessage}. The sender is the org user id {@code senderStaffId}; a 1:1 chat is that id, a group
 * chat is {@value #GROUP_PREFIX} + its {@code conversationId} (which is the group's openConversationId, what the
 * group send API wants). Pictures, voice and files come with empty text and extras {@code contentType}.
 */
final class BotMessages {
    static final String GROUP_PREFIX = "group:";
    /** Extras key: the DingTalk msgtype of anything that is not plain text ("picture", "audio", "file", "richText"...). */
    static final String CONTENT_TYPE = "contentType";

    private BotMessages() {}

    /** A readable bot message, and where a reply may go without a token while the webhook lives. */
    record Received(InboundMessage message, String sessionWebhook, Instant webhookExpiresAt) {}

    static final class Unreadable extends Exception {
        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    static Received read(String data, String frameMessageId, Instant receivedAt) throws Unreadable {
        if (data == null || data.isBlank()) throw new Unreadable("no data");
        JsonNode m;
        try {
            m = StreamFrames.JSON.readTree(data);
        } catch (JacksonException e) {
            throw new Unreadable("data is not JSON");
        }
        if (m == null || !m.isObject()) throw new Unreadable("data is not a JSON object");

        String messageId = firstOf(text(m, "msgId"), frameMessageId);
        if (messageId == null) throw new Unreadable("no msgId");
        String conversationId = text(m, "conversationId");
        // Org members carry their userId; people outside the org only the encrypted senderId (never on the roster).
        String sender = firstOf(text(m, "senderStaffId"), text(m, "senderId"));
        if (sender == null) throw new Unreadable("no sender");
        boolean group = "2".equals(text(m, "conversationType"));
        if (group && conversationId == null) throw new Unreadable("group message without conversationId");
        String chatId = group ? GROUP_PREFIX + conversationId : sender;

        Map<String, String> extras = new HashMap<>();
        if (group) extras.put(InboundMessage.GROUP, "true");
        String botUser = text(m, "chatbotUserId");
        if (botUser != null && botUser.equals(text(m, "senderId"))) extras.put(InboundMessage.FROM_BOT, "true");
        String msgtype = firstOf(text(m, "msgtype"), "text");
        String content = switch (msgtype) {
            case "text" -> m.path("text").path("content").asString("");
            case "richText" -> richTextOf(m.path("content").path("richText"));
            default -> "";
        };
        if (!"text".equals(msgtype)) extras.put(CONTENT_TYPE, msgtype);

        long createAt = m.path("createAt").asLong(0);
        Instant sentAt = createAt > 0 ? Instant.ofEpochMilli(createAt) : receivedAt;
        InboundMessage message = new InboundMessage(DingTalkAdapter.PLATFORM, messageId, chatId, sender,
                content.strip(), sentAt, extras);

        String webhook = text(m, "sessionWebhook");
        long expires = m.path("sessionWebhookExpiredTime").asLong(0);
        return new Received(message, webhook, webhook != null && expires > 0 ? Instant.ofEpochMilli(expires) : null);
    }

    /** The group's openConversationId for a group chat id, or null for a person's chat. */
    static String openConversationIdOf(String chatId) {
        return chatId.startsWith(GROUP_PREFIX) ? chatId.substring(GROUP_PREFIX.length()) : null;
    }

    /** The words of a rich text (text runs joined by line breaks); its pictures are only counted by contentType. */
    private static String richTextOf(JsonNode parts) {
        StringBuilder text = new StringBuilder();
        for (JsonNode part : parts) {
            String run = part.path("text").asString("");
            if (run.isBlank()) continue;
            if (!text.isEmpty()) text.append('\n');
            text.append(run.strip());
        }
        return text.toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isContainer()) return null;
        String s = v.asString().strip();
        return s.isEmpty() ? null : s;
    }

    private static String firstOf(String a, String b) {
        return a != null ? a : b;
    }
}
