package app.mentorbot.conversations.records;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import app.mentorbot.conversations.understanding.Channel;
import app.mentorbot.conversations.understanding.Evidence;
import app.mentorbot.conversations.understanding.Flag;
import app.mentorbot.conversations.understanding.Kind;
import app.mentorbot.conversations.understanding.TalkType;
import app.mentorbot.conversations.understanding.Topic;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Records in PostgreSQL. Deleting is soft: an undone record keeps its row with {@code deleted_at} set. */
public final class RecordStore {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private final JdbcClient jdbc;

    public RecordStore(JdbcClient jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    public Record save(Record r) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into record (school_id, author_id, kind, talk_type, channel, event_date, follow_up, topics, flags, "
                        + "note, evidence, source_message_id, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, coalesce(string_to_array(?::text, ','), '{}'), coalesce(string_to_array(?::text, ','), '{}'), ?, ?::jsonb, ?, ?)")
                .params(r.schoolId(), r.authorId(), r.kind().name(), name(r.talkType()), name(r.channel()),
                        date(r.date()), date(r.followUp()), joined(r.topics()), joined(r.flags()),
                        r.note(), JSON.writeValueAsString(r.evidence()), r.sourceMessageId(), Timestamp.from(r.createdAt()))
                .update(keys, "id");
        long id = Objects.requireNonNull(keys.getKey()).longValue();
        for (String studentId : r.studentIds()) {
            jdbc.sql("insert into record_student (record_id, school_id, student_id) values (?, ?, ?)")
                    .params(id, r.schoolId(), studentId).update();
        }
        return r.withId(id);
    }

    /** The author's latest record that is not deleted and was made at or after {@code since}. */
    public Optional<Record> latestBy(String schoolId, String authorId, Instant since) {
        return jdbc.sql(SELECT + " where r.school_id = ? and r.author_id = ? and r.deleted_at is null and r.created_at >= ? "
                        + GROUP + " order by r.created_at desc, r.id desc limit 1")
                .params(schoolId, authorId, Timestamp.from(since)).query(RecordStore::map).optional();
    }

    /** The author's latest live record since {@code since} with an evidence entry of {@code field} (the model's marks). */
    public Optional<Record> latestWithEvidence(String schoolId, String authorId, String field, Instant since) {
        return jdbc.sql(SELECT + " where r.school_id = ? and r.author_id = ? and r.deleted_at is null and r.created_at >= ? "
                        + "and r.evidence @> ?::jsonb " + GROUP + " order by r.created_at desc, r.id desc limit 1")
                .params(schoolId, authorId, Timestamp.from(since), JSON.writeValueAsString(List.of(java.util.Map.of("field", field))))
                .query(RecordStore::map).optional();
    }

    /** Marks a record deleted, keeping its last state in the audit trail; false when it was already gone. */
    public boolean softDelete(long id, String by, Instant at) {
        lockForChange(id);
        Optional<Record> current = find(id);
        if (current.isEmpty()) return false;
        boolean deleted = jdbc.sql("update record set deleted_at = ? where id = ? and deleted_at is null")
                .params(Timestamp.from(at), id).update() == 1;
        if (deleted) keepVersion(current.get(), by, "UNDO", at);
        return deleted;
    }

    /**
     * Replaces a record's fields (not its author, note or source), keeping the old state as a version.
     * Returns the record as it now is.
     */
    public Record correct(Record changed, String by, String reason, Instant at) {
        lockForChange(Objects.requireNonNull(changed.id(), "id"));
        Record old = find(changed.id()).orElseThrow();
        keepVersion(old, by, reason, at);
        jdbc.sql("update record set kind = ?, talk_type = ?, channel = ?, event_date = ?, follow_up = ?, "
                        + "topics = coalesce(string_to_array(?::text, ','), '{}'), flags = coalesce(string_to_array(?::text, ','), '{}'), "
                        + "evidence = ?::jsonb where id = ?")
                .params(changed.kind().name(), name(changed.talkType()), name(changed.channel()), date(changed.date()),
                        date(changed.followUp()), joined(changed.topics()), joined(changed.flags()),
                        JSON.writeValueAsString(changed.evidence()), changed.id())
                .update();
        jdbc.sql("delete from record_student where record_id = ?").param(changed.id()).update();
        for (String studentId : changed.studentIds()) {
            jdbc.sql("insert into record_student (record_id, school_id, student_id) values (?, ?, ?)")
                    .params(changed.id(), changed.schoolId(), studentId).update();
        }
        return find(changed.id()).orElseThrow();
    }

