package app.mentorbot.conversations.duties;

import java.time.LocalDate;

/**
 * Where one duty stands on a day.
 *
 * @param subject   the student (or class) it is about; null for a mentor's own duty
 * @param dueBy     when it is next due (DONE: the next deadline; DUE/DUE_SOON: the deadline)
 * @param overdueSince the first day it was overdue (OVERDUE only)
 * @param lastDone  when it was last done, if ever (in the period that matters)
 * @param count     how many times in the period (parent contacts), with {@code needed}
 */
public record DutyState(Duty duty, String subject, Status status, LocalDate dueBy, LocalDate overdueSince,
                        LocalDate lastDone, int count, int needed) {

    public enum Status { DONE, DUE, DUE_SOON, OVERDUE, NOT_APPLICABLE }

    public boolean needsAttention() {
        return status == Status.DUE_SOON || status == Status.OVERDUE;
    }
}
