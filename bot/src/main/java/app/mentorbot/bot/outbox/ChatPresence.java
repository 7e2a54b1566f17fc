package app.mentorbot.bot.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which chats this instance holds a page of (a web chat page is one socket on one instance), in {@code chat_presence}
 * for every instance to see. The page's adapter reports its open chats ({@link #hold}); the rows are renewed while
 * they stay open and expire {@link #TTL} after an instance stops renewing them (it died). The outbox offers a push
 * for a held chat to its holders first ({@link #PREFERS_ME}), anyone's after {@link Outbox#ANSWER_HOLD}.
 */
@Component
public class ChatPresence {
    /** How long a row stays valid without renewal. */
    static final Duration TTL = Duration.ofSeconds(30);

    /**
     * The claim's condition for an outbox row {@code o}: an answer is for the instance that received its message (the
     * page that asked waits for it there); any other message, when some instance holds its chat, for a holder;
     * otherwise anyone's. {@code :me}, {@code :now}.
     */
    static final String PREFERS_ME = "(case when o.holder is not null then o.holder = :me "
            + "when exists (select 1 from chat_presence p where p.platform = o.platform and p.chat_id = o.chat_id and p.expires_at > :now) "
            + "then exists (select 1 from chat_presence p where p.platform = o.platform and p.chat_id = o.chat_id "
            + "and p.holder = :me and p.expires_at > :now) "
            + "else true end)";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String me;

    ChatPresence(JdbcClient jdbc, Clock clock, Outbox outbox) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.me = outbox.holder();
    }

    /** This instance holds exactly these chats of {@code platform} now: renews them, forgets the ones closed since. */
    public void hold(String platform, Set<String> chatIds) {
        Timestamp now = Timestamp.from(clock.instant());
        String ids = String.join("\n", chatIds);
        jdbc.sql("delete from chat_presence where (holder = :me and platform = :platform "
                        + "and not chat_id = any(string_to_array(:ids, E'\\n'))) or expires_at <= :now")
                .param("me", me).param("platform", platform).param("ids", ids).param("now", now).update();
        if (chatIds.isEmpty()) return;
        jdbc.sql("insert into chat_presence (platform, chat_id, holder, expires_at) "
                        + "select :platform, unnest(string_to_array(:ids, E'\\n')), :me, :until "
                        + "on conflict (platform, chat_id, holder) do update set expires_at = excluded.expires_at")
                .param("platform", platform).param("ids", ids).param("me", me).param("until", Timestamp.from(clock.instant().plus(TTL)))
                .update();
    }

    /** This instance stops: its pages close with it. */
    public void releaseAll() {
        jdbc.sql("delete from chat_presence where holder = ?").param(me).update();
    }
}
