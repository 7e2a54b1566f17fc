package app.mentorbot.conversations.dialogue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.mentorbot.conversations.modelreader.TwoReadings;
import app.mentorbot.conversations.people.Access;
import app.mentorbot.conversations.people.Person;
import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.records.RecordStore;
import app.mentorbot.conversations.reminders.ReminderBook;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.text.Texts;
import app.mentorbot.conversations.understanding.Evidence;
import app.mentorbot.conversations.understanding.Flag;
import app.mentorbot.conversations.understanding.Kind;
import app.mentorbot.conversations.understanding.Note;

/**
 * The model's reading of a note, arriving after the teacher's confirmation: combined with the rules'
 * ({@link TwoReadings}); when it changes something the record is corrected (history kept, reason
 * {@value #REASON}), a SAFETY the model raised reaches the mentor and class head at once, and the
 * teacher reads one line (「补充：已按"家长联系（电话）"记录」) they can take back with 「撤销补充」. Taking
 * it back restores the fields; a SAFETY or PSYCH flag stays (「不是安全问题」 clears SAFETY, as always).
 * A note the rules could not place is filed from the model's reading when it names students the
 * teacher may write about; when it carries a safety signal about no one named, the teacher is asked who. Disagreements are logged by record id and field name only.
 */
public final class ModelAmendments {
    private static final Logger log = LoggerFactory.getLogger(ModelAmendments.class);
    static final String REASON = "MODEL_READER";
    private static final Set<String> UNDO = Set.of("撤销补充", "撤回补充", "不要补充", "撤销补充记录");

    /** What an amendment sent, and how much the model changed or disagreed with (for the counters). */
    public record Amended(List<Reply> replies, int changes, int disagreements) {
        static final Amended NOTHING = new Amended(List.of(), 0, 0);
    }

    private final RecordStore records;
    private final PendingQuestions pending;
    private final AfterFiling afterFiling;
    private final ReminderBook reminders;
    private final SafetyChecks safety;
    private final Texts texts;
    private final Wording wording;
    private final Clock clock;

    ModelAmendments(RecordStore records, PendingQuestions pending, AfterFiling afterFiling, ReminderBook reminders, SafetyChecks safety,
                    Texts texts, Wording wording, Clock clock) {
        this.records = records;
        this.pending = pending;
        this.afterFiling = afterFiling;
        this.reminders = reminders;
        this.safety = safety;
        this.texts = texts;
        this.wording = wording;
        this.clock = clock;
    }

    /** Applies the model's reading of {@code note} inside the caller's transaction; the replies go to the outbox. */
    public Amended amend(SecondReading.Reread note, Roster roster, Note model) {
        Optional<Person> author = Person.find(note.schoolId(), roster, note.authorId()).filter(Person::isStaff);
        if (author.isEmpty()) return Amended.NOTHING;
        if (note.recordId() == null) return fileUnplaced(author.get(), note, roster, model);
        Optional<Record> current = records.findForChange(note.recordId());
        if (current.isEmpty()) return Amended.NOTHING;   // withdrawn meanwhile
        Record r = current.get();
        TwoReadings.Combined c = TwoReadings.combine(asNote(r), model);
        logDisagreements(r.id(), c);
        if (!c.changed() || !mayWrite(author.get(), c.note().studentIds(), roster)) return new Amended(List.of(), 0, c.disagreements().size());
        Note n = c.note();
        Record changed = new Record(r.id(), r.schoolId(), r.authorId(), n.kind(), n.talkType(), n.channel(), n.date(), n.followUp(),
                n.topics(), n.flags(), n.studentIds(), r.note(), n.evidence(), r.sourceMessageId(), r.createdAt());
        Record now = records.correct(changed, author.get().id(), REASON + ": " + String.join(",", c.filled())
                + (c.flagsAdded().isEmpty() ? "" : " +" + c.flagsAdded()), clock.instant());
        LocalDate today = LocalDate.now(clock);
        if (r.followUp() == null && now.followUp() != null) afterFiling.filed(new AfterFiling.Filed(author.get(), now, roster, today));
        return new Amended(told(author.get(), now, roster, labels(c, now, roster, today), c.flagsAdded().contains(Flag.SAFETY), today),
                c.changes(), c.disagreements().size());
    }

    /** A note the rules answered with a friendly line: filed when the model places it about students the teacher may write about. */
    private Amended fileUnplaced(Person author, SecondReading.Reread note, Roster roster, Note model) {
        TwoReadings.Combined c = TwoReadings.combine(emptyReading(), model);
        Note n = c.note();
        boolean needsStudent = n.kind() != Kind.REMINDER;
        if (c.filled().contains(TwoReadings.FILED) && needsStudent && n.studentIds().isEmpty() && n.flags().contains(Flag.SAFETY)) {
            return askWho(author, note, n);
        }
        if (!c.filled().contains(TwoReadings.FILED) || (needsStudent && n.studentIds().isEmpty())
                || !mayWrite(author, n.studentIds(), roster)) {
            return Amended.NOTHING;
        }
        Record saved = records.save(new Record(null, note.schoolId(), author.id(), n.kind(), n.talkType(), n.channel(), n.date(),
                n.followUp(), n.topics(), n.flags(), n.studentIds(), note.text(), n.evidence(), null, clock.instant()));
        LocalDate today = LocalDate.now(clock);
        afterFiling.filed(new AfterFiling.Filed(author, saved, roster, today));
        return new Amended(told(author, saved, roster, wording.describe(saved, roster, today), n.flags().contains(Flag.SAFETY), today),
                c.changes(), 0);
    }

