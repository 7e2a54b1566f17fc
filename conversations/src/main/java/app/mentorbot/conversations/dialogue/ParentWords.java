package app.mentorbot.conversations.dialogue;

import java.util.List;
import java.util.Optional;

import app.mentorbot.conversations.people.Person;
import app.mentorbot.conversations.roster.Parent;
import app.mentorbot.conversations.roster.Roster;

/** A parent by the words a teacher uses for them. */
final class ParentWords {
    private ParentWords() {}

    /** 李华爸爸, 李华父亲, 李华家长, the parent's own name or id; empty unless exactly one parent is meant. */
    static Optional<Parent> find(Roster roster, String words) {
        String w = words.strip();
        List<Parent> found = roster.parents().stream()
                .filter(p -> p.id().equals(w) || Person.parentCallNames(roster, p).contains(w)).toList();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }
}
