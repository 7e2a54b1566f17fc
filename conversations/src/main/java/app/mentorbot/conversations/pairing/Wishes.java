package app.mentorbot.conversations.pairing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The students a teacher said in chat they would like to mentor (mentor_wish), most wanted first. They are the
 * teacher's own list in the next match, after any list the choices file gives for them; they stay until the
 * teacher clears them.
 */
public final class Wishes {
    private final JdbcClient jdbc;

    Wishes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds students after those already wished for (one already there keeps its place); returns the whole list. */
    public List<String> add(String schoolId, String teacherId, List<String> studentIds, Instant now) {
        int next = of(schoolId, teacherId).size();
        for (String s : studentIds) {
            next += jdbc.sql("insert into mentor_wish (school_id, teacher_id, student_id, position, said_at) values (?, ?, ?, ?, ?) "
                    + "on conflict do nothing").params(schoolId, teacherId, s, next, Timestamp.from(now)).update();
        }
        return of(schoolId, teacherId);
    }

    public List<String> of(String schoolId, String teacherId) {
        return jdbc.sql("select student_id from mentor_wish where school_id = ? and teacher_id = ? order by position, student_id")
                .params(schoolId, teacherId).query(String.class).list();
    }

    /** Every teacher's list, by teacher id. */
    public Map<String, List<String>> all(String schoolId) {
        Map<String, List<String>> all = new HashMap<>();
        record Wish(String teacherId, String studentId) {}
        jdbc.sql("select teacher_id, student_id from mentor_wish where school_id = ? order by teacher_id, position, student_id").param(schoolId)
                .query((rs, n) -> new Wish(rs.getString(1), rs.getString(2))).list()
                .forEach(w -> all.computeIfAbsent(w.teacherId(), k -> new ArrayList<>()).add(w.studentId()));
        return all;
    }

    /** Clears a teacher's list; returns how many students it had. */
    public int clear(String schoolId, String teacherId) {
        return jdbc.sql("delete from mentor_wish where school_id = ? and teacher_id = ?").params(schoolId, teacherId).update();
    }

    void forgetStudent(String schoolId, String studentId) {
        jdbc.sql("delete from mentor_wish where school_id = ? and student_id = ?").params(schoolId, studentId).update();
    }
}
