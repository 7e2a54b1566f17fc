package app.mentorbot.conversations.dialogue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.conversations.dialogue.RelayLog.Direction;
import app.mentorbot.conversations.dialogue.RelayLog.Relayed;

/**
 * The relayed messages in PostgreSQL ({@code relay_message}), each with the contact record it counts in;
 * a student's own messages to their mentor are kept here too ({@code writer} STUDENT, no parent).
 */
final class RelayMessages {
    private final JdbcClient jdbc;

    RelayMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A parent who wrote to a mentor about one of their children. */
    record ParentWriter(String parentId, String studentId) {}

    void add(Relayed m, long recordId) {
        jdbc.sql("insert into relay_message (school_id, student_id, parent_id, mentor_id, direction, body, sent_at, held_until, "
                        + "safety, record_id, source_message_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(m.schoolId(), m.studentId(), m.parentId(), m.mentorId(), m.direction().name(), m.body(), Timestamp.from(m.at()),
                        m.heldUntil() == null ? null : Timestamp.from(m.heldUntil()), m.safety(), recordId, m.sourceMessageId())
                .update();
    }

    /** A student's own message to their mentor: no parent, and no contact record unless it raised SAFETY. */
    void addFromStudent(String schoolId, String studentId, String mentorId, String body, Instant at, Instant heldUntil, boolean safety,
                        Long recordId, Long sourceMessageId) {
        jdbc.sql("insert into relay_message (school_id, student_id, parent_id, mentor_id, direction, body, sent_at, held_until, "
                        + "safety, record_id, source_message_id, writer) values (?, ?, null, ?, ?, ?, ?, ?, ?, ?, ?, 'STUDENT')")
                .params(schoolId, studentId, mentorId, Direction.TO_MENTOR.name(), body, Timestamp.from(at),
                        heldUntil == null ? null : Timestamp.from(heldUntil), safety, recordId, sourceMessageId)
                .update();
    }

    /** A mentor's answer to a student. */
    void addToStudent(String schoolId, String studentId, String mentorId, String body, Instant at, Long sourceMessageId) {
        jdbc.sql("insert into relay_message (school_id, student_id, parent_id, mentor_id, direction, body, sent_at, source_message_id, writer) "
                        + "values (?, ?, null, ?, ?, ?, ?, ?, 'STUDENT')")
                .params(schoolId, studentId, mentorId, Direction.TO_STUDENT.name(), body, Timestamp.from(at), sourceMessageId)
                .update();
    }

    /** The contact record of an earlier message between this parent and mentor about this child, sent in [from, to). */
    Optional<Long> contactRecord(Relayed m, Instant from, Instant to) {
        return jdbc.sql("select record_id from relay_message where school_id = ? and student_id = ? and parent_id = ? "
                        + "and mentor_id = ? and record_id is not null and sent_at >= ? and sent_at < ? limit 1")
                .params(m.schoolId(), m.studentId(), m.parentId(), m.mentorId(), Timestamp.from(from), Timestamp.from(to))
                .query(Long.class).optional();
    }

    /** Parents of a teacher's students who wrote since then, the most recent first (for a bare 「回复 …」). */
    List<ParentWriter> recentParentWriters(String schoolId, String mentorId, Instant since) {
        return jdbc.sql("select parent_id, student_id, max(sent_at) as last from relay_message "
                        + "where school_id = ? and mentor_id = ? and direction = ? and sent_at > ? and parent_id is not null "
                        + "group by parent_id, student_id order by last desc")
                .params(schoolId, mentorId, Direction.TO_MENTOR.name(), Timestamp.from(since))
                .query((rs, n) -> new ParentWriter(rs.getString(1), rs.getString(2))).list();
    }

    /** Every message about the student; returns how many. */
    int forgetStudent(String schoolId, String studentId) {
        return jdbc.sql("delete from relay_message where school_id = ? and student_id = ?").params(schoolId, studentId).update();
    }
}
