package app.mentorbot.conversations.pairing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.conversations.matching.Band;
import app.mentorbot.conversations.matching.Placement;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Proposals in PostgreSQL (match_proposal, match_seat, match_pairing); the newest open one is the school's. */
final class ProposalStore {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Placement.Missed>> MISSED = new TypeReference<>() {};
    private final JdbcClient jdbc;

    ProposalStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long save(String schoolId, boolean ownClassesOnly, Map<String, Integer> seats, List<Proposal.Row> rows, Instant now) {
        jdbc.sql("update match_proposal set status = 'REPLACED' where school_id = ? and status = 'OPEN'").param(schoolId).update();
        long id = jdbc.sql("insert into match_proposal (school_id, made_at, own_classes_only, status) values (?, ?, ?, 'OPEN') returning id")
                .params(schoolId, Timestamp.from(now), ownClassesOnly).query(Long.class).single();
        seats.forEach((teacher, n) -> jdbc.sql("insert into match_seat (proposal_id, teacher_id, seats) values (?, ?, ?)")
                .params(id, teacher, n).update());
        for (Proposal.Row r : rows) {
            jdbc.sql("insert into match_pairing (proposal_id, school_id, student_id, mentor_id, choice_rank, missed, tags, band) "
                            + "values (?, ?, ?, ?, ?, ?::jsonb, ?, ?)")
                    .params(id, schoolId, r.studentId(), r.mentorId(), r.rank(), JSON.writeValueAsString(r.missed()),
                            r.tags().stream().sorted().toArray(String[]::new), r.band() == null ? null : r.band().name())
                    .update();
        }
        return id;
    }

    Optional<Proposal> open(String schoolId) {
        return jdbc.sql("select id from match_proposal where school_id = ? and status = 'OPEN' order by id desc limit 1")
                .param(schoolId).query(Long.class).optional().flatMap(id -> byId(schoolId, id));
    }

    Optional<Proposal> byId(String schoolId, long id) {
        return jdbc.sql("select made_at, own_classes_only from match_proposal where school_id = ? and id = ?").params(schoolId, id)
                .query((rs, n) -> load(id, rs.getTimestamp(1).toInstant(), rs.getBoolean(2))).optional();
    }

    private Proposal load(long id, Instant madeAt, boolean ownClassesOnly) {
        Map<String, Integer> seats = new HashMap<>();
        jdbc.sql("select teacher_id, seats from match_seat where proposal_id = ?").param(id)
                .query((rs, n) -> seats.put(rs.getString(1), rs.getInt(2))).list();
        List<Proposal.Row> rows = jdbc.sql("select student_id, mentor_id, choice_rank, missed::text, tags, band, moved_by, confirmed_at is not null "
                        + "from match_pairing where proposal_id = ? order by student_id").param(id)
                .query((rs, n) -> new Proposal.Row(rs.getString(1), rs.getString(2), rs.getInt(3), JSON.readValue(rs.getString(4), MISSED),
                        new HashSet<>(Arrays.asList((String[]) rs.getArray(5).getArray())),
                        rs.getString(6) == null ? null : Band.valueOf(rs.getString(6)), rs.getString(7), rs.getBoolean(8)))
                .list();
        return new Proposal(id, madeAt, ownClassesOnly, seats, rows);
    }

    void move(long proposalId, String studentId, String mentorId, String by) {
        jdbc.sql("update match_pairing set mentor_id = ?, moved_by = ? where proposal_id = ? and student_id = ?")
                .params(mentorId, by, proposalId, studentId).update();
    }

    void confirmed(long proposalId, List<String> studentIds, Instant now) {
        for (String s : studentIds) {
            jdbc.sql("update match_pairing set confirmed_at = ? where proposal_id = ? and student_id = ?")
                    .params(Timestamp.from(now), proposalId, s).update();
        }
        jdbc.sql("update match_proposal set status = 'CONFIRMED' where id = ? and not exists "
                + "(select 1 from match_pairing where proposal_id = ? and confirmed_at is null)").params(proposalId, proposalId).update();
    }

    void setMentor(String schoolId, String studentId, String mentorId) {
        jdbc.sql("update student set mentor_id = ? where school_id = ? and id = ?").params(mentorId, schoolId, studentId).update();
    }

    /** An erased student leaves no line in any proposal. */
    void forgetStudent(String schoolId, String studentId) {
        jdbc.sql("delete from match_pairing where school_id = ? and student_id = ?").params(schoolId, studentId).update();
    }
}
