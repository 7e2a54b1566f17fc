package app.mentorbot.conversations.dialogue;

import java.time.Instant;

/** Keeps every message the bot carries between a parent and a mentor ({@link Relay} in the running bot). */
@FunctionalInterface
interface RelayLog {
    /** Keeps the message; returns the id of the day's contact record it counts in. */
    long log(Relayed message);

    /** TO_STUDENT: a mentor's answer to a student with an account of their own. */
    enum Direction { TO_MENTOR, TO_PARENT, TO_STUDENT }

    /**
     * One message carried: {@code heldUntil} is when it may be delivered (a mentor's quiet hours),
     * null for now; {@code safety} when it raised a safety signal.
     */
    record Relayed(String schoolId, String studentId, String parentId, String mentorId, Direction direction, String body,
                   Instant at, Instant heldUntil, boolean safety, Long sourceMessageId) {}
}
