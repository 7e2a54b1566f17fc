package app.mentorbot.conversations.dialogue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import app.mentorbot.conversations.duties.Ledger;
import app.mentorbot.conversations.people.Access;
import app.mentorbot.conversations.people.Person;
import app.mentorbot.conversations.people.Role;
import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.SchoolClass;
import app.mentorbot.conversations.text.Texts;

/**
 * A class head's note that fixes the conference date: 「这个月的学情会商定在3月27日下午」 sets it for the
 * classes they head, 「高二(1)班的学情会商定在…」 for the class named (an admin's for any class named).
 * The date is set when the note is filed. A class head naming a class that is not theirs gets the
 * {@link #refusal} instead, and nothing is filed or set; a teacher who heads no class has their note
 * kept as their own reminder, as any other.
 */
final class ConferenceDates implements AfterFiling {
    private static final Pattern CONFERENCE = Pattern.compile("会商");

    private final Ledger ledger;

    ConferenceDates(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Why this note may not be filed: it sets the date of a class its author does not run. */
    static Optional<String> refusal(Person author, Roster roster, String said, LocalDate followUp, Texts texts) {
        if (!setsTheDate(author, roster, said, followUp)) return Optional.empty();
        List<String> notTheirs = ClassNames.named(roster, said).stream().map(SchoolClass::id)
                .filter(c -> !Access.mayRunConferenceOf(author, c, roster)).toList();
        if (notTheirs.isEmpty()) return Optional.empty();
        return Optional.of(texts.get("duty.notYourClassDate", ClassNames.joined(roster, notTheirs, texts)));
    }

    @Override
    public void filed(Filed filed) {
        Record r = filed.record();
        Person author = filed.author();
        Roster roster = filed.roster();
        if (!setsTheDate(author, roster, r.note(), r.followUp())) return;
        List<SchoolClass> named = ClassNames.named(roster, r.note());
        for (SchoolClass c : named.isEmpty() ? ClassNames.headedBy(author, roster) : named) {
            if (Access.mayRunConferenceOf(author, c.id(), roster)) ledger.setConferenceDate(author.schoolId(), c.id(), r.followUp(), author.id());
        }
    }

    /** A dated note about the conference, from a class head or an admin. */
    private static boolean setsTheDate(Person author, Roster roster, String said, LocalDate followUp) {
        if (followUp == null || !CONFERENCE.matcher(said).find()) return false;
        return !ClassNames.headedBy(author, roster).isEmpty() || author.is(Role.ADMIN);
    }
}
