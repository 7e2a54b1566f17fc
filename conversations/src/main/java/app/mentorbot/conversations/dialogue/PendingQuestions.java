package app.mentorbot.conversations.dialogue;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.conversations.records.Record;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one open question the bot has asked a person ("which student did you mean?"), with the draft
 * it will file once answered. Kept in PostgreSQL so a restart in between loses nothing.
 */
final class PendingQuestions {
    static final Duration LIFETIME = Duration.ofMinutes(30);
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private final JdbcClient jdbc;

    PendingQuestions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A draft waiting for the students it is about; candidates may be empty (ask for a full name). */
    record WhichStudent(Record draft, List<String> candidates, String asked) {}

    void ask(String schoolId, String personId, WhichStudent question, Instant now) {
        jdbc.sql("insert into pending_question (school_id, person_id, kind, payload, created_at, expires_at) "
                        + "values (?, ?, 'WHICH_STUDENT', ?::jsonb, ?, ?) on conflict (school_id, person_id) do update "
                        + "set kind = excluded.kind, payload = excluded.payload, created_at = excluded.created_at, expires_at = excluded.expires_at")
                .params(schoolId, personId, JSON.writeValueAsString(question), Timestamp.from(now), Timestamp.from(now.plus(LIFETIME)))
                .update();
    }

    Optional<WhichStudent> open(String schoolId, String personId, Instant now) {
        return jdbc.sql("select payload::text from pending_question where school_id = ? and person_id = ? and expires_at > ?")
                .params(schoolId, personId, Timestamp.from(now))
                .query(String.class).optional()
                .map(json -> JSON.readValue(json, WhichStudent.class));
    }

    void close(String schoolId, String personId) {
        jdbc.sql("delete from pending_question where school_id = ? and person_id = ?").params(schoolId, personId).update();
    }
}
