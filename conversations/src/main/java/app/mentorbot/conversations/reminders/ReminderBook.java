package app.mentorbot.conversations.reminders;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.conversations.schedule.SchoolCalendar;

/**
 * Reminders in PostgreSQL. The scheduler takes what is due, delivers it in one message per person
 * and slot, and marks it delivered in the same transaction as the outbox row, so a reminder is sent
 * once whatever crashes or how many bot instances run.
 */
public final class ReminderBook {
    private final JdbcClient jdbc;

    public ReminderBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a reminder; with a dedupe key that exists already, nothing is added and the result is empty. */
    public Optional<Long> add(String schoolId, String personId, Reminder.Kind kind, String text, LocalDate dueOn,
                              List<String> studentIds, Long recordId, Long decisionId, String recurrence, String dedupeKey,
                              Instant now) {
        return jdbc.sql("insert into reminder (school_id, person_id, kind, text, due_on, student_ids, record_id, decision_id, "
                        + "recurrence, dedupe_key, created_at) values (?, ?, ?, ?, ?, coalesce(string_to_array(?::text, ','), '{}'), ?, ?, ?, ?, ?) "
                        + "on conflict (school_id, dedupe_key) do nothing returning id")
                .params(schoolId, personId, kind.name(), text, Date.valueOf(dueOn),
                        studentIds == null || studentIds.isEmpty() ? null : String.join(",", studentIds),
                        recordId, decisionId, recurrence, dedupeKey, Timestamp.from(now))
                .query(Long.class).optional();
    }

    /** Pending reminders due on or before {@code day}, by person, oldest first. */
    public Map<String, List<Reminder>> dueBy(String schoolId, LocalDate day) {
        Map<String, List<Reminder>> byPerson = new LinkedHashMap<>();
        for (Reminder r : jdbc.sql(SELECT + " where school_id = ? and status = 'PENDING' and due_on <= ? order by person_id, due_on, id")
                .params(schoolId, Date.valueOf(day)).query(ReminderBook::map).list()) {
            byPerson.computeIfAbsent(r.personId(), k -> new ArrayList<>()).add(r);
        }
        return byPerson;
    }

    /** Marks reminders delivered in a slot; a weekly one gets its next occurrence. */
    public void delivered(List<Reminder> reminders, Instant slot, Instant at) {
        for (Reminder r : reminders) {
            jdbc.sql("update reminder set status = 'DELIVERED', delivered_at = ?, delivered_slot = ? where id = ? and status = 'PENDING'")
                    .params(Timestamp.from(at), Timestamp.from(slot), r.id()).update();
            if (r.weekly()) {
                LocalDate next = r.dueOn().plusWeeks(1);
                while (next.isBefore(LocalDate.ofInstant(at, SchoolCalendar.ZONE))) next = next.plusWeeks(1);
                add(r.schoolId(), r.personId(), r.kind(), r.text(), next, r.studentIds(), r.recordId(), r.decisionId(),
                        r.recurrence(), null, at);
            }
        }
    }

    /** The last batch delivered to a person that they have not answered yet. */
    public List<Reminder> lastDelivered(String schoolId, String personId, Instant since) {
        return jdbc.sql(SELECT + " where school_id = ? and person_id = ? and status = 'DELIVERED' and delivered_slot = "
                        + "(select max(delivered_slot) from reminder where school_id = ? and person_id = ? and status = 'DELIVERED' and delivered_at >= ?) "
                        + "order by due_on, id")
                .params(schoolId, personId, schoolId, personId, Timestamp.from(since)).query(ReminderBook::map).list();
    }

    /** Marks reminders done at a time (the workload page tells done on time from done late by it). */
    public int complete(List<Long> ids, Instant at) {
        int n = 0;
        for (long id : ids) {
            n += jdbc.sql("update reminder set status = 'DONE', done_at = ? where id = ?").params(Timestamp.from(at), id).update();
        }
        return n;
    }

    public int cancel(List<Long> ids) {
        return setStatus(ids, Reminder.Status.CANCELLED);
    }

    /** Back to pending, due on another day. */
    public int snooze(List<Long> ids, LocalDate to) {
        int n = 0;
        for (long id : ids) {
            n += jdbc.sql("update reminder set status = 'PENDING', due_on = ?, delivered_at = null, delivered_slot = null where id = ?")
                    .params(Date.valueOf(to), id).update();
        }
        return n;
    }

