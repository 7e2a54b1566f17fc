package app.mentorbot.conversations.dialogue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.conversations.people.Person;
import app.mentorbot.conversations.people.Role;
import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.records.RecordStore;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.RosterStore;
import app.mentorbot.conversations.roster.SchoolClass;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.text.Texts;
import app.mentorbot.conversations.understanding.Flag;
import app.mentorbot.conversations.understanding.Kind;
import app.mentorbot.conversations.understanding.Note;
import app.mentorbot.conversations.understanding.NoteReader;

/**
 * One turn of conversation: a known person said something, the bot changes records and answers.
 * Runs inside the caller's transaction, so the records and the replies it returns (which the caller
 * puts in the outbox) commit together or not at all.
 *
 * Order of attention: explicit commands (撤销, 帮助), then an open question for this person, then
 * the note reader. An answer that does not fit the open question is read as a new note and the
 * question stays open, so neither is lost.
 */
public final class Dialogue {
    static final Duration UNDO_WINDOW = Duration.ofHours(24);
    private static final Pattern CHOICE = Pattern.compile("^\\s*(?:第)?([1-9])(?:个|位)?\\s*[。.!！]?\\s*$");
    private static final Set<String> ALL = Set.of("都是", "都", "全部", "都对", "两个都是", "都有");

    private final RosterStore rosters;
    private final RecordStore records;
    private final PendingQuestions pending;
    private final Texts texts;
    private final Wording wording;
    private final Clock clock;
    private volatile ReaderForRoster reader = new ReaderForRoster(null, null);

    public Dialogue(JdbcClient jdbc, RosterStore rosters, RecordStore records, Texts texts, Clock clock) {
        this.rosters = Objects.requireNonNull(rosters);
        this.records = Objects.requireNonNull(records);
        this.pending = new PendingQuestions(jdbc);
        this.texts = Objects.requireNonNull(texts);
        this.wording = new Wording(texts);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The reader is built once per roster version; rosters are cached, so identity tells a new import. */
    private record ReaderForRoster(Roster roster, NoteReader reader) {}

    private NoteReader readerFor(Roster roster) {
        ReaderForRoster current = reader;
        if (current.roster() != roster) {
            current = new ReaderForRoster(roster, new NoteReader(roster));
            reader = current;
        }
        return current.reader();
    }

    public List<Reply> handle(Person asker, String text, Long sourceMessageId) {
        return handle(asker, text, sourceMessageId, clock.instant());
    }

    /**
     * @param saidAt when the person said it: a note handled late (after an outage) still means
     *               "today" as of the day it was written
     */
    public List<Reply> handle(Person asker, String text, Long sourceMessageId, Instant saidAt) {
        Roster roster = rosters.load(asker.schoolId());
        if (!asker.isStaff()) {
            return List.of(Reply.back(texts.get("parent.notYet")));
        }
        String said = text.strip();
        if (Commands.isUndo(said)) return List.of(undo(asker, roster));
        if (Commands.isHelp(said)) return List.of(Reply.back(texts.get("help.teacher")));

        Instant now = clock.instant();
        Optional<PendingQuestions.WhichStudent> open = pending.open(asker.schoolId(), asker.id(), now);
        if (open.isPresent()) {
            Optional<List<String>> chosen = answer(open.get(), said, roster, asker);
            if (chosen.isPresent()) {
                pending.close(asker.schoolId(), asker.id());
                Record draft = open.get().draft();
                return file(asker, roster, withStudents(draft, chosen.get()));
            }
        }

        ZonedDateTime localNow = saidAt.atZone(clock.getZone());
        Note note = readerFor(roster).read(asker.id(), said, localNow);
        return switch (note.kind()) {
            case TALK, PARENT_CONTACT, OBSERVATION, REMINDER -> draftOrAsk(asker, roster, note, said, sourceMessageId);
            case QUERY -> List.of(Reply.back(query(asker, roster, note)));
            default -> List.of(Reply.back(texts.get("other.reply")));
        };
    }

    private List<Reply> draftOrAsk(Person asker, Roster roster, Note note, String said, Long sourceMessageId) {
        Record draft = new Record(null, asker.schoolId(), asker.id(), note.kind(), note.talkType(), note.channel(),
                note.date(), note.followUp(), note.topics(), note.flags(), note.studentIds(), said, note.evidence(),
                sourceMessageId, clock.instant());
        boolean needsStudent = note.kind() != Kind.REMINDER;
        if (note.clarify() != null || (needsStudent && note.studentIds().isEmpty())) {
            List<String> candidates = note.clarify() == null ? List.of() : note.clarify();
            pending.ask(asker.schoolId(), asker.id(), new PendingQuestions.WhichStudent(draft, candidates, note.unresolvedName()),
                    clock.instant());
            return List.of(Reply.back(question(roster, candidates, note.unresolvedName())));
        }
        return file(asker, roster, draft);
    }

    private String question(Roster roster, List<String> candidates, String name) {
        if (candidates.isEmpty()) {
            return name == null ? texts.get("clarify.whoNoName") : texts.get("clarify.notOnRoster", name);
        }
        StringBuilder options = new StringBuilder();
        for (int i = 0; i < candidates.size(); i++) {
            String id = candidates.get(i);
            Student s = roster.student(id).orElse(null);
            String label = s == null ? id : s.name() + roster.schoolClass(s.classId()).map(c -> "（" + c.name() + "）").orElse("");
            options.append(texts.get("clarify.option", i + 1, label));
        }
        return texts.get(name == null ? "clarify.whichNoName" : "clarify.which", name, options.toString().strip());
    }

    /** Reads an answer to "which student?": a number, "都是", or names. Empty when it is no answer. */
    private Optional<List<String>> answer(PendingQuestions.WhichStudent q, String said, Roster roster, Person asker) {
        List<String> candidates = q.candidates();
        Matcher m = CHOICE.matcher(said);
        if (m.matches()) {
            int n = Integer.parseInt(m.group(1));
            return n <= candidates.size() ? Optional.of(List.of(candidates.get(n - 1))) : Optional.empty();
        }
        String bare = said.replaceAll("[。.!！\\s]", "");
        if (!candidates.isEmpty() && ALL.contains(bare)) return Optional.of(candidates);
        // Names: among the candidates first, else any full name the asker may write about.
        Set<String> named = new LinkedHashSet<>();
        for (String id : candidates) {
            roster.student(id).filter(s -> said.contains(s.name())).ifPresent(s -> named.add(s.id()));
        }
        if (named.isEmpty() && bare.length() <= 12) {
            for (Student s : roster.students()) {
                if (said.contains(s.name()) && Access.mayWriteAbout(asker, s, roster)) named.add(s.id());
            }
        }
        return named.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(named));
    }

