package app.mentorbot.conversations.dialogue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import app.mentorbot.conversations.dialogue.RelayLog.Direction;
import app.mentorbot.conversations.dialogue.RelayLog.Relayed;
import app.mentorbot.conversations.people.Person;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.schedule.QuietHours;
import app.mentorbot.conversations.text.Texts;
import app.mentorbot.conversations.understanding.Note;

/**
 * A parent's words about one child go to the child's mentor (else the class head): now, or at the
 * end of the mentor's quiet hours. The words are read once, as the mentor's note about the child;
 * when that reading raises a safety signal the {@link SafetyChecks} decide who hears, at once.
 */
final class MentorRelay {
    private final NoteReading reading;
    private final RelayLog log;
    private final SafetyChecks safety;
    private final QuietHours quiet;
    private final Texts texts;
    private final Wording wording;
    private final Clock clock;

    MentorRelay(NoteReading reading, RelayLog log, SafetyChecks safety, QuietHours quiet, Texts texts, Wording wording, Clock clock) {
        this.reading = reading;
        this.log = log;
        this.safety = safety;
        this.quiet = quiet;
        this.texts = texts;
        this.wording = wording;
        this.clock = clock;
    }

    List<Reply> relay(Person parent, Roster roster, String studentId, String text, Long sourceId, Instant saidAt) {
        Student child = roster.student(studentId).orElseThrow();
        Optional<String> found = Relay.mentorOf(child, roster);
        if (found.isEmpty()) return List.of(Reply.back(texts.get("parent.noMentor", child.name())));
        String mentorId = found.get();
        String mentorName = roster.teacher(mentorId).map(t -> t.name()).orElse("");
        String parentId = parent.children().get(studentId);
        String from = roster.parent(parentId).map(p -> Person.parentDisplayName(roster, p)).orElse(parent.displayName());
        String relayed = texts.get("relay.toMentor", from, child.name(), text);
        Note read = reading.read(roster, mentorId, child.name() + "：" + text, saidAt.atZone(clock.getZone()));

        Instant now = clock.instant();
        boolean urgent = SafetyChecks.raised(read);
        Instant notBefore = urgent || !quiet.isQuiet(now) ? null : quiet.nextOpen(now);
        long recordId = log.log(new Relayed(parent.schoolId(), studentId, parentId, mentorId, Direction.TO_MENTOR, text, now,
                notBefore, urgent, sourceId));
        if (urgent) {
            return safety.fromParent(new SafetyChecks.Alarm(parent.schoolId(), recordId, child, mentorId, mentorName, relayed),
                    read, roster);
        }
        return List.of(
                new Reply(mentorId, relayed + texts.get("relay.howToAnswer", from), false, notBefore),
                Reply.back(notBefore == null ? texts.get("relay.delivered", mentorName, child.name())
                        : texts.get("relay.heldForQuietHours", mentorName, heldUntil(notBefore))));
    }

    /** 「3月11日（周三） 07:00」 */
    private String heldUntil(Instant notBefore) {
        ZonedDateTime at = notBefore.atZone(clock.getZone());
        return wording.dayWithWeekday(at.toLocalDate(), LocalDate.now(clock)) + " " + at.toLocalTime();
    }
}
