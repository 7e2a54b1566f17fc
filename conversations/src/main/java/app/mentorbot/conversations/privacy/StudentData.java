package app.mentorbot.conversations.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.records.RecordStore;
import app.mentorbot.conversations.roster.Parent;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.RosterStore;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.understanding.Evidence;

/**
 * Everything the school holds about one student, to hand over (export) or to erase — the school's
 * obligation for minors' personal information (PIPL). Erasure is complete: records only about the
 * student go; shared records (a group talk) lose the student and every mention of their name; the
 * raw messages, relayed parent messages, reminders, decisions, sent messages and the parents' accounts
 * follow. Run {@link #erase} in one transaction.
 */
public final class StudentData {
    public static final String REDACTED = "（已删除）";
    private final JdbcClient jdbc;
    private final RosterStore rosters;
    private final RecordStore records;

    public StudentData(JdbcClient jdbc, RosterStore rosters, RecordStore records) {
        this.jdbc = Objects.requireNonNull(jdbc);
        this.rosters = Objects.requireNonNull(rosters);
        this.records = Objects.requireNonNull(records);
    }

    /** A JSON-ready map of everything about the student. */
    public Map<String, Object> export(String schoolId, String studentId) {
        Roster roster = rosters.load(schoolId);
        Student s = roster.student(studentId).orElseThrow(() -> new IllegalArgumentException("no student " + studentId));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("student", Map.of("id", s.id(), "name", s.name(), "class", roster.schoolClass(s.classId()).map(c -> c.name()).orElse(s.classId()),
                "mentor", s.mentorId() == null ? "" : roster.teacher(s.mentorId()).map(t -> t.name()).orElse(s.mentorId())));
        List<Map<String, Object>> parents = new ArrayList<>();
        for (Parent p : roster.parentsOf(studentId)) parents.add(Map.of("id", p.id(), "relation", p.relation()));
        out.put("parents", parents);
        List<Map<String, Object>> recs = new ArrayList<>();
        for (Record r : records.recentForStudent(schoolId, studentId, 100_000)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("kind", r.kind().name());
            m.put("date", String.valueOf(r.date()));
            m.put("author", r.authorId());
            m.put("note", r.note());
            m.put("topics", r.topics().stream().map(Enum::name).sorted().toList());
            m.put("flags", r.flags().stream().map(Enum::name).sorted().toList());
            m.put("followUp", String.valueOf(r.followUp()));
            recs.add(m);
        }
        out.put("records", recs);
        out.put("parentMessages", jdbc.sql("select direction, body, sent_at::text from relay_message where school_id = ? and student_id = ? order by sent_at")
                .params(schoolId, studentId).query().listOfRows());
        out.put("reminders", jdbc.sql("select person_id, text, due_on::text, status from reminder where school_id = ? and ? = any(student_ids) order by due_on")
                .params(schoolId, studentId).query().listOfRows());
        out.put("conferenceDecisions", jdbc.sql("select decided_on::text, text from conference_decision where school_id = ? and ? = any(student_ids)")
                .params(schoolId, studentId).query().listOfRows());
        return out;
    }

    /** What an erasure removed or rewrote. */
    public record Erasure(int recordsDeleted, int recordsRedacted, int messagesRedacted, int relayDeleted, int remindersDeleted,
                          int parentsDeleted) {}

