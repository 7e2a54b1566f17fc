package app.mentorbot.bot.pipeline;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.mentorbot.adapters.api.PastMessage;
import app.mentorbot.bot.outbox.Adapters;
import app.mentorbot.bot.schools.Schools;

/**
 * One chat's last days as the bot holds them (what the person wrote, what was sent to them), for a page
 * opened again: only that chat on that platform, so a person sees nothing but their own thread. An erased
 * student's messages are already redacted where this reads them.
 */
@Component
public class ChatHistory {
    static final Duration DAYS = Duration.ofDays(3);
    static final int MOST = 40;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Schools schools;

    ChatHistory(JdbcClient jdbc, Clock clock, Schools schools) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.schools = schools;
    }

    /** Oldest first, at most {@value #MOST}; empty when the database is away (the page then starts blank). */
    public List<PastMessage> of(String platform, String chatId) {
        Timestamp since = Timestamp.from(clock.instant().minus(DAYS));
        try {
            // a school's own app is that school's; a web chat is its person's, named across schools
            String schoolId = Adapters.schoolOf(platform).orElseGet(() -> schools.parse(chatId).schoolId());
            List<PastMessage> newestFirst = new ArrayList<>(jdbc.sql("""
                    select from_bot, text, at, urgent from (
                      select false as from_bot, body as text, received_at as at, false as urgent from inbound_message
                       where school_id = ? and platform = ? and chat_id = ? and body is not null and received_at > ?
                      union all
                      select true, body, created_at, urgent from outbox
                       where school_id = ? and platform = ? and chat_id = ? and status = 'SENT' and created_at > ?
                    ) h order by at desc, from_bot desc limit ?""")
                    .params(schoolId, platform, chatId, since, schoolId, platform, chatId, since, MOST)
                    .query((rs, n) -> new PastMessage(rs.getBoolean(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getBoolean(4)))
                    .list());
            Collections.reverse(newestFirst);
            return newestFirst;
        } catch (RuntimeException away) {
            return List.of();
        }
    }
}
