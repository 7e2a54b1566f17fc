package app.mentorbot.conversations.dialogue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import app.mentorbot.conversations.people.Person;
import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.records.RecordStore;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.RosterStore;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.schedule.QuietHours;
import app.mentorbot.conversations.text.Texts;
import app.mentorbot.conversations.understanding.Evidence;
import app.mentorbot.conversations.understanding.Kind;
import app.mentorbot.conversations.understanding.Note;

/**
 * A student's turn (only where the school turned student accounts on). The answer to an open
 * half-month report question is filed as a STUDENT_REPORT record in the mentor's name, read by the
 * note reader for its flags, and the mentor gets a short notice; a safety signal in it goes through
 * {@link SafetyChecks} exactly as a parent's message does. Anything else the student writes goes to
 * their mentor through the relay, as a parent's words do. A student never reads a record.
 */
final class StudentConversation implements Conversation {
    private final Predicate<String> enabled;
    private final StudentAccounts accounts;
    private final RosterStore rosters;
    private final RecordStore records;
    private final RelayMessages relayed;
    private final NoteReading reading;
    private final SafetyChecks safety;
    private final QuietHours quiet;
    private final Texts texts;
    private final Clock clock;

    StudentConversation(Predicate<String> enabled, StudentAccounts accounts, RosterStore rosters, RecordStore records, RelayMessages relayed,
                        NoteReading reading, SafetyChecks safety, QuietHours quiet, Texts texts, Clock clock) {
        this.enabled = enabled;
        this.accounts = accounts;
        this.rosters = rosters;
        this.records = records;
        this.relayed = relayed;
        this.reading = reading;
        this.safety = safety;
        this.quiet = quiet;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public List<Reply> reply(Turn turn, String said) {
        if (!enabled.test(turn.schoolId())) return List.of(Reply.back(texts.get("student.off")));
        Person me = turn.asker();
        Instant now = clock.instant();
        accounts.register(me.schoolId(), me.id(), now);
        if (Commands.isHelp(said)) return List.of(Reply.back(texts.get("help.student")));
        Roster roster = rosters.load(turn.schoolId());
        Optional<Student> student = roster.student(me.id());
        Optional<String> mentor = student.flatMap(s -> Relay.mentorOf(s, roster));
        if (mentor.isEmpty()) return List.of(Reply.back(texts.get("student.noMentor")));
        String mentorName = roster.teacher(mentor.get()).map(t -> t.name()).orElse("");
        Note read = reading.read(roster, mentor.get(), asNote(student.get(), said), turn.saidAt().atZone(clock.getZone()));
        Optional<Long> question = accounts.openQuestion(me.schoolId(), me.id(), now);
        if (question.isPresent()) return fileReport(turn, student.get(), mentor.get(), mentorName, said, read, question.get(), roster);
        return relay(turn, student.get(), mentor.get(), mentorName, said, read, roster);
    }

    private List<Reply> fileReport(Turn turn, Student s, String mentorId, String mentorName, String said, Note read, long question,
                                   Roster roster) {
        Instant now = clock.instant();
        List<Evidence> suspected = evidence(read, said.length());
        Record saved = records.save(new Record(null, turn.schoolId(), mentorId, Kind.STUDENT_REPORT, null, null, LocalDate.now(clock), null,
                read.topics(), read.flags(), List.of(s.id()), said, suspected, turn.sourceMessageId(), now));
        accounts.answered(question, saved.id(), now);
        String report = texts.get("studentReport.toMentor", s.name(), said);
        if (SafetyChecks.raised(read)) {
            return safety.fromStudent(new SafetyChecks.Alarm(turn.schoolId(), saved.id(), s, mentorId, mentorName, report), read, roster);
        }
        String flags = read.flags().isEmpty() ? "" : texts.get("studentReport.flags", new Wording(texts).joined("flag.", read.flags()));
        return List.of(new Reply(mentorId, report + flags, false, quiet.isQuiet(now) ? quiet.nextOpen(now) : null),
                Reply.back(texts.get("studentReport.thanks", mentorName)));
    }

    private List<Reply> relay(Turn turn, Student s, String mentorId, String mentorName, String said, Note read, Roster roster) {
        Instant now = clock.instant();
        String text = texts.get("student.toMentor", s.name(), said);
        boolean urgent = SafetyChecks.raised(read);
        Instant notBefore = urgent || !quiet.isQuiet(now) ? null : quiet.nextOpen(now);
        // as a parent's urgent message is, a student's is kept as a record the digest shows (without their words)
        Long alarmRecord = urgent ? records.save(new Record(null, turn.schoolId(), mentorId, Kind.OBSERVATION, null, null, LocalDate.now(clock),
                null, read.topics(), read.flags(), List.of(s.id()), texts.get("student.urgentNote"), evidence(read, 0), turn.sourceMessageId(),
                now)).id() : null;
        relayed.addFromStudent(turn.schoolId(), s.id(), mentorId, said, now, notBefore, urgent, alarmRecord, turn.sourceMessageId());
        if (urgent) return safety.fromStudent(new SafetyChecks.Alarm(turn.schoolId(), alarmRecord, s, mentorId, mentorName, text), read, roster);
        return List.of(new Reply(mentorId, text + texts.get("student.howToAnswer", s.name()), false, notBefore),
                Reply.back(notBefore == null ? texts.get("student.delivered", mentorName) : texts.get("student.held", mentorName)));
    }

    /**
     * The student's words as the note reader reads a teacher's note: about the student, in the third
     * person (「李华：宿舍里有人打李华」), so 「我不想活了」 is the keyword it is in 「李华说不想活了」.
     */
    static String asNote(Student s, String said) {
        return s.name() + "：" + said.replace("我们", "他们").replace("我", s.name());
    }

    /** The 疑似 mark of a reading (what {@code SafetyChecks} looks for), its span within the {@code kept} characters stored. */
    private static List<Evidence> evidence(Note read, int kept) {
        return read.evidence().stream().filter(e -> e.field().equals(Note.SUSPECTED_EVIDENCE))
                .map(e -> new Evidence(e.field(), e.value(), 0, Math.min(kept, Math.max(0, e.end() - e.start())))).toList();
    }
}
