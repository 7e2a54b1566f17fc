package app.mentorbot.conversations.leadership;

/**
 * One school's line on the district's page: the school overview's own figures for the term's latest week, no names.
 * {@code latest} is null before the term's first school week.
 */
public record SchoolFigures(String schoolName, int students, int mentors, SchoolOverview.Week latest, int flagged) {
    static SchoolFigures of(SchoolOverview o) {
        SchoolOverview.Week latest = o.trend().isEmpty() ? null : o.trend().get(o.trend().size() - 1);
        int flagged = o.grades().stream().flatMap(g -> g.classes().stream()).mapToInt(SchoolOverview.ClassLine::flagged).sum();
        return new SchoolFigures(o.schoolName(), o.students(), o.mentors(), latest, flagged);
    }
}