    private static Record withStudents(Record d, List<String> studentIds) {
        return new Record(null, d.schoolId(), d.authorId(), d.kind(), d.talkType(), d.channel(), d.date(), d.followUp(),
                d.topics(), d.flags(), studentIds, d.note(), d.evidence(), d.sourceMessageId(), d.createdAt());
    }

    private List<Reply> file(Person asker, Roster roster, Record draft) {
        Record saved = records.save(draft);
        LocalDate today = LocalDate.now(clock);
        List<Reply> replies = new ArrayList<>();
        replies.add(Reply.back(wording.confirmation(saved, roster, today)));
        if (saved.flags().contains(Flag.SAFETY)) replies.addAll(safetyAlerts(asker, roster, saved, today));
        return replies;
    }

    /** SAFETY reaches the student's mentor and class head at once, whatever the hour. */
    private List<Reply> safetyAlerts(Person asker, Roster roster, Record r, LocalDate today) {
        Set<String> recipients = new LinkedHashSet<>();
        for (String id : r.studentIds()) {
            roster.student(id).ifPresent(s -> {
                if (s.mentorId() != null) recipients.add(s.mentorId());
                roster.schoolClass(s.classId()).map(SchoolClass::headTeacherId).ifPresent(recipients::add);
            });
        }
        recipients.remove(asker.id());
        String alert = texts.get("safety.alert", asker.displayName(), wording.describe(r, roster, today),
                Wording.shortened(r.note(), 120));
        return recipients.stream().map(id -> new Reply(id, alert, true)).toList();
    }

    private Reply undo(Person asker, Roster roster) {
        Instant now = clock.instant();
        Optional<Record> last = records.latestBy(asker.schoolId(), asker.id(), now.minus(UNDO_WINDOW));
        if (last.isEmpty() || !records.softDelete(last.get().id(), now)) {
            return Reply.back(texts.get("undo.nothing"));
        }
        return Reply.back(texts.get("undo.done", wording.describe(last.get(), roster, LocalDate.now(clock))));
    }

    private String query(Person asker, Roster roster, Note note) {
        if (note.studentIds().isEmpty()) return texts.get("query.unsupported");
        LocalDate today = LocalDate.now(clock);
        StringBuilder answer = new StringBuilder();
        for (String id : note.studentIds()) {
            Student s = roster.student(id).orElse(null);
            if (s == null) continue;
            if (!Access.mayRead(asker, s, roster)) {
                answer.append(texts.get("query.notAllowed", s.name())).append('\n');
                continue;
            }
            List<Record> recent = records.recentForStudent(asker.schoolId(), id, 5);
            if (recent.isEmpty()) {
                answer.append(texts.get("query.none", s.name())).append('\n');
                continue;
            }
            answer.append(texts.get("query.recentHeader", s.name(), recent.size())).append('\n');
            for (Record r : recent) {
                answer.append(texts.get("query.line", wording.describe(r, roster, today), Wording.shortened(r.note(), 40))).append('\n');
            }
        }
        return answer.toString().strip();
    }

    static final class Access {
        private Access() {}

        /** Admins, the student's mentor and the student's class head may read the student's records. */
        static boolean mayRead(Person asker, Student s, Roster roster) {
            if (asker.is(Role.ADMIN) || asker.id().equals(s.mentorId())) return true;
            return roster.schoolClass(s.classId()).map(c -> asker.id().equals(c.headTeacherId())).orElse(false);
        }

        /** Teachers may also write notes about students of the classes they teach. */
        static boolean mayWriteAbout(Person asker, Student s, Roster roster) {
            return mayRead(asker, s, roster) || roster.classIdsOf(asker.id()).contains(s.classId());
        }
    }
}
