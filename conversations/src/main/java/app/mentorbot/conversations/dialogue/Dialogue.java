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

import app.mentorbot.conversations.duties.Ledger;
import app.mentorbot.conversations.people.Access;
import app.mentorbot.conversations.reminders.ReminderBook;
import app.mentorbot.conversations.people.Person;
import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.records.RecordStore;
import app.mentorbot.conversations.roster.Parent;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.RosterStore;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.schedule.QuietHours;
import app.mentorbot.conversations.text.Texts;
import app.mentorbot.conversations.understanding.Flag;
import app.mentorbot.conversations.understanding.Kind;
import app.mentorbot.conversations.understanding.Lexicon;
import app.mentorbot.conversations.understanding.Note;
import app.mentorbot.conversations.understanding.NoteReader;

/**
 * One turn of conversation: someone said something, the bot changes records and answers. Runs inside
 * the caller's transaction, so the records and the replies it returns (which the caller puts in the
 * outbox) commit together or not at all.
 *
 * Staff, in order of attention: fixed commands (撤销, 帮助, 绑定码, 回复…), an open question for this
 * person, a correction of their last record, then the note reader (one note per line). An answer that
 * does not fit the open question is read as a new note and the question stays open, so neither is lost.
 * Parents: everything they write goes to their child's mentor (never a query of records). Strangers may
 * only bind their account with a one-time code.
 */
