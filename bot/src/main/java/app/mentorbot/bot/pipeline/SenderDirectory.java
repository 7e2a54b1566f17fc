package app.mentorbot.bot.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.mentorbot.adapters.api.InboundMessage;
import app.mentorbot.adapters.api.Adapter;
import app.mentorbot.bot.schools.Schools;
import app.mentorbot.bot.outbox.Adapters;
import app.mentorbot.conversations.people.Person;
import app.mentorbot.conversations.roster.RosterStore;

/**
 * Who sent a message: a platform account bound to a roster person, or, on the web chat, the roster id
 * the page was opened as (the socket already checked the demo choice or the signed invitation).
 */
@Component
class SenderDirectory {
    private final JdbcClient jdbc;
    private final RosterStore rosters;
    private final Schools schools;
    private final Adapters adapters;

    SenderDirectory(JdbcClient jdbc, RosterStore rosters, Schools schools, Adapters adapters) {
        this.jdbc = jdbc;
        this.rosters = rosters;
        this.schools = schools;
        this.adapters = adapters;
    }

    /** Who sent a message, and the school it belongs to (a stranger's, the home school). */
    record Sender(String schoolId, Optional<Person> person) {}

    /**
     * The school is, on the web chat, the signed-in person's; on a school's own app ({@code dingtalk@east}), that
     * school's; on a deployment's platform, the school the account was first bound in (one district account may serve
     * several schools' people, each binding carries its school); for a stranger, the home school. A school's own app
     * reads only that school's bindings, and the deployment's adapter none of them: user ids of two organisations may
     * be the same string for two people.
     */
    Sender find(InboundMessage m) {
        Optional<String> ownApp = Adapters.schoolOf(m.platform());
        String accounts = Adapters.accounts(m.platform());
        List<Binding> bindings = bindings(accounts, m.senderId()).stream()
                .filter(b -> ownApp.map(b.schoolId()::equals).orElseGet(() -> !adapters.ownApp(accounts, b.schoolId())))
                .toList();
        List<String> ids = new ArrayList<>();
        String school;
        if (ownApp.isPresent()) {
            school = ownApp.get();
        } else if (signsIn(m)) {
            // An adapter that signs roster people in has already proved who this is; bindings may add more children.
            Schools.SchoolPerson signedIn = schools.parse(m.senderId());
            school = signedIn.schoolId();
            ids.add(signedIn.personId());
        } else {
            school = bindings.isEmpty() ? schools.home() : bindings.get(0).schoolId();
        }
        bindings.stream().filter(b -> b.schoolId().equals(school)).forEach(b -> ids.add(b.personId()));
        return new Sender(school, Person.findAll(school, rosters.load(school), ids));
    }

    private record Binding(String schoolId, String personId) {}

    /** The account's bindings in every school, the first made first: one read a message. */
    private List<Binding> bindings(String platform, String account) {
        return jdbc.sql("select school_id, person_id from platform_identity where platform = ? and platform_user_id = ? "
                        + "order by bound_at, school_id, person_id")
                .params(platform, account).query((rs, n) -> new Binding(rs.getString(1), rs.getString(2))).list();
    }

    private boolean signsIn(InboundMessage m) {
        return adapters.find(m.platform()).map(Adapter::signsInRosterPeople).orElse(false);
    }

    /** True when the message's client resends what it never saw answered (so a repeat asks for the answer). */
    boolean resendsUnconfirmed(InboundMessage m) {
        return adapters.find(m.platform()).map(Adapter::resendsUnconfirmed).orElse(false);
    }
}
