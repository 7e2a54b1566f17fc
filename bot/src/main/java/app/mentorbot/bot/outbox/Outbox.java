package app.mentorbot.bot.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.mentorbot.bot.schools.Schools;
import app.mentorbot.adapters.api.Adapter;
import app.mentorbot.adapters.api.InboundMessage;
import app.mentorbot.adapters.api.OutboundMessage;

/**
 * Everything the bot says goes through this table. Rows are written in the same transaction as the
 * change they report, and sent afterwards by the {@link OutboxDispatcher}.
 */
@Component
public class Outbox {
    /** A claimed row is not offered to another dispatcher for this long (the send itself is short). */
    static final Duration LEASE = Duration.ofSeconds(60);

    /** This instance, for the answers it owes (see {@link #claim}). */
    private final String holder = UUID.randomUUID().toString();
    /**
     * How long an answer waits for the instance that received its message, and any message for the instances holding
     * its chat's page ({@link ChatPresence}), before any instance sends it.
     */
    static final Duration ANSWER_HOLD = Duration.ofSeconds(5);
    private final JdbcClient jdbc;
    private final Schools schools;
    private final Clock clock;
    private final Adapters adapters;
    private final DispatchSignal signal;

    Outbox(JdbcClient jdbc, Clock clock, Adapters adapters, DispatchSignal signal, Schools schools) {
        this.schools = schools;
        this.jdbc = jdbc;
        this.clock = clock;
        this.adapters = adapters;
        this.signal = signal;
    }

    /** An answer in the chat a message came from. */
    public void answer(String schoolId, InboundMessage to, String text, boolean urgent, Long sourceMessageId) {
        insert(schoolId, to.platform(), to.chatId(), null, text, to.messageId(), urgent, null, sourceMessageId, holder);
    }

    /**
     * A message to a roster person on their own chat: the platform they were last bound on (through their school's own
     * app there, when it has one), else the adapter that signs roster people in.
     */
    public void push(String schoolId, String personId, String text, boolean urgent, Long sourceMessageId) {
        push(schoolId, personId, text, urgent, null, sourceMessageId);
    }

    /** As {@link #push(String, String, String, boolean, Long)}, held until {@code notBefore} when given. */
    public void push(String schoolId, String personId, String text, boolean urgent, Instant notBefore, Long sourceMessageId) {
        Chat chat = jdbc.sql("select platform, platform_user_id from platform_identity where school_id = ? and person_id = ? "
                        + "order by bound_at desc limit 1")
                .params(schoolId, personId).query((rs, n) -> new Chat(adapters.reach(rs.getString(1), schoolId), rs.getString(2))).optional()
                // no binding: their roster id on the adapter that signs people in; with none, the row is parked, not lost
                .orElseGet(() -> new Chat(adapters.rosterHome().map(Adapter::platform).orElse(Adapters.NONE),
                        schools.qualify(schoolId, personId)));
        insert(schoolId, chat.platform(), chat.id(), personId, text, null, urgent, notBefore, sourceMessageId, null);
    }

    private record Chat(String platform, String id) {}

