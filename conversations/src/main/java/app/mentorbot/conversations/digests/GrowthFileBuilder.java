package app.mentorbot.conversations.digests;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import app.mentorbot.conversations.assessments.AssessmentStore;
import app.mentorbot.conversations.assessments.YearReviews;
import app.mentorbot.conversations.plans.PlanStore;
import app.mentorbot.conversations.records.RecordStore;
import app.mentorbot.conversations.reminders.ReminderBook;
import app.mentorbot.conversations.roster.Parent;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.RosterStore;
import app.mentorbot.conversations.roster.SchoolClass;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.understanding.Flag;

/** Builds a student's {@link GrowthFile} from all their records (not deleted), whoever wrote them, their plan and assessments. */
public final class GrowthFileBuilder {
    /** More records than a student could collect in their school years. */
    static final int MAX_RECORDS = 5000;

    private final RosterStore rosters;
    private final RecordStore records;
    private final ReminderBook reminders;
    private final PlanStore plans;
    private final AssessmentStore assessments;
    private final YearReviews reviews;

    public GrowthFileBuilder(RosterStore rosters, RecordStore records, ReminderBook reminders, PlanStore plans,
                             AssessmentStore assessments, YearReviews reviews) {
        this.assessments = Objects.requireNonNull(assessments, "assessments");
        this.reviews = Objects.requireNonNull(reviews, "reviews");
        this.rosters = Objects.requireNonNull(rosters, "rosters");
        this.records = Objects.requireNonNull(records, "records");
        this.reminders = Objects.requireNonNull(reminders, "reminders");
        this.plans = Objects.requireNonNull(plans, "plans");
    }

    /** The growth file of an active student as of {@code today}, or empty when there is no such student. */
    public Optional<GrowthFile> build(String schoolId, String studentId, LocalDate today) {
        Objects.requireNonNull(today, "today");
        Roster roster = rosters.load(schoolId);
        Optional<Student> found = roster.student(studentId);
        if (found.isEmpty()) return Optional.empty();
        Student s = found.get();
        List<Entry> entries = Entries.of(records.recentForStudent(schoolId, studentId, MAX_RECORDS), roster, studentId);
        Map<YearMonth, List<Entry>> byMonth = new LinkedHashMap<>();
        Map<Flag, Integer> flags = new EnumMap<>(Flag.class);
        for (Entry e : entries) {
            byMonth.computeIfAbsent(YearMonth.from(e.date()), k -> new ArrayList<>()).add(e);
            e.flags().forEach(f -> flags.merge(f, 1, Integer::sum));
        }
        List<GrowthFile.Month> months = byMonth.entrySet().stream().map(m -> new GrowthFile.Month(m.getKey(), m.getValue())).toList();
        Optional<SchoolClass> c = roster.schoolClass(s.classId());
        String head = c.map(SchoolClass::headTeacherId).map(id -> Entries.personName(roster, id)).orElse("");
        List<String> relations = roster.parentsOf(studentId).stream().map(Parent::relation).distinct().toList();
        List<FollowUp> open = reminders.openAbout(schoolId, List.of(studentId)).stream().map(r -> Entries.of(r, roster)).toList();
        return Optional.of(new GrowthFile(s.id(), s.name(), s.classId(), c.map(SchoolClass::name).orElse(s.classId()),
                s.mentorId() == null ? "" : Entries.personName(roster, s.mentorId()), head, relations, today, months, flags, open,
                plans.current(schoolId, studentId).orElse(null), assessments.forStudent(schoolId, studentId),
                reviews.build(schoolId, studentId, today)));
    }
}
