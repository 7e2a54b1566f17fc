package app.mentorbot.conversations.digests;

import java.sql.Array;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.conversations.digests.ConferenceDigest.Decision;
import app.mentorbot.conversations.digests.ConferenceDigest.KeyStudent;
import app.mentorbot.conversations.digests.ConferenceDigest.MentorCoverage;
import app.mentorbot.conversations.digests.ConferenceDigest.Reason;
import app.mentorbot.conversations.digests.ConferenceDigest.StudentLine;
import app.mentorbot.conversations.digests.ConferenceDigest.Why;
import app.mentorbot.conversations.duties.DutyState;
import app.mentorbot.conversations.duties.Ledger;
import app.mentorbot.conversations.duties.LedgerRules;
import app.mentorbot.conversations.duties.MentorChanges;
import app.mentorbot.conversations.assessments.AssessmentStore;
import app.mentorbot.conversations.assessments.StageAssessment;
import app.mentorbot.conversations.plans.GuidancePlan;
import app.mentorbot.conversations.plans.PlanStore;
import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.records.RecordStore;
import app.mentorbot.conversations.reminders.Reminder;
import app.mentorbot.conversations.reminders.ReminderBook;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.RosterStore;
import app.mentorbot.conversations.roster.SchoolClass;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.schedule.SchoolCalendar;
import app.mentorbot.conversations.understanding.Flag;
import app.mentorbot.conversations.understanding.Kind;
import app.mentorbot.conversations.understanding.TalkType;
import app.mentorbot.conversations.understanding.Topic;

/**
 * Builds a class's {@link ConferenceDigest} for a day. The period runs from the class's previous conference
 * date (inclusive, so nothing written on that day falls between two digests) or, without one, from 30 days
 * back, to {@code today}. A student is key when anyone flagged them in the period, or when their mentor's
 * individual talk has been overdue (per the {@link Ledger}) for {@link #LONG_OVERDUE_DAYS} days or more.
 * Decisions shown are those made in the period, and older ones of the term that have not happened yet.
 * One read of the records about the class (from a rule period before the term, for the talk clock) serves
 * everything but the decisions' later records.
 */
public final class DigestBuilder {
    /** Without an earlier conference, the digest looks this many days back. */
    public static final int FALLBACK_DAYS = 30;
    /** An individual talk overdue this long makes a student key. */
    public static final int LONG_OVERDUE_DAYS = 7;

    private final JdbcClient jdbc;
    private final RosterStore rosters;
    private final RecordStore records;
    private final Ledger ledger;
    private final ReminderBook reminders;
    private final PlanStore plans;
    private final AssessmentStore assessments;

    public DigestBuilder(JdbcClient jdbc, RosterStore rosters, RecordStore records, Ledger ledger, ReminderBook reminders,
                         PlanStore plans, AssessmentStore assessments) {
        this.plans = Objects.requireNonNull(plans, "plans");
        this.assessments = Objects.requireNonNull(assessments, "assessments");
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.rosters = Objects.requireNonNull(rosters, "rosters");
        this.records = Objects.requireNonNull(records, "records");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.reminders = Objects.requireNonNull(reminders, "reminders");
    }

    /** The last conference date of the class before {@code today}. */
    public Optional<LocalDate> previousConference(String schoolId, String classId, LocalDate today) {
        return jdbc.sql("select max(held_on) from conference_date where school_id = ? and class_id = ? and held_on < ?")
                .params(schoolId, classId, Date.valueOf(today)).query(Date.class).optional()
                .map(Date::toLocalDate);
    }

