package app.mentorbot.bot.web;

import java.util.Optional;

import org.springframework.stereotype.Component;

import app.mentorbot.bot.schools.Schools;
import app.mentorbot.conversations.people.Person;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.RosterStore;

/** Who a signed page link was made for (a name across schools, see {@link Schools}), as their school's roster stands today. */
@Component
class Viewers {
    private final Schools schools;
    private final RosterStore rosters;

    Viewers(Schools schools, RosterStore rosters) {
        this.schools = schools;
        this.rosters = rosters;
    }

    /** The viewer's school and roster id, that school's roster, and the person on it (empty: no longer there). */
    record Viewer(String schoolId, String personId, Roster roster, Optional<Person> person) {}

    Viewer of(String viewer) {
        Schools.SchoolPerson p = schools.parse(viewer);
        Roster roster = rosters.load(p.schoolId());
        return new Viewer(p.schoolId(), p.personId(), roster, Person.find(p.schoolId(), roster, p.personId()));
    }
}
