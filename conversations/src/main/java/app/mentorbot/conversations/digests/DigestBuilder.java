package app.mentorbot.conversations.digests;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.conversations.digests.ConferenceDigest.Decision;
import app.mentorbot.conversations.digests.ConferenceDigest.KeyStudent;
import app.mentorbot.conversations.digests.ConferenceDigest.MentorCoverage;
import app.mentorbot.conversations.digests.ConferenceDigest.Reason;
import app.mentorbot.conversations.digests.ConferenceDigest.StudentLine;
import app.mentorbot.conversations.digests.ConferenceDigest.Why;
import app.mentorbot.conversations.duties.DutyState;
import app.mentorbot.conversations.duties.Ledger;
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
    private final SchoolCalendar calendar;

    public DigestBuilder(JdbcClient jdbc, RosterStore rosters, RecordStore records, Ledger ledger, ReminderBook reminders,
                         SchoolCalendar calendar) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.rosters = Objects.requireNonNull(rosters, "rosters");
        this.records = Objects.requireNonNull(records, "records");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.reminders = Objects.requireNonNull(reminders, "reminders");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /** The last conference date of the class before {@code today}. */
    public Optional<LocalDate> previousConference(String schoolId, String classId, LocalDate today) {
        return jdbc.sql("select max(held_on) from conference_date where school_id = ? and class_id = ? and held_on < ?")
                .params(schoolId, classId, java.sql.Date.valueOf(today)).query(java.sql.Date.class).optional()
                .map(java.sql.Date::toLocalDate);
    }

    /** The digest of an active class, or empty when there is no such class. */
    public Optional<ConferenceDigest> build(String schoolId, String classId, LocalDate today) {
        Objects.requireNonNull(today, "today");
        Roster roster = rosters.load(schoolId);
        Optional<SchoolClass> found = roster.schoolClass(classId);
        if (found.isEmpty()) return Optional.empty();
        SchoolClass schoolClass = found.get();

        Optional<LocalDate> previous = previousConference(schoolId, classId, today);
        LocalDate from = previous.orElse(today.minusDays(FALLBACK_DAYS));
        SchoolCalendar.Term term = calendar.currentOrLastTerm(today);
        // From early enough for the talk clock too, so this one read also gives each student's talk duty.
        LocalDate dutyFrom = ledger.rules().readFrom(today);
        LocalDate readFrom = dutyFrom.isBefore(from) ? dutyFrom : from;

        List<Student> students = roster.students().stream().filter(s -> s.classId().equals(classId)).toList();
        List<String> ids = students.stream().map(Student::id).toList();
        List<Record> read = records.about(schoolId, ids, readFrom, today);
        List<Record> inPeriod = read.stream().filter(r -> !Entries.dayOf(r).isBefore(from)).toList();

        List<String> mentorIds = students.stream().map(Student::mentorId).filter(Objects::nonNull).distinct().toList();
        Map<String, DutyState> talkDuty = new HashMap<>();
        for (Student s : students) {
            if (s.mentorId() != null) talkDuty.put(s.id(), ledger.rules().individualTalk(s.id(), s.mentorId(), read, today));
        }

        Map<String, List<FollowUp>> open = new HashMap<>();
        for (Reminder r : reminders.openAbout(schoolId, ids)) {
            for (String s : r.studentIds()) open.computeIfAbsent(s, k -> new ArrayList<>()).add(Entries.of(r, roster));
        }

        List<Decision> allDecisions = decisions(schoolId, classId, today, roster);

        List<StudentLine> lines = new ArrayList<>();
        List<KeyStudent> keys = new ArrayList<>();
        for (Student s : students) {
            List<Record> about = inPeriod.stream().filter(r -> r.studentIds().contains(s.id())).toList();
            Set<Flag> flags = EnumSet.noneOf(Flag.class);
            about.forEach(r -> flags.addAll(r.flags()));
            String mentorName = s.mentorId() == null ? "" : Entries.personName(roster, s.mentorId());
            lines.add(new StudentLine(s.id(), s.name(), s.mentorId(), mentorName,
                    count(about, r -> r.kind() == Kind.TALK && r.talkType() != TalkType.GROUP),
                    count(about, r -> r.kind() == Kind.TALK && r.talkType() == TalkType.GROUP),
                    count(about, r -> r.kind() == Kind.PARENT_CONTACT),
                    count(about, r -> r.kind() == Kind.OBSERVATION), flags));

            List<Reason> reasons = new ArrayList<>();
            if (!flags.isEmpty()) reasons.add(new Reason(Why.FLAGGED, flags, null, null, 0));
            DutyState talk = talkDuty.get(s.id());
            if (talk != null && talk.status() == DutyState.Status.OVERDUE && talk.overdueSince() != null) {
                int days = (int) ChronoUnit.DAYS.between(talk.overdueSince(), today) + 1;
                if (days >= LONG_OVERDUE_DAYS) reasons.add(new Reason(Why.TALK_OVERDUE, Set.of(), talk.overdueSince(), talk.lastDone(), days));
            }
            if (reasons.isEmpty()) continue;
            List<Entry> tried = read.stream()
                    .filter(r -> r.studentIds().contains(s.id()) && (r.kind() == Kind.TALK || r.kind() == Kind.PARENT_CONTACT)
                            && term.contains(Entries.dayOf(r)))
                    .map(r -> Entries.of(r, roster, s.id())).sorted(Entries.OLDEST_FIRST).toList();
            keys.add(new KeyStudent(s.id(), s.name(), mentorName, reasons, Entries.of(about, roster, s.id()), tried,
                    allDecisions.stream().filter(d -> d.studentIds().contains(s.id())).toList(),
                    open.getOrDefault(s.id(), List.of())));
        }
        keys.sort(Comparator.comparing((KeyStudent k) -> !flagsOf(k).contains(Flag.SAFETY))
                .thenComparing(k -> -flagsOf(k).size())
                .thenComparing(k -> -k.reasons().stream().mapToInt(Reason::overdueDays).max().orElse(0)));

        List<MentorCoverage> coverage = new ArrayList<>();
        for (String mentorId : mentorIds) {
            List<String> mentees = students.stream().filter(s -> mentorId.equals(s.mentorId())).map(Student::id).toList();
            List<Record> own = inPeriod.stream()
                    .filter(r -> r.authorId().equals(mentorId) && r.studentIds().stream().anyMatch(mentees::contains)).toList();
            List<Record> individual = own.stream().filter(r -> r.kind() == Kind.TALK
                    && r.talkType() != TalkType.GROUP).toList();
            Map<Topic, Integer> topics = new EnumMap<>(Topic.class);
            for (Record r : own) r.topics().forEach(t -> topics.merge(t, 1, Integer::sum));
            int overdue = (int) mentees.stream().map(talkDuty::get)
                    .filter(d -> d != null && d.status() == DutyState.Status.OVERDUE).count();
            coverage.add(new MentorCoverage(mentorId, Entries.personName(roster, mentorId), mentees.size(),
                    (int) mentees.stream().filter(m -> individual.stream().anyMatch(r -> r.studentIds().contains(m))).count(),
                    individual.size(),
                    count(own, r -> r.kind() == Kind.TALK && r.talkType() == TalkType.GROUP),
                    count(own, r -> r.kind() == Kind.PARENT_CONTACT), overdue, topics));
        }

        List<Decision> shown = allDecisions.stream()
                .filter(d -> !d.decidedOn().isBefore(from) || (term.contains(d.decidedOn()) && !d.happened())).toList();
        String headId = schoolClass.headTeacherId();
        ConferenceDigest.Totals totals = new ConferenceDigest.Totals(
                count(inPeriod, r -> r.kind() == Kind.TALK && r.talkType() != TalkType.GROUP),
                count(inPeriod, r -> r.kind() == Kind.TALK && r.talkType() == TalkType.GROUP),
                count(inPeriod, r -> r.kind() == Kind.PARENT_CONTACT), count(inPeriod, r -> r.kind() == Kind.OBSERVATION));
        return Optional.of(new ConferenceDigest(classId, schoolClass.name(), headId,
                headId == null ? "" : Entries.personName(roster, headId), today, from, previous.orElse(null), term.name(),
                totals, lines, keys, coverage, shown));
    }

    private static Set<Flag> flagsOf(KeyStudent k) {
        Set<Flag> all = EnumSet.noneOf(Flag.class);
        k.reasons().forEach(r -> all.addAll(r.flags()));
        return all;
    }

    private static int count(List<Record> list, java.util.function.Predicate<Record> p) {
        return (int) list.stream().filter(p).count();
    }

    /** The class's decisions up to today, oldest first, each with its reminders and its owner's later records. */
    private List<Decision> decisions(String schoolId, String classId, LocalDate today, Roster roster) {
        record Row(long id, LocalDate on, String text, List<String> students, String owner) {}
        List<Row> rows = jdbc.sql("select id, decided_on, text, student_ids, owner_id from conference_decision "
                        + "where school_id = ? and class_id = ? and decided_on <= ? order by decided_on, id")
                .params(schoolId, classId, java.sql.Date.valueOf(today))
                .query((rs, n) -> new Row(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getString(3), strings(rs.getArray(4)),
                        rs.getString(5)))
                .list();
        // Two reads for all decisions, not two per decision: their follow-ups, and the records written
        // about their students since the earliest of them.
        Map<Long, List<Reminder>> followUps = reminders.forDecisions(rows.stream().map(Row::id).toList());
        List<Row> past = rows.stream().filter(row -> row.on().isBefore(today) && !row.students().isEmpty()).toList();
        Set<String> pastStudents = new java.util.HashSet<>();
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
