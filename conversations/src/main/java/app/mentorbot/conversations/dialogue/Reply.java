package app.mentorbot.conversations.dialogue;

import java.time.Instant;
import java.util.Objects;

/**
 * Something the bot says as a result of a turn. {@code recipientId} null means "back to whoever spoke,
 * in the chat they spoke in"; otherwise a roster person, reached on their own chat. {@code notBefore}
 * holds a message until then (a parent's message during a teacher's quiet hours); urgent messages are
 * never held.
 */
public record Reply(String recipientId, String text, boolean urgent, Instant notBefore) {
    public Reply {
        Objects.requireNonNull(text, "text");
        if (urgent) notBefore = null;
    }

    public Reply(String recipientId, String text, boolean urgent) {
        this(recipientId, text, urgent, null);
    }

    public static Reply back(String text) {
        return new Reply(null, text, false, null);
    }
}
