package app.mentorbot.conversations.dialogue;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.records.RecordStore;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.RosterStore;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.text.Texts;
import app.mentorbot.conversations.understanding.Evidence;
import app.mentorbot.conversations.understanding.Flag;
import app.mentorbot.conversations.understanding.Note;

/**
 * Who hears about a safety signal, and when. A keyword (自残, 被打) reaches the student's mentor and
 * class head at once. A signal read from a described situation (marks on a wrist, not home with the
 * phone off) is marked 疑似 on the record and the teacher is asked in one line whether to tell the
 * class head now: 「通知」 tells them, 「不是」 (or 「不是安全问题」, also later) clears the flag with the
 * change kept in the record's history, and silence for {@link #WAIT} tells them anyway. A false alarm
 * costs a teacher one tap; a miss costs a child.
 *
 * <p>Every speaker goes through here: a teacher's filed note ({@link #afterFiling}), a parent's
 * message to the mentor ({@link #fromParent}) and a student's half-month report ({@link #fromStudent}),
 * each judged from the one reading already made of it.
 *
 * <p>The open question is a row of {@code safety_check}; the scheduler calls {@link #overdue} and
 * each row is claimed by one conditional update, so two bot instances never tell twice.
 */
public final class SafetyChecks {
    /** How long the teacher has to answer before the class head is told anyway. */
    public static final Duration WAIT = Duration.ofMinutes(30);

    private static final Pattern TELL = Pattern.compile("^(通知|通知吧|通知班主任|通知一下|要通知|需要通知|需要|要|是|是的|对|告诉班主任|通知他们)$");
    private static final Pattern CLEAR = Pattern.compile("^(不是|不是的|不用|不需要|不用通知|不是安全问题|没有安全问题|误报|不涉及安全|没事)$");
    private static final Pattern CLEAR_ANY_TIME = Pattern.compile("^(不是安全问题|没有安全问题|误报|不涉及安全)$");

    /** The {@code state} of a {@code safety_check} row. Queries spell 'OPEN' out, as the partial indexes do. */
    private enum State { OPEN, TOLD_BY_TEACHER, TOLD_AFTER_SILENCE, CLEARED }

    /** An open question: its row and the record it is about. */
    private record OpenCheck(long id, long recordId) {}

    /**
     * A parent's message to a mentor (kept as {@code recordId}'s contact) or a student's report (its
     * record), whose reading raised SAFETY; {@code relayed} is what the mentor reads.
     */
    record Alarm(String schoolId, long recordId, Student child, String mentorId, String mentorName, String relayed) {}

    private final JdbcClient jdbc;
    private final RecordStore records;
    private final RosterStore rosters;
    private final Texts texts;
    private final Wording wording;
    private final Clock clock;

    public SafetyChecks(JdbcClient jdbc, RecordStore records, RosterStore rosters, Texts texts, Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.rosters = rosters;
        this.texts = texts;
        this.wording = new Wording(texts);
        this.clock = clock;
    }

    /** True when the record's SAFETY flag came only from a described situation. */
    static boolean suspected(Record r) {
        return r.flags().contains(Flag.SAFETY) && r.evidence().stream().anyMatch(e -> e.field().equals(Note.SUSPECTED_EVIDENCE));
    }

    /** The confirmation of a newly filed record, with the one-line question when its SAFETY flag is suspected. */
    String confirmation(Record saved, Roster roster, LocalDate today) {
        String c = wording.confirmation(saved, roster, today);
        return suspected(saved) ? c + texts.get("safety.ask") : c;
    }

    /**
     * What a newly filed SAFETY record sends besides the confirmation: alerts now for a keyword, or
     * an open question (no message yet) for a suspected one.
     */
    List<Reply> afterFiling(Record saved, String teacherId, String authorName, Roster roster, LocalDate today) {
        if (!saved.flags().contains(Flag.SAFETY)) return List.of();
        if (suspected(saved)) {
            ask(saved.schoolId(), saved.id(), teacherId);
            return List.of();
        }
        return alerts(saved, teacherId, roster, "safety.alert", authorName, today);
    }

    /**
     * A SAFETY the school's language model read in a filed note and the rules did not: the students'
     * mentors and class heads are told at once (a model's safety signal is never held back).
     */
    List<Reply> fromModel(Record amended, String teacherId, Roster roster, LocalDate today) {
        return alerts(amended, teacherId, roster, "safety.alertModel", teacherName(roster, teacherId), today);
    }