public final class Dialogue {
    static final Duration UNDO_WINDOW = Duration.ofHours(24);
    static final Duration CHILD_CHOICE_STICKS = Duration.ofHours(24);
    static final int MAX_TEXT = 4000;
    private static final Pattern CHOICE = Pattern.compile("^\\s*(?:第)?([1-9])(?:个|位)?\\s*[。.!！]?\\s*$");
    private static final Set<String> ALL = Set.of("都是", "都", "全部", "都对", "两个都是", "都有");
    private static final Pattern BIND = Pattern.compile("^\\s*(?:绑定|绑定码|bind)\\s*[：:]?\\s*(\\d{6})\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ISSUE_CODE = Pattern.compile("^\\s*(?:生成|给|发)?\\s*(?:一个)?绑定码\\s*[：:，,]?\\s*(?:给)?\\s*(.+?)\\s*$");
    private static final Pattern REPLY_TO_PARENT = Pattern.compile("^\\s*回复\\s*([^\\s：:，,]{0,12}?)\\s*[：:，,\\s]\\s*(.+)$", Pattern.DOTALL);
    private static final Pattern LIST_MARK = Pattern.compile("^\\s*(\\d{1,2}[.、)）]|[-•·*])\\s*");
    private static final Pattern LATIN_ONLY = Pattern.compile("^[\\p{IsLatin}\\p{Punct}\\s\\d]+$");

    private final JdbcClient jdbc;
    private final RosterStore rosters;
    private final RecordStore records;
    private final PendingQuestions pending;
    private final BindingCodes codes;
    private final Relay relay;
    private final Queries queries;
    private final Texts texts;
    private final Wording wording;
    private final Clock clock;
    private final QuietHours quiet;
    private volatile ReaderForRoster reader = new ReaderForRoster(null, null);

    private final DutyTalk duties;
    private final Lexicon lexicon;
    private final ReminderBook reminders;
    private final SafetyChecks safety;

    public Dialogue(JdbcClient jdbc, RosterStore rosters, RecordStore records, Texts texts, Clock clock,
                    QuietHours quiet, Links links, Ledger ledger, ReminderBook reminders, Lexicon lexicon, SafetyChecks safety) {
        this.jdbc = Objects.requireNonNull(jdbc);
        this.lexicon = Objects.requireNonNull(lexicon);
        this.rosters = Objects.requireNonNull(rosters);
        this.records = Objects.requireNonNull(records);
        this.pending = new PendingQuestions(jdbc);
        this.codes = new BindingCodes(jdbc);
        this.relay = new Relay(jdbc, records, clock.getZone());
        this.texts = Objects.requireNonNull(texts);
        this.wording = new Wording(texts);
        this.queries = new Queries(records, texts, wording, links);
        this.clock = Objects.requireNonNull(clock);
        this.quiet = Objects.requireNonNull(quiet);
        this.reminders = Objects.requireNonNull(reminders);
        this.duties = new DutyTalk(jdbc, ledger, reminders, texts, wording, links, clock);
        this.safety = Objects.requireNonNull(safety);
    }

    /** The reader is built once per roster version; rosters are cached, so identity tells a new import. */
    private record ReaderForRoster(Roster roster, NoteReader reader) {}

    private NoteReader readerFor(Roster roster) {
        ReaderForRoster current = reader;
        if (current.roster() != roster) {
            current = new ReaderForRoster(roster, new NoteReader(roster, lexicon));
            reader = current;
        }
        return current.reader();
    }

    public List<Reply> handle(Turn turn) {
        String said = turn.text().strip();
        Matcher bind = BIND.matcher(said);
        if (bind.matches()) return List.of(bind(turn, bind.group(1)));
        if (turn.asker() == null) return List.of(Reply.back(texts.get("unknown.sender")));
        if (said.isEmpty()) return List.of(Reply.back(texts.get("bad.empty")));
        if (said.length() > MAX_TEXT) return List.of(Reply.back(texts.get("bad.tooLong", MAX_TEXT)));
        Roster roster = rosters.load(turn.schoolId());
        return turn.asker().isStaff() ? staff(turn, roster, said) : parent(turn, roster, said);
    }

    // ---------------------------------------------------------------- staff

    private List<Reply> staff(Turn turn, Roster roster, String said) {
        Person asker = turn.asker();
        if (Commands.isUndo(said)) return List.of(undo(asker, roster));
        if (Commands.isHelp(said)) return List.of(Reply.back(texts.get("help.teacher")));
        Matcher issue = ISSUE_CODE.matcher(said);
        if (issue.matches()) return List.of(issueCode(asker, roster, issue.group(1)));
        Matcher reply = REPLY_TO_PARENT.matcher(said);
        if (reply.matches()) return replyToParent(turn, roster, reply.group(1), reply.group(2).strip());

        Optional<List<Reply>> safetyAnswer = safety.answer(asker.schoolId(), asker.id(), said, roster);
        if (safetyAnswer.isPresent()) return safetyAnswer.get();
        Instant now = clock.instant();
        ZonedDateTime saidAt = turn.saidAt().atZone(clock.getZone());
        Optional<List<Reply>> duty = duties.answer(asker, roster, said, readerFor(roster), saidAt);
        if (duty.isPresent()) return duty.get();
        Optional<PendingQuestions.WhichStudent> open = pending.open(asker.schoolId(), asker.id(), now);
        if (open.isPresent()) {
            Optional<List<String>> chosen = answer(open.get(), said, roster, asker);
            if (chosen.isPresent()) {
                pending.close(asker.schoolId(), asker.id());
                return file(asker, roster, withStudents(open.get().draft(), chosen.get()), new ArrayList<>());
            }
        }
        if (Corrections.looksLikeCorrection(said)) {
            Optional<Record> last = records.latestBy(asker.schoolId(), asker.id(), now.minus(UNDO_WINDOW));
            if (last.isPresent()) {
                Optional<Record> changed = Corrections.apply(last.get(), said, readerFor(roster), asker.id(), saidAt);
                if (changed.isPresent()) return List.of(correct(asker, roster, changed.get(), said));
            }
        }

        List<String> lines = lines(said);
        if (lines.size() > 1) return several(turn, roster, lines, saidAt);
        return one(turn, roster, said, saidAt);
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
        Note note = readerFor(roster).read(asker.id(), said, saidAt);
        return switch (note.kind()) {
            case TALK, PARENT_CONTACT, OBSERVATION, REMINDER -> duties.noticeConferenceDate(asker, roster, said, note)
                    .map(refused -> List.of(Reply.back(refused))).orElseGet(() -> draftOrAsk(turn, roster, note, said));
            case QUERY -> List.of(Reply.back(queries.answer(asker, roster, note, said, LocalDate.now(clock))));
            default -> List.of(Reply.back(texts.get("other.reply")));
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
        return file(asker, roster, draft, new ArrayList<>());
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

    private List<Reply> file(Person asker, Roster roster, Record draft, List<Reply> replies) {
        List<String> refused = new ArrayList<>();
        for (String id : draft.studentIds()) {
            Student s = roster.student(id).orElse(null);
            if (s == null || !Access.mayWriteAbout(asker, s, roster)) refused.add(s == null ? id : s.name());
        }
        if (!refused.isEmpty()) {
            replies.add(Reply.back(texts.get("access.cannotWrite", String.join(texts.get("list.separator"), refused))));
            return replies;
        }
        Record saved = records.save(draft);
        LocalDate today = LocalDate.now(clock);
        duties.remindFor(saved, roster, today);
        replies.add(Reply.back(safety.confirmation(saved, roster, today)));
        replies.addAll(safety.afterFiling(saved, asker.id(), asker.displayName(), roster, today));
        return replies;
    }

    private Reply correct(Person asker, Roster roster, Record changed, String said) {
        for (String id : changed.studentIds()) {
            Student s = roster.student(id).orElse(null);
            if (s == null || !Access.mayWriteAbout(asker, s, roster)) {
                return Reply.back(texts.get("access.cannotWrite", s == null ? id : s.name()));
            }
        }
        Record now = records.correct(changed, asker.id(), "CORRECTION: " + Wording.shortened(said, 60), clock.instant());
        reminders.followRecord(now.id(), now.followUp());
        return Reply.back(wording.corrected(now, roster, LocalDate.now(clock)));
    }

    private Reply undo(Person asker, Roster roster) {
        Instant now = clock.instant();
        Optional<Record> last = records.latestBy(asker.schoolId(), asker.id(), now.minus(UNDO_WINDOW));
        if (last.isEmpty() || !records.softDelete(last.get().id(), asker.id(), now)) {
            return Reply.back(texts.get("undo.nothing"));
        }
        reminders.followRecord(last.get().id(), null);
        return Reply.back(texts.get("undo.done", wording.describe(last.get(), roster, LocalDate.now(clock))));
    }

    // ---------------------------------------------------------------- binding codes

    private Reply issueCode(Person asker, Roster roster, String whoWords) {
        String who = whoWords.replaceAll("[。.!！]+$", "").strip();
        Optional<Parent> parent = findParent(roster, who, p -> true);
        if (parent.isEmpty()) {
            // a whole student: their only parent
            Optional<Student> student = roster.students().stream().filter(s -> s.name().equals(who) || s.id().equals(who)).findFirst();
            if (student.isPresent()) {
                List<Parent> ps = roster.parentsOf(student.get().id());
                if (ps.size() == 1) parent = Optional.of(ps.get(0));
                else if (ps.size() > 1) return Reply.back(texts.get("code.whichParent", student.get().name(),
                        String.join(texts.get("list.separator"), ps.stream().map(p -> Person.parentDisplayName(roster, p)).toList())));
            }
        }
        if (parent.isPresent()) {
            if (!Access.mayIssueCodeFor(asker, parent.get(), roster)) return Reply.back(texts.get("code.notAllowed"));
            String code = codes.issue(asker.schoolId(), parent.get().id(), asker.id(), clock.instant());
            return Reply.back(texts.get("code.issued", Person.parentDisplayName(roster, parent.get()), code,
                    BindingCodes.LIFETIME.toDays()));
        }
        Optional<Person> staff = roster.teachers().stream().filter(t -> t.id().equals(who) || t.name().equals(who)).findFirst()
                .flatMap(t -> Person.find(asker.schoolId(), roster, t.id()));
        if (staff.isPresent()) {
            if (!Access.mayIssueStaffCode(asker)) return Reply.back(texts.get("code.notAllowed"));
            String code = codes.issue(asker.schoolId(), staff.get().id(), asker.id(), clock.instant());
            return Reply.back(texts.get("code.issued", staff.get().displayName(), code, BindingCodes.LIFETIME.toDays()));
        }
        return Reply.back(texts.get("code.unknown", who));
    }

    private Reply bind(Turn turn, String code) {
        BindingCodes.Redemption r = codes.redeem(turn.schoolId(), turn.platform(), turn.account(), code, clock.instant());
        Roster roster = rosters.load(turn.schoolId());
        return switch (r.outcome()) {
            case BOUND, ALREADY_BOUND -> Reply.back(texts.get("bind.done",
                    Person.find(turn.schoolId(), roster, r.personId()).map(Person::displayName).orElse(r.personId())));
            case TOO_MANY_TRIES -> Reply.back(texts.get("bind.tooMany"));
            default -> Reply.back(texts.get("bind.invalid"));
        };
    }

    // ---------------------------------------------------------------- parents

    private List<Reply> parent(Turn turn, Roster roster, String said) {
        Person parent = turn.asker();
        Instant now = clock.instant();
        if (Commands.isHelp(said)) return List.of(Reply.back(texts.get("help.parent")));
        List<String> children = new ArrayList<>(parent.children().keySet());
        if (children.isEmpty()) return List.of(Reply.back(texts.get("unknown.sender")));

        Optional<PendingQuestions.WhichChild> open = pending.openChildQuestion(parent.schoolId(), parent.id(), now);
        if (open.isPresent()) {
            Optional<String> chosen = chooseChild(said, open.get().children(), roster);
            if (chosen.isPresent()) {
                pending.close(parent.schoolId(), parent.id());
                choose(parent, chosen.get(), now);
                PendingQuestions.WhichChild held = open.get();
                return relayToMentor(parent, roster, chosen.get(), held.text(), held.sourceMessageId(), held.saidAt());
            }
        }
        if (Commands.isSwitchChild(said) && children.size() > 1) {
            forgetChoice(parent);
            return List.of(Reply.back(childQuestion(roster, children)));
        }
        Optional<String> child = children.size() == 1 ? Optional.of(children.get(0)) : namedChild(said, children, roster);
        if (child.isPresent() && children.size() > 1) choose(parent, child.get(), now);
        if (child.isEmpty()) child = currentChoice(parent, now);
        if (child.isEmpty()) {
            pending.ask(parent.schoolId(), parent.id(),
                    new PendingQuestions.WhichChild(said, turn.sourceMessageId(), turn.saidAt(), children), now);
            return List.of(Reply.back(childQuestion(roster, children)));
        }
        return relayToMentor(parent, roster, child.get(), said, turn.sourceMessageId(), turn.saidAt());
    }

    private String childQuestion(Roster roster, List<String> children) {
        StringBuilder options = new StringBuilder();
        for (int i = 0; i < children.size(); i++) {
            options.append(texts.get("clarify.option", i + 1, roster.student(children.get(i)).map(Student::name).orElse(children.get(i))));
        }
        return texts.get("parent.whichChild", options.toString().strip());
    }

    private Optional<String> chooseChild(String said, List<String> children, Roster roster) {
        Matcher m = CHOICE.matcher(said);
        if (m.matches()) {
            int n = Integer.parseInt(m.group(1));
            return n <= children.size() ? Optional.of(children.get(n - 1)) : Optional.empty();
        }
        return namedChild(said, children, roster);
    }

    /** A child named in the message by full name or given name (张小明, 小明). */
    private static Optional<String> namedChild(String said, List<String> children, Roster roster) {
        List<String> named = new ArrayList<>();
        for (String id : children) {
            roster.student(id).ifPresent(s -> {
                String given = s.name().length() > 2 ? s.name().substring(s.name().length() - 2) : s.name();
                if (said.contains(s.name()) || (s.name().length() > 2 && said.contains(given))) named.add(id);
            });
        }
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    private void choose(Person parent, String studentId, Instant now) {
        jdbc.sql("insert into parent_choice (school_id, account, student_id, chosen_at) values (?, ?, ?, ?) "
                        + "on conflict (school_id, account) do update set student_id = excluded.student_id, chosen_at = excluded.chosen_at")
                .params(parent.schoolId(), parent.id(), studentId, java.sql.Timestamp.from(now)).update();
    }

    private void forgetChoice(Person parent) {
        jdbc.sql("delete from parent_choice where school_id = ? and account = ?").params(parent.schoolId(), parent.id()).update();
    }

    private Optional<String> currentChoice(Person parent, Instant now) {
        return jdbc.sql("select student_id from parent_choice where school_id = ? and account = ? and chosen_at > ?")
                .params(parent.schoolId(), parent.id(), java.sql.Timestamp.from(now.minus(CHILD_CHOICE_STICKS)))
                .query(String.class).optional()
                .filter(parent.children()::containsKey);
    }

    /**
     * A parent's words go to the child's mentor now, or at the end of the mentor's quiet hours; words
     * with a safety signal go at once to the mentor and the class head, and the parent is told so.
     */
    private List<Reply> relayToMentor(Person parent, Roster roster, String studentId, String text, Long sourceId, Instant saidAt) {
        Student child = roster.student(studentId).orElseThrow();
        Optional<String> mentorId = Relay.mentorOf(child, roster);
        if (mentorId.isEmpty()) return List.of(Reply.back(texts.get("parent.noMentor", child.name())));
        String mentorName = roster.teacher(mentorId.get()).map(t -> t.name()).orElse("");
        String parentId = parent.children().get(studentId);
        String from = roster.parent(parentId).map(p -> Person.parentDisplayName(roster, p)).orElse(parent.displayName());
        Note read = readerFor(roster).read(mentorId.get(), child.name() + "：" + text, saidAt.atZone(clock.getZone()));
        Instant now = clock.instant();
        List<Reply> replies = new ArrayList<>();
        String relayed = texts.get("relay.toMentor", from, child.name(), text);
        if (read.flags().contains(Flag.SAFETY)) {
            // never held; a keyword goes to the class head too, a described situation asks the mentor first
            boolean suspected = read.safetySuspected();
            replies.add(new Reply(mentorId.get(), texts.get(suspected ? "relay.suspectedPrefix" : "relay.urgentPrefix") + relayed
                    + (suspected ? texts.get("safety.askMentor") : ""), true));
            if (!suspected) Relay.classHeadBesides(child, roster, mentorId.get()).ifPresent(head ->
                    replies.add(new Reply(head, texts.get("relay.urgentPrefix") + relayed, true)));
            replies.add(Reply.back(texts.get(suspected ? "relay.suspectedAck" : "relay.safetyAck", mentorName)));
            long recordId = relay.log(parent.schoolId(), studentId, parentId, mentorId.get(), "TO_MENTOR", text, now, null, true, sourceId);
            if (suspected) safety.ask(parent.schoolId(), recordId, mentorId.get());
            return replies;
        }
        Instant notBefore = quiet.isQuiet(now) ? quiet.nextOpen(now) : null;
        replies.add(new Reply(mentorId.get(), relayed + texts.get("relay.howToAnswer", from), false, notBefore));
        replies.add(Reply.back(notBefore == null
                ? texts.get("relay.delivered", mentorName, child.name())
                : texts.get("relay.heldForQuietHours", mentorName, wording.dayWithWeekday(notBefore.atZone(clock.getZone()).toLocalDate(),
                        LocalDate.now(clock)) + " " + notBefore.atZone(clock.getZone()).toLocalTime())));
        relay.log(parent.schoolId(), studentId, parentId, mentorId.get(), "TO_MENTOR", text, now, notBefore, false, sourceId);
        return replies;
    }

    /** 「回复李华爸爸 ……」: a mentor (or class head) answers a parent through the bot. */
    private List<Reply> replyToParent(Turn turn, Roster roster, String whoWords, String text) {
        Person asker = turn.asker();
        Optional<Parent> parent;
        if (whoWords.isBlank()) {
            List<String[]> recent = relay.recentParentWriters(asker.schoolId(), asker.id(), clock.instant().minus(Duration.ofDays(7)));
            if (recent.size() != 1) return List.of(Reply.back(texts.get("relay.whichParent")));
            parent = roster.parent(recent.get(0)[0]);
        } else {
            parent = findParent(roster, whoWords, p -> true);
            if (parent.isEmpty()) {
                // 「回复李华 ……」: the parent of that student who wrote last, or their only parent
                Optional<Student> s = roster.students().stream().filter(st -> st.name().equals(whoWords)).findFirst();
                if (s.isPresent()) {
                    List<Parent> ps = roster.parentsOf(s.get().id());
                    List<String[]> recent = relay.recentParentWriters(asker.schoolId(), asker.id(), clock.instant().minus(Duration.ofDays(30)));
                    parent = recent.stream().filter(r -> r[1].equals(s.get().id())).findFirst().flatMap(r -> roster.parent(r[0]));
                    if (parent.isEmpty() && ps.size() == 1) parent = Optional.of(ps.get(0));
                }
            }
        }
        if (parent.isEmpty()) return List.of(Reply.back(texts.get("relay.unknownParent", whoWords)));
        Student child = roster.student(parent.get().studentId()).orElseThrow();
        if (!Access.mayWriteToParentOf(asker, child, roster)) {
            return List.of(Reply.back(texts.get("relay.notYourStudent", child.name())));
        }
        String school = roster.schoolName().isBlank() ? "" : "（" + roster.schoolName() + "）";
        String parentName = Person.parentDisplayName(roster, parent.get());
        relay.log(asker.schoolId(), child.id(), parent.get().id(), asker.id(), "TO_PARENT", text, clock.instant(), null, false,
                turn.sourceMessageId());
        return List.of(
                new Reply(parent.get().id(), texts.get("relay.toParent", asker.displayName(), school, text), false),
                Reply.back(texts.get("relay.sentToParent", parentName)));
    }

    /** A parent by the words a teacher uses: 李华爸爸, 李华父亲, 李华家长, or the parent's own name. */
    private static Optional<Parent> findParent(Roster roster, String words, java.util.function.Predicate<Parent> filter) {
        String w = words.strip();
        List<Parent> found = new ArrayList<>();
        for (Parent p : roster.parents()) {
            if (filter.test(p) && (p.id().equals(w) || Person.parentCallNames(roster, p).contains(w))) found.add(p);
        }
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }
}
