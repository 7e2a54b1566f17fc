package app.mentorbot.conversations.duties;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.records.RecordStore;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.RosterStore;
import app.mentorbot.conversations.schedule.SchoolCalendar;

/**
 * The duty ledger for any day, computed from stored records (and the few duties marked done by hand).
 * Nothing is stored about the ledger itself: it is always what the records say.
 */
public final class Ledger {
    private final JdbcClient jdbc;
    private final RosterStore rosters;
    private final RecordStore records;
    private final SchoolRules rules;
    private final Paces paces;
    private final MentorChanges changes;

    public Ledger(JdbcClient jdbc, RosterStore rosters, RecordStore records, SchoolRules rules) {
        this(jdbc, rosters, records, rules, Paces.none());
    }

    /**
     * A ledger that holds students with a guidance plan to the paces their plans ask for, when stricter; each
     * school's duties by its own rules.
     */
    public Ledger(JdbcClient jdbc, RosterStore rosters, RecordStore records, SchoolRules rules, Paces paces) {
        this.jdbc = jdbc;
        this.rosters = rosters;
        this.records = records;
        this.rules = rules;
        this.paces = paces;
        this.changes = new MentorChanges(jdbc);
    }

    /** The paces students' plans ask for, by student id. */
    public Map<String, StudentPace> paces(String schoolId) {
        return paces.of(schoolId);
    }

    /** The school's calendar and duty rules. */
    public LedgerRules rules(String schoolId) {
        return rules.forSchool(schoolId);
    }

    public MentorLedger mentor(String schoolId, String mentorId, LocalDate day) {
        Roster roster = rosters.load(schoolId);
        LedgerRules rules = rules(schoolId);
        SchoolCalendar.Term term = rules.calendar().currentOrLastTerm(day);
        List<Record> own = records.forDuties(schoolId, List.of(mentorId), rules.readFrom(day), day);
        return rules.mentor(roster, mentorId, own, isDone(schoolId, Duty.SEMESTER_SUMMARY, mentorId, term.name()), paces.of(schoolId),
                studentAccounts(schoolId), changes.since(schoolId, roster), day);
    }

    /** Ledgers for many mentors from one read of the term's records (for the scheduler's school-wide jobs). */
    public List<MentorLedger> mentors(String schoolId, List<String> mentorIds, LocalDate day) {
        Roster roster = rosters.load(schoolId);
        LedgerRules rules = rules(schoolId);
        SchoolCalendar.Term term = rules.calendar().currentOrLastTerm(day);
        // only these mentors' records, and only the columns duties need: the weekly job asks for every mentor
        List<Record> all = records.forDuties(schoolId, mentorIds, rules.readFrom(day), day);
        Map<String, List<Record>> byAuthor = new HashMap<>();
        for (Record r : all) byAuthor.computeIfAbsent(r.authorId(), k -> new ArrayList<>()).add(r);
        Set<String> summaries = new HashSet<>(jdbc.sql(
                        "select subject from duty_done where school_id = ? and duty = 'SEMESTER_SUMMARY' and period = ?")
                .params(schoolId, term.name()).query(String.class).list());
        Map<String, StudentPace> planned = paces.of(schoolId);
        Map<String, LocalDate> accounts = studentAccounts(schoolId);
        Map<String, LocalDate> since = changes.since(schoolId, roster);
        return mentorIds.stream()
                .map(id -> rules.mentor(roster, id, byAuthor.getOrDefault(id, List.of()), summaries.contains(id), planned, accounts, since, day))
                .toList();
    }

    /** Students whose mentor changed and who are still with the mentor the change gave them, by student id. */
    public Map<String, MentorChanges.Change> mentorChanges(String schoolId) {
        return changes.current(schoolId, rosters.load(schoolId));
    }

    /** Students with a chat account and the day it was made; none while the school has student reports off. */
    private Map<String, LocalDate> studentAccounts(String schoolId) {
        if (!rules(schoolId).rules().studentReports()) return Map.of();
        record Account(String studentId, LocalDate since) {}
        Map<String, LocalDate> accounts = new HashMap<>();
        jdbc.sql("select student_id, since from student_account where school_id = ?").param(schoolId)
                .query((rs, n) -> new Account(rs.getString(1), rs.getTimestamp(2).toInstant().atZone(SchoolCalendar.ZONE).toLocalDate()))
                .list().forEach(a -> accounts.put(a.studentId(), a.since()));
        return accounts;
    }

    public DutyState conference(String schoolId, String classId, LocalDate day) {
        String month = month(day);
        Optional<LocalDate> planned = conferenceDate(schoolId, classId, day);
        return rules(schoolId).conference(classId, planned.orElse(null), isDone(schoolId, Duty.CASE_CONFERENCE, classId, month), day);
    }

    public Optional<LocalDate> conferenceDate(String schoolId, String classId, LocalDate day) {
        return jdbc.sql("select held_on from conference_date where school_id = ? and class_id = ? and month = ?")
                .params(schoolId, classId, month(day)).query(Date.class).optional().map(Date::toLocalDate);
    }

    public void setConferenceDate(String schoolId, String classId, LocalDate on, String by) {
        jdbc.sql("insert into conference_date (school_id, class_id, month, held_on, set_by) values (?, ?, ?, ?, ?) "
                        + "on conflict (school_id, class_id, month) do update set held_on = excluded.held_on, set_by = excluded.set_by")
                .params(schoolId, classId, month(on), Date.valueOf(on), by).update();
    }

    public void markDone(String schoolId, Duty duty, String subject, String period, String by, Instant at) {
        jdbc.sql("insert into duty_done (school_id, duty, subject, period, done_at, done_by) values (?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(schoolId, duty.name(), subject, period, Timestamp.from(at), by).update();
    }

    public boolean isDone(String schoolId, Duty duty, String subject, String period) {
        return jdbc.sql("select count(*) from duty_done where school_id = ? and duty = ? and subject = ? and period = ?")
                .params(schoolId, duty.name(), subject, period).query(Long.class).single() > 0;
    }

    public static String month(LocalDate d) {
        return String.format("%04d-%02d", d.getYear(), d.getMonthValue());
    }
}
