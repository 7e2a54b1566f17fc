package app.mentorbot.conversations.leadership;

import java.time.LocalDate;
import java.util.List;

import app.mentorbot.conversations.duties.DutyState;

/**
 * How the scheme is carried out across the school (全校情况), for the leading group: per grade and class the
 * duties this week and this term as the duty ledger counts them, the term's weekly trend, and the mentors
 * furthest behind. Counts only: no student is named here ({@link OverviewBuilder#flagged} names them, for those
 * allowed).
 */
public record SchoolOverview(String schoolName, LocalDate today, String termName, LocalDate termStart, int students, int mentors,
                             List<Grade> grades, List<Week> trend, List<MentorBehind> behind) {
    public SchoolOverview {
        grades = List.copyOf(grades);
        trend = List.copyOf(trend);
        behind = List.copyOf(behind);
    }

    public record Grade(String name, List<ClassLine> classes) {
        public Grade {
            classes = List.copyOf(classes);
        }
    }

    /**
     * One class. Mentors are those of the class's students (a mentor of two classes counts in both).
     *
     * @param groupTalksWeek    mentors whose weekly group talk is done this week, of {@code groupTalkMentors}
     * @param groupTalksTerm    group talks held this term by those mentors, of {@code groupTalksDue} (school weeks × rule)
     * @param talksOnTime       students whose individual talk is not overdue today, of {@code talkStudents}
     * @param talksOnTimeTerm   the same, averaged over the term's weeks (per cent)
     * @param contactsMet       students whose parents were contacted as often as this term asks (two, or a plan's), of {@code talkStudents}
     * @param contactsWeek      parent contacts about the class's students this week
     * @param homeVisitsWeek    home visits this week; {@code homeVisitsTerm} this term
     * @param conferencesHeld   months of this term with the class's conference held, of {@code conferenceMonths}
     * @param conferenceNow     this month's conference as the ledger sees it
     * @param decisionsDone     this term's conference decisions carried out, of {@code decisions}
     * @param flagged           students flagged this term (by anyone)
     */
    public record ClassLine(String classId, String name, String headName, int students, int mentors, int groupTalksWeek,
                            int groupTalkMentors, int groupTalksTerm, int groupTalksDue, int talksOnTime, int talkStudents,
                            int talksOnTimeTerm, int contactsMet, int contactsWeek, int homeVisitsWeek, int homeVisitsTerm,
                            int conferencesHeld, int conferenceMonths, DutyState conferenceNow, int decisionsDone, int decisions,
                            int flagged) {}

    /** The school on the last day of a week of the term, per cent (0–100). */
    public record Week(LocalDate day, int talksOnTime, int groupTalks, int contactsMet) {}

    /** A mentor with overdue duties today: overdue individual talks, mentees' parents not yet contacted enough, the group talk. */
    public record MentorBehind(String mentorId, String name, int mentees, int overdueTalks, int contactsShort, boolean groupTalkOverdue) {
        public int overdue() {
            return overdueTalks + contactsShort + (groupTalkOverdue ? 1 : 0);
        }
    }
}
