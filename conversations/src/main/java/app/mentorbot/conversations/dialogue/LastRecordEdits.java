package app.mentorbot.conversations.dialogue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;

import app.mentorbot.conversations.people.Access;
import app.mentorbot.conversations.people.Person;
import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.records.RecordStore;
import app.mentorbot.conversations.reminders.ReminderBook;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.text.Texts;

/**
 * A staff member changing their own latest record, within {@link #WINDOW} of filing it: 「撤销」
 * withdraws it, a correction in plain words (不对，是昨天) amends it. Its reminder follows either way,
 * and the earlier state stays in the record's history; a follow-up day a record gets only by correction
 * (跟进改到下周五 on a note without one) brings a new reminder.
 */
final class LastRecordEdits {
    /** How long after filing a record may still be withdrawn or corrected in chat. */
    static final Duration WINDOW = Duration.ofHours(24);

    private final RecordStore records;
    private final ReminderBook reminders;
    private final FollowUpReminders followUps;
    private final NoteReading reading;
    private final Texts texts;
    private final Wording wording;
    private final Clock clock;

    LastRecordEdits(RecordStore records, ReminderBook reminders, FollowUpReminders followUps, NoteReading reading, Texts texts,
                    Wording wording, Clock clock) {
        this.records = records;
        this.reminders = reminders;
        this.followUps = followUps;
        this.reading = reading;
        this.texts = texts;
        this.wording = wording;
        this.clock = clock;
    }

    Reply undo(Person asker, Roster roster) {
        Instant now = clock.instant();
        Optional<Record> last = records.latestBy(asker.schoolId(), asker.id(), now.minus(WINDOW));
        if (last.isEmpty() || !records.softDelete(last.get().id(), asker.id(), now)) {
            return Reply.back(texts.get("undo.nothing"));
        }
        reminders.followRecord(last.get().id(), null);
        return Reply.back(texts.get("undo.done", wording.describe(last.get(), roster, LocalDate.now(clock))));
    }

    /** Applies a correction to the latest record; empty when the words are no correction of it (they are then a new note). */
    Optional<Reply> correctIfAsked(Person asker, Roster roster, String said, ZonedDateTime saidAt) {
        if (!Corrections.looksLikeCorrection(said)) return Optional.empty();
        Optional<Record> last = records.latestBy(asker.schoolId(), asker.id(), clock.instant().minus(WINDOW))
                .flatMap(r -> records.findForChange(r.id()));
        if (last.isEmpty()) return Optional.empty();
        return Corrections.apply(last.get(), said, (author, text, at) -> reading.read(roster, author, text, at), asker.id(), saidAt)
                .map(changed -> correct(asker, roster, last.get(), changed, said));
    }

    private Reply correct(Person asker, Roster roster, Record before, Record changed, String said) {
        for (String id : changed.studentIds()) {
            Student s = roster.student(id).orElse(null);
            if (s == null || !Access.mayWriteAbout(asker, s, roster)) {
                return Reply.back(texts.get("access.cannotWrite", s == null ? id : s.name()));
            }
        }
        Record now = records.correct(changed, asker.id(), "CORRECTION: " + Wording.shortened(said, 60), clock.instant());
        LocalDate today = LocalDate.now(clock);
        if (before.followUp() == null && now.followUp() != null) followUps.filed(new AfterFiling.Filed(asker, now, roster, today));
        else reminders.followRecord(now.id(), now.followUp());
        return Reply.back(wording.corrected(now, roster, today));
    }
}