    /** The digest of an active class, or empty when there is no such class. */
    public Optional<ConferenceDigest> build(String schoolId, String classId, LocalDate today) {
        Objects.requireNonNull(today, "today");
        Roster roster = rosters.load(schoolId);
        Optional<SchoolClass> found = roster.schoolClass(classId);
        if (found.isEmpty()) return Optional.empty();
        SchoolClass schoolClass = found.get();
        Period period = period(schoolId, classId, today);
        ClassRecords c = read(schoolId, classId, roster, period, today);

        List<StudentLine> lines = c.students().stream().map(s -> studentLine(s, c, roster)).toList();
        List<KeyStudent> keys = keyStudents(c, roster, period, today);
        List<MentorCoverage> coverage = c.mentorIds().stream().map(m -> coverage(m, c, roster)).toList();
        List<Decision> shown = c.decisions().stream()
                .filter(d -> !d.decidedOn().isBefore(period.from()) || (period.term().contains(d.decidedOn()) && !d.happened())).toList();
        String headId = schoolClass.headTeacherId();
        return Optional.of(new ConferenceDigest(classId, schoolClass.name(), headId,
                headId == null ? "" : Entries.personName(roster, headId), today, period.from(), period.previous(),
                period.term().name(), totals(c.inPeriod()), lines, keys, coverage, shown));
    }

    /**
     * What the digest covers: records from {@code from} (the previous conference, or {@link #FALLBACK_DAYS}
     * back) to today, read from {@code readFrom}, early enough for the talk clock too.
     */
    private record Period(LocalDate from, LocalDate previous, SchoolCalendar.Term term, LocalDate readFrom) {}

    /** Everything the digest is made from, read once. */
    private record ClassRecords(List<Student> students, List<String> mentorIds, List<Record> read, List<Record> inPeriod,
                                Map<String, DutyState> talkDuty, Map<String, List<FollowUp>> open, List<Decision> decisions,
                                Map<String, GuidancePlan> plans, Map<String, StageAssessment> assessed) {
        List<Record> inPeriodAbout(String studentId) {
            return inPeriod.stream().filter(r -> r.studentIds().contains(studentId)).toList();
        }
    }

    private Period period(String schoolId, String classId, LocalDate today) {
        Optional<LocalDate> previous = previousConference(schoolId, classId, today);
        LocalDate from = previous.orElse(today.minusDays(FALLBACK_DAYS));
        LedgerRules rules = ledger.rules(schoolId);
        LocalDate dutyFrom = rules.readFrom(today);
        return new Period(from, previous.orElse(null), rules.calendar().currentOrLastTerm(today), dutyFrom.isBefore(from) ? dutyFrom : from);
    }

    /** The class's records (one read also gives each student's talk duty), open follow-ups and decisions. */
    private ClassRecords read(String schoolId, String classId, Roster roster, Period period, LocalDate today) {
        List<Student> students = roster.students().stream().filter(s -> s.classId().equals(classId)).toList();
        List<String> ids = students.stream().map(Student::id).toList();
        List<Record> read = records.about(schoolId, ids, period.readFrom(), today);
        List<Record> inPeriod = read.stream().filter(r -> !Entries.dayOf(r).isBefore(period.from())).toList();
        List<String> mentorIds = students.stream().map(Student::mentorId).filter(Objects::nonNull).distinct().toList();
        Map<String, GuidancePlan> planned = plans.currentPlans(schoolId);
        Map<String, DutyState> talkDuty = new HashMap<>();
        Map<String, MentorChanges.Change> changed = ledger.mentorChanges(schoolId);
        LedgerRules rules = ledger.rules(schoolId);
        for (Student s : students) {
            GuidancePlan plan = planned.get(s.id());
            if (s.mentorId() != null) {
                LocalDate since = changed.containsKey(s.id()) ? changed.get(s.id()).on() : null;
                talkDuty.put(s.id(), rules.individualTalk(s.id(), s.mentorId(), read, plan == null ? null : plan.pace(), since, today));
            }
        }
        Map<String, List<FollowUp>> open = new HashMap<>();
        for (Reminder r : reminders.openAbout(schoolId, ids)) {
            for (String s : r.studentIds()) open.computeIfAbsent(s, k -> new ArrayList<>()).add(Entries.of(r, roster));
        }
        return new ClassRecords(students, mentorIds, read, inPeriod, talkDuty, open, decisions(schoolId, classId, today, roster), planned,
                assessments.latestOfSchool(schoolId));
    }

