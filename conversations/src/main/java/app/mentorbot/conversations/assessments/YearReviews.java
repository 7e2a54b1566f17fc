package app.mentorbot.conversations.assessments;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import app.mentorbot.conversations.assessments.YearReview.FlagOutcome;
import app.mentorbot.conversations.plans.GuidancePlan;
import app.mentorbot.conversations.plans.PlanStore;
import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.records.RecordStore;
import app.mentorbot.conversations.text.Texts;
import app.mentorbot.conversations.understanding.Flag;
import app.mentorbot.conversations.understanding.Kind;
import app.mentorbot.conversations.understanding.TalkType;

/** Builds and words year-end review drafts (学年总结) from the plan, the year's assessments and its records. */
public final class YearReviews {
    private final RecordStore records;
    private final PlanStore plans;
    private final AssessmentStore assessments;
    private final AssessmentDays.BySchool days;
    private final Texts texts;

    public YearReviews(RecordStore records, PlanStore plans, AssessmentStore assessments, AssessmentDays.BySchool days, Texts texts) {
        this.records = Objects.requireNonNull(records, "records");
        this.plans = Objects.requireNonNull(plans, "plans");
        this.assessments = Objects.requireNonNull(assessments, "assessments");
        this.days = Objects.requireNonNull(days, "days");
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    /** The student's review of the school year {@code today} is in, up to today. */
    public YearReview build(String schoolId, String studentId, LocalDate today) {
        LocalDate from = days.forSchool(schoolId).yearStart(today);
        List<Record> year = records.about(schoolId, List.of(studentId), from, today);
        List<StageAssessment> stages = assessments.forStudent(schoolId, studentId).stream()
                .filter(a -> !a.to().isBefore(from) && !a.to().isAfter(today)).toList();
        List<FlagOutcome> flags = new ArrayList<>();
        for (Flag f : Flag.values()) {
            List<Record> raised = year.stream().filter(r -> r.flags().contains(f)).toList();
            if (raised.isEmpty()) continue;
            LocalDate last = raised.get(raised.size() - 1).date();
            Area area = Area.of(f).orElseThrow();
            boolean cleared = stages.stream().filter(a -> last == null || !a.to().isBefore(last))
                    .reduce((a, b) -> b).map(a -> a.area(area).level() != Level.WATCH).orElse(false);
            flags.add(new FlagOutcome(f, raised.size(), last, cleared));
        }
        List<String> goals = plans.current(schoolId, studentId).map(GuidancePlan::goals).orElse(List.of());
        return new YearReview(studentId, from, today, goals, stages,
                count(year, r -> r.kind() == Kind.TALK && r.talkType() != TalkType.GROUP),
                count(year, r -> r.kind() == Kind.TALK && r.talkType() == TalkType.GROUP),
                count(year, r -> r.kind() == Kind.PARENT_CONTACT), flags);
    }

    /** The review in a few chat lines, headed by the student's name. */
    public String text(YearReview y, String name) {
        String sep = texts.get("plan.sep");
        String goals = y.goals().isEmpty() ? texts.get("yearReview.noPlan") : String.join(sep, y.goals());
        String stages = y.stages().isEmpty() ? texts.get("yearReview.noStages")
                : y.stages().stream().map(a -> texts.get("yearReview.stage", a.stage(), levels(a))).collect(Collectors.joining(sep));
        String flags = y.flags().isEmpty() ? texts.get("yearReview.noFlags") : y.flags().stream()
                .map(f -> texts.get(f.cleared() ? "yearReview.flag.cleared" : "yearReview.flag.open", texts.get("assessment.flag." + f.flag().name()),
                        f.records(), AssessmentDrafter.day(f.last())))
                .collect(Collectors.joining(sep));
        return texts.get("yearReview.student", name, goals, stages, y.individualTalks(), y.groupTalks(), y.parentContacts(), flags);
    }

    /** 思想较好、学业一般、心理需关注、生活较好 */
    public String levels(StageAssessment a) {
        return a.areas().stream().map(l -> texts.get("assessment.areaWord." + l.area().name()) + texts.get("assessment.level." + l.level().name()))
                .collect(Collectors.joining("、"));
    }

    private static int count(List<Record> rs, java.util.function.Predicate<Record> p) {
        return (int) rs.stream().filter(p).count();
    }
}
