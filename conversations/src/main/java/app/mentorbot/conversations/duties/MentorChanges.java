package app.mentorbot.conversations.duties;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.conversations.roster.Roster;

/**
 * Changes of a student's mentor (mentor_change): a confirmed pairing writes one per student it moves; the ledger
 * reads them so that a moved student's duties count for the new mentor from the day of the change, not from the
 * term's start, and 「我的任务」 names the student as newly theirs.
 */
public final class MentorChanges {
    /** A student's mentor since a day; {@code fromMentor} null when they had none. */
    public record Change(String studentId, String fromMentor, String toMentor, LocalDate on) {}

    private final JdbcClient jdbc;

    public MentorChanges(JdbcClient jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    public void changed(String schoolId, String studentId, String fromMentor, String toMentor, LocalDate on, Instant at) {
        jdbc.sql("insert into mentor_change (school_id, student_id, from_mentor, to_mentor, changed_on, changed_at) values (?, ?, ?, ?, ?, ?)")
                .params(schoolId, studentId, fromMentor, toMentor, Date.valueOf(on), Timestamp.from(at)).update();
    }

    /** Each student's latest change, where it is still in force (the roster's mentor is the one it named), by student id. */
    public Map<String, Change> current(String schoolId, Roster roster) {
        Map<String, Change> current = new HashMap<>();
        jdbc.sql("select distinct on (student_id) student_id, from_mentor, to_mentor, changed_on from mentor_change where school_id = ? "
                        + "order by student_id, id desc").param(schoolId)
                .query((rs, n) -> new Change(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate())).list()
                .forEach(c -> roster.student(c.studentId()).filter(s -> c.toMentor().equals(s.mentorId())).ifPresent(s -> current.put(s.id(), c)));
        return current;
    }

    /** Since when each student has had their present mentor, where a change says so. */
    public Map<String, LocalDate> since(String schoolId, Roster roster) {
        Map<String, LocalDate> since = new HashMap<>();
        current(schoolId, roster).forEach((student, c) -> since.put(student, c.on()));
        return since;
    }

    public void forgetStudent(String schoolId, String studentId) {
        jdbc.sql("delete from mentor_change where school_id = ? and student_id = ?").params(schoolId, studentId).update();
    }
}