    private static StudentLine studentLine(Student s, ClassRecords c, Roster roster) {
        List<Record> about = c.inPeriodAbout(s.id());
        return new StudentLine(s.id(), s.name(), s.mentorId(), mentorName(s, roster),
                count(about, DigestBuilder::individualTalk), count(about, DigestBuilder::groupTalk),
                count(about, r -> r.kind() == Kind.PARENT_CONTACT), count(about, r -> r.kind() == Kind.OBSERVATION), flags(about),
                about.stream().anyMatch(Entries::safetySuspected)
                        && about.stream().noneMatch(r -> r.flags().contains(Flag.SAFETY) && !Entries.safetySuspected(r)),
                c.plans().containsKey(s.id()) ? c.plans().get(s.id()).setOn() : null, c.assessed().get(s.id()));
    }

    /** The key students, safety first, then the most flags, then the longest overdue talk. */
    private static List<KeyStudent> keyStudents(ClassRecords c, Roster roster, Period period, LocalDate today) {
        List<KeyStudent> keys = new ArrayList<>();
        for (Student s : c.students()) keyStudent(s, c, roster, period, today).ifPresent(keys::add);
        keys.sort(Comparator.comparing((KeyStudent k) -> !flagsOf(k).contains(Flag.SAFETY))
                .thenComparing(k -> -flagsOf(k).size())
                .thenComparing(k -> -k.reasons().stream().mapToInt(Reason::overdueDays).max().orElse(0)));
        return keys;
    }

    /** The student as a key student, with what was written and tried, when anyone flagged them or their talk is long overdue. */
    private static Optional<KeyStudent> keyStudent(Student s, ClassRecords c, Roster roster, Period period, LocalDate today) {
        List<Record> about = c.inPeriodAbout(s.id());
        Set<Flag> flags = flags(about);
        List<Reason> reasons = new ArrayList<>();
        if (!flags.isEmpty()) reasons.add(new Reason(Why.FLAGGED, flags, null, null, 0));
        DutyState talk = c.talkDuty().get(s.id());
        if (talk != null && talk.status() == DutyState.Status.OVERDUE && talk.overdueSince() != null) {
            int days = (int) ChronoUnit.DAYS.between(talk.overdueSince(), today) + 1;
            if (days >= LONG_OVERDUE_DAYS) reasons.add(new Reason(Why.TALK_OVERDUE, Set.of(), talk.overdueSince(), talk.lastDone(), days));
        }
        if (reasons.isEmpty()) return Optional.empty();
        List<Entry> tried = c.read().stream()
                .filter(r -> r.studentIds().contains(s.id()) && (r.kind() == Kind.TALK || r.kind() == Kind.PARENT_CONTACT)
                        && period.term().contains(Entries.dayOf(r)))
                .map(r -> Entries.of(r, roster, s.id())).sorted(Entries.OLDEST_FIRST).toList();
        return Optional.of(new KeyStudent(s.id(), s.name(), mentorName(s, roster), reasons, Entries.of(about, roster, s.id()), tried,
                c.decisions().stream().filter(d -> d.studentIds().contains(s.id())).toList(),
                c.open().getOrDefault(s.id(), List.of())));
    }

    /** A mentor's period with their mentees of the class: whom they talked with, how often, about what. */
    private static MentorCoverage coverage(String mentorId, ClassRecords c, Roster roster) {
        List<String> mentees = c.students().stream().filter(s -> mentorId.equals(s.mentorId())).map(Student::id).toList();
        List<Record> own = c.inPeriod().stream()
                .filter(r -> r.authorId().equals(mentorId) && r.studentIds().stream().anyMatch(mentees::contains)).toList();
        List<Record> individual = own.stream().filter(DigestBuilder::individualTalk).toList();
        Map<Topic, Integer> topics = new EnumMap<>(Topic.class);
        for (Record r : own) r.topics().forEach(t -> topics.merge(t, 1, Integer::sum));
        int overdue = (int) mentees.stream().map(c.talkDuty()::get)
                .filter(d -> d != null && d.status() == DutyState.Status.OVERDUE).count();
        return new MentorCoverage(mentorId, Entries.personName(roster, mentorId), mentees.size(),
                (int) mentees.stream().filter(m -> individual.stream().anyMatch(r -> r.studentIds().contains(m))).count(),
                individual.size(), count(own, DigestBuilder::groupTalk), count(own, r -> r.kind() == Kind.PARENT_CONTACT), overdue, topics);
    }

