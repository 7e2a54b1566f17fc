package app.mentorbot.conversations.plans;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.conversations.duties.Paces;
import app.mentorbot.conversations.duties.StudentPace;

/**
 * Guidance plans in PostgreSQL ({@code guidance_plan}), one row per confirmed version; the highest version is
 * the plan in force. Also the ledger's source of paces, and the plans' part of a student's export and erasure.
 */
public final class PlanStore implements Paces {
    private static final String COLUMNS = "student_id, version, goals, content, methods, talk_every_days, parent_contacts_per_term, set_on, set_by";
    private final JdbcClient jdbc;

    public PlanStore(JdbcClient jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    /** Stores the plan as the student's next version, set on {@code on} by {@code by}; returns it as stored. */
    public GuidancePlan confirm(String schoolId, GuidancePlan plan, LocalDate on, String by, Instant at) {
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from guidance_plan where school_id = ? and student_id = ?")
                .params(schoolId, plan.studentId()).query(Integer.class).single();
        jdbc.sql("insert into guidance_plan (school_id, " + COLUMNS + ", created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(schoolId, plan.studentId(), version, lines(plan.goals()), lines(plan.content()), lines(plan.methods()),
                        plan.talkEveryDays(), plan.parentContactsPerTerm(), Date.valueOf(on), by, Timestamp.from(at))
                .update();
        return new GuidancePlan(plan.studentId(), version, plan.goals(), plan.content(), plan.methods(), plan.talkEveryDays(),
                plan.parentContactsPerTerm(), on, by);
    }

    /** The plan in force for the student, if one was ever confirmed. */
    public Optional<GuidancePlan> current(String schoolId, String studentId) {
        return jdbc.sql("select " + COLUMNS + " from guidance_plan where school_id = ? and student_id = ? order by version desc limit 1")
                .params(schoolId, studentId).query(PlanStore::plan).optional();
    }

    /** Every version of the student's plan, oldest first. */
    public List<GuidancePlan> versions(String schoolId, String studentId) {
        return jdbc.sql("select " + COLUMNS + " from guidance_plan where school_id = ? and student_id = ? order by version")
                .params(schoolId, studentId).query(PlanStore::plan).list();
    }

    /** The plan in force for each student of the school who has one, by student id. */
    public Map<String, GuidancePlan> currentPlans(String schoolId) {
        Map<String, GuidancePlan> plans = new LinkedHashMap<>();
        jdbc.sql("select distinct on (student_id) " + COLUMNS + " from guidance_plan where school_id = ? order by student_id, version desc")
                .param(schoolId).query(PlanStore::plan).list().forEach(p -> plans.put(p.studentId(), p));
        return plans;
    }

    @Override
    public Map<String, StudentPace> of(String schoolId) {
        Map<String, StudentPace> paces = new LinkedHashMap<>();
        currentPlans(schoolId).forEach((id, p) -> paces.put(id, p.pace()));
        return paces;
    }

    /** Every version of the student's plan, JSON-ready, for the student's data export. */
    public List<Map<String, Object>> export(String schoolId, String studentId) {
        return versions(schoolId, studentId).stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("version", p.version());
            m.put("setOn", String.valueOf(p.setOn()));
            m.put("setBy", p.setBy());
            m.put("goals", p.goals());
            m.put("content", p.content());
            m.put("methods", p.methods());
            m.put("talkEveryDays", p.talkEveryDays());
            m.put("parentContactsPerTerm", p.parentContactsPerTerm());
            return m;
        }).toList();
    }

    /** Remembers that a chat message (a received one's id; null: none) was about the student's plan. */
    public void noteMessage(String schoolId, String studentId, Long messageId) {
        if (messageId == null) return;
        jdbc.sql("insert into guidance_plan_message (school_id, student_id, message_id) values (?, ?, ?) on conflict do nothing")
                .params(schoolId, studentId, messageId).update();
    }

    /** The received chat messages that were about the student's plan, for an erasure to blank with their answers. */
    public List<Long> messages(String schoolId, String studentId) {
        return jdbc.sql("select message_id from guidance_plan_message where school_id = ? and student_id = ? order by message_id")
                .params(schoolId, studentId).query(Long.class).list();
    }

    /** Deletes every version of the student's plan and the note of its messages (the student is being erased); returns how many versions. */
    public int forgetStudent(String schoolId, String studentId) {
        jdbc.sql("delete from guidance_plan_message where school_id = ? and student_id = ?").params(schoolId, studentId).update();
        return jdbc.sql("delete from guidance_plan where school_id = ? and student_id = ?").params(schoolId, studentId).update();
    }

    private static String lines(List<String> items) {
        return String.join("\n", items);
    }

    private static List<String> items(String lines) {
        return lines == null || lines.isEmpty() ? List.of() : Arrays.asList(lines.split("\n"));
    }

    private static GuidancePlan plan(ResultSet rs, int row) throws SQLException {
        return new GuidancePlan(rs.getString("student_id"), rs.getInt("version"), items(rs.getString("goals")),
                items(rs.getString("content")), items(rs.getString("methods")), rs.getInt("talk_every_days"),
                rs.getInt("parent_contacts_per_term"), rs.getDate("set_on").toLocalDate(), rs.getString("set_by"));
    }
}
