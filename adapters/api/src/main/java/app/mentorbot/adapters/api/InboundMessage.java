package app.mentorbot.adapters.api;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A message as it arrived on some platform, already stripped of platform types.
 *
 * @param platform  the adapter's platform name, e.g. "webchat", "dingtalk"
 * @param messageId the platform's id for this message; (platform, messageId) is unique, redeliveries repeat it
 * @param chatId    where an answer goes back (a 1:1 chat or a group), as the adapter understands it
 * @param senderId  the platform's id of the sender, resolved to a roster person by the pipeline
 * @param text      what was said, as received (may be empty or huge: the pipeline decides)
 * @param sentAt    the platform's timestamp, or the receive time when it has none
 * @param extras    small platform details the adapter wants back on replies (never bodies or secrets)
 */
public record InboundMessage(String platform, String messageId, String chatId, String senderId,
                             String text, Instant sentAt, Map<String, String> extras) {
    public InboundMessage {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(senderId, "senderId");
        Objects.requireNonNull(sentAt, "sentAt");
        text = text == null ? "" : text;
        extras = extras == null ? Map.of() : Map.copyOf(extras);
    }

    /**
     * The longest text a person may send, in characters: an adapter that can refuse a longer one early
     * does (the web chat), and the dialogue answers a longer one without reading it.
     */
    public static final int MAX_TEXT = 4000;

    /** Extras key: "true" when the platform says this message is the bot's own (the pipeline drops it). */
    public static final String FROM_BOT = "fromBot";
    /** Extras key: "true" when the message came from a group chat rather than one-to-one. */
    public static final String GROUP = "group";

    public boolean fromBot() {
        return "true".equals(extras.get(FROM_BOT));
    }
}
