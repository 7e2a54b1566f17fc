package app.mentorbot.conversations.dialogue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;

import app.mentorbot.conversations.people.Access;
import app.mentorbot.conversations.people.Person;
import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.text.Texts;
import app.mentorbot.conversations.understanding.Kind;
import app.mentorbot.conversations.understanding.Note;

/**
 * A staff member's notes becoming records, one note a line (a list gets one reply that lists them
 * all). A note about no one, or with a name that fits several students, asks "which student?" and is
 * filed once answered; a day that does not exist is asked about, never guessed. Filing checks that
 * the author may write about every student, saves, calls the one {@link AfterFiling} hook, and adds
 * what the safety check sends. A question to the bot goes to {@link Queries}.
 */
final class NoteFiling {
    /** Notes filed, for the operator's metrics: a count only, never who or what. */
    private static final Counter FILED = Metrics.counter("mentorbot.notes.filed");
    private static final Set<String> ALL = Set.of("都是", "都", "全部", "都对", "两个都是", "都有");
    private static final Pattern LIST_MARK = Pattern.compile("^\\s*(\\d{1,2}[.、)）]|[-•·*])\\s*");
    private static final Pattern LATIN_ONLY = Pattern.compile("^[\\p{IsLatin}\\p{Punct}\\s\\d]+$");

    /** Saves a drafted record and returns it with its id ({@code RecordStore::save} in the running bot). */
    @FunctionalInterface
    interface Saving {
        Record save(Record draft);
    }

    /** A confirmation of its own for some records (a conference date set) instead of the usual one; empty for the rest. */
    @FunctionalInterface
    interface OwnConfirmation {
        Optional<String> of(Person author, Roster roster, Record saved, LocalDate today);
    }

    private final NoteReading reading;
    private final PendingQuestions pending;
    private final Saving records;
    private final AfterFiling afterFiling;
    private final OwnConfirmation ownConfirmation;
    private final SafetyChecks safety;
    private final Queries queries;
    private final Texts texts;
    private final Clock clock;
    private final SecondReading secondReading;

    NoteFiling(NoteReading reading, PendingQuestions pending, Saving records, AfterFiling afterFiling, OwnConfirmation ownConfirmation,
               SafetyChecks safety, Queries queries, Texts texts, Clock clock) {
        this(reading, pending, records, afterFiling, ownConfirmation, safety, queries, texts, clock, SecondReading.NONE);
    }

    /** {@code secondReading}: where each filed note, and each the rules could not place, goes to be read again (after the commit). */
    NoteFiling(NoteReading reading, PendingQuestions pending, Saving records, AfterFiling afterFiling, OwnConfirmation ownConfirmation,
               SafetyChecks safety, Queries queries, Texts texts, Clock clock, SecondReading secondReading) {
        this.secondReading = secondReading;
        this.reading = reading;
        this.pending = pending;
        this.records = records;
        this.afterFiling = afterFiling;
        this.ownConfirmation = ownConfirmation;
        this.safety = safety;
        this.queries = queries;
        this.texts = texts;
        this.clock = clock;
    }

    /** Files what the staff member wrote: each line a note of its own when there are several. */
    List<Reply> file(Turn turn, Roster roster, String said, ZonedDateTime saidAt) {
        List<String> lines = lines(said);
        return lines.size() > 1 ? several(turn, roster, lines, saidAt) : one(turn, roster, said, saidAt);
    }

    /**
     * The answer to an open "which student?": the held draft filed about the students chosen. Empty
     * when there is no open question or the words are no answer to it (the question then stays open).
     */
    Optional<List<Reply>> fileOnAnswer(Person asker, Roster roster, String said) {
        Optional<PendingQuestions.WhichStudent> open = pending.open(asker.schoolId(), asker.id(), clock.instant());
        if (open.isEmpty()) return Optional.empty();
        Optional<List<String>> chosen = chosenStudents(open.get(), said, roster, asker);
        if (chosen.isEmpty()) return Optional.empty();
        pending.close(asker.schoolId(), asker.id());
        // Filed now, not when asked: the record the teacher last saw confirmed is the one a correction changes.
        return Optional.of(fileChecked(asker, roster, withStudents(open.get().draft(), chosen.get(), clock.instant())));
    }

    private static List<String> lines(String said) {
        List<String> lines = new ArrayList<>();
        for (String line : said.split("\\R")) {
            String l = LIST_MARK.matcher(line).replaceFirst("").strip();
            if (!l.isEmpty()) lines.add(l);
        }
        return lines;
    }

    /** A list, one note per line: each becomes its own record; one reply lists them all. */
    private List<Reply> several(Turn turn, Roster roster, List<String> lines, ZonedDateTime saidAt) {
        List<Reply> pushes = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        for (String line : lines) {
            for (Reply r : one(turn, roster, line, saidAt)) {
                if (r.recipientId() == null) answers.add(r.text().replace(texts.get("confirm.undoHint"), ""));
                else pushes.add(r);
            }
        }
        List<Reply> replies = new ArrayList<>();
        replies.add(Reply.back(texts.get("several.header", lines.size()) + "\n" + String.join("\n", answers)));
        replies.addAll(pushes);
        return replies;
    }

