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

    Optional<Person> resolve(InboundMessage m) {
        String schoolId = schoolOf(m);
        List<String> ids = new ArrayList<>();
        // An adapter that signs roster people in has already proved who this is; bindings may add more children.
        if (signsIn(m)) ids.add(schools.parse(m.senderId()).personId());
        ids.addAll(jdbc.sql("select person_id from platform_identity where platform = ? and platform_user_id = ? and school_id = ? "
                        + "order by bound_at, person_id")
                .params(m.platform(), m.senderId(), schoolId).query(String.class).list());
        return Person.findAll(schoolId, rosters.load(schoolId), ids);
    }

    /**
     * The school a message belongs to: on the web chat the school of the signed-in person; on a platform the
     * school the account was first bound in (one district account may serve several schools' people, each
     * binding carries its school); a stranger's message belongs to the home school.
     */
    String schoolOf(InboundMessage m) {
        if (signsIn(m)) return schools.parse(m.senderId()).schoolId();
        return jdbc.sql("select school_id from platform_identity where platform = ? and platform_user_id = ? order by bound_at, school_id limit 1")
                .params(m.platform(), m.senderId()).query(String.class).optional().orElse(schools.home());
    }

    private boolean signsIn(InboundMessage m) {
        return adapters.find(m.platform()).map(Adapter::signsInRosterPeople).orElse(false);
    }

    /** True when the message's client resends what it never saw answered (so a repeat asks for the answer). */
    boolean resendsUnconfirmed(InboundMessage m) {
        return adapters.find(m.platform()).map(Adapter::resendsUnconfirmed).orElse(false);
    }
}
