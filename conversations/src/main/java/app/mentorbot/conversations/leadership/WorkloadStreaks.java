package app.mentorbot.conversations.leadership;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import app.mentorbot.conversations.duties.LedgerRules;
import app.mentorbot.conversations.duties.StudentPace;
import app.mentorbot.conversations.leadership.Workload.Behind;
import app.mentorbot.conversations.leadership.WorkloadFacts.Rec;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.schedule.SchoolCalendar;
import app.mentorbot.conversations.understanding.Kind;
import app.mentorbot.conversations.understanding.TalkType;

/**
 * The times a mentee's individual talk went overdue, on the duty ledger's clock: in each term the clock starts the
 * day before the term, restarts at each talk by the mentor, and a talk is overdue once more than the allowed
 * counting days have passed ({@link LedgerRules#talkDays}). Each streak counts in the period its first overdue
 * day falls in; one still running at the period's end counts too.
 */
final class WorkloadStreaks {
    private WorkloadStreaks() {}

    static List<Behind> of(LedgerRules rules, List<Student> mentees, List<Rec> own, Map<String, StudentPace> paces, Workload.Period p) {
        SchoolCalendar calendar = rules.calendar();
        List<Behind> streaks = new ArrayList<>();
        for (Student s : mentees) {
            int days = rules.talkDays(paces.get(s.id()));
            List<LocalDate> talks = own.stream()
                    .filter(r -> r.kind() == Kind.TALK && r.talkType() != TalkType.GROUP && r.studentIds().contains(s.id()))
                    .map(Rec::date).sorted().toList();
            for (SchoolCalendar.Term term : calendar.terms()) {
                if (term.end().isBefore(p.from()) || term.start().isAfter(p.to())) continue;
                LocalDate end = term.end().isBefore(p.to()) ? term.end() : p.to();
                LocalDate from = term.start().minusDays(1);
                List<LocalDate> stops = new ArrayList<>(talks.stream().filter(d -> term.contains(d) && !d.isAfter(end)).toList());
                stops.add(end.plusDays(1)); // the period's end: a streak still running there counts
                for (LocalDate stop : stops) {
                    if (calendar.countingDaysBetween(from, stop.minusDays(1)) > days) {
                        LocalDate since = calendar.afterCountingDays(calendar.afterCountingDays(from, days), 1);
                        if (p.contains(since)) streaks.add(Behind.of(since, List.of(s.id()), s.classId(), ""));
                    }
                    from = stop;
                }
            }
        }
        return streaks;
    }
}
