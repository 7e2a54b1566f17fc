package app.mentorbot.conversations.dialogue;

import java.time.Instant;
import java.util.Objects;

import app.mentorbot.conversations.people.Person;

/**
 * One thing someone said. {@code asker} is null for a sender the roster does not know yet (they may
 * only bind with a code). {@code platform} and {@code account} name the chat account, for binding.
 */
public record Turn(Person asker, String schoolId, String platform, String account, String text,
                   Long sourceMessageId, Instant saidAt) {
    public Turn {
        Objects.requireNonNull(schoolId, "schoolId");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(saidAt, "saidAt");
        text = text == null ? "" : text;
    }
}
