package app.mentorbot.bot.pipeline;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.mentorbot.adapters.api.InboundMessage;
import app.mentorbot.bot.outbox.Outbox;
import app.mentorbot.conversations.dialogue.Dialogue;
import app.mentorbot.conversations.dialogue.Reply;
import app.mentorbot.conversations.dialogue.Turn;
import app.mentorbot.conversations.people.Person;
import app.mentorbot.conversations.text.Texts;

/**
 * The path of one message: resolve the sender, keep the raw message (dropping duplicates), then in
 * one transaction let the dialogue change records and put its replies in the outbox. If that
 * transaction fails the raw message stays (status FAILED) and the sender is told to try again.
 */
@Component
public class TurnProcessor {
    private static final Logger log = LoggerFactory.getLogger(TurnProcessor.class);

    private final SenderDirectory senders;
    private final RawInbox inbox;
    private final Dialogue dialogue;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final Texts texts;

    TurnProcessor(SenderDirectory senders, RawInbox inbox, Dialogue dialogue, Outbox outbox, TransactionTemplate tx, Texts texts) {
        this.senders = senders;
        this.inbox = inbox;
        this.dialogue = dialogue;
        this.outbox = outbox;
        this.tx = tx;
        this.texts = texts;
    }

    void process(InboundMessage m) {
        if (m.fromBot()) return; // our own words echoed back by the platform
        Long rawId = null;
        try {
            Optional<Person> sender = senders.resolve(m);
            String schoolId = senders.schoolId();
            if (sender.isEmpty()) {
                // Strangers may only bind their account with a code; their words are not kept.
                tx.executeWithoutResult(s -> inbox.store(m, schoolId, null).ifPresent(id -> {
                    for (Reply reply : dialogue.handle(new Turn(null, schoolId, m.platform(), m.senderId(), m.text(), id, m.sentAt()))) {
                        if (reply.recipientId() == null) outbox.answer(schoolId, m, reply.text(), false, id);
                    }
                }));
                log.info("message {} on {} from an unknown sender", m.messageId(), m.platform());
                return;
            }
            Optional<Long> stored = tx.execute(s -> inbox.store(m, schoolId, sender.get().id()));
            if (stored == null || stored.isEmpty()) {
                log.debug("duplicate message {} on {} dropped", m.messageId(), m.platform());
                return;
            }
            rawId = stored.get();
            handle(m, sender.get(), rawId);
        } catch (RuntimeException e) {
            // Never the body: it may be about a child's mental health.
            log.warn("message {} on {} failed: {}", m.messageId(), m.platform(), e.toString(), e);
            failed(m, rawId);
        }
    }

    /** Runs the dialogue for a stored message; also used at start-up for messages a crash left unfinished. */
    void handle(InboundMessage m, Person sender, long rawId) {
        String schoolId = senders.schoolId();
        tx.executeWithoutResult(s -> {
            List<Reply> replies = dialogue.handle(new Turn(sender, schoolId, m.platform(), m.senderId(), m.text(), rawId, m.sentAt()));
            for (Reply reply : replies) {
                if (reply.recipientId() == null) outbox.answer(schoolId, m, reply.text(), reply.urgent(), rawId);
                else outbox.push(schoolId, reply.recipientId(), reply.text(), reply.urgent(), reply.notBefore(), rawId);
            }
            inbox.mark(rawId, "DONE");
        });
        log.info("message {} on {} handled for {}", m.messageId(), m.platform(), sender.id());
    }

    void resume(InboundMessage m, long rawId) {
        try {
            Optional<Person> sender = senders.resolve(m);
            if (sender.isPresent()) handle(m, sender.get(), rawId);
            else inbox.mark(rawId, "UNKNOWN_SENDER");
        } catch (RuntimeException e) {
            log.warn("unfinished message {} on {} failed again: {}", m.messageId(), m.platform(), e.toString());
            failed(m, rawId);
        }
    }

    private void failed(InboundMessage m, Long rawId) {
        try {
            if (rawId != null) {
                long id = rawId;
                tx.executeWithoutResult(s -> {
                    inbox.mark(id, "FAILED");
                    outbox.answer(senders.schoolId(), m, texts.get("failure.later"), false, id);
                });
                return;
            }
        } catch (RuntimeException e) {
            log.warn("could not record the failure of {}: {}", m.messageId(), e.toString());
        }
        // The database itself is away: answer straight through the adapter.
        outbox.sendNow(m, texts.get("failure.later"));
    }
}
