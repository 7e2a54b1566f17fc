package app.mentorbot.conversations.assessments;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.conversations.assessments.StageAssessment.AreaLine;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stage assessments in PostgreSQL ({@code stage_assessment}), one row per student, term and stage (assessing a
 * stage again replaces it); the chat messages they were made in; which mentors were prompted on a day. Also the
 * assessments' part of a student's export and erasure.
 */
public final class AssessmentStore {
    private static final String COLUMNS = "student_id, term, stage, period_from, period_to, areas::text as areas, sent_to_family, saved_on, saved_by";
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<AreaLine>> AREAS = new TypeReference<>() {};
    private final JdbcClient jdbc;

    public AssessmentStore(JdbcClient jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    /** Keeps a saved assessment (it must have been saved: a day and a mentor), replacing an earlier one of the same stage. */
    public void save(String schoolId, StageAssessment a, Instant at) {
        if (a.savedOn() == null || a.savedBy() == null) throw new IllegalArgumentException("an assessment is kept once saved");
        jdbc.sql("insert into stage_assessment (school_id, student_id, term, stage, period_from, period_to, areas, sent_to_family, saved_on, "
                        + "saved_by, created_at) values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?) on conflict (school_id, student_id, term, stage) do update "
                        + "set period_from = excluded.period_from, period_to = excluded.period_to, areas = excluded.areas, "
                        + "sent_to_family = stage_assessment.sent_to_family or excluded.sent_to_family, saved_on = excluded.saved_on, "
                        + "saved_by = excluded.saved_by, created_at = excluded.created_at")
                .params(schoolId, a.studentId(), a.term(), a.stage(), Date.valueOf(a.from()), Date.valueOf(a.to()),
                        JSON.writeValueAsString(a.areas()), a.sent(), Date.valueOf(a.savedOn()), a.savedBy(), Timestamp.from(at))
                .update();
    }

    /** Every assessment of the student, oldest first. */
    public List<StageAssessment> forStudent(String schoolId, String studentId) {
        return jdbc.sql("select " + COLUMNS + " from stage_assessment where school_id = ? and student_id = ? order by period_to, id")
                .params(schoolId, studentId).query(AssessmentStore::assessment).list();
    }

    /** The student's latest assessment, if any. */
    public Optional<StageAssessment> latest(String schoolId, String studentId) {
        List<StageAssessment> all = forStudent(schoolId, studentId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The latest assessment of each student of the school who has one, by student id. */
    public Map<String, StageAssessment> latestOfSchool(String schoolId) {
        Map<String, StageAssessment> latest = new LinkedHashMap<>();
        jdbc.sql("select distinct on (student_id) " + COLUMNS + " from stage_assessment where school_id = ? "
                        + "order by student_id, period_to desc, id desc")
                .param(schoolId).query(AssessmentStore::assessment).list().forEach(a -> latest.put(a.studentId(), a));
        return latest;
    }

    /** Every assessment of the student, JSON-ready, for the student's data export. */
    public List<Map<String, Object>> export(String schoolId, String studentId) {
        return forStudent(schoolId, studentId).stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("term", a.term());
            m.put("stage", a.stage());
            m.put("from", String.valueOf(a.from()));
            m.put("to", String.valueOf(a.to()));
            m.put("savedOn", String.valueOf(a.savedOn()));
            m.put("savedBy", a.savedBy());
            m.put("sentToFamily", a.sent());
            m.put("areas", a.areas().stream().map(l -> Map.of("area", l.area().name(), "level", l.level().name(), "line", l.line(),
                    "words", l.words())).toList());
            return m;
        }).toList();
    }

    /** Remembers that a chat message (a received one's id; null: none) was about the student's assessment. */
    public void noteMessage(String schoolId, String studentId, Long messageId) {
        if (messageId == null) return;
        jdbc.sql("insert into stage_assessment_message (school_id, student_id, message_id) values (?, ?, ?) on conflict do nothing")
                .params(schoolId, studentId, messageId).update();
    }

    /** The received chat messages that were about the student's assessments, for an erasure to blank with their answers. */
    public List<Long> messages(String schoolId, String studentId) {
        return jdbc.sql("select message_id from stage_assessment_message where school_id = ? and student_id = ? order by message_id")
                .params(schoolId, studentId).query(Long.class).list();
    }

    /** Deletes the student's assessments and the note of their messages (the student is being erased); returns how many. */
    public int forgetStudent(String schoolId, String studentId) {
        jdbc.sql("delete from stage_assessment_message where school_id = ? and student_id = ?").params(schoolId, studentId).update();
        return jdbc.sql("delete from stage_assessment where school_id = ? and student_id = ?").params(schoolId, studentId).update();
    }

    /** Claims a mentor's prompt of a kind (ASSESSMENT, YEAR_REVIEW) for a day; false when it was made before. */
    boolean claimPrompt(String schoolId, String teacherId, LocalDate day, String kind) {
        return jdbc.sql("insert into assessment_prompt (school_id, teacher_id, on_day, kind) values (?, ?, ?, ?) on conflict do nothing")
                .params(schoolId, teacherId, Date.valueOf(day), kind).update() == 1;
    }

    private static StageAssessment assessment(ResultSet rs, int row) throws SQLException {
        return new StageAssessment(rs.getString("student_id"), rs.getString("term"), rs.getString("stage"),
                rs.getDate("period_from").toLocalDate(), rs.getDate("period_to").toLocalDate(), JSON.readValue(rs.getString("areas"), AREAS),
                rs.getBoolean("sent_to_family"), rs.getDate("saved_on").toLocalDate(), rs.getString("saved_by"));
    }
}
