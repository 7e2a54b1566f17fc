package app.mentorbot.conversations.leadership;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.conversations.duties.DutyState;
import app.mentorbot.conversations.duties.DutyState.Status;
import app.mentorbot.conversations.duties.Ledger;
import app.mentorbot.conversations.duties.LedgerRules;
import app.mentorbot.conversations.duties.MentorLedger;
import app.mentorbot.conversations.duties.StudentPace;
import app.mentorbot.conversations.leadership.SchoolOverview.ClassLine;
import app.mentorbot.conversations.leadership.SchoolOverview.MentorBehind;
import app.mentorbot.conversations.leadership.SchoolOverview.Week;
import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.records.RecordStore;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.RosterStore;
import app.mentorbot.conversations.roster.SchoolClass;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.roster.Teacher;
import app.mentorbot.conversations.schedule.SchoolCalendar;
import app.mentorbot.conversations.understanding.Channel;
import app.mentorbot.conversations.understanding.Kind;
import app.mentorbot.conversations.understanding.TalkType;

/**
 * Builds the {@link SchoolOverview} from one read of the term's records (duty columns only, as the weekly job reads
 * them) and the duty ledger's own arithmetic ({@link LedgerRules#mentor}) for today and for the last day of each
 * week of the term, so the page counts exactly as 「我的任务」 and the class digest do. Conferences and decisions
 * are small reads more. The read is kept while the school's records are unchanged ({@link TermReads}), and so are
 * today's ledgers and each past week's point while the records dated up to that day, the plans and the roster are:
 * a reload computes only the class columns, a note dated today only today's ledgers.
 */
public final class OverviewBuilder {
    /** How many mentors the page lists as furthest behind. */
    public static final int BEHIND = 10;

    private final JdbcClient jdbc;
    private final RosterStore rosters;
    private final Ledger ledger;
    private final TermReads reads;

