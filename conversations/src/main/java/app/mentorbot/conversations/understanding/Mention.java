package app.mentorbot.conversations.understanding;

import java.util.List;

/**
 * A stretch of the note that refers to students. candidates are already narrowed by {@link Tiers}
 * (mentees, then taught classes, then school): RESOLVED has exactly one, AMBIGUOUS several,
 * COLLECTIVE all the sender's mentees, UNKNOWN the same-sounding roster names (maybe none).
 */
record Mention(int start, int end, String surface, List<String> candidates, How how) {
    enum How { RESOLVED, AMBIGUOUS, COLLECTIVE, UNKNOWN }

    boolean pinned() { return how == How.RESOLVED || how == How.COLLECTIVE; }
}
