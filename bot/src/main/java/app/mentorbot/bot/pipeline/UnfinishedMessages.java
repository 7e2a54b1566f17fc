package app.mentorbot.bot.pipeline;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.mentorbot.adapters.api.InboundMessage;

/**
 * A message stored but not yet handled when the bot stopped (a crash, a kill) is handled once at the
 * next start, and so is a platform message acknowledged but still queued (see {@link AcceptedMessages}),
 * so an accepted note is never lost between its arrival and its record.
 */
@Component
@ConditionalOnWebApplication
class UnfinishedMessages {
    private static final Logger log = LoggerFactory.getLogger(UnfinishedMessages.class);
    private final JdbcClient jdbc;
    private final TurnProcessor processor;
    private final AcceptedMessages accepted;
    private final InboundQueue queue;

    UnfinishedMessages(JdbcClient jdbc, TurnProcessor processor, AcceptedMessages accepted, InboundQueue queue) {
        this.jdbc = jdbc;
        this.processor = processor;
        this.accepted = accepted;
        this.queue = queue;
    }

    record Unfinished(long id, InboundMessage message) {}

    @EventListener(ApplicationReadyEvent.class)
    void resume() {
        List<Unfinished> rows = jdbc.sql("select id, platform, platform_message_id, chat_id, sender_ref, body, sent_at "
                        + "from inbound_message where status = 'RECEIVED' order by id")
                .query((rs, n) -> new Unfinished(rs.getLong(1), new InboundMessage(rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), Map.of())))
                .list();
        if (!rows.isEmpty()) log.info("handling {} message(s) left unfinished by the last run", rows.size());
        for (Unfinished u : rows) processor.resume(u.message(), u.id());
        // Acknowledged to their platform by the last run and never handled: back on their senders' lanes.
        List<InboundMessage> left = accepted.leftOver();
        if (!left.isEmpty()) log.info("handling {} platform message(s) acknowledged but not handled by the last run", left.size());
        left.forEach(queue::accept);
    }
}