    /** The state a record had before its latest change whose reason starts with {@code reasonPrefix}; empty when it had none. */
    public Optional<Record> stateBefore(long id, String reasonPrefix) {
        return jdbc.sql("select snapshot::text from record_version where record_id = ? and starts_with(reason, ?) "
                        + "order by version desc limit 1")
                .params(id, reasonPrefix).query(String.class).optional().map(json -> JSON.readValue(json, Record.class));
    }

    /** Earlier states of a record, oldest first. */
    public List<Record> versions(long id) {
        return jdbc.sql("select snapshot::text from record_version where record_id = ? order by version")
                .param(id).query(String.class).list().stream().map(json -> JSON.readValue(json, Record.class)).toList();
    }

    /**
     * The live record, held until the caller's transaction ends: read it this way before changing it, so that a change made
     * meanwhile by another (a parent's message, the optional model's amendment) is seen, not overwritten.
     */
    public Optional<Record> findForChange(long id) {
        lockForChange(id);
        return findLive(id);
    }

    /**
     * Holds the record's row until the caller's transaction ends, so that two changes of one record at once (a teacher's
     * correction and the safety check's timeout, say) are kept one after the other: each reads the state the other left
     * and takes the next version number, where both would otherwise number theirs 1 + the same max and one would fail.
     */
    private void lockForChange(long id) {
        jdbc.sql("select id from record where id = ? for update").param(id).query(Long.class).optional();
    }

    private void keepVersion(Record old, String by, String reason, Instant at) {
        jdbc.sql("insert into record_version (school_id, record_id, version, changed_at, changed_by, reason, snapshot) "
                        + "values (?, ?, (select coalesce(max(version), 0) + 1 from record_version where record_id = ?), ?, ?, ?, ?::jsonb)")
                .params(old.schoolId(), old.id(), old.id(), Timestamp.from(at), by, reason, JSON.writeValueAsString(old)).update();
    }

    /** One author's records with event dates in [from, to], oldest first. */
    public List<Record> byAuthor(String schoolId, String authorId, LocalDate from, LocalDate to) {
        return jdbc.sql(SELECT + " where r.school_id = ? and r.author_id = ? and r.deleted_at is null and r.event_date between ? and ? "
                        + GROUP + " order by r.event_date, r.id")
                .params(schoolId, authorId, date(from), date(to)).query(RecordStore::map).list();
    }

    /**
     * Authors' records with event dates in [from, to], oldest first, holding only what duties are computed
     * from (author, kind, talk type, channel, dates, students): no note, evidence, topics or flags, which
     * are most of the cost of a read and which a ledger never looks at. The weekly job reads the whole
     * school's term this way.
     */
    public List<Record> forDuties(String schoolId, Collection<String> authorIds, LocalDate from, LocalDate to) {
        return forDuties(schoolId, authorIds, from, to, 0);
    }