    public Erasure erase(String schoolId, String studentId) {
        Roster roster = rosters.load(schoolId);
        Student s = roster.student(studentId).orElseThrow(() -> new IllegalArgumentException("no student " + studentId));
        List<String> names = nameForms(s);
        List<String> parentIds = roster.parentsOf(studentId).stream().map(Parent::id).toList();

        // Records: only about them → gone (with their versions); shared → the student leaves, their mentions go.
        int deleted = 0;
        int redacted = 0;
        jdbc.sql("delete from relay_message where school_id = ? and student_id = ?").params(schoolId, studentId).update();
        List<Long> recordIds = jdbc.sql("select record_id from record_student where school_id = ? and student_id = ?")
                .params(schoolId, studentId).query(Long.class).list();
        for (long id : recordIds) {
            Record r = records.find(id).orElseThrow();
            List<Long> sources = r.sourceMessageId() == null ? List.of() : List.of(r.sourceMessageId());
            jdbc.sql("update reminder set record_id = null where record_id = ?").param(id).update();
            if (r.studentIds().size() <= 1) {
                jdbc.sql("delete from record where id = ?").param(id).update();
                deleted++;
            } else {
                String note = redact(r.note(), r.evidence(), studentId, names);
                List<Evidence> kept = r.evidence().stream().filter(e -> !studentId.equals(e.value())).toList();
                jdbc.sql("delete from record_student where record_id = ? and student_id = ?").params(id, studentId).update();
                jdbc.sql("update record set note = ?, evidence = ?::jsonb where id = ?")
                        .params(note, tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(kept), id).update();
                redacted++;
            }
            for (long source : sources) {
                if (r.studentIds().size() <= 1) {
                    // the note was only about them: what was said, and everything said back, goes
                    jdbc.sql("update inbound_message set body = null where id = ?").param(source).update();
                    jdbc.sql("update outbox set body = ? where source_message_id = ?").params(REDACTED, source).update();
                } else {
                    jdbc.sql("update inbound_message set body = ? where id = ?").params(redact(r.note(), r.evidence(), studentId, names), source).update();
                    for (String name : names) {
                        jdbc.sql("update outbox set body = replace(body, ?, ?) where source_message_id = ?").params(name, REDACTED, source).update();
                    }
                }
            }
        }
        // Versions of shared records keep old text: rewrite their mentions too.
        for (long id : recordIds) {
            for (String name : names) {
                jdbc.sql("update record_version set snapshot = replace(snapshot::text, ?, ?)::jsonb where record_id = ?")
                        .params(name, REDACTED, id).update();
            }
        }
        jdbc.sql("update record_version set snapshot = replace(snapshot::text, ?, ?)::jsonb where snapshot::text like ?")
                .params("\"" + studentId + "\"", "\"" + REDACTED + "\"", "%\"" + studentId + "\"%").update();

        // School-wide sweeps use the full name only: a given name alone may belong to another child.
        List<String> fullName = List.of(s.name());
        int messages = 0;
        for (String name : fullName) {
            messages += jdbc.sql("update inbound_message set body = replace(body, ?, ?) where school_id = ? and body like ?")
                    .params(name, REDACTED, schoolId, "%" + name + "%").update();
            jdbc.sql("update outbox set body = replace(body, ?, ?) where school_id = ? and body like ?")
                    .params(name, REDACTED, schoolId, "%" + name + "%").update();
            jdbc.sql("update conference_decision set text = replace(text, ?, ?) where school_id = ? and text like ?")
                    .params(name, REDACTED, schoolId, "%" + name + "%").update();
        }
        jdbc.sql("update conference_decision set student_ids = array_remove(student_ids, ?) where school_id = ?").params(studentId, schoolId).update();
        int reminders = jdbc.sql("delete from reminder where school_id = ? and (? = any(student_ids) or " + likeAny("text", fullName) + ")")
                .params(params(schoolId, studentId, fullName)).update();
        jdbc.sql("delete from pending_question where school_id = ? and (payload::text like ? or " + likeAny("payload::text", fullName) + ")")
                .params(params(schoolId, "%\"" + studentId + "\"%", fullName)).update();
        jdbc.sql("delete from parent_choice where school_id = ? and student_id = ?").params(schoolId, studentId).update();

        // The parents' accounts and messages: they were here for this child.
        for (String p : parentIds) {
            jdbc.sql("update inbound_message set body = null, sender_ref = 'erased', chat_id = 'erased', person_id = null, "
                    + "platform_message_id = 'erased:' || id where school_id = ? and (person_id = ? or sender_ref = ?)").params(schoolId, p, p).update();
            jdbc.sql("update outbox set body = ?, chat_id = 'erased', recipient_id = null, reply_to = null "
                    + "where school_id = ? and (recipient_id = ? or chat_id = ?)").params(REDACTED, schoolId, p, p).update();
            jdbc.sql("delete from platform_identity where school_id = ? and person_id = ?").params(schoolId, p).update();
            jdbc.sql("delete from binding_code where school_id = ? and person_id = ?").params(schoolId, p).update();
            // Their opened invitations, and with them the browsers those bound.
            jdbc.sql("delete from invitation_redeemed where school_id = ? and person_id = ?").params(schoolId, p).update();
            jdbc.sql("delete from pending_question where school_id = ? and person_id = ?").params(schoolId, p).update();
            jdbc.sql("delete from parent_choice where school_id = ? and account = ?").params(schoolId, p).update();
        }
        int parents = jdbc.sql("delete from parent where school_id = ? and student_id = ?").params(schoolId, studentId).update();
        jdbc.sql("delete from student where school_id = ? and id = ?").params(schoolId, studentId).update();
        rosters.changed(schoolId); // a running bot drops its copy within seconds
        return new Erasure(deleted, redacted, messages, 0, reminders, parents);
    }

    /** The forms a teacher writes: the full name and the given name (two characters or more). */
    static List<String> nameForms(Student s) {
        List<String> forms = new ArrayList<>();
        forms.add(s.name());
        if (s.name().length() >= 3) forms.add(s.name().substring(s.name().length() - 2));
        return forms;
    }

    /** The note with every span the reader attributed to the student, and every name form, replaced. */
    static String redact(String text, List<Evidence> evidence, String studentId, List<String> names) {
        if (text == null) return null;
        StringBuilder b = new StringBuilder(text);
        evidence.stream().filter(e -> e.field().equals("students") && studentId.equals(e.value()))
                .filter(e -> e.start() >= 0 && e.end() <= text.length() && e.start() < e.end())
                .sorted((x, y) -> Integer.compare(y.start(), x.start()))
                .forEach(e -> b.replace(e.start(), e.end(), REDACTED));
        String out = b.toString();
        for (String n : names) out = out.replace(n, REDACTED);
        return out;
    }

    private static String likeAny(String column, List<String> names) {
        return String.join(" or ", names.stream().map(n -> column + " like ?").toList());
    }

    private static Object[] params(String schoolId, String second, List<String> names) {
        List<Object> p = new ArrayList<>(List.of(schoolId, second));
        for (String n : names) p.add("%" + n + "%");
        return p.toArray();
    }
}
