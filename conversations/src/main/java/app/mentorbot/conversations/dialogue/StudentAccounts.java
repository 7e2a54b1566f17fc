package app.mentorbot.conversations.dialogue;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Students with a chat account ({@code student_account}) and the half-month report questions asked of
 * them ({@code student_report_request}). A question stays open until answered, for {@link #OPEN_FOR}.
 */
final class StudentAccounts {
    /** How long a student's messages are read as the answer to a report question. */
    static final Duration OPEN_FOR = Duration.ofDays(7);
    private final JdbcClient jdbc;

    StudentAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An account, with the moment it was first seen. */
    record Account(String studentId, Instant since) {}

    /** Remembers that the student has an account (once; later calls change nothing). */
    void register(String schoolId, String studentId, Instant now) {
        jdbc.sql("insert into student_account (school_id, student_id, since) values (?, ?, ?) on conflict do nothing")
                .params(schoolId, studentId, Timestamp.from(now)).update();
    }

    boolean has(String schoolId, String studentId) {
        return jdbc.sql("select count(*) from student_account where school_id = ? and student_id = ?")
                .params(schoolId, studentId).query(Long.class).single() > 0;
    }

    List<Account> all(String schoolId) {
        return jdbc.sql("select student_id, since from student_account where school_id = ? order by student_id").param(schoolId)
                .query((rs, n) -> new Account(rs.getString(1), rs.getTimestamp(2).toInstant())).list();
    }

    /** The day the student was last asked for a report, if ever. */
    Optional<LocalDate> lastAsked(String schoolId, String studentId) {
        return jdbc.sql("select max(asked_on) from student_report_request where school_id = ? and student_id = ?")
                .params(schoolId, studentId).query(Date.class).optional().map(Date::toLocalDate);
    }

    /** Asks once per student and day; false when this day's question was asked already (another instance). */
    boolean ask(String schoolId, String studentId, String mentorId, LocalDate day, Instant now) {
        return jdbc.sql("insert into student_report_request (school_id, student_id, mentor_id, asked_on, asked_at) values (?, ?, ?, ?, ?) "
                        + "on conflict do nothing")
                .params(schoolId, studentId, mentorId, Date.valueOf(day), Timestamp.from(now)).update() == 1;
    }

    /** The open question's id: the latest one, unanswered and asked within {@link #OPEN_FOR}. */
    Optional<Long> openQuestion(String schoolId, String studentId, Instant now) {
        return jdbc.sql("select id from student_report_request where school_id = ? and student_id = ? and answered_at is null "
                        + "and asked_at > ? order by asked_at desc limit 1")
                .params(schoolId, studentId, Timestamp.from(now.minus(OPEN_FOR))).query(Long.class).optional();
    }

    void answered(long questionId, long recordId, Instant now) {
        jdbc.sql("update student_report_request set record_id = ?, answered_at = ? where id = ?")
                .params(recordId, Timestamp.from(now), questionId).update();
    }

    /** The student's account and questions (their erasure). */
    void forgetStudent(String schoolId, String studentId) {
        jdbc.sql("delete from student_report_request where school_id = ? and student_id = ?").params(schoolId, studentId).update();
        jdbc.sql("delete from student_account where school_id = ? and student_id = ?").params(schoolId, studentId).update();
    }
}