    private static ConferenceDigest.Totals totals(List<Record> inPeriod) {
        return new ConferenceDigest.Totals(count(inPeriod, DigestBuilder::individualTalk), count(inPeriod, DigestBuilder::groupTalk),
                count(inPeriod, r -> r.kind() == Kind.PARENT_CONTACT), count(inPeriod, r -> r.kind() == Kind.OBSERVATION));
    }

    private static boolean individualTalk(Record r) {
        return r.kind() == Kind.TALK && r.talkType() != TalkType.GROUP;
    }

    private static boolean groupTalk(Record r) {
        return r.kind() == Kind.TALK && r.talkType() == TalkType.GROUP;
    }

    private static String mentorName(Student s, Roster roster) {
        return s.mentorId() == null ? "" : Entries.personName(roster, s.mentorId());
    }

    private static Set<Flag> flags(List<Record> records) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        records.forEach(r -> flags.addAll(r.flags()));
        return flags;
    }

    private static Set<Flag> flagsOf(KeyStudent k) {
        Set<Flag> all = EnumSet.noneOf(Flag.class);
        k.reasons().forEach(r -> all.addAll(r.flags()));
        return all;
    }

    private static int count(List<Record> list, Predicate<Record> p) {
        return (int) list.stream().filter(p).count();
    }

    /** The class's decisions up to today, oldest first, each with its reminders and its owner's later records. */
    private List<Decision> decisions(String schoolId, String classId, LocalDate today, Roster roster) {
        record Row(long id, LocalDate on, String text, List<String> students, String owner) {}
        List<Row> rows = jdbc.sql("select id, decided_on, text, student_ids, owner_id from conference_decision "
                        + "where school_id = ? and class_id = ? and decided_on <= ? order by decided_on, id")
                .params(schoolId, classId, Date.valueOf(today))
                .query((rs, n) -> new Row(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getString(3), strings(rs.getArray(4)),
                        rs.getString(5)))
                .list();
        // Two reads for all decisions, not two per decision: their follow-ups, and the records written
        // about their students since the earliest of them.
        Map<Long, List<Reminder>> followUps = reminders.forDecisions(rows.stream().map(Row::id).toList());
        List<Row> past = rows.stream().filter(row -> row.on().isBefore(today) && !row.students().isEmpty()).toList();
        Set<String> pastStudents = new HashSet<>();
        past.forEach(row -> pastStudents.addAll(row.students()));
        List<Record> since = past.isEmpty() ? List.of()
                : records.about(schoolId, pastStudents, past.get(0).on().plusDays(1), today);
        List<Decision> result = new ArrayList<>();
        for (Row row : rows) {
            List<FollowUp> its = followUps.getOrDefault(row.id(), List.of()).stream().map(r -> Entries.of(r, roster)).toList();
            List<Entry> later = past.contains(row)
                    ? since.stream()
                            .filter(r -> r.date() != null && r.date().isAfter(row.on()) && r.authorId().equals(row.owner())
                                    && r.studentIds().stream().anyMatch(row.students()::contains))
                            .map(r -> Entries.of(r, roster, null)).sorted(Entries.OLDEST_FIRST).toList()
                    : List.of();
            result.add(new Decision(row.id(), row.on(), row.text(), row.students(), Entries.names(roster, row.students()),
                    row.owner(), Entries.personName(roster, row.owner()), its, later));
        }
        return result;
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) return List.of();
        return new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }
}
