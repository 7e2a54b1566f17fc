package app.mentorbot.conversations.dialogue;

import java.time.LocalDate;

import app.mentorbot.conversations.duties.DutyState;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.text.Texts;

/**
 * A duty's state in one line, the same in 「我的任务」, reminders and weekly summaries. 「即将到期」 is said
 * only of a deadline within {@link #SOON_DAYS}; a duty the ledger wants started early (half the term
 * without a parent contact) but whose deadline is further off reads 「请尽早安排」.
 */
final class DutyLines {
    static final int SOON_DAYS = 7;

    private final Texts texts;
    private final Wording wording;

    DutyLines(Texts texts, Wording wording) {
        this.texts = texts;
        this.wording = wording;
    }

    /** One duty in a phone-sized line: 「王子轩：已 13 天没有单独谈话（3月20日前）」. */
    String describe(DutyState d, Roster roster, LocalDate today) {
        String who = d.subject() == null ? "" : roster.student(d.subject()).map(Student::name).orElse(d.subject());
        String status = texts.get("duty.status." + statusWord(d, today));
        String due = d.dueBy() == null ? "" : wording.day(d.dueBy(), today);
        return switch (d.duty()) {
            case INDIVIDUAL_TALK -> d.lastDone() == null
                    ? texts.get("duty.individualNever", who, status, due)
                    : texts.get("duty.individual", who, d.count(), status, due);
            case PARENT_CONTACT -> texts.get("duty.parents", who, d.count(), d.needed(), status, due);
            // overdue means last week went by without one; this week's is still due by Friday
            case GROUP_TALK -> d.status() == DutyState.Status.OVERDUE ? texts.get("duty.groupAfterMissed", due) : texts.get("duty.group", status, due);
            case SEMESTER_SUMMARY -> texts.get("duty.summary", status, due);
            case STUDENT_REPORT -> texts.get("duty.studentReport", who, status, due);
            case CASE_CONFERENCE -> texts.get("duty.conference", status, due);
            default -> d.duty().name() + " " + status;
        };
    }

    private static String statusWord(DutyState d, LocalDate today) {
        boolean far = d.dueBy() != null && d.dueBy().isAfter(today.plusDays(SOON_DAYS));
        return d.status() == DutyState.Status.DUE_SOON && far ? "START_EARLY" : d.status().name();
    }
}