    /** A safety signal only the model read, about no one it could name: never dropped, the teacher is asked who (as the rules ask). */
    private Amended askWho(Person author, SecondReading.Reread note, Note n) {
        Record draft = new Record(null, note.schoolId(), author.id(), n.kind(), n.talkType(), n.channel(), n.date(), n.followUp(), n.topics(),
                n.flags(), List.of(), note.text(), n.evidence(), null, clock.instant());
        pending.ask(note.schoolId(), author.id(), new PendingQuestions.WhichStudent(draft, List.of(), null), clock.instant());
        return new Amended(List.of(new Reply(author.id(), texts.get("model.askWho"), true)), 1, 0);
    }

    private List<Reply> told(Person author, Record now, Roster roster, String what, boolean safetyRaised, LocalDate today) {
        List<Reply> alerts = safetyRaised ? safety.fromModel(now, author.id(), roster, today) : List.of();
        List<Reply> replies = new ArrayList<>();
        replies.add(new Reply(author.id(), texts.get("model.amended", what) + safety.toldLine(alerts, now, roster), safetyRaised));
        replies.addAll(alerts);
        return replies;
    }

    /** 「撤销补充」: the author's latest record the model changed goes back to the rules' reading (or away, if the model filed it). */
    Optional<Reply> undoIfAsked(Person asker, Roster roster, String said) {
        if (!UNDO.contains(said.strip().replaceAll("[。.!！「」\\s]+", ""))) return Optional.empty();
        Instant now = clock.instant();
        Optional<Record> last = records.latestWithEvidence(asker.schoolId(), asker.id(), TwoReadings.MODEL_EVIDENCE,
                now.minus(LastRecordEdits.WINDOW))
                .flatMap(r -> records.findForChange(r.id()));
        LocalDate today = LocalDate.now(clock);
        if (last.isEmpty() || modelFields(last.get()).isEmpty()) return Optional.of(Reply.back(texts.get("model.undoNothing")));
        Record r = last.get();
        if (modelFields(r).contains(TwoReadings.FILED)) {
            records.softDelete(r.id(), asker.id(), now);
            reminders.followRecord(r.id(), null);
            return Optional.of(Reply.back(texts.get("model.undone", wording.describe(r, roster, today))));
        }
        Record before = records.stateBefore(r.id(), REASON).orElse(r);
        List<Evidence> evidence = r.evidence().stream()
                .filter(e -> !e.field().equals(TwoReadings.MODEL_EVIDENCE) || isFlag(e.value())).toList();
        Record restored = records.correct(new Record(r.id(), r.schoolId(), r.authorId(), before.kind(), before.talkType(), before.channel(),
                before.date(), before.followUp(), r.topics(), r.flags(), before.studentIds(), r.note(), evidence, r.sourceMessageId(),
                r.createdAt()), asker.id(), "MODEL_UNDONE", now);
        reminders.followRecord(r.id(), restored.followUp());
        return Optional.of(Reply.back(texts.get("model.undone", wording.describe(restored, roster, today))));
    }

    private String labels(TwoReadings.Combined c, Record r, Roster roster, LocalDate today) {
        List<String> parts = new ArrayList<>();
        if (c.filled().contains("kind") || c.filled().contains("channel")) parts.add(texts.get("model.kind." + r.kind().name())
                + (r.channel() == null ? "" : texts.get("model.channelIn", texts.get("model.channel." + r.channel().name()))));
        if (c.filled().contains("students")) parts.add(texts.get("model.students", wording.names(roster, r.studentIds())));
        if (c.filled().contains("date")) parts.add(texts.get("model.date", wording.day(r.date(), today)));
        if (c.filled().contains("followUp")) parts.add(texts.get("model.followUp", wording.day(r.followUp(), today)));
        if (!c.flagsAdded().isEmpty()) parts.add(texts.get("confirm.flags", wording.joined("flag.", c.flagsAdded())).replace("。", ""));
        return String.join(texts.get("model.separator"), parts);
    }

    private static List<String> modelFields(Record r) {
        return r.evidence().stream().filter(e -> e.field().equals(TwoReadings.MODEL_EVIDENCE) && !isFlag(e.value()))
                .map(Evidence::value).toList();
    }

    private static boolean isFlag(String value) {
        for (Flag f : Flag.values()) if (f.name().equals(value)) return true;
        return false;
    }

    private static boolean mayWrite(Person author, List<String> studentIds, Roster roster) {
        for (String id : studentIds) {
            Student s = roster.student(id).orElse(null);
            if (s == null || !Access.mayWriteAbout(author, s, roster)) return false;
        }
        return true;
    }

    private static void logDisagreements(long recordId, TwoReadings.Combined c) {
        if (!c.disagreements().isEmpty()) log.info("model reader disagrees on record {}: {} (the rules' reading stands)", recordId, c.disagreements());
    }

    private static Note emptyReading() {
        return new Note(Kind.OTHER, null, null, List.of(), null, Set.of(), Set.of(), null, null, null, List.of());
    }

    /** The record as a reading: a day without evidence in it was the rules' default (today), not words of the note. */
    private static Note asNote(Record r) {
        return new Note(r.kind(), r.talkType(), r.channel(), r.studentIds(), r.date(), r.topics(), r.flags(), r.followUp(),
                null, null, r.evidence());
    }
}
