package app.mentorbot.bot.pipeline;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.mentorbot.adapters.api.InboundMessage;
import app.mentorbot.adapters.webchat.WebChatAdapter;
import app.mentorbot.bot.BotSettings;
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
    private final String schoolId;

    SenderDirectory(JdbcClient jdbc, RosterStore rosters, BotSettings settings) {
        this.jdbc = jdbc;
        this.rosters = rosters;
        this.schoolId = settings.schoolId();
    }

    Optional<Person> resolve(InboundMessage m) {
        Optional<String> personId = jdbc.sql("select person_id from platform_identity where platform = ? and platform_user_id = ? and school_id = ?")
                .params(m.platform(), m.senderId(), schoolId).query(String.class).optional();
        if (personId.isEmpty() && WebChatAdapter.PLATFORM.equals(m.platform())) personId = Optional.of(m.senderId());
        return personId.flatMap(id -> Person.find(schoolId, rosters.load(schoolId), id));
    }

    String schoolId() {
        return schoolId;
    }
}
