package app.mentorbot.conversations.pairing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.conversations.duties.MentorChanges;
import app.mentorbot.conversations.matching.MatchMentor;
import app.mentorbot.conversations.matching.MatchResult;
import app.mentorbot.conversations.matching.MatchStudent;
import app.mentorbot.conversations.matching.Matching;
import app.mentorbot.conversations.matching.Placement;
import app.mentorbot.conversations.reminders.ReminderBook;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.RosterStore;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.roster.Teacher;
import app.mentorbot.conversations.schedule.SchoolCalendar;

/**
 * Pairing students with mentors as the school does it: a choices file becomes a {@link Proposal} (stored, the
 * school's open one), a class head moves students in it, then confirms, which makes the pairing the roster's.
 * Seats: the school's rule or a teacher's own number from the file, less the mentees they keep outside the file.
 * Confirming changes only the students' mentor: their records, plans and assessments stay with the student.
 */
public final class Pairings {
    /** The school's rule: seats per mentor, and whether a teacher mentors only students of classes they teach. */
    public record Rules(int seats, boolean ownClassesOnly) {
        public Rules {
            if (seats < 0) throw new IllegalArgumentException("seats must not be negative, was " + seats);
        }
    }

    private final ProposalStore store;
    private final RosterStore rosters;
    private final MentorChanges changes;
    private final ReminderBook reminders;
    private final Wishes wishes;

    public Pairings(JdbcClient jdbc, RosterStore rosters) {
        this.store = new ProposalStore(Objects.requireNonNull(jdbc, "jdbc"));
        this.rosters = Objects.requireNonNull(rosters, "rosters");
        this.changes = new MentorChanges(jdbc);
        this.reminders = new ReminderBook(jdbc);
        this.wishes = new Wishes(jdbc);
    }

    /** The students teachers said in chat they would like to mentor. */
    public Wishes wishes() {
        return wishes;
    }

    /** Matches the file's students and stores the result as the school's open proposal (an earlier open one is replaced). */
    public Proposal propose(String schoolId, Roster roster, Choices choices, Rules rules, Instant now) {
        if (!choices.ok()) throw new IllegalArgumentException("a choices file with problems cannot be matched");
        Set<String> inFile = new HashSet<>();
        List<MatchStudent> students = new ArrayList<>();
        for (Choices.Choice c : choices.students()) {
            Student s = roster.student(c.studentId()).orElseThrow();
            inFile.add(s.id());
            students.add(new MatchStudent(s.id(), s.classId(), c.tags(), c.band(), c.mentorIds()));
        }
        Map<String, Integer> seats = new LinkedHashMap<>();
        List<MatchMentor> mentors = new ArrayList<>();
        Map<String, List<String>> saidInChat = wishes.all(schoolId);
        for (Teacher t : roster.teachers()) {
            long kept = roster.menteesOf(t.id()).stream().filter(s -> !inFile.contains(s.id())).count();
            int n = (int) Math.max(0, choices.seats().getOrDefault(t.id(), rules.seats()) - kept);
            // the file's list first, then what the teacher said in chat (「我愿意带：…」)
            Set<String> wanted = new LinkedHashSet<>(choices.preferred().getOrDefault(t.id(), List.of()));
            wanted.addAll(saidInChat.getOrDefault(t.id(), List.of()));
            List<String> liked = wanted.stream().filter(inFile::contains).toList();
            mentors.add(new MatchMentor(t.id(), roster.classIdsOf(t.id()), n, liked));
            seats.put(t.id(), n);
        }
        MatchResult result = Matching.match(students, mentors, rules.ownClassesOnly());
        Map<String, MatchStudent> byId = new HashMap<>();
        students.forEach(s -> byId.put(s.id(), s));
        List<Proposal.Row> rows = result.placements().stream().map(p -> new Proposal.Row(p.studentId(), p.mentorId(), p.rank(), p.missed(),
                byId.get(p.studentId()).tags(), byId.get(p.studentId()).band(), null, false)).toList();
        long id = store.save(schoolId, rules.ownClassesOnly(), seats, rows, now);
        return store.byId(schoolId, id).orElseThrow();
    }

    public Optional<Proposal> open(String schoolId) {
        return store.open(schoolId);
    }

    public Optional<Proposal> byId(String schoolId, long id) {
        return store.byId(schoolId, id);
    }

    /** What a move did: the mentor's count in the proposal afterwards and their seats. */
    public record Moved(long count, int seats) {
        public boolean overSeats() {
            return count > seats;
        }
    }

    /** Why a class head's move was not made. */
    public enum Refused { NOT_YOURS, WHICH_TEACHER, ALREADY_THERE, CONFIRMED }

    /**
     * What a move did: refused (and why), or made ({@code moved}: the mentor's count and seats afterwards;
     * {@code outsideClassRule}: the mentor does not teach the student's class where the school wants that).
     */
    public record MoveOutcome(Refused refused, Teacher mentor, Moved moved, boolean outsideClassRule) {}

