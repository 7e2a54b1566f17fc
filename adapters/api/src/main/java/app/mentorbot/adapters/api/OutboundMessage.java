package app.mentorbot.adapters.api;

import java.util.Objects;

/**
 * A message to deliver, taken from the outbox.
 *
 * @param key         the outbox row id: the same key may be offered twice after a crash, adapters
 *                    that can dedupe on the platform side should use it
 * @param chatId      the chat to send to, as the adapter gave it on the inbound message (or a person's chat)
 * @param recipientId the roster person it is for, for adapters that address people rather than chats
 * @param replyTo     the platform message id this answers, or null for a push
 * @param urgent      a safety alert: adapters that can mark a message (the web chat) show it as urgent
 */
public record OutboundMessage(long key, String platform, String chatId, String recipientId, String text, String replyTo,
                              boolean urgent) {
    /** A message that is not urgent. */
    public OutboundMessage(long key, String platform, String chatId, String recipientId, String text, String replyTo) {
        this(key, platform, chatId, recipientId, text, replyTo, false);
    }

    public OutboundMessage {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(text, "text");
    }
}
