package app.mentorbot.conversations.dialogue;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A teacher's note the school's language model may read again, after the rules answered: a filed
 * record ({@code recordId}), or a note the rules could not place ({@code recordId} null). Called inside
 * the turn's transaction; the running bot reads it after the commit, so the teacher's confirmation never
 * waits for the model. {@link #NONE} when the school has no model: nothing is kept, nothing sent.
 */
@FunctionalInterface
public interface SecondReading {
    void reread(Reread note);

    SecondReading NONE = note -> {};

    /** {@code candidates}: the students the rules found or asked about. */
    record Reread(String schoolId, String authorId, Long recordId, String text, ZonedDateTime saidAt, List<String> candidates) {
        public Reread {
            Objects.requireNonNull(schoolId, "schoolId");
            Objects.requireNonNull(authorId, "authorId");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(saidAt, "saidAt");
            candidates = candidates == null ? List.of() : List.copyOf(candidates);
        }
    }
}
