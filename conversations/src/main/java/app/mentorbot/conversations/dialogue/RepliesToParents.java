package app.mentorbot.conversations.dialogue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.mentorbot.conversations.dialogue.RelayLog.Direction;
import app.mentorbot.conversations.dialogue.RelayLog.Relayed;
import app.mentorbot.conversations.dialogue.RelayMessages.ParentWriter;
import app.mentorbot.conversations.people.Access;
import app.mentorbot.conversations.people.Person;
import app.mentorbot.conversations.roster.Parent;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.text.Texts;

/**
 * 「回复李华爸爸 ……」: a mentor (or class head) answers a parent through the bot. 「回复 ……」 with no name
 * (or whose first words name no one: 回复 好的，……) goes to the one parent who wrote this week;
 * 「回复李华 ……」 to the parent of that student who wrote last, or to their only parent. 「回复学生李华 ……」
 * goes to the student themself, where they have an account.
 */
final class RepliesToParents {
    private static final Pattern REPLY_TO_PARENT = Pattern.compile("^\\s*回复\\s*([^\\s：:，,]{0,12}?)\\s*[：:，,\\s]\\s*(.+)$", Pattern.DOTALL);
    private static final Duration BARE_REPLY_LOOKS_BACK = Duration.ofDays(7);
    private static final Duration STUDENT_REPLY_LOOKS_BACK = Duration.ofDays(30);

    private final RelayMessages messages;
    private final RelayLog log;
    private final StudentAccounts students;
    private final Texts texts;
    private final Clock clock;

    RepliesToParents(RelayMessages messages, RelayLog log, StudentAccounts students, Texts texts, Clock clock) {
        this.messages = messages;
        this.students = students;
        this.log = log;
        this.texts = texts;
        this.clock = clock;
    }

    /** Sends the words to the parent they name; empty when the words are not 「回复…」. */
    Optional<List<Reply>> sendIfAsked(Turn turn, Roster roster, String said) {
        Matcher reply = REPLY_TO_PARENT.matcher(said);
        if (!reply.matches()) return Optional.empty();
        String whoWords = reply.group(1);
        if (whoWords.startsWith("学生") && whoWords.length() > 2) {
            return Optional.of(toStudent(turn, roster, whoWords.substring(2), reply.group(2).strip()));
        }
        if (!whoWords.isBlank() && named(turn.asker(), roster, whoWords).isEmpty() && onlyWaiting(turn.asker()).isPresent()) {
            // 「回复 好的，……」: 好的 names no one, so it is the start of the answer to the one parent waiting
            return Optional.of(send(turn, roster, "", said.strip().replaceFirst("^回复[：:，,\\s]*", "").strip()));
        }
        return Optional.of(send(turn, roster, whoWords, reply.group(2).strip()));
    }

    /** The one parent who wrote to this mentor in the last week, if exactly one did. */
    private Optional<ParentWriter> onlyWaiting(Person asker) {
        List<ParentWriter> recent = messages.recentParentWriters(asker.schoolId(), asker.id(), clock.instant().minus(BARE_REPLY_LOOKS_BACK));
        return recent.size() == 1 ? Optional.of(recent.get(0)) : Optional.empty();
    }

    private List<Reply> send(Turn turn, Roster roster, String whoWords, String text) {
        Person asker = turn.asker();
        Optional<Parent> parent;
        if (whoWords.isBlank()) {
            Optional<ParentWriter> waiting = onlyWaiting(asker);
            if (waiting.isEmpty()) return List.of(Reply.back(texts.get("relay.whichParent")));
            parent = roster.parent(waiting.get().parentId());
        } else {
            parent = named(asker, roster, whoWords);
        }
        if (parent.isEmpty()) return List.of(Reply.back(texts.get("relay.unknownParent", whoWords)));
        Student child = roster.student(parent.get().studentId()).orElseThrow();
        if (!Access.mayWriteToParentOf(asker, child, roster)) {
            return List.of(Reply.back(texts.get("relay.notYourStudent", child.name())));
        }
        String school = roster.schoolName().isBlank() ? "" : "（" + roster.schoolName() + "）";
        String parentName = Person.parentDisplayName(roster, parent.get());
        log.log(new Relayed(asker.schoolId(), child.id(), parent.get().id(), asker.id(), Direction.TO_PARENT, text, clock.instant(),
                null, false, turn.sourceMessageId()));
        return List.of(
                new Reply(parent.get().id(), texts.get("relay.toParent", asker.displayName(), school, text), false),
                Reply.back(texts.get("relay.sentToParent", parentName)));
    }

    /** 「回复学生李华 ……」: to a student with an account of their own, from their mentor or class head. */
    private List<Reply> toStudent(Turn turn, Roster roster, String name, String text) {
        Person asker = turn.asker();
        List<Student> named = roster.students().stream()
                .filter(s -> s.name().equals(name) && students.has(asker.schoolId(), s.id())).toList();
        if (named.isEmpty()) return List.of(Reply.back(texts.get("relay.unknownStudent", name)));
        Optional<Student> mine = named.stream().filter(s -> Access.mayWriteToParentOf(asker, s, roster)).findFirst();
        if (mine.isEmpty()) return List.of(Reply.back(texts.get("relay.notYourStudent", name)));
        messages.addToStudent(asker.schoolId(), mine.get().id(), asker.id(), text, clock.instant(), turn.sourceMessageId());
        return List.of(new Reply(mine.get().id(), texts.get("student.toParent", asker.displayName(), text), false),
                Reply.back(texts.get("student.sent", mine.get().name())));
    }

    /** The parent the words name, else the parent of the student they name (see the class comment). */
    private Optional<Parent> named(Person asker, Roster roster, String whoWords) {
        Optional<Parent> parent = ParentWords.find(roster, whoWords);
        if (parent.isPresent()) return parent;
        Optional<Student> s = roster.students().stream().filter(st -> st.name().equals(whoWords)).findFirst();
        if (s.isEmpty()) return Optional.empty();
        List<ParentWriter> recent = messages.recentParentWriters(asker.schoolId(), asker.id(), clock.instant().minus(STUDENT_REPLY_LOOKS_BACK));
        parent = recent.stream().filter(w -> w.studentId().equals(s.get().id())).findFirst().flatMap(w -> roster.parent(w.parentId()));
        List<Parent> ps = roster.parentsOf(s.get().id());
        return parent.isEmpty() && ps.size() == 1 ? Optional.of(ps.get(0)) : parent;
    }
}
