package app.mentorbot.conversations.assessments;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import app.mentorbot.conversations.schedule.SchoolCalendar;
import app.mentorbot.conversations.schedule.SchoolCalendar.Term;

/**
 * The school's assessment points (阶段评估日) from config/calendar.yml ({@code assessments: [{name, on}]}), or by
 * default the Monday after each exam week (期中考试 → 期中评估). A point belongs to the term it falls in, or the
 * last term that ended before it (a 期末评估 the Monday after the last exam week). Mentors are prompted on the
 * point's day when it is a school day, else on the last school day before it (within two weeks).
 */
public final class AssessmentDays {
    /** How long after its day a point is still the stage a mentor assesses (a late assessment is still 期中评估). */
    static final int LATE_DAYS = 14;

    /** One assessment point. */
    public record Point(String name, LocalDate on) {
        public Point {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(on, "on");
        }
    }

    /** Each school's own points (by school id), from that school's calendar. */
    @FunctionalInterface
    public interface BySchool {
        AssessmentDays forSchool(String schoolId);

        /** The same points for every school. */
        static BySchool everywhere(AssessmentDays days) {
            return schoolId -> days;
        }
    }

    /** The stage an assessment on some day is for: its term, its name, and the first day of its period. */
    public record Stage(String term, String name, LocalDate from) {}

    private final List<Point> points;
    private final SchoolCalendar calendar;
    private final String fallbackName;

    /**
     * @param configured   the school's points (empty: the Monday after each exam week)
     * @param stageName    what an exam week's point is called, a pattern with {0} for the exam's name less 考试 ({0}评估)
     * @param fallbackName the stage's name in a term without points (阶段评估)
     */
    public AssessmentDays(List<Point> configured, SchoolCalendar calendar, String stageName, String fallbackName) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.fallbackName = Objects.requireNonNull(fallbackName, "fallbackName");
        List<Point> ps = new ArrayList<>();
        for (Point p : configured == null ? List.<Point>of() : configured) ps.add(p.name().isBlank() ? new Point(fallbackName, p.on()) : p);
        if (ps.isEmpty()) {
            for (SchoolCalendar.DateRange exams : calendar.examWeeks()) {
                String name = exams.name() == null ? "" : exams.name().replace("考试", "");
                ps.add(new Point(stageName.replace("{0}", name), exams.to().with(TemporalAdjusters.next(DayOfWeek.MONDAY))));
            }
        }
        ps.sort(Comparator.comparing(Point::on));
        this.points = List.copyOf(ps);
    }

    public List<Point> points() {
        return points;
    }

    /** The point whose mentors are prompted on {@code day}, if any. */
    public Optional<Point> promptedOn(LocalDate day) {
        return points.stream().filter(p -> promptDay(p).equals(day)).findFirst();
    }

    /** The point's day when a school day, else the last school day before it (within two weeks), else its day. */
    LocalDate promptDay(Point p) {
        for (LocalDate d = p.on(); !d.isBefore(p.on().minusDays(LATE_DAYS)); d = d.minusDays(1)) {
            if (calendar.isSchoolDay(d)) return d;
        }
        return p.on();
    }

    /**
     * The stage an assessment made on {@code today} is for: a point whose day came at most two weeks ago, else the
     * term's next point, else its last; its period starts the day after the term's point before it, or at the term's start.
     */
    public Stage stageFor(LocalDate today) {
        Term term = calendar.currentOrLastTerm(today);
        List<Point> inTerm = points.stream().filter(p -> calendar.currentOrLastTerm(p.on()).equals(term)).toList();
        if (inTerm.isEmpty()) return new Stage(term.name(), fallbackName, term.start());
        Point chosen = inTerm.stream().filter(p -> !promptDay(p).isAfter(today) && !today.isAfter(p.on().plusDays(LATE_DAYS)))
                .reduce((a, b) -> b)
                .or(() -> inTerm.stream().filter(p -> !p.on().isBefore(today)).findFirst())
                .orElse(inTerm.get(inTerm.size() - 1));
        int i = inTerm.indexOf(chosen);
        LocalDate from = i == 0 ? term.start() : inTerm.get(i - 1).on().plusDays(1);
        return new Stage(term.name(), chosen.name(), from);
    }

    /** The first day of the school year {@code today} is in: the start of the term before a spring term, else of this term. */
    public LocalDate yearStart(LocalDate today) {
        Term term = calendar.currentOrLastTerm(today);
        if (term.start().getMonthValue() >= 8) return term.start();
        Term before = calendar.currentOrLastTerm(term.start().minusDays(1));
        return before.start().isBefore(term.start()) ? before.start() : term.start();
    }

    /** Whether {@code day} is the summary due day of a spring (second) term: the year-end review's day. */
    public boolean yearEndReviewDay(LocalDate day) {
        Term term = calendar.currentOrLastTerm(day);
        return term.start().getMonthValue() < 8 && term.summaryDue().equals(day);
    }
}