    private void insert(String schoolId, String platform, String chatId, String recipientId, String text, String replyTo,
                        boolean urgent, Instant notBefore, Long sourceMessageId, String holder) {
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp due = notBefore == null || urgent ? now : Timestamp.from(notBefore);
        jdbc.sql("insert into outbox (school_id, platform, chat_id, recipient_id, body, reply_to, urgent, next_attempt_at, hold_until, "
                        + "created_at, source_message_id, holder) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(schoolId, platform, chatId, recipientId, text, replyTo, urgent, due, due == now ? null : due, now, sourceMessageId, holder)
                .update();
        signal.wakeAfterCommit();
    }

    /** This instance, as {@code outbox.holder} and {@code chat_presence.holder} name it. */
    String holder() {
        return holder;
    }

    /** Last resort when the database is down: say it straight through the adapter, nothing stored. */
    public void sendNow(InboundMessage to, String text) {
        adapters.find(to.platform()).ifPresent(a ->
                a.send(new OutboundMessage(0, to.platform(), to.chatId(), null, text, to.messageId())));
    }

    /** Claims due rows for this dispatcher: they are leased so another instance skips them. */
    List<Row> claim(int limit) {
        Instant now = clock.instant();
        // An answer is first this instance's if it received the message (its page is open here); a push is first for the
        // instances holding its chat's page (ChatPresence); anyone's after ANSWER_HOLD.
        return jdbc.sql("update outbox set next_attempt_at = :lease where id in (select id from outbox o where status = 'PENDING' "
                        + "and next_attempt_at <= :now and (next_attempt_at <= :held or " + ChatPresence.PREFERS_ME + ") "
                        + "order by id limit :limit for update skip locked) "
                        + "returning id, platform, chat_id, recipient_id, body, reply_to, attempts, urgent")
                .param("lease", Timestamp.from(now.plus(LEASE))).param("now", Timestamp.from(now)).param("me", holder)
                .param("held", Timestamp.from(now.minus(ANSWER_HOLD))).param("limit", limit)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getInt(7), rs.getBoolean(8)))
                .list()
                .stream().sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
    }

    record Row(long id, String platform, String chatId, String recipientId, String body, String replyTo, int attempts,
               boolean urgent) {
        OutboundMessage message() {
            return new OutboundMessage(id, platform, chatId, recipientId, body, replyTo, urgent);
        }
    }

    /** Marks a claimed batch sent in one statement: one commit for many replies. */
    void sent(List<Long> ids) {
        if (ids.isEmpty()) return;
        jdbc.sql("update outbox set status = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = null "
                        + "where id = any(string_to_array(?::text, ',')::bigint[])")
                .params(Timestamp.from(clock.instant()), ids.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .update();
    }


    void retry(long id, Duration after, String reason) {
        jdbc.sql("update outbox set attempts = attempts + 1, next_attempt_at = ?, last_error = ? where id = ?")
                .params(Timestamp.from(clock.instant().plus(after)), reason, id).update();
    }

    /** Waiting for the recipient: not an attempt, just a later look. */
    void waitFor(long id, Duration after, String reason) {
        jdbc.sql("update outbox set next_attempt_at = ?, last_error = ? where id = ?")
                .params(Timestamp.from(clock.instant().plus(after)), reason, id).update();
    }

    void park(long id, String reason) {
        jdbc.sql("update outbox set status = 'PARKED', attempts = attempts + 1, last_error = ? where id = ?")
                .params(reason, id).update();
    }

    /**
     * The sender's client sent a message again because it never saw the answer (the web chat's page after
     * the bot was killed): an answer still waiting, perhaps under the lease of a dispatcher that died with
     * that bot, is due now instead of after the lease. A second copy is harmless: it carries the same key.
     */
    public void answerAgain(String platform, String chatId, String messageId) {
        int due = jdbc.sql("update outbox set next_attempt_at = ? where status = 'PENDING' and platform = ? and chat_id = ? "
                        + "and reply_to = ? and (hold_until is null or hold_until <= ?)")
                .params(Timestamp.from(clock.instant()), platform, chatId, messageId, Timestamp.from(clock.instant())).update();
        if (due > 0) signal.wake();
    }

    /** A chat became reachable: what waits for it is due now. */
    void due(String platform, String chatId) {
        jdbc.sql("update outbox set next_attempt_at = ? where status = 'PENDING' and platform = ? and chat_id = ? and next_attempt_at > ? "
                        + "and (hold_until is null or hold_until <= ?)")
                .params(Timestamp.from(clock.instant()), platform, chatId, Timestamp.from(clock.instant().plus(LEASE)),
                        Timestamp.from(clock.instant()))
                .update();
    }
}
