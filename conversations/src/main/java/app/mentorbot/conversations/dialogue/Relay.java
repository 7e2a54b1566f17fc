package app.mentorbot.conversations.dialogue;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.records.RecordStore;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.SchoolClass;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.understanding.Channel;
import app.mentorbot.conversations.understanding.Flag;
import app.mentorbot.conversations.understanding.Kind;


/**
 * Carries messages between a parent and their child's mentor. Neither side sees the other's account:
 * the mentor reads "张小明妈妈：…", the parent reads "刘洋老师（示范中学）：…". Every relayed message is
 * kept, and each day's exchange between one parent and one mentor about one child counts as a single
 * PARENT_CONTACT (ONLINE) record in the mentor's name.
 */
final class Relay {
    private final JdbcClient jdbc;
    private final RecordStore records;
    private final ZoneId zone;

    Relay(JdbcClient jdbc, RecordStore records, ZoneId zone) {
        this.jdbc = jdbc;
        this.records = records;
        this.zone = zone;
    }

    /** Who hears about a child: the mentor, else the class head. */
    static Optional<String> mentorOf(Student s, Roster roster) {
        if (s.mentorId() != null && roster.teacher(s.mentorId()).isPresent()) return Optional.of(s.mentorId());
        return roster.schoolClass(s.classId()).map(SchoolClass::headTeacherId).filter(id -> roster.teacher(id).isPresent());
    }

    /** The class head, when they are someone other than the given teacher. */
    static Optional<String> classHeadBesides(Student s, Roster roster, String teacherId) {
        return roster.schoolClass(s.classId()).map(SchoolClass::headTeacherId)
                .filter(id -> !id.equals(teacherId) && roster.teacher(id).isPresent());
    }

    /** Keeps a relayed message; returns the day's contact record it counts in. */
    long log(String schoolId, String studentId, String parentId, String mentorId, String direction, String body,
             Instant at, Instant heldUntil, boolean safety, Long sourceMessageId) {
        Long recordId = dailyContact(schoolId, studentId, parentId, mentorId, at, sourceMessageId, safety);
        jdbc.sql("insert into relay_message (school_id, student_id, parent_id, mentor_id, direction, body, sent_at, held_until, "
                        + "safety, record_id, source_message_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(schoolId, studentId, parentId, mentorId, direction, body, Timestamp.from(at),
                        heldUntil == null ? null : Timestamp.from(heldUntil), safety, recordId, sourceMessageId)
                .update();
        return recordId;
    }

    /** The day's contact record for this parent, child and mentor, made on the first message of the day. */
    private Long dailyContact(String schoolId, String studentId, String parentId, String mentorId, Instant at,
                              Long sourceMessageId, boolean safety) {
        LocalDate day = at.atZone(zone).toLocalDate();
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        Optional<Long> existing = jdbc.sql("select record_id from relay_message where school_id = ? and student_id = ? and parent_id = ? "
                        + "and mentor_id = ? and record_id is not null and sent_at >= ? and sent_at < ? limit 1")
                .params(schoolId, studentId, parentId, mentorId, Timestamp.from(from), Timestamp.from(to))
                .query(Long.class).optional();
        if (existing.isPresent()) {
            if (safety) {
                records.find(existing.get()).filter(r -> !r.flags().contains(Flag.SAFETY)).ifPresent(r ->
                        records.correct(withSafety(r), mentorId, "SAFETY_FROM_PARENT", at));
            }
            return existing.get();
        }
        Record contact = new Record(null, schoolId, mentorId, Kind.PARENT_CONTACT, null, Channel.ONLINE, day, null,
                Set.of(), safety ? Set.of(Flag.SAFETY) : Set.of(), List.of(studentId), "线上沟通（经导师助手转达）", List.of(),
                sourceMessageId, at);
        return records.save(contact).id();
    }

    private static Record withSafety(Record r) {
        Set<Flag> flags = new java.util.HashSet<>(r.flags());
        flags.add(Flag.SAFETY);
        return new Record(r.id(), r.schoolId(), r.authorId(), r.kind(), r.talkType(), r.channel(), r.date(), r.followUp(),
                r.topics(), flags, r.studentIds(), r.note(), r.evidence(), r.sourceMessageId(), r.createdAt());
    }

    /** Parents of a teacher's students who wrote most recently, newest first (for a bare 「回复 …」). */
    List<String[]> recentParentWriters(String schoolId, String mentorId, Instant since) {
        return new ArrayList<>(jdbc.sql("select parent_id, student_id, max(sent_at) as last from relay_message "
                        + "where school_id = ? and mentor_id = ? and direction = 'TO_MENTOR' and sent_at > ? "
                        + "group by parent_id, student_id order by last desc")
                .params(schoolId, mentorId, Timestamp.from(since))
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list());
    }

}