    public OverviewBuilder(JdbcClient jdbc, RosterStore rosters, RecordStore records, Ledger ledger) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.rosters = Objects.requireNonNull(rosters, "rosters");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.reads = new TermReads(jdbc, records);
    }

    public SchoolOverview build(String schoolId, LocalDate today) {
        Roster roster = rosters.load(schoolId);
        LedgerRules rules = ledger.rules(schoolId);
        SchoolCalendar.Term term = rules.calendar().currentOrLastTerm(today);
        LocalDate to = term.end().isBefore(today) ? term.end() : today;
        TermReads.Snapshot read = reads.read(schoolId, roster, rules.readFrom(today), term.start(), to);
        Map<String, List<Record>> byAuthor = read.byAuthor();
        Map<String, StudentPace> paces = ledger.paces(schoolId);
        List<String> mentorIds = roster.students().stream().map(Student::mentorId).filter(Objects::nonNull).distinct().toList();

        Map<String, MentorLedger> now = today(schoolId, roster, mentorIds, read, paces, to);
        Trend trend = trend(schoolId, roster, term, to, now, mentorIds, read, paces);
        Map<String, int[]> onTimeWeeks = trend.onTimeByClass();
        Set<String> flagged = read.flagged();
        Map<String, Integer> held = conferencesHeld(schoolId, term.start(), to);
        Map<String, int[]> decisions = decisions(schoolId, term.start(), to, byAuthor);
        int months = (int) java.time.temporal.ChronoUnit.MONTHS.between(term.start().withDayOfMonth(1), to.withDayOfMonth(1)) + 1;

        Map<String, List<ClassLine>> grades = new LinkedHashMap<>();
        Map<String, DutyState> talkOf = new HashMap<>(), contactOf = new HashMap<>();
        for (MentorLedger m : now.values()) {
            m.individualTalks().forEach(d -> talkOf.put(d.subject(), d));
            m.parentContacts().forEach(d -> contactOf.put(d.subject(), d));
        }
        LocalDate monday = SchoolCalendar.mondayOf(to);
        // each term contact once per class it names a student of, in one pass
        Map<String, List<Record>> contactsByClass = new HashMap<>();
        for (Record r : read.records()) {
            if (r.kind() != Kind.PARENT_CONTACT || !term.contains(r.date())) continue;
            r.studentIds().stream().map(roster::student).flatMap(java.util.Optional::stream).map(Student::classId).distinct()
                    .forEach(c -> contactsByClass.computeIfAbsent(c, k -> new ArrayList<>()).add(r));
        }
        Map<String, List<Student>> studentsByClass = new HashMap<>();
        for (Student s : roster.students()) studentsByClass.computeIfAbsent(s.classId(), k -> new ArrayList<>()).add(s);
        Map<String, LocalDate> planned = conferenceDates(schoolId, to);
        Set<String> heldNow = heldIn(schoolId, Ledger.month(to));
        int schoolWeeks = trend.weeks().size();
        for (SchoolClass c : roster.classes().stream().sorted(Comparator.comparing(SchoolClass::name)).toList()) {
            List<Student> students = studentsByClass.getOrDefault(c.id(), List.of());
            Set<String> ids = new HashSet<>(students.stream().map(Student::id).toList());
            List<String> mentors = students.stream().map(Student::mentorId).filter(Objects::nonNull).distinct().toList();
            List<DutyState> groups = mentors.stream().map(now::get).filter(Objects::nonNull).map(MentorLedger::groupTalk)
                    .filter(d -> d.status() != Status.NOT_APPLICABLE).toList();
            int groupTerm = mentors.stream().mapToInt(m -> (int) byAuthor.getOrDefault(m, List.of()).stream()
                    .filter(r -> r.kind() == Kind.TALK && r.talkType() == TalkType.GROUP && term.contains(r.date())).count()).sum();
            List<DutyState> talks = students.stream().map(s -> talkOf.get(s.id())).filter(Objects::nonNull)
                    .filter(d -> d.status() != Status.NOT_APPLICABLE).toList();
            List<Record> contacts = contactsByClass.getOrDefault(c.id(), List.of());
            int[] weeks = onTimeWeeks.getOrDefault(c.id(), new int[2]);
            int[] dec = decisions.getOrDefault(c.id(), new int[2]);
            grades.computeIfAbsent(grade(c.name()), k -> new ArrayList<>()).add(new ClassLine(c.id(), c.name(),
                    c.headTeacherId() == null ? "" : roster.teacher(c.headTeacherId()).map(Teacher::name).orElse(""),
                    students.size(), mentors.size(), (int) groups.stream().filter(d -> d.status() == Status.DONE).count(), groups.size(),
                    groupTerm, mentors.size() * schoolWeeks * rules.rules().groupTalksPerWeek(),
                    (int) talks.stream().filter(d -> d.status() != Status.OVERDUE).count(), talks.size(),
                    weeks[1] == 0 ? 0 : Math.round(100f * weeks[0] / weeks[1]),
                    (int) students.stream().map(s -> contactOf.get(s.id())).filter(d -> d != null && d.status() == Status.DONE).count(),
                    (int) contacts.stream().filter(r -> !r.date().isBefore(monday)).count(),
                    (int) contacts.stream().filter(r -> r.channel() == Channel.HOME_VISIT && !r.date().isBefore(monday)).count(),
                    (int) contacts.stream().filter(r -> r.channel() == Channel.HOME_VISIT).count(),
                    held.getOrDefault(c.id(), 0), months, rules.conference(c.id(), planned.get(c.id()), heldNow.contains(c.id()), to), dec[0], dec[1],
                    (int) ids.stream().filter(flagged::contains).count()));
        }
        List<MentorBehind> behind = now.values().stream().map(m -> behind(m, roster)).filter(b -> b.overdue() > 0)
                .sorted(Comparator.comparingInt(MentorBehind::overdue).reversed().thenComparing(MentorBehind::name))
                .limit(BEHIND).toList();
        return new SchoolOverview(roster.schoolName(), today, term.name(), term.start(), roster.students().size(), mentorIds.size(),
                grades.entrySet().stream().map(e -> new SchoolOverview.Grade(e.getKey(), e.getValue())).toList(), trend.weeks(), behind);
    }

    /**
     * What the school's {@link SchoolFigures} are computed from, in a few small reads: the records' marker (the one the
     * kept read of the term is checked by), the roster, the plans' paces, the ledger's rules and the day. Equal stamps,
     * equal figures; a note filed, withdrawn or corrected, a roster or a plan changed, or a new day, and it differs.
     */
    Object figuresStamp(String schoolId, LocalDate today) {
        return new FiguresStamp(schoolId, today, reads.marker(schoolId), rosters.load(schoolId), ledger.paces(schoolId), ledger.rules(schoolId));
    }

    /** Roster and rules are compared by identity: the roster store hands out the same roster while it is unchanged. */
    private record FiguresStamp(String schoolId, LocalDate today, Object marker, Roster roster, Map<String, StudentPace> paces,
                                LedgerRules rules) {}

    /** The students of a class flagged this term (by anyone), for the page one click further. */
    public List<String> flagged(String schoolId, String classId, LocalDate today) {
        SchoolCalendar.Term term = ledger.rules(schoolId).calendar().currentOrLastTerm(today);
        Set<String> flagged = reads.flagged(schoolId, term.start(), term.end().isBefore(today) ? term.end() : today);
        return rosters.load(schoolId).students().stream().filter(s -> s.classId().equals(classId) && flagged.contains(s.id()))
                .map(Student::id).toList();
    }

    /** 高二(1)班 → 高二: a class's grade is its name before the bracket. */
    static String grade(String className) {
        int cut = className.length();
        for (String b : List.of("(", "（", "班")) {
            int i = className.indexOf(b);
            if (i > 0 && i < cut) cut = i;
        }
        return className.substring(0, cut);
    }

    private Map<String, MentorLedger> ledgers(Roster roster, List<String> mentorIds, Map<String, List<Record>> byAuthor,
                                             Map<String, StudentPace> paces, LocalDate day) {
        Map<String, MentorLedger> ledgers = new HashMap<>();
        LedgerRules rules = ledger.rules(roster.schoolId());
        for (String m : mentorIds) {
            ledgers.put(m, rules.mentor(roster, m, byAuthor.getOrDefault(m, List.of()), false, paces, Map.of(), day));
        }
        return ledgers;
    }

    /** Today's ledgers, kept while their records, plans and roster are unchanged (a page reload computes nothing). */
    private Map<String, MentorLedger> today(String schoolId, Roster roster, List<String> mentorIds, TermReads.Snapshot read,
                                            Map<String, StudentPace> paces, LocalDate day) {
        DayKey key = new DayKey(schoolId, day, read.digestUpTo(day), roster, paces);
        Today kept = latest;
        if (kept != null && kept.key().equals(key)) return kept.ledgers();
        Map<String, MentorLedger> ledgers = ledgers(roster, mentorIds, read.byAuthor(), paces, day);
        latest = new Today(key, ledgers);
        return ledgers;
    }

    private volatile Today latest;

    /** The term's weekly points and each class's on-time counts summed over them. */
    private record Trend(List<Week> weeks, Map<String, int[]> onTimeByClass) {}

    /** A week's point and each class's on-time counts that day. */
    private record Point(Week week, Map<String, int[]> onTime) {}

    /** What a ledger day was computed from: the digest of the records dated up to it, the plans' paces, the roster. */
    private record DayKey(String schoolId, LocalDate day, long digest, Roster roster, Map<String, StudentPace> paces) {}

    private record Today(DayKey key, Map<String, MentorLedger> ledgers) {}

    /** Past weeks' points, kept while what they were computed from is unchanged (a new note dated today changes none). */
    private final Map<DayKey, Point> points = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The trend, one point per school week of the term (its last school day up to today), each from the ledger on that
     * day. A past week's point is the expensive part and is reused while no record dated up to its day was added,
     * corrected or deleted and no plan or roster changed (the snapshot's digest up to that day is unchanged).
     */
    private Trend trend(String schoolId, Roster roster, SchoolCalendar.Term term, LocalDate to, Map<String, MentorLedger> now,
                        List<String> mentorIds, TermReads.Snapshot read, Map<String, StudentPace> paces) {
        LedgerRules rules = ledger.rules(schoolId);
        // points of an earlier roster or plans are never asked for again (and would hold on to that roster)
        points.keySet().removeIf(k -> k.schoolId().equals(schoolId) && (k.roster() != roster || !k.paces().equals(paces)));
        if (points.size() > 1000) points.clear();
        List<Week> weeks = new ArrayList<>();
        Map<String, int[]> onTimeByClass = new HashMap<>(); // class id -> {on time, of} summed over the weeks
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate monday = SchoolCalendar.mondayOf(term.start()); !monday.isAfter(to); monday = monday.plusWeeks(1)) {
            if (!rules.calendar().isSchoolWeek(monday)) continue;
            LocalDate day = monday.with(DayOfWeek.FRIDAY).isAfter(to) ? to : monday.with(DayOfWeek.FRIDAY);
            // the week's last school day: on a holiday the talk clock stands still and says nothing
            while (day.isAfter(monday) && !rules.calendar().isSchoolDay(day)) day = day.minusDays(1);
            days.add(day);
        }
        // past weeks not kept are computed side by side (each is a whole school's ledger on its day)
        days.parallelStream().filter(d -> !d.equals(to)).map(d -> new DayKey(schoolId, d, read.digestUpTo(d), roster, paces))
                .filter(k -> !points.containsKey(k))
                .forEach(k -> points.putIfAbsent(k, week(k.day(), ledgers(roster, mentorIds, read.byAuthor(), paces, k.day()).values(), roster)));
        for (LocalDate day : days) {
            Point point = day.equals(to) ? week(day, now.values(), roster)
                    : points.computeIfAbsent(new DayKey(schoolId, day, read.digestUpTo(day), roster, paces),
                            k -> week(k.day(), ledgers(roster, mentorIds, read.byAuthor(), paces, k.day()).values(), roster));
            weeks.add(point.week());
            point.onTime().forEach((c, n) -> {
                int[] sum = onTimeByClass.computeIfAbsent(c, k -> new int[2]);
                sum[0] += n[0];
                sum[1] += n[1];
            });
        }
        return new Trend(List.copyOf(weeks), onTimeByClass);
    }

    private Map<String, LocalDate> conferenceDates(String schoolId, LocalDate day) {
        Map<String, LocalDate> dates = new HashMap<>();
        jdbc.sql("select class_id, held_on from conference_date where school_id = ? and month = ?").params(schoolId, Ledger.month(day))
                .query((rs, n) -> dates.put(rs.getString(1), rs.getDate(2).toLocalDate())).list();
        return dates;
    }

    private Set<String> heldIn(String schoolId, String month) {
        return new HashSet<>(jdbc.sql("select subject from duty_done where school_id = ? and duty = 'CASE_CONFERENCE' and period = ?")
                .params(schoolId, month).query(String.class).list());
    }

    private static Point week(LocalDate day, Iterable<MentorLedger> ledgers, Roster roster) {
        Map<String, int[]> onTimeByClass = new HashMap<>();
        int onTime = 0, talks = 0, groupsDone = 0, groups = 0, met = 0, contacts = 0;
        for (MentorLedger m : ledgers) {
            if (m.groupTalk().status() != Status.NOT_APPLICABLE) {
                groups++;
                if (m.groupTalk().status() == Status.DONE) groupsDone++;
            }
            for (DutyState t : m.individualTalks()) {
                if (t.status() == Status.NOT_APPLICABLE) continue;
                talks++;
                boolean ok = t.status() != Status.OVERDUE;
                if (ok) onTime++;
                String classId = roster.student(t.subject()).map(Student::classId).orElse("");
                int[] c = onTimeByClass.computeIfAbsent(classId, k -> new int[2]);
                c[0] += ok ? 1 : 0;
                c[1]++;
            }
            for (DutyState c : m.parentContacts()) {
                contacts++;
                if (c.status() == Status.DONE) met++;
            }
        }
        return new Point(new Week(day, percent(onTime, talks), percent(groupsDone, groups), percent(met, contacts)), onTimeByClass);
    }

    private static int percent(int n, int of) {
        return of == 0 ? 0 : Math.round(100f * n / of);
    }

    private static MentorBehind behind(MentorLedger m, Roster roster) {
        return new MentorBehind(m.mentorId(), roster.teacher(m.mentorId()).map(Teacher::name).orElse(m.mentorId()), m.individualTalks().size(),
                (int) m.individualTalks().stream().filter(d -> d.status() == Status.OVERDUE).count(),
                (int) m.parentContacts().stream().filter(d -> d.status() != Status.DONE && d.needsAttention()).count(),
                m.groupTalk().status() == Status.OVERDUE);
    }

    /** Months of the term with each class's conference marked held. */
    private Map<String, Integer> conferencesHeld(String schoolId, LocalDate from, LocalDate to) {
        Map<String, Integer> held = new HashMap<>();
        jdbc.sql("select subject, count(*) from duty_done where school_id = ? and duty = 'CASE_CONFERENCE' and period between ? and ? group by subject")
                .params(schoolId, Ledger.month(from), Ledger.month(to))
                .query((rs, n) -> held.put(rs.getString(1), rs.getInt(2))).list();
        return held;
    }

    /**
     * This term's decisions per class, {carried out, all}: as the class digest judges them, carried out when all
     * their reminders are done, or when their owner wrote about one of their students after the decision.
     */
    private Map<String, int[]> decisions(String schoolId, LocalDate from, LocalDate to, Map<String, List<Record>> byAuthor) {
        Map<String, int[]> byClass = new HashMap<>();
        jdbc.sql("select d.class_id, d.decided_on, d.owner_id, d.student_ids, "
                        + "exists (select 1 from reminder r where r.decision_id = d.id) "
                        + "and not exists (select 1 from reminder r where r.decision_id = d.id and r.status <> 'DONE') "
                        + "from conference_decision d where d.school_id = ? and d.decided_on between ? and ?")
                .params(schoolId, Date.valueOf(from), Date.valueOf(to))
                .query((rs, n) -> {
                    LocalDate on = rs.getDate(2).toLocalDate();
                    List<String> students = List.of((String[]) rs.getArray(4).getArray());
                    boolean done = rs.getBoolean(5) || byAuthor.getOrDefault(rs.getString(3), List.of()).stream()
                            .anyMatch(r -> r.date().isAfter(on) && r.studentIds().stream().anyMatch(students::contains));
                    int[] c = byClass.computeIfAbsent(rs.getString(1), k -> new int[2]);
                    c[0] += done ? 1 : 0;
                    c[1]++;
                    return c;
                }).list();
        return byClass;
    }
}