    /** The line the writer reads under the confirmation when {@code alerts} went out: who was told (「班主任孙丽老师」). */
    String toldLine(List<Reply> alerts, Record saved, Roster roster) {
        if (alerts.isEmpty()) return "";
        List<String> told = new ArrayList<>();
        for (Reply alert : alerts) {
            boolean head = saved.studentIds().stream().map(roster::student).flatMap(Optional::stream)
                    .anyMatch(s -> roster.schoolClass(s.classId()).map(c -> alert.recipientId().equals(c.headTeacherId())).orElse(false));
            told.add(texts.get(head ? "safety.role.head" : "safety.role.mentor") + teacherName(roster, alert.recipientId()));
        }
        return texts.get("safety.alsoTold", String.join(texts.get("list.separator"), told));
    }

    /** True when a reading carries a safety signal, from a keyword or from a described situation. */
    static boolean raised(Note reading) {
        return reading.flags().contains(Flag.SAFETY);
    }

    /**
     * A parent's message whose reading raised SAFETY is never held. On a keyword it goes at once to the
     * mentor and the class head; on a described situation to the mentor, with the one-line question
     * (opened here, as for a teacher's note). The parent is told who heard.
     */
    List<Reply> fromParent(Alarm alarm, Note reading, Roster roster) {
        return fromWriter(alarm, reading, roster, "relay");
    }

    /** A student's report or message whose reading raised SAFETY: as a parent's message, in words for a student. */
    List<Reply> fromStudent(Alarm alarm, Note reading, Roster roster) {
        return fromWriter(alarm, reading, roster, "student");
    }

    /** {@code keys}: the text keys' prefix for who wrote ({@code .urgentPrefix}, {@code .suspectedPrefix}, {@code .safetyAck}, {@code .suspectedAck}). */
    private List<Reply> fromWriter(Alarm alarm, Note reading, Roster roster, String keys) {
        boolean suspected = reading.safetySuspected();
        List<Reply> replies = new ArrayList<>();
        replies.add(new Reply(alarm.mentorId(), texts.get(keys + (suspected ? ".suspectedPrefix" : ".urgentPrefix")) + alarm.relayed()
                + (suspected ? texts.get("safety.askMentor") : ""), true));
        if (!suspected) Relay.classHeadBesides(alarm.child(), roster, alarm.mentorId()).ifPresent(head ->
                replies.add(new Reply(head, texts.get(keys + ".urgentPrefix") + alarm.relayed(), true)));
        replies.add(Reply.back(texts.get(keys + (suspected ? ".suspectedAck" : ".safetyAck"), alarm.mentorName())));
        if (suspected) ask(alarm.schoolId(), alarm.recordId(), alarm.mentorId());
        return replies;
    }

    /** Opens the question for a record (once). */
    private void ask(String schoolId, long recordId, String teacherId) {
        Instant now = clock.instant();
        jdbc.sql("insert into safety_check (school_id, record_id, teacher_id, asked_at, due_at) values (?, ?, ?, ?, ?) "
                        + "on conflict (record_id) do nothing")
                .params(schoolId, recordId, teacherId, Timestamp.from(now), Timestamp.from(now.plus(WAIT)))
                .update();
    }

    /**
     * The teacher's answer to an open question (「通知」, 「不是」), or 「不是安全问题」 about their latest
     * SAFETY record at any time. Empty when the words are no such answer.
     */
    Optional<List<Reply>> settleByTeacher(String schoolId, String teacherId, String said, Roster roster) {
        String bare = said.strip().replaceAll("[。.!！，,～~\\s]", "");
        boolean tell = TELL.matcher(bare).matches(), clear = CLEAR.matcher(bare).matches();
        if (!tell && !clear) return Optional.empty();
        Optional<OpenCheck> open = jdbc.sql("select id, record_id from safety_check where school_id = ? and teacher_id = ? and state = 'OPEN' "
                        + "order by asked_at desc limit 1")
                .params(schoolId, teacherId).query((rs, n) -> new OpenCheck(rs.getLong(1), rs.getLong(2))).optional();
        if (open.isEmpty()) {
            if (!CLEAR_ANY_TIME.matcher(bare).matches()) return Optional.empty();
            Optional<Record> last = records.latestBy(schoolId, teacherId, clock.instant().minus(LastRecordEdits.WINDOW))
                    .filter(r -> r.flags().contains(Flag.SAFETY));
            return Optional.of(List.of(last.map(r -> clear(r, teacherId)).orElse(Reply.back(texts.get("safety.nothingOpen")))));
        }
        Record r = records.find(open.get().recordId()).orElseThrow();
        if (!close(open.get().id(), tell ? State.TOLD_BY_TEACHER : State.CLEARED)) return Optional.empty();
        if (clear) return Optional.of(List.of(clear(r, teacherId)));
        LocalDate today = LocalDate.now(clock);
        List<Reply> replies = new ArrayList<>(alerts(r, teacherId, roster, "safety.alertTold", teacherName(roster, teacherId), today));
        List<String> names = replies.stream().map(x -> teacherName(roster, x.recipientId())).toList();
        replies.add(0, Reply.back(names.isEmpty() ? texts.get("safety.toldNobody")
                : texts.get("safety.told", String.join(texts.get("list.separator"), names))));
        return Optional.of(replies);
    }

