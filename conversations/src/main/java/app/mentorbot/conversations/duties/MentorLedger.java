package app.mentorbot.conversations.duties;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A mentor's duties on one day: their weekly group talk, each mentee's talks and parent contacts, the
 * half-month reports of mentees with a student account (where the school turned them on), the summary.
 */
public record MentorLedger(String mentorId, LocalDate day, DutyState groupTalk, List<DutyState> individualTalks,
                           List<DutyState> parentContacts, List<DutyState> studentReports, DutyState summary) {
    public MentorLedger {
        individualTalks = List.copyOf(individualTalks);
        parentContacts = List.copyOf(parentContacts);
        studentReports = List.copyOf(studentReports);
    }

    public List<DutyState> all() {
        List<DutyState> all = new ArrayList<>();
        all.add(groupTalk);
        all.addAll(individualTalks);
        all.addAll(parentContacts);
        all.addAll(studentReports);
        all.add(summary);
        return all;
    }

    /** Duties that are due soon or overdue, overdue first. */
    public List<DutyState> attention() {
        List<DutyState> list = new ArrayList<>(all().stream().filter(DutyState::needsAttention).toList());
        list.sort((a, b) -> Boolean.compare(b.status() == DutyState.Status.OVERDUE, a.status() == DutyState.Status.OVERDUE));
        return list;
    }
}