    private List<Reply> one(Turn turn, Roster roster, String said, ZonedDateTime saidAt) {
        Person asker = turn.asker();
        if (LATIN_ONLY.matcher(said).matches() && said.chars().anyMatch(Character::isLetter)) {
            return List.of(Reply.back(texts.get("bad.notChinese")));
        }
        Note note = reading.read(roster, asker.id(), said, saidAt);
        return switch (note.kind()) {
            case TALK, PARENT_CONTACT, OBSERVATION, REMINDER -> ConferenceDates.refusal(asker, roster, said, note.followUp(), texts)
                    .map(refused -> List.of(Reply.back(refused))).orElseGet(() -> draftOrAsk(turn, roster, note, said));
            case QUERY -> List.of(Reply.back(queries.lookUp(asker, roster, note, said, LocalDate.now(clock))));
            default -> {
                secondReading.reread(new SecondReading.Reread(asker.schoolId(), asker.id(), null, said, saidAt,
                        note.clarify() == null ? note.studentIds() : note.clarify()));
                yield List.of(Reply.back(texts.get("other.reply")));
            }
        };
    }

    private List<Reply> draftOrAsk(Turn turn, Roster roster, Note note, String said) {
        Person asker = turn.asker();
        // No guessing: a day that does not exist (2月30日) is asked about, not filed as some other day.
        for (String doubt : note.doubts()) {
            if (doubt.startsWith(Note.DATE_IMPOSSIBLE)) {
                return List.of(Reply.back(texts.get("clarify.impossibleDate", doubt.substring(Note.DATE_IMPOSSIBLE.length()))));
            }
        }
        Record draft = new Record(null, asker.schoolId(), asker.id(), note.kind(), note.talkType(), note.channel(),
                note.date(), note.followUp(), note.topics(), note.flags(), note.studentIds(), said, note.evidence(),
                turn.sourceMessageId(), clock.instant());
        boolean needsStudent = note.kind() != Kind.REMINDER;
        if (note.clarify() != null || (needsStudent && note.studentIds().isEmpty())) {
            List<String> candidates = note.clarify() == null ? List.of() : note.clarify();
            pending.ask(asker.schoolId(), asker.id(), new PendingQuestions.WhichStudent(draft, candidates, note.unresolvedName()),
                    clock.instant());
            return List.of(Reply.back(question(roster, candidates, note.unresolvedName())));
        }
        return fileChecked(asker, roster, draft);
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
    private static Optional<List<String>> chosenStudents(PendingQuestions.WhichStudent q, String said, Roster roster, Person asker) {
        List<String> candidates = q.candidates();
        if (Commands.isChoice(said)) return Commands.chosen(said, candidates).map(List::of);
        String bare = said.replaceAll("[。.!！\\s]", "");
        if (!candidates.isEmpty() && ALL.contains(bare)) return Optional.of(candidates);
        // Names: among the candidates first, else any full name the asker may write about; in
        // 「不是李华是李娜」 only the name after 是 is meant.
        String names = Corrections.replacingWords(said).orElse(said);
        Set<String> named = new LinkedHashSet<>();
        for (String id : candidates) {
            roster.student(id).filter(s -> names.contains(s.name())).ifPresent(s -> named.add(s.id()));
        }
        if (named.isEmpty() && bare.length() <= 12) {
            for (Student s : roster.students()) {
                if (names.contains(s.name()) && Access.mayWriteAbout(asker, s, roster)) named.add(s.id());
            }
        }
        return named.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(named));
    }

    private static Record withStudents(Record d, List<String> studentIds, Instant filedAt) {
        return new Record(null, d.schoolId(), d.authorId(), d.kind(), d.talkType(), d.channel(), d.date(), d.followUp(),
                d.topics(), d.flags(), studentIds, d.note(), d.evidence(), d.sourceMessageId(), filedAt);
    }

    /** Files the draft when its author may write about every student in it; else says whom they may not. */
    private List<Reply> fileChecked(Person asker, Roster roster, Record draft) {
        List<String> refused = new ArrayList<>();
        for (String id : draft.studentIds()) {
            Student s = roster.student(id).orElse(null);
            if (s == null || !Access.mayWriteAbout(asker, s, roster)) refused.add(s == null ? id : s.name());
        }
        if (!refused.isEmpty()) {
            return List.of(Reply.back(texts.get("access.cannotWrite", String.join(texts.get("list.separator"), refused))));
        }
        Record saved = records.save(draft);
        FILED.increment();
        secondReading.reread(new SecondReading.Reread(saved.schoolId(), asker.id(), saved.id(), saved.note(),
                saved.createdAt().atZone(clock.getZone()), saved.studentIds()));
        LocalDate today = LocalDate.now(clock);
        afterFiling.filed(new AfterFiling.Filed(asker, saved, roster, today));
        List<Reply> replies = new ArrayList<>();
        List<Reply> alerts = safety.afterFiling(saved, asker.id(), asker.displayName(), roster, today);
        String confirmation = ownConfirmation.of(asker, roster, saved, today).orElseGet(() -> safety.confirmation(saved, roster, today));
        replies.add(Reply.back(confirmation + safety.toldLine(alerts, saved, roster)));
        replies.addAll(alerts);
        return replies;
    }
}
