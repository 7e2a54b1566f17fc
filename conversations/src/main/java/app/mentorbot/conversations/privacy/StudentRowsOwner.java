package app.mentorbot.conversations.privacy;

/**
 * A part of the application outside this module that keeps its own rows about students (the bot's
 * received and sent messages, the browsers a parent's invitation bound…) and forgets them when a
 * student is erased. {@link StudentData#erase} calls every owner it was given, in its transaction,
 * after this module's own tables and before the student's roster rows go.
 */
@FunctionalInterface
public interface StudentRowsOwner {
    /**
     * Deletes or rewrites this owner's rows about the student and their parents, writing
     * {@link StudentData#REDACTED} where a mention must go but the row stays. Returns how many stored
     * chat messages it redacted (for the report to the admin; 0 when it keeps none).
     */
    int forget(ErasedStudent student);
}
