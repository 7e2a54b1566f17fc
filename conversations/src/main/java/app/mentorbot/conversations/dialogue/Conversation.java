package app.mentorbot.conversations.dialogue;

import java.util.List;

/**
 * One kind of speaker's side of the dialogue (staff, a parent, someone not yet bound): the words of a
 * turn in, what the bot does and says back out. {@link Dialogue} picks which one by who speaks.
 */
interface Conversation {
    /** {@code said} is the turn's text without surrounding white space, never empty for a bound speaker. */
    List<Reply> reply(Turn turn, String said);
}
