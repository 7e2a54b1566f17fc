package app.mentorbot.conversations.matching;

import java.util.List;
import java.util.Objects;

/**
 * Where one student ends up: the mentor (null when the seats ran out), the rank of the choice met (1, 2, …), or
 * {@link #ASSIGNED} when no choice could be met, and why each higher choice was not.
 */
public record Placement(String studentId, String mentorId, int rank, List<Missed> missed) {
    /** No choice met: the balanced assignment placed the student. */
    public static final int ASSIGNED = 0;
    /** No mentor: the seats ran out. */
    public static final int NONE = -1;

    public Placement {
        Objects.requireNonNull(studentId, "studentId");
        missed = List.copyOf(missed == null ? List.of() : missed);
    }

    public boolean byChoice() {
        return rank > 0;
    }

    public boolean placed() {
        return mentorId != null;
    }

    /** Why a choice ranked above the one met was not met. */
    public record Missed(String mentorId, int rank, Why why) {}

    public enum Why {
        /** The mentor's seats were full with students they preferred (their own list, then the fixed order). */
        FULL,
        /** The mentor does not teach the student's class and the school keeps mentors to their classes. */
        CLASS_RULE,
        /** The choice names nobody who mentors. */
        NOT_A_MENTOR
    }
}
