package app.mentorbot.conversations.leadership;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.conversations.duties.Ledger;
import app.mentorbot.conversations.duties.StudentPace;
import app.mentorbot.conversations.leadership.Workload.Behind;
import app.mentorbot.conversations.leadership.WorkloadFacts.Rec;
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
 * Counts each teacher's {@link Workload} from the stored records, in one read per table ({@link WorkloadFacts}).
 * What each item counts, for a teacher, in the period:
 * <ul>
 * <li>mentees: their mentees on the roster today; talks: their own individual and group talk records;</li>
 * <li>parent contacts: their own contacts other than home visits; home visits: their own contacts in person at home;</li>
 * <li>conferences: a class's monthly conference marked held, when they head the class or own one of its decisions;</li>
 * <li>reminders on time / late: their reminders marked done, on or before the day they were due / after it;</li>
 * <li>plans, assessments: guidance plan versions they set, stage assessments they saved;</li>
 * <li>follow-ups closed: their follow-up and decision reminders marked done;</li>
 * <li>flags cleared: mentees flagged in the period whose latest record (by anyone) carries no flag;</li>
 * <li>overdue streaks: times a mentee's individual talk went overdue by the duty ledger's clock
 *     ({@link app.mentorbot.conversations.duties.LedgerRules#talkDays}, a plan's pace when stricter).</li>
 * </ul>
 */
public final class WorkloadBuilder {
    private final JdbcClient jdbc;
    private final RosterStore rosters;
    private final Ledger ledger;
    private final WorkloadRules rules;

    public WorkloadBuilder(JdbcClient jdbc, RosterStore rosters, Ledger ledger, WorkloadRules rules) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.rosters = Objects.requireNonNull(rosters, "rosters");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** The school's term (or its last one, between terms), up to today. */
    public Workload.Period term(String schoolId, LocalDate today) {
        SchoolCalendar.Term t = ledger.rules(schoolId).calendar().currentOrLastTerm(today);
        return new Workload.Period(t.name(), t.start(), min(t.end(), today), false);
    }

    /**
     * The school's year: the terms whose names start with the same 「…学年」 as this term's, or 1 September to
     * 31 August when the terms are not named so; up to today.
     */
    public Workload.Period year(String schoolId, LocalDate today) {
        SchoolCalendar calendar = ledger.rules(schoolId).calendar();
        SchoolCalendar.Term t = calendar.currentOrLastTerm(today);
        int cut = t.name().indexOf("学年");
        if (cut > 0) {
            String year = t.name().substring(0, cut + 2);
            List<SchoolCalendar.Term> terms = calendar.terms().stream().filter(x -> x.name().startsWith(year)).toList();
            LocalDate from = terms.stream().map(SchoolCalendar.Term::start).min(LocalDate::compareTo).orElse(t.start());
            LocalDate to = terms.stream().map(SchoolCalendar.Term::end).max(LocalDate::compareTo).orElse(t.end());
            return new Workload.Period(year, from, min(to, today), true);
        }
        int startYear = today.getMonthValue() >= Month.SEPTEMBER.getValue() ? today.getYear() : today.getYear() - 1;
        return new Workload.Period(startYear + "-" + (startYear + 1), LocalDate.of(startYear, 9, 1),
                min(LocalDate.of(startYear + 1, 8, 31), today), true);
    }

    public WorkloadRules rules() {
        return rules;
    }

    /** The school's duty rules, for pages that say how duties are counted. */
    public app.mentorbot.conversations.duties.DutyRules dutyRules(String schoolId) {
        return ledger.rules(schoolId).rules();
    }

    /** Every teacher of the school, in roster order. */
    public Workload build(String schoolId, Workload.Period period, LocalDate today) {
        Roster roster = rosters.load(schoolId);
        WorkloadFacts facts = WorkloadFacts.read(jdbc, schoolId, readFrom(schoolId, period), period);
        Map<String, StudentPace> paces = ledger.paces(schoolId);
        Map<String, List<Rec>> byAuthor = facts.records().stream().collect(Collectors.groupingBy(Rec::authorId));
        Map<String, List<Rec>> byStudent = new java.util.HashMap<>();
        for (Rec r : facts.records()) for (String s : r.studentIds()) byStudent.computeIfAbsent(s, k -> new ArrayList<>()).add(r);
        ByTeacher by = new ByTeacher(facts);
        List<Workload.Line> lines = new ArrayList<>();
        for (Teacher t : roster.teachers()) {
            Map<WorkloadItem, List<Behind>> items = items(t.id(), roster, facts, by, byAuthor.getOrDefault(t.id(), List.of()), byStudent, paces, period);
            Map<WorkloadItem, Integer> counts = new EnumMap<>(WorkloadItem.class);
            double score = 0;
            for (WorkloadItem i : WorkloadItem.values()) {
                counts.put(i, items.get(i).size());
                score += items.get(i).size() * rules.weight(i);
            }
            lines.add(new Workload.Line(t.id(), t.name(), counts, Math.round(score * 100) / 100.0));
        }
        return new Workload(period, today, rules, lines);
    }

    /** What is behind one of a teacher's counts, oldest first: as many entries as the count. */
    public List<Behind> behind(String schoolId, String teacherId, WorkloadItem item, Workload.Period period) {
        Roster roster = rosters.load(schoolId);
        WorkloadFacts facts = WorkloadFacts.read(jdbc, schoolId, readFrom(schoolId, period), period);
        List<Rec> own = facts.records().stream().filter(r -> r.authorId().equals(teacherId)).toList();
        Set<String> mentees = roster.menteesOf(teacherId).stream().map(Student::id).collect(Collectors.toSet());
        Map<String, List<Rec>> byStudent = new java.util.HashMap<>();
        for (Rec r : facts.records()) {
            for (String s : r.studentIds()) if (mentees.contains(s)) byStudent.computeIfAbsent(s, k -> new ArrayList<>()).add(r);
        }
        return items(teacherId, roster, facts, new ByTeacher(facts), own, byStudent, ledger.paces(schoolId), period).get(item);
    }

    private LocalDate readFrom(String schoolId, Workload.Period period) {
        return period.from().minusDays(ledger.rules(schoolId).rules().individualTalkDays() * 2L);
    }

    /** The facts indexed by the teacher they count for, once for all teachers (each keeps the facts' order). */
    private record ByTeacher(Map<String, List<WorkloadFacts.Done>> reminders, Map<String, List<WorkloadFacts.Made>> plans,
                             Map<String, List<WorkloadFacts.Made>> assessments, Map<String, Set<String>> decided) {
        ByTeacher(WorkloadFacts facts) {
            this(facts.reminders().stream().collect(Collectors.groupingBy(WorkloadFacts.Done::personId)),
                    facts.plans().stream().collect(Collectors.groupingBy(WorkloadFacts.Made::by)),
                    facts.assessments().stream().collect(Collectors.groupingBy(WorkloadFacts.Made::by)),
                    facts.decisions().stream().collect(Collectors.groupingBy(WorkloadFacts.Decided::ownerId,
                            Collectors.mapping(d -> d.classId() + " " + WorkloadFacts.month(d.on()), Collectors.toSet()))));
        }
    }

    private Map<WorkloadItem, List<Behind>> items(String teacherId, Roster roster, WorkloadFacts facts, ByTeacher by, List<Rec> own,
                                                  Map<String, List<Rec>> byStudent, Map<String, StudentPace> paces, Workload.Period p) {
        Map<WorkloadItem, List<Behind>> items = new EnumMap<>(WorkloadItem.class);
        List<Student> mentees = roster.menteesOf(teacherId);
        List<Rec> inPeriod = own.stream().filter(r -> p.contains(r.date())).toList();
        items.put(WorkloadItem.MENTEES, mentees.stream().map(s -> Behind.of(null, List.of(s.id()), s.classId(), "")).toList());
        items.put(WorkloadItem.INDIVIDUAL_TALKS, records(inPeriod, r -> r.kind() == Kind.TALK && r.talkType() != TalkType.GROUP));
        items.put(WorkloadItem.GROUP_TALKS, records(inPeriod, r -> r.kind() == Kind.TALK && r.talkType() == TalkType.GROUP));
        items.put(WorkloadItem.PARENT_CONTACTS, records(inPeriod, r -> r.kind() == Kind.PARENT_CONTACT && r.channel() != Channel.HOME_VISIT));
        items.put(WorkloadItem.HOME_VISITS, records(inPeriod, r -> r.kind() == Kind.PARENT_CONTACT && r.channel() == Channel.HOME_VISIT));
        items.put(WorkloadItem.CONFERENCES, conferences(teacherId, roster, facts, by.decided().getOrDefault(teacherId, Set.of())));
        List<WorkloadFacts.Done> done = by.reminders().getOrDefault(teacherId, List.of());
        items.put(WorkloadItem.REMINDERS_ON_TIME, reminders(done, r -> r.doneOn() == null || !r.doneOn().isAfter(r.due())));
        items.put(WorkloadItem.REMINDERS_LATE, reminders(done, r -> r.doneOn() != null && r.doneOn().isAfter(r.due())));
        items.put(WorkloadItem.PLANS, made(by.plans().getOrDefault(teacherId, List.of())));
        items.put(WorkloadItem.ASSESSMENTS, made(by.assessments().getOrDefault(teacherId, List.of())));
        items.put(WorkloadItem.FOLLOW_UPS_CLOSED, reminders(done, r -> r.kind().equals("FOLLOW_UP") || r.kind().equals("DECISION")));
        items.put(WorkloadItem.FLAGS_CLEARED, flagsCleared(mentees, byStudent, p));
        items.put(WorkloadItem.OVERDUE_STREAKS, WorkloadStreaks.of(ledger.rules(roster.schoolId()), mentees, own, paces, p));
        return items;
    }

    private static List<Behind> records(List<Rec> recs, java.util.function.Predicate<Rec> which) {
        return recs.stream().filter(which).map(WorkloadBuilder::behind).toList();
    }

    static Behind behind(Rec r) {
        return new Behind(r.date(), null, r.studentIds(), null, "", r.id(), r.kind(), r.talkType(), r.channel());
    }

    private static List<Behind> reminders(List<WorkloadFacts.Done> done, java.util.function.Predicate<WorkloadFacts.Done> which) {
        return done.stream().filter(which)
                .map(r -> new Behind(r.doneOn(), r.due(), r.studentIds(), null, r.text(), null, null, null, null)).toList();
    }

    private static List<Behind> made(List<WorkloadFacts.Made> made) {
        return made.stream().map(m -> Behind.of(m.on(), List.of(m.studentId()), null, m.what())).toList();
    }

    /** Conferences held of classes the teacher heads, or whose decisions that month they own ({@code decided}: "class month"). */
    private static List<Behind> conferences(String teacherId, Roster roster, WorkloadFacts facts, Set<String> decided) {
        return facts.conferences().stream()
                .filter(h -> roster.schoolClass(h.classId()).map(SchoolClass::headTeacherId).map(teacherId::equals).orElse(false)
                        || decided.contains(h.classId() + " " + h.month()))
                .map(h -> Behind.of(h.on(), List.of(), h.classId(), h.month())).toList();
    }

    /** Mentees flagged in the period whose latest record about them (by anyone) carries no flag: that record is behind it. */
    private static List<Behind> flagsCleared(List<Student> mentees, Map<String, List<Rec>> byStudent, Workload.Period p) {
        List<Behind> cleared = new ArrayList<>();
        for (Student s : mentees) {
            List<Rec> about = byStudent.getOrDefault(s.id(), List.of()).stream().filter(r -> p.contains(r.date()))
                    .sorted(Comparator.comparing(Rec::date).thenComparing(Rec::id)).toList();
            if (about.isEmpty() || about.stream().noneMatch(Rec::flagged)) continue;
            Rec last = about.get(about.size() - 1);
            if (!last.flagged()) cleared.add(new Behind(last.date(), null, List.of(s.id()), null, "", last.id(), last.kind(), last.talkType(),
                    last.channel()));
        }
        return cleared;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