    /** As above, only the records with ids above {@code afterId} (filed since a read that saw ids up to it). */
    public List<Record> forDuties(String schoolId, Collection<String> authorIds, LocalDate from, LocalDate to, long afterId) {
        if (authorIds.isEmpty()) return List.of();
        return jdbc.sql("select r.id, r.school_id, r.author_id, r.kind, r.talk_type, r.channel, r.event_date, r.follow_up, "
                        + "r.source_message_id, r.created_at, "
                        + "coalesce(array_agg(s.student_id order by s.student_id) filter (where s.student_id is not null), '{}') as students "
                        + "from record r left join record_student s on s.record_id = r.id "
                        + "where r.school_id = ? and r.author_id = any(string_to_array(?::text, ',')) and r.deleted_at is null "
                        + "and r.event_date between ? and ? and r.id > ? " + GROUP + " order by r.event_date, r.id")
                .params(schoolId, String.join(",", authorIds), date(from), date(to), afterId)
                .query((rs, n) -> new Record(rs.getLong("id"), rs.getString("school_id"), rs.getString("author_id"),
                        Kind.valueOf(rs.getString("kind")), enumOrNull(TalkType.class, rs.getString("talk_type")),
                        enumOrNull(Channel.class, rs.getString("channel")), localDate(rs.getDate("event_date")),
                        localDate(rs.getDate("follow_up")), Set.of(), Set.of(), strings(rs.getArray("students")), "", List.of(),
                        (Long) rs.getObject("source_message_id"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** Every record of the school with event dates in [from, to], oldest first (for school-wide jobs). */
    public List<Record> all(String schoolId, LocalDate from, LocalDate to) {
        return jdbc.sql(SELECT + " where r.school_id = ? and r.deleted_at is null and r.event_date between ? and ? "
                        + GROUP + " order by r.event_date, r.id")
                .params(schoolId, date(from), date(to)).query(RecordStore::map).list();
    }

    /** Records of a kind about a school's students in [from, to], for ledgers and answers. */
    public List<Record> about(String schoolId, Collection<String> studentIds, LocalDate from, LocalDate to) {
        if (studentIds.isEmpty()) return List.of();
        return jdbc.sql(SELECT + " where r.school_id = ? and r.deleted_at is null and r.event_date between ? and ? and r.id in "
                        + "(select record_id from record_student where school_id = ? and student_id = any(string_to_array(?::text, ','))) "
                        + GROUP + " order by r.event_date, r.id")
                .params(schoolId, date(from), date(to), schoolId, String.join(",", studentIds))
                .query(RecordStore::map).list();
    }

    /** The record unless it was deleted (withdrawn by its author, or erased). */
    public Optional<Record> findLive(long id) {
        return jdbc.sql(SELECT + " where r.id = ? and r.deleted_at is null " + GROUP).param(id).query(RecordStore::map).optional();
    }

    public Optional<Record> find(long id) {
        return jdbc.sql(SELECT + " where r.id = ? " + GROUP).param(id).query(RecordStore::map).optional();
    }

    /** A student's latest records (not deleted), newest first. */
    public List<Record> recentForStudent(String schoolId, String studentId, int limit) {
        return jdbc.sql(SELECT + " where r.school_id = ? and r.deleted_at is null and r.id in "
                        + "(select record_id from record_student where school_id = ? and student_id = ?) "
                        + GROUP + " order by coalesce(r.event_date, r.created_at::date) desc, r.id desc limit ?")
                .params(schoolId, schoolId, studentId, limit).query(RecordStore::map).list();
    }

    /** A student's latest records (not deleted) written by one author, newest first. */
    public List<Record> recentForStudentBy(String schoolId, String studentId, String authorId, int limit) {
        return jdbc.sql(SELECT + " where r.school_id = ? and r.deleted_at is null and r.author_id = ? and r.id in "
                        + "(select record_id from record_student where school_id = ? and student_id = ?) "
                        + GROUP + " order by coalesce(r.event_date, r.created_at::date) desc, r.id desc limit ?")
                .params(schoolId, authorId, schoolId, studentId, limit).query(RecordStore::map).list();
    }

    /** What became of a record about an erased student: deleted, or kept with {@code redactedNote} as its note. */
    public record Forgotten(long id, Long sourceMessageId, boolean deleted, String redactedNote) {}

    /** Every record about the student, withdrawn ones too. */
    public List<Long> idsAbout(String schoolId, String studentId) {
        return jdbc.sql("select record_id from record_student where school_id = ? and student_id = ?")
                .params(schoolId, studentId).query(Long.class).list();
    }

    /**
     * Forgets a student. A record only about them goes, with its versions. A shared record (a group
     * talk) loses them: every span the reader attributed to them, and every form of their name, becomes
     * {@code mark} in its note and in its kept versions. Their id becomes {@code mark} in every kept
     * version. Whatever points at these records (reminders, relayed messages) must be dealt with first.
     */
    public List<Forgotten> forgetStudent(String schoolId, String studentId, List<String> nameForms, String mark) {
        List<Long> ids = idsAbout(schoolId, studentId);
        List<Forgotten> forgotten = new ArrayList<>();
        for (long id : ids) {
            Record r = find(id).orElseThrow();
            if (r.studentIds().size() <= 1) {
                jdbc.sql("delete from record where id = ?").param(id).update();
                forgotten.add(new Forgotten(id, r.sourceMessageId(), true, null));
                continue;
            }
            String note = withoutMentions(r.note(), r.evidence(), studentId, nameForms, mark);
            List<Evidence> kept = r.evidence().stream().filter(e -> !studentId.equals(e.value())).toList();
            jdbc.sql("delete from record_student where record_id = ? and student_id = ?").params(id, studentId).update();
            jdbc.sql("update record set note = ?, evidence = ?::jsonb where id = ?").params(note, JSON.writeValueAsString(kept), id).update();
            forgotten.add(new Forgotten(id, r.sourceMessageId(), false, note));
        }
        // Versions of shared records keep old text: their mentions go too.
        for (long id : ids) {
            for (String name : nameForms) {
                jdbc.sql("update record_version set snapshot = replace(snapshot::text, ?, ?)::jsonb where record_id = ?")
                        .params(name, mark, id).update();
            }
        }
        jdbc.sql("update record_version set snapshot = replace(snapshot::text, ?, ?)::jsonb where snapshot::text like ?")
                .params("\"" + studentId + "\"", "\"" + mark + "\"", "%\"" + studentId + "\"%").update();
        return forgotten;
    }

    /** The note with every span the reader attributed to the student, and every name form, replaced by {@code mark}. */
    static String withoutMentions(String text, List<Evidence> evidence, String studentId, List<String> nameForms, String mark) {
        if (text == null) return null;
        StringBuilder b = new StringBuilder(text);
        evidence.stream().filter(e -> e.field().equals("students") && studentId.equals(e.value()))
                .filter(e -> e.start() >= 0 && e.end() <= text.length() && e.start() < e.end())
                .sorted((x, y) -> Integer.compare(y.start(), x.start()))
                .forEach(e -> b.replace(e.start(), e.end(), mark));
        String out = b.toString();
        for (String n : nameForms) out = out.replace(n, mark);
        return out;
    }

    private static final String SELECT = "select r.id, r.school_id, r.author_id, r.kind, r.talk_type, r.channel, r.event_date, "
            + "r.follow_up, r.topics, r.flags, r.note, r.evidence::text, r.source_message_id, r.created_at, "
            + "coalesce(array_agg(s.student_id order by s.student_id) filter (where s.student_id is not null), '{}') as students "
            + "from record r left join record_student s on s.record_id = r.id";
    private static final String GROUP = " group by r.school_id, r.id"; // the key of a table partitioned by school

    private static Record map(ResultSet rs, int row) throws SQLException {
        return new Record(rs.getLong("id"), rs.getString("school_id"), rs.getString("author_id"),
                Kind.valueOf(rs.getString("kind")), enumOrNull(TalkType.class, rs.getString("talk_type")),
                enumOrNull(Channel.class, rs.getString("channel")), localDate(rs.getDate("event_date")),
                localDate(rs.getDate("follow_up")), enums(Topic.class, rs.getArray("topics")),
                enums(Flag.class, rs.getArray("flags")), strings(rs.getArray("students")), rs.getString("note"),
                JSON.readValue(rs.getString(12), new TypeReference<List<Evidence>>() {}),
                (Long) rs.getObject("source_message_id"), rs.getTimestamp("created_at").toInstant());
    }

    private static <E extends Enum<E>> Set<E> enums(Class<E> type, Array array) throws SQLException {
        Set<E> result = EnumSet.noneOf(type);
        for (String s : strings(array)) result.add(Enum.valueOf(type, s));
        return result;
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) return List.of();
        return new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }

    private static LocalDate localDate(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    /** Enum names joined for string_to_array: they never contain commas. */
    private static String joined(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().reduce((a, b) -> a + "," + b).orElse(null);
    }
}