    private int setStatus(List<Long> ids, Reminder.Status status) {
        int n = 0;
        for (long id : ids) n += jdbc.sql("update reminder set status = ? where id = ?").params(status.name(), id).update();
        return n;
    }

    /** A record's follow-up moved or went away: its open reminder follows. */
    public void followRecord(long recordId, LocalDate followUp) {
        if (followUp == null) {
            jdbc.sql("update reminder set status = 'CANCELLED' where record_id = ? and status = 'PENDING'").param(recordId).update();
        } else {
            jdbc.sql("update reminder set due_on = ? where record_id = ? and status = 'PENDING'").params(Date.valueOf(followUp), recordId).update();
        }
    }

    /**
     * A student's mentor changed: the old mentor's pending reminders and follow-ups about that student alone go to the
     * new mentor; the old mentor's duty nudges about them are cancelled (the new mentor's ledger makes its own).
     * Reminders that also name other students stay with the old mentor. Returns how many were handed over.
     */
    public int handOver(String schoolId, String studentId, String fromMentor, String toMentor) {
        String aboutThemAlone = " where school_id = ? and person_id = ? and status = 'PENDING' and student_ids = array[?]::text[] and kind ";
        jdbc.sql("update reminder set status = 'CANCELLED'" + aboutThemAlone + "= 'DUTY'").params(schoolId, fromMentor, studentId).update();
        return jdbc.sql("update reminder set person_id = ?" + aboutThemAlone + "<> 'DUTY'").params(toMentor, schoolId, fromMentor, studentId).update();
    }

    /** Pending reminders of a person due in [from, to]. */
    public List<Reminder> pending(String schoolId, String personId, LocalDate from, LocalDate to) {
        return jdbc.sql(SELECT + " where school_id = ? and person_id = ? and status = 'PENDING' and due_on between ? and ? order by due_on, id")
                .params(schoolId, personId, Date.valueOf(from), Date.valueOf(to)).query(ReminderBook::map).list();
    }

    /** Open reminders about any of the given students (for digests: what is still to be done). */
    public List<Reminder> openAbout(String schoolId, List<String> studentIds) {
        if (studentIds.isEmpty()) return List.of();
        return jdbc.sql(SELECT + " where school_id = ? and status in ('PENDING', 'DELIVERED') and student_ids && string_to_array(?::text, ',') "
                        + "order by due_on, id")
                .params(schoolId, String.join(",", studentIds)).query(ReminderBook::map).list();
    }

    /** The reminders of several decisions in one read, by decision (a class digest shows all of its decisions). */
    public Map<Long, List<Reminder>> forDecisions(Collection<Long> decisionIds) {
        Map<Long, List<Reminder>> byDecision = new HashMap<>();
        if (decisionIds.isEmpty()) return byDecision;
        String ids = decisionIds.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();
        for (Reminder r : jdbc.sql(SELECT + " where decision_id = any(string_to_array(?::text, ',')::bigint[]) order by due_on, id")
                .param(ids).query(ReminderBook::map).list()) {
            byDecision.computeIfAbsent(r.decisionId(), k -> new ArrayList<>()).add(r);
        }
        return byDecision;
    }

    /**
     * Forgets a student: reminders about them, or naming them in full, go; others lose their link to the
     * student's records (which go next). Returns how many reminders went.
     */
    public int forgetStudent(String schoolId, String studentId, String fullName, List<Long> recordIds) {
        int deleted = jdbc.sql("delete from reminder where school_id = ? and (? = any(student_ids) or text like ?)")
                .params(schoolId, studentId, "%" + fullName + "%").update();
        for (long id : recordIds) jdbc.sql("update reminder set record_id = null where record_id = ?").param(id).update();
        return deleted;
    }

    private static final String SELECT = "select id, school_id, person_id, kind, text, due_on, student_ids, record_id, decision_id, "
            + "recurrence, status from reminder";

    private static Reminder map(ResultSet rs, int n) throws SQLException {
        Array students = rs.getArray("student_ids");
        return new Reminder(rs.getLong("id"), rs.getString("school_id"), rs.getString("person_id"),
                Reminder.Kind.valueOf(rs.getString("kind")), rs.getString("text"), rs.getDate("due_on").toLocalDate(),
                students == null ? List.of() : Arrays.asList((String[]) students.getArray()),
                (Long) rs.getObject("record_id"), (Long) rs.getObject("decision_id"), rs.getString("recurrence"),
                Reminder.Status.valueOf(rs.getString("status")));
    }
}