    /**
     * Questions left unanswered past {@link #WAIT}: each is claimed (closed) here and its alerts
     * returned, for the caller to put in the outbox in the same transaction.
     */
    public List<Reply> overdue(String schoolId) {
        Instant now = clock.instant();
        record Due(long recordId, String teacherId) {}
        List<Due> due = jdbc.sql("update safety_check set state = ?, closed_at = ? "
                        + "where school_id = ? and state = 'OPEN' and due_at <= ? returning record_id, teacher_id")
                .params(State.TOLD_AFTER_SILENCE.name(), Timestamp.from(now), schoolId, Timestamp.from(now))
                .query((rs, n) -> new Due(rs.getLong(1), rs.getString(2))).list();
        if (due.isEmpty()) return List.of();
        Roster roster = rosters.load(schoolId);
        LocalDate today = LocalDate.now(clock);
        List<Reply> out = new ArrayList<>();
        for (Due d : due) {
            Optional<Record> r = records.find(d.recordId()).filter(x -> x.flags().contains(Flag.SAFETY));
            if (r.isEmpty()) continue;   // withdrawn or cleared meanwhile
            List<Reply> alerts = alerts(r.get(), d.teacherId(), roster, "safety.alertSilence", teacherName(roster, d.teacherId()), today);
            out.addAll(alerts);
            if (!alerts.isEmpty()) {
                String names = String.join(texts.get("list.separator"), alerts.stream().map(x -> teacherName(roster, x.recipientId())).toList());
                out.add(new Reply(d.teacherId(), texts.get("safety.toldAfterSilence", names), true));
            }
        }
        return out;
    }

    private boolean close(long checkId, State state) {
        return jdbc.sql("update safety_check set state = ?, closed_at = ? where id = ? and state = 'OPEN'")
                .params(state.name(), Timestamp.from(clock.instant()), checkId).update() == 1;
    }

    /** Removes SAFETY from a record; the earlier version stays in record_version. */
    private Reply clear(Record read, String teacherId) {
        Record r = records.findForChange(read.id()).orElse(read);
        Set<Flag> flags = r.flags().isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(r.flags());
        flags.remove(Flag.SAFETY);
        List<Evidence> evidence = r.evidence().stream().filter(e -> !e.field().equals(Note.SUSPECTED_EVIDENCE)).toList();
        records.correct(new Record(r.id(), r.schoolId(), r.authorId(), r.kind(), r.talkType(), r.channel(), r.date(), r.followUp(),
                r.topics(), flags, r.studentIds(), r.note(), evidence, r.sourceMessageId(), r.createdAt()),
                teacherId, "SAFETY_CLEARED", clock.instant());
        jdbc.sql("update safety_check set state = ?, closed_at = coalesce(closed_at, ?) where record_id = ?")
                .params(State.CLEARED.name(), Timestamp.from(clock.instant()), r.id()).update();
        return Reply.back(texts.get("safety.cleared", Wording.shortened(r.note(), 20)));
    }

    /** The alert ({@code key}: who, what, the words) to the students' mentors and class heads, except the teacher who wrote it. */
    private List<Reply> alerts(Record r, String teacherId, Roster roster, String key, String who, LocalDate today) {
        String text = texts.get(key, who, wording.describe(r, roster, today), Wording.shortened(r.note(), 120));
        Set<String> recipients = new LinkedHashSet<>();
        for (String id : r.studentIds()) {
            roster.student(id).ifPresent(s -> {
                if (s.mentorId() != null) recipients.add(s.mentorId());
                Relay.classHeadBesides(s, roster, "").ifPresent(recipients::add);
            });
        }
        recipients.remove(teacherId);
        return recipients.stream().map(id -> new Reply(id, text, true)).toList();
    }

    private static String teacherName(Roster roster, String teacherId) {
        return roster.teacher(teacherId).map(t -> t.name() + "老师").orElse(teacherId);
    }
}
