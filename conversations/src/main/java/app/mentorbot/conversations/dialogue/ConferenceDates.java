package app.mentorbot.conversations.dialogue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;
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
 * kept as their own reminder, as any other. The class head reads that the date is set and when the
 * digest comes ({@code digestDaysBefore} school days before, as the scheduler sends it).
 */
final class ConferenceDates implements AfterFiling {
    private static final Pattern CONFERENCE = Pattern.compile("会商");

    private final Ledger ledger;
    private final Texts texts;
    private final Wording wording;
    private final ToIntFunction<String> digestDaysBefore;

    /** {@code digestDaysBefore}: each school's number of school days (by school id). */
    ConferenceDates(Ledger ledger, Texts texts, Wording wording, ToIntFunction<String> digestDaysBefore) {
        this.ledger = ledger;
        this.texts = texts;
        this.wording = wording;
        this.digestDaysBefore = digestDaysBefore;
    }

    /** The confirmation of a note that set the conference date: the classes, the day, when the digest comes. */
    Optional<String> confirmation(Person author, Roster roster, Record saved, LocalDate today) {
        if (!setsTheDate(author, roster, saved.note(), saved.followUp())) return Optional.empty();
        List<SchoolClass> set = classesSet(author, roster, saved.note());
        if (set.isEmpty()) return Optional.empty();
        LocalDate day = saved.followUp();
        LocalDate digest = ledger.rules(author.schoolId()).calendar().schoolDaysBefore(day, digestDaysBefore.applyAsInt(author.schoolId()));
        String classes = String.join(texts.get("list.separator"), set.stream().map(SchoolClass::name).toList());
        String digestLine = digest.isAfter(today) ? texts.get("conference.digestOn", wording.dayWithWeekday(digest, today))
                : texts.get("conference.digestNow");
        return Optional.of(texts.get("conference.set", classes, wording.dayWithWeekday(day, today)) + digestLine + texts.get("confirm.undoHint"));
    }

    /** The classes whose date the note sets: those it names, else those its author heads. */
    private static List<SchoolClass> classesSet(Person author, Roster roster, String note) {
        List<SchoolClass> named = ClassNames.named(roster, note);
        return (named.isEmpty() ? ClassNames.headedBy(author, roster) : named).stream()
                .filter(c -> Access.mayRunConferenceOf(author, c.id(), roster)).toList();
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
        for (SchoolClass c : classesSet(author, roster, r.note())) ledger.setConferenceDate(author.schoolId(), c.id(), r.followUp(), author.id());
    }

    /** A dated note about the conference, from a class head or an admin. */
    private static boolean setsTheDate(Person author, Roster roster, String said, LocalDate followUp) {
        if (followUp == null || !CONFERENCE.matcher(said).find()) return false;
        return !ClassNames.headedBy(author, roster).isEmpty() || author.is(Role.ADMIN);
    }
}
