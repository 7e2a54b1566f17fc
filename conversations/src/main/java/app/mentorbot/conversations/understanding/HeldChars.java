package app.mentorbot.conversations.understanding;

import java.util.List;

/**
 * The chars of a note that mentions already hold, so that a new candidate is tested for overlap in the length of its
 * own stretch, not against every mention found so far (the unknown-person search tries every three- and four-char
 * run of a note).
 */
final class HeldChars {
    private final boolean[] held;

    HeldChars(int length, List<Mention> mentions) {
        held = new boolean[length];
        for (Mention m : mentions) hold(m.start(), m.end());
    }

    /** Whether any char from {@code a} up to {@code b} is held. */
    boolean anyIn(int a, int b) {
        for (int i = Math.max(0, a); i < Math.min(b, held.length); i++) if (held[i]) return true;
        return false;
    }

    /** Adds {@code m} to {@code out} and holds its chars. */
    void add(List<Mention> out, Mention m) {
        out.add(m);
        hold(m.start(), m.end());
    }

    private void hold(int a, int b) {
        for (int i = Math.max(0, a); i < Math.min(b, held.length); i++) held[i] = true;
    }
}
