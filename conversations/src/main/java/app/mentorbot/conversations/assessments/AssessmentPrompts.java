package app.mentorbot.conversations.assessments;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.RosterStore;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.roster.Teacher;
import app.mentorbot.conversations.text.Texts;

/**
 * What mentors are told on an assessment day (one prompt listing their mentees) and on the year-end review's day
 * (the summary due day of the spring term: a review draft per mentee). The scheduler calls {@link #due} in every
 * reminder slot (school days only) and holds the messages through quiet hours; each mentor gets each once.
 */
public final class AssessmentPrompts {
    /** A message for one mentor. */
    public record Prompt(String teacherId, String text) {}

    private final RosterStore rosters;
    private final AssessmentStore store;
    private final AssessmentDays.BySchool days;
    private final YearReviews reviews;
    private final Texts texts;

    public AssessmentPrompts(RosterStore rosters, AssessmentStore store, AssessmentDays.BySchool days, YearReviews reviews, Texts texts) {
        this.rosters = Objects.requireNonNull(rosters, "rosters");
        this.store = Objects.requireNonNull(store, "store");
        this.days = Objects.requireNonNull(days, "days");
        this.reviews = Objects.requireNonNull(reviews, "reviews");
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    /** The prompts due on {@code day} not made before (two instances in one slot make them once). */
    public List<Prompt> due(String schoolId, LocalDate day) {
        AssessmentDays school = days.forSchool(schoolId);
        Optional<AssessmentDays.Point> point = school.promptedOn(day);
        boolean review = school.yearEndReviewDay(day);
        if (point.isEmpty() && !review) return List.of();
        Roster roster = rosters.load(schoolId);
        List<Prompt> prompts = new ArrayList<>();
        for (Teacher t : roster.teachers()) {
            List<Student> mentees = roster.menteesOf(t.id());
            if (mentees.isEmpty()) continue;
            if (point.isPresent() && store.claimPrompt(schoolId, t.id(), day, "ASSESSMENT")) {
                prompts.add(new Prompt(t.id(), assessmentPrompt(point.get().name(), mentees)));
            }
            if (review && store.claimPrompt(schoolId, t.id(), day, "YEAR_REVIEW")) {
                prompts.add(new Prompt(t.id(), yearReviews(schoolId, mentees, day)));
            }
        }
        return prompts;
    }

    /** 「今天是期中评估的日子。你的受导学生：…」 */
    public String assessmentPrompt(String stage, List<Student> mentees) {
        String names = mentees.stream().map(Student::name).collect(Collectors.joining("、"));
        return texts.get("assessment.prompt", stage, names, mentees.get(0).name());
    }

    /** Every mentee's year-end review draft, one paragraph each. */
    public String yearReviews(String schoolId, List<Student> mentees, LocalDate today) {
        String each = mentees.stream().map(s -> reviews.text(reviews.build(schoolId, s.id(), today), s.name()))
                .collect(Collectors.joining("\n\n"));
        return texts.get("yearReview.head", AssessmentDrafter.day(days.forSchool(schoolId).yearStart(today)), each);
    }
}
