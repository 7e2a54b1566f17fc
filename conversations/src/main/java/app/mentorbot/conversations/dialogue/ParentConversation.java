package app.mentorbot.conversations.dialogue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import app.mentorbot.conversations.people.Person;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.RosterStore;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.text.Texts;

/**
 * A parent's turn: everything they write goes to their child's mentor ({@link MentorRelay}), never a
 * query of records. A parent of several children says which child once (by number or name, or by
 * naming them in the message), and the choice holds for a day; until then their message waits.
 */
final class ParentConversation implements Conversation {
    private final RosterStore rosters;
    private final PendingQuestions pending;
    private final ParentChoices choices;
    private final MentorRelay relay;
    private final Texts texts;
    private final Clock clock;

    ParentConversation(RosterStore rosters, PendingQuestions pending, ParentChoices choices, MentorRelay relay, Texts texts, Clock clock) {
        this.rosters = rosters;
        this.pending = pending;
        this.choices = choices;
        this.relay = relay;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public List<Reply> reply(Turn turn, String said) {
        Person parent = turn.asker();
        Instant now = clock.instant();
        if (Commands.isHelp(said)) return List.of(Reply.back(texts.get("help.parent")));
        List<String> children = new ArrayList<>(parent.children().keySet());
        if (children.isEmpty()) return List.of(Reply.back(texts.get("unknown.sender")));
        Roster roster = rosters.load(turn.schoolId());

        Optional<PendingQuestions.WhichChild> open = pending.openChildQuestion(parent.schoolId(), parent.id(), now);
        if (open.isPresent()) {
            Optional<String> chosen = chosenChild(said, open.get().children(), roster);
            if (chosen.isPresent()) {
                pending.close(parent.schoolId(), parent.id());
                choices.choose(parent, chosen.get(), now);
                PendingQuestions.WhichChild held = open.get();
                return relay.relay(parent, roster, chosen.get(), held.text(), held.sourceMessageId(), held.saidAt());
            }
        }
        if (Commands.isSwitchChild(said) && children.size() > 1) {
            choices.forget(parent);
            return List.of(Reply.back(childQuestion(roster, children)));
        }
        Optional<String> child = children.size() == 1 ? Optional.of(children.get(0)) : namedChild(said, children, roster);
        if (child.isPresent() && children.size() > 1) choices.choose(parent, child.get(), now);
        if (child.isEmpty()) child = choices.current(parent, now);
        if (child.isEmpty()) {
            pending.ask(parent.schoolId(), parent.id(),
                    new PendingQuestions.WhichChild(said, turn.sourceMessageId(), turn.saidAt(), children), now);
            return List.of(Reply.back(childQuestion(roster, children)));
        }
        return relay.relay(parent, roster, child.get(), said, turn.sourceMessageId(), turn.saidAt());
    }

    private String childQuestion(Roster roster, List<String> children) {
        StringBuilder options = new StringBuilder();
        for (int i = 0; i < children.size(); i++) {
            options.append(texts.get("clarify.option", i + 1, roster.student(children.get(i)).map(Student::name).orElse(children.get(i))));
        }
        return texts.get("parent.whichChild", options.toString().strip());
    }

    /** The answer to "which child?": a number or a name. */
    private static Optional<String> chosenChild(String said, List<String> children, Roster roster) {
        if (Commands.isChoice(said)) return Commands.chosen(said, children);
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
}
