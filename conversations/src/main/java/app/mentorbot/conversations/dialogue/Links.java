package app.mentorbot.conversations.dialogue;

/** Makes links to full pages, signed for the person they are sent to. Supplied by the bot. */
@FunctionalInterface
public interface Links {
    /** A link to a student's full record page, valid for {@code viewerId} only. */
    String studentPage(String viewerId, String studentId);

    static Links none() {
        return (viewer, student) -> null;
    }
}
