package app.mentorbot.conversations.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.conversations.assessments.AssessmentStore;
import app.mentorbot.conversations.dialogue.DialogueRows;
import app.mentorbot.conversations.plans.PlanStore;
import app.mentorbot.conversations.privacy.ErasedStudent.SourceMessage;
import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.records.RecordStore;
import app.mentorbot.conversations.reminders.ReminderBook;
import app.mentorbot.conversations.roster.Parent;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.RosterStore;
import app.mentorbot.conversations.roster.Student;

/**
 * Everything the school holds about one student, to hand over (export) or to erase — the school's
 * obligation for minors' personal information (PIPL). Erasure is complete: records only about the
 * student go; shared records (a group talk) lose the student and every mention of their name; the
 * relayed parent messages, reminders, decisions, guidance plans, stage assessments, open questions and the parents' accounts follow.
 * Each store forgets its own rows; tables outside this module are forgotten by the
 * {@link StudentRowsOwner}s given (the bot's received and sent messages). Run {@link #erase} in one
 * transaction.
 */
public final class StudentData {
    /** What a mention of an erased student becomes where the text around it stays. */
    public static final String REDACTED = "（已删除）";
    private final JdbcClient jdbc;
    private final RosterStore rosters;
    private final RecordStore records;
    private final ReminderBook reminders;
    private final DialogueRows dialogue;
    private final PlanStore plans;
    private final AssessmentStore assessments;
    private final List<StudentRowsOwner> owners;

    public StudentData(JdbcClient jdbc, RosterStore rosters, RecordStore records, List<StudentRowsOwner> owners) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.rosters = Objects.requireNonNull(rosters, "rosters");
        this.records = Objects.requireNonNull(records, "records");
        this.reminders = new ReminderBook(jdbc);
        this.dialogue = new DialogueRows(jdbc);
        this.plans = new PlanStore(jdbc);
        this.assessments = new AssessmentStore(jdbc);
        this.owners = List.copyOf(owners);
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
        out.put("parentMessages", jdbc.sql("select writer, direction, body, sent_at::text from relay_message where school_id = ? and student_id = ? order by sent_at")
                .params(schoolId, studentId).query().listOfRows());
        out.put("reminders", jdbc.sql("select person_id, text, due_on::text, status from reminder where school_id = ? and ? = any(student_ids) order by due_on")
                .params(schoolId, studentId).query().listOfRows());
        out.put("studentAccount", jdbc.sql("select since::text from student_account where school_id = ? and student_id = ?")
                .params(schoolId, studentId).query().listOfRows());
        out.put("reportQuestions", jdbc.sql("select asked_on::text, answered_at::text, record_id from student_report_request "
                        + "where school_id = ? and student_id = ? order by asked_on")
                .params(schoolId, studentId).query().listOfRows());
        out.put("conferenceDecisions", jdbc.sql("select decided_on::text, text from conference_decision where school_id = ? and ? = any(student_ids)")
                .params(schoolId, studentId).query().listOfRows());
        out.put("guidancePlans", plans.export(schoolId, studentId));
        out.put("stageAssessments", assessments.export(schoolId, studentId));
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

        // What points at their records goes first: relayed messages, then reminders.
        int relayed = dialogue.forgetStudent(schoolId, studentId, s.name(), parentIds, REDACTED);
        int reminderCount = reminders.forgetStudent(schoolId, studentId, s.name(), records.idsAbout(schoolId, studentId));
        List<SourceMessage> planMessages = new ArrayList<>(plans.messages(schoolId, studentId).stream().map(id -> new SourceMessage(id, true, null)).toList());
        plans.forgetStudent(schoolId, studentId);
        assessments.messages(schoolId, studentId).forEach(id -> planMessages.add(new SourceMessage(id, true, null)));
        assessments.forgetStudent(schoolId, studentId);
        List<RecordStore.Forgotten> forgotten = records.forgetStudent(schoolId, studentId, names, REDACTED);

        List<SourceMessage> sources = new ArrayList<>(sources(forgotten));
        sources.addAll(planMessages); // what was said about their plan, and the plan shown back, goes like a record only about them
        ErasedStudent erased = new ErasedStudent(schoolId, studentId, s.name(), names, parentIds, sources);
        int messages = 0;
        for (StudentRowsOwner owner : owners) messages += owner.forget(erased);

        int parents = rosters.forgetStudent(schoolId, studentId, parentIds);
        int deleted = (int) forgotten.stream().filter(RecordStore.Forgotten::deleted).count();
        return new Erasure(deleted, forgotten.size() - deleted, messages, relayed, reminderCount, parents);
    }

    private static List<SourceMessage> sources(List<RecordStore.Forgotten> forgotten) {
        return forgotten.stream().filter(f -> f.sourceMessageId() != null)
                .map(f -> new SourceMessage(f.sourceMessageId(), f.deleted(), f.redactedNote())).toList();
    }

    /** The forms a teacher writes: the full name and the given name (two characters or more). */
    static List<String> nameForms(Student s) {
        List<String> forms = new ArrayList<>();
        forms.add(s.name());
        if (s.name().length() >= 3) forms.add(s.name().substring(s.name().length() - 2));
        return forms;
    }
}
