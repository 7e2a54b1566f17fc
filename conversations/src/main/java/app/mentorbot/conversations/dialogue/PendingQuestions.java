package app.mentorbot.conversations.dialogue;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.conversations.assessments.StageAssessment;
import app.mentorbot.conversations.plans.GuidancePlan;
import app.mentorbot.conversations.records.Record;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one open question the bot has asked a person ("which student did you mean?"), with the draft
 * it will file once answered, or a guidance plan being drafted. Kept in PostgreSQL so a restart in
 * between loses nothing.
 */
final class PendingQuestions {
    static final Duration LIFETIME = Duration.ofMinutes(30);
    /** A plan draft waits longer: a mentor may think about it over the day. */
    static final Duration PLAN_LIFETIME = Duration.ofHours(24);
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private final JdbcClient jdbc;

    PendingQuestions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A question the bot waits on an answer to; a person has one at a time. */
    sealed interface Question permits WhichStudent, WhichChild, PlanDraft, AssessmentDraft {}

    /** A draft waiting for the students it is about; candidates may be empty (ask for a full name). */
    record WhichStudent(Record draft, List<String> candidates, String asked) implements Question {}

    /** A parent's message held until they say which child it is about. */
    record WhichChild(String text, Long sourceMessageId, Instant saidAt, List<String> children) implements Question {}

    /** A guidance plan a mentor is changing line by line until they confirm it or drop it. */
    record PlanDraft(GuidancePlan plan, int recordsRead) implements Question {}

    /** A stage assessment a mentor is changing area by area until they save it or drop it. */
    record AssessmentDraft(StageAssessment assessment, int recordsRead) implements Question {}

    /** The {@code kind} column. */
    private enum Kind { WHICH_STUDENT, WHICH_CHILD, PLAN_DRAFT, ASSESSMENT_DRAFT }

    void ask(String schoolId, String personId, Question question, Instant now) {
        Kind kind = question instanceof WhichChild ? Kind.WHICH_CHILD
                : question instanceof PlanDraft ? Kind.PLAN_DRAFT
                : question instanceof AssessmentDraft ? Kind.ASSESSMENT_DRAFT : Kind.WHICH_STUDENT;
        Duration lifetime = kind == Kind.PLAN_DRAFT || kind == Kind.ASSESSMENT_DRAFT ? PLAN_LIFETIME : LIFETIME;
        jdbc.sql("insert into pending_question (school_id, person_id, kind, payload, created_at, expires_at) "
                        + "values (?, ?, ?, ?::jsonb, ?, ?) on conflict (school_id, person_id) do update "
                        + "set kind = excluded.kind, payload = excluded.payload, created_at = excluded.created_at, expires_at = excluded.expires_at")
                .params(schoolId, personId, kind.name(), JSON.writeValueAsString(question), Timestamp.from(now), Timestamp.from(now.plus(lifetime)))
                .update();
    }

    Optional<WhichStudent> open(String schoolId, String personId, Instant now) {
        return payload(schoolId, personId, Kind.WHICH_STUDENT, now).map(json -> JSON.readValue(json, WhichStudent.class));
    }

    Optional<WhichChild> openChildQuestion(String schoolId, String personId, Instant now) {
        return payload(schoolId, personId, Kind.WHICH_CHILD, now).map(json -> JSON.readValue(json, WhichChild.class));
    }

    Optional<PlanDraft> openPlanDraft(String schoolId, String personId, Instant now) {
        return payload(schoolId, personId, Kind.PLAN_DRAFT, now).map(json -> JSON.readValue(json, PlanDraft.class));
    }

    Optional<AssessmentDraft> openAssessmentDraft(String schoolId, String personId, Instant now) {
        return payload(schoolId, personId, Kind.ASSESSMENT_DRAFT, now).map(json -> JSON.readValue(json, AssessmentDraft.class));
    }

    private Optional<String> payload(String schoolId, String personId, Kind kind, Instant now) {
        return jdbc.sql("select payload::text from pending_question where school_id = ? and person_id = ? and kind = ? and expires_at > ?")
                .params(schoolId, personId, kind.name(), Timestamp.from(now))
                .query(String.class).optional();
    }

    void close(String schoolId, String personId) {
        jdbc.sql("delete from pending_question where school_id = ? and person_id = ?").params(schoolId, personId).update();
    }

    /** Questions that hold the student's id or full name, and every question of their parents. */
    void forgetStudent(String schoolId, String studentId, String fullName, List<String> parentIds) {
        jdbc.sql("delete from pending_question where school_id = ? and (payload::text like ? or payload::text like ?)")
                .params(schoolId, "%\"" + studentId + "\"%", "%" + fullName + "%").update();
        for (String parentId : parentIds) close(schoolId, parentId);
    }
}
