package app.mentorbot.bot.pipeline;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.mentorbot.adapters.api.InboundMessage;

/**
 * Keeps every inbound message as it came, before anything else happens to it; the unique
 * (platform, message id) constraint is what makes a redelivery, hours later, a no-op.
 * Bodies from unknown senders are not kept: we owe them nothing and they may be anybody.
 */
@Component
class RawInbox {
    private final JdbcClient jdbc;
    private final Clock clock;

    RawInbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The new row's id, or empty when this message was stored before. */
    Optional<Long> store(InboundMessage m, String schoolId, String personId) {
        return store(m, schoolId, personId, personId == null ? "UNKNOWN_SENDER" : "RECEIVED");
    }

    /**
     * Stores the row already marked as handled: for the transaction that also handles it, which either
     * commits both or neither (one statement fewer per note than storing and then marking).
     */
    Optional<Long> storeHandled(InboundMessage m, String schoolId, String personId) {
        return store(m, schoolId, personId, "DONE");
    }

    private Optional<Long> store(InboundMessage m, String schoolId, String personId, String status) {
        return jdbc.sql("insert into inbound_message (school_id, platform, platform_message_id, chat_id, sender_ref, person_id, "
                        + "body, sent_at, received_at, status) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "on conflict (platform, platform_message_id) do nothing returning id")
                .params(schoolId, m.platform(), m.messageId(), m.chatId(), m.senderId(), personId,
                        personId == null ? null : m.text(), Timestamp.from(m.sentAt()), Timestamp.from(clock.instant()),
                        status)
                .query(Long.class).optional();
    }

    record Stored(long id, String status) {}

    Optional<Stored> find(InboundMessage m) {
        return jdbc.sql("select id, status from inbound_message where platform = ? and platform_message_id = ?")
                .params(m.platform(), m.messageId()).query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2))).optional();
    }

    /** Locks the row for this transaction; true when it is still waiting to be handled. */
    boolean lockUnhandled(long id) {
        return jdbc.sql("select status from inbound_message where id = ? for update").param(id).query(String.class)
                .optional().map("RECEIVED"::equals).orElse(false);
    }

    void mark(long id, String status) {
        jdbc.sql("update inbound_message set status = ? where id = ?").params(status, id).update();
    }
}
