package app.mentorbot.conversations.dialogue;

import java.time.LocalDate;
import java.util.List;

import app.mentorbot.conversations.people.Person;
import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.roster.Roster;

/**
 * What a teacher's note brings about once its record is saved (the reminder it asks for, the
 * conference date it fixes). Called exactly once per filed record, right after the save and in the
 * same transaction; never for a note that is refused or still waits for an answer.
 */
@FunctionalInterface
interface AfterFiling {
    void filed(Filed filed);

    /** A teacher's note, just saved as {@code record}. */
    record Filed(Person author, Record record, Roster roster, LocalDate today) {}

    /** Every step, in the order given. */
    static AfterFiling inOrder(List<AfterFiling> steps) {
        List<AfterFiling> all = List.copyOf(steps);
        return filed -> all.forEach(step -> step.filed(filed));
    }
}
