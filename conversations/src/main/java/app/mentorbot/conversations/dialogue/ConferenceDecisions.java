package app.mentorbot.conversations.dialogue;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What case conferences decided, in PostgreSQL ({@code conference_decision}); digests read them back. */
final class ConferenceDecisions {
    private final JdbcClient jdbc;

    ConferenceDecisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One decision of a class's conference; returns its id. */
    long add(String schoolId, String classId, LocalDate decidedOn, String text, List<String> studentIds, String ownerId,
             String createdBy, Instant at) {
        return jdbc.sql("insert into conference_decision (school_id, class_id, decided_on, text, student_ids, owner_id, created_by, created_at) "
                        + "values (?, ?, ?, ?, coalesce(string_to_array(?::text, ','), '{}'), ?, ?, ?) returning id")
                .params(schoolId, classId, Date.valueOf(decidedOn), text,
                        studentIds.isEmpty() ? null : String.join(",", studentIds), ownerId, createdBy, Timestamp.from(at))
                .query(Long.class).single();
    }

    /** The student leaves every decision, and their full name becomes {@code mark} in its text. */
    void forgetStudent(String schoolId, String studentId, String fullName, String mark) {
        jdbc.sql("update conference_decision set text = replace(text, ?, ?) where school_id = ? and text like ?")
                .params(fullName, mark, schoolId, "%" + fullName + "%").update();
        jdbc.sql("update conference_decision set student_ids = array_remove(student_ids, ?) where school_id = ?")
                .params(studentId, schoolId).update();
    }
}
