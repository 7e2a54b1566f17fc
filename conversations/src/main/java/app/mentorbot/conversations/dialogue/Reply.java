package app.mentorbot.conversations.dialogue;

import java.util.Objects;

/**
 * Something the bot says as a result of a turn. {@code recipientId} null means "back to whoever spoke,
 * in the chat they spoke in"; otherwise a roster person, reached on their own chat. Urgent replies are
 * never held for quiet hours.
 */
public record Reply(String recipientId, String text, boolean urgent) {
    public Reply {
        Objects.requireNonNull(text, "text");
    }

    public static Reply back(String text) {
        return new Reply(null, text, false);
    }
}