    /**
     * A class head's (or an admin's) move of one of their students, the same from chat and from the proposal page:
     * the student must be one of {@code mine} and not yet confirmed; the teacher is whom the words mean (工号, full
     * name, 「孙老师」, or a surname only one teacher has). A move over the seats or outside the class rule is made,
     * and said.
     */
    public MoveOutcome move(String schoolId, Roster roster, Proposal p, Set<String> mine, String studentId, String teacherWords, String by) {
        Optional<Proposal.Row> row = p.row(studentId);
        if (!mine.contains(studentId) || row.isEmpty()) return new MoveOutcome(Refused.NOT_YOURS, null, null, false);
        if (row.get().confirmed()) return new MoveOutcome(Refused.CONFIRMED, null, null, false);
        List<Teacher> meant = teachersMeant(roster, teacherWords);
        if (meant.size() != 1) return new MoveOutcome(Refused.WHICH_TEACHER, null, null, false);
        Teacher m = meant.get(0);
        if (m.id().equals(row.get().mentorId())) return new MoveOutcome(Refused.ALREADY_THERE, m, null, false);
        Moved moved = move(schoolId, p, studentId, m.id(), by);
        boolean outside = p.ownClassesOnly() && roster.student(studentId).map(s -> !roster.classIdsOf(m.id()).contains(s.classId())).orElse(false);
        return new MoveOutcome(null, m, moved, outside);
    }

    /** Teachers the words may mean: 工号, full name (「孙丽老师」 too), or a surname only one teacher has (「孙老师」). */
    public static List<Teacher> teachersMeant(Roster roster, String words) {
        String name = words.strip().replaceFirst("老师$", "");
        Optional<Teacher> byId = roster.teacher(name);
        if (byId.isPresent()) return List.of(byId.get());
        List<Teacher> full = roster.teachers().stream().filter(t -> t.name().equals(name)).toList();
        if (!full.isEmpty() || name.length() > 2 || name.isEmpty()) return full;
        return roster.teachers().stream().filter(t -> t.name().startsWith(name)).toList();
    }

    /** Moves one student of the open proposal to another mentor. */
    public Moved move(String schoolId, Proposal p, String studentId, String mentorId, String by) {
        if (p.row(studentId).isEmpty()) throw new IllegalArgumentException("student " + studentId + " is not in proposal " + p.id());
        store.move(p.id(), studentId, mentorId, by);
        Proposal after = store.byId(schoolId, p.id()).orElseThrow();
        return new Moved(after.countOf(mentorId), p.seats().getOrDefault(mentorId, 0));
    }

    /**
     * Puts the proposal's pairing in force for the given students (a class head's class; an admin's whole
     * proposal): their mentor in the roster changes, and every process re-reads the roster. Students the
     * seats did not reach keep their mentor. Returns the students whose mentor changed.
     */
    public List<String> confirm(String schoolId, Proposal p, Set<String> studentIds, Instant now) {
        Roster roster = rosters.load(schoolId);
        List<String> changed = new ArrayList<>();
        List<String> confirmed = new ArrayList<>();
        for (Proposal.Row r : p.rows()) {
            if (!studentIds.contains(r.studentId()) || r.confirmed() || r.mentorId() == null) continue;
            confirmed.add(r.studentId());
            Optional<Student> s = roster.student(r.studentId());
            if (s.isPresent() && !r.mentorId().equals(s.get().mentorId())) {
                store.setMentor(schoolId, r.studentId(), r.mentorId());
                handOver(schoolId, s.get(), r.mentorId(), now);
                changed.add(r.studentId());
            }
        }
        store.confirmed(p.id(), confirmed, now);
        if (!changed.isEmpty()) rosters.changed(schoolId); // caches reload: mentors see their mentees at once
        return changed;
    }

    /** The student's duties count for the new mentor from today, and the old mentor's open reminders about them follow them. */
    private void handOver(String schoolId, Student s, String to, Instant now) {
        changes.changed(schoolId, s.id(), s.mentorId(), to, LocalDate.ofInstant(now, SchoolCalendar.ZONE), now);
        if (s.mentorId() != null) reminders.handOver(schoolId, s.id(), s.mentorId(), to);
    }

    /** Students of the proposal in the given classes, in proposal order. */
    public static Set<String> studentsOf(Proposal p, Roster roster, Set<String> classIds) {
        Set<String> ids = new LinkedHashSet<>();
        for (Proposal.Row r : p.rows()) {
            roster.student(r.studentId()).filter(s -> classIds.contains(s.classId())).ifPresent(s -> ids.add(s.id()));
        }
        return ids;
    }

    /** Placement words a page or a reply needs: is this row by choice, assigned, or without a mentor. */
    public static boolean byChoice(Proposal.Row r) {
        return r.rank() > 0;
    }

    public static boolean unplaced(Proposal.Row r) {
        return r.rank() == Placement.NONE && r.mentorId() == null;
    }

    /** An erased student leaves no line in any proposal. */
    public void forgetStudent(String schoolId, String studentId) {
        store.forgetStudent(schoolId, studentId);
        changes.forgetStudent(schoolId, studentId);
        wishes.forgetStudent(schoolId, studentId);
    }
}
