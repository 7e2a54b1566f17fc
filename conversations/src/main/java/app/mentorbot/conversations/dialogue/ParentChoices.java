package app.mentorbot.conversations.dialogue;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.conversations.people.Person;

/**
 * The child a parent with several children last said they write about: it holds for
 * {@link #STICKS}, so they need not name the child in every message (「换孩子」 forgets it).
 */
final class ParentChoices {
    static final Duration STICKS = Duration.ofHours(24);
    private final JdbcClient jdbc;

    ParentChoices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void choose(Person parent, String studentId, Instant now) {
        jdbc.sql("insert into parent_choice (school_id, account, student_id, chosen_at) values (?, ?, ?, ?) "
                        + "on conflict (school_id, account) do update set student_id = excluded.student_id, chosen_at = excluded.chosen_at")
                .params(parent.schoolId(), parent.id(), studentId, Timestamp.from(now)).update();
    }

    void forget(Person parent) {
        forget(parent.schoolId(), parent.id());
    }

    /** The child chosen within the last day, while they are still this parent's child. */
    Optional<String> current(Person parent, Instant now) {
        return jdbc.sql("select student_id from parent_choice where school_id = ? and account = ? and chosen_at > ?")
                .params(parent.schoolId(), parent.id(), Timestamp.from(now.minus(STICKS)))
                .query(String.class).optional()
                .filter(parent.children()::containsKey);
    }

    /** Every choice of the student, and their parents' choices. */
    void forgetStudent(String schoolId, String studentId, List<String> parentIds) {
        jdbc.sql("delete from parent_choice where school_id = ? and student_id = ?").params(schoolId, studentId).update();
        for (String parentId : parentIds) forget(schoolId, parentId);
    }

    private void forget(String schoolId, String account) {
        jdbc.sql("delete from parent_choice where school_id = ? and account = ?").params(schoolId, account).update();
    }
}
