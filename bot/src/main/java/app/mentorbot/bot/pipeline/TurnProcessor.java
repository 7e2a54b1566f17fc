package app.mentorbot.bot.pipeline;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

import app.mentorbot.adapters.api.InboundMessage;
import app.mentorbot.bot.outbox.Adapters;
import app.mentorbot.bot.outbox.Outbox;
import app.mentorbot.conversations.dialogue.Dialogue;
import app.mentorbot.conversations.dialogue.Reply;
import app.mentorbot.conversations.dialogue.Turn;
import app.mentorbot.conversations.people.Person;
import app.mentorbot.conversations.text.Texts;

/**
 * The path of one message: resolve the sender, then in one transaction keep the raw message, let the
 * dialogue change records and put its replies in the outbox. Messages that waited together on a lane share
 * that transaction ({@link #processAll}).
 *
 * Handling is idempotent: the raw row's unique (platform, message id) makes a redelivery, a replay from
 * the spool, a restart or a second bot instance find the message handled, and a row left unhandled by
 * an older version is locked before it is handled, so no note is filed twice. When the database is away the message goes to the {@link Spool} and the sender is
 * told it will be recorded shortly; the {@link SpoolReplayer} hands it back here once the database
 * answers again. Any other failure keeps the raw message (status FAILED) and asks the sender to retry.
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
    private final Spool spool;
    /** After the database was found away, new messages go straight to the spool for a moment instead of each waiting out a connection timeout. */
    private volatile long spoolOnlyUntilNanos;
    private static final long SPOOL_ONLY_NANOS = 2_000_000_000L;

    TurnProcessor(SenderDirectory senders, RawInbox inbox, Dialogue dialogue, Outbox outbox, TransactionTemplate tx, Texts texts,
                  Spool spool) {
        this.senders = senders;
        this.inbox = inbox;
        this.dialogue = dialogue;
        this.outbox = outbox;
        this.tx = tx;
        this.texts = texts;
        this.spool = spool;
    }

    /** A live message from an adapter. */
    void process(InboundMessage raw) {
        if (raw.fromBot()) return; // our own words echoed back by the platform
        InboundMessage m = withoutNul(raw);
        // Just after an outage, or while this sender's earlier messages still wait in the spool, this one
        // queues behind them: an answer must not overtake the note whose question it answers.
        if (System.nanoTime() < spoolOnlyUntilNanos || spool.holdsEarlierFrom(m)) {
            spool.keep(m);
            outbox.sendNow(m, texts.get("later.record"));
            return;
        }
        try {
            handleOrThrow(m);
        } catch (RuntimeException e) {
            if (databaseAway(e)) {
                spoolOnlyUntilNanos = System.nanoTime() + SPOOL_ONLY_NANOS;
                spool.keep(m);
                log.warn("database unavailable: message {} on {} spooled ({})", m.messageId(), m.platform(), e.getClass().getSimpleName());
                outbox.sendNow(m, texts.get("later.record"));
                return;
            }
            // Never the body: it may be about a child's mental health.
            log.warn("message {} on {} failed: {}", m.messageId(), m.platform(), e.toString(), e);
            failed(m);
        }
    }

    /** Handles a message completely or throws; safe to repeat for the same message. */
    void handleOrThrow(InboundMessage m) {
        SenderDirectory.Sender found = senders.find(m);
        String schoolId = found.schoolId();
        Optional<Person> sender = found.person();
        if (sender.isEmpty()) {
            tx.executeWithoutResult(s -> fromStranger(m, schoolId));
            log.info("message {} on {} from an unknown sender", m.messageId(), m.platform());
            return;
        }
        // The usual case costs one commit: the raw row and everything the dialogue does with it. A row
        // inserted in this transaction is invisible to everyone else until it commits (a second delivery
        // of the same message waits on the unique index, then finds it handled), so it needs no lock.
        Boolean fresh = tx.execute(s -> {
            Optional<Long> stored = inbox.storeHandled(m, schoolId, sender.get().id());
            stored.ifPresent(rawId -> respond(m, sender.get(), rawId));
            return stored.isPresent();
        });
        if (Boolean.TRUE.equals(fresh)) {
            log.info("message {} on {} handled for {}", m.messageId(), m.platform(), sender.get().id());
            return;
        }
        Optional<RawInbox.Stored> earlier = inbox.find(m);
        if (earlier.isEmpty() || !"RECEIVED".equals(earlier.get().status())) {
            duplicate(m);
            return;
        }
        handle(m, sender.get(), earlier.get().id()); // stored before, never handled (by an older version, or elsewhere)
    }

    /**
     * Several messages waiting on one lane, in their order, handled in ONE transaction: each as
     * {@link #handleOrThrow} would, the sender resolved inside it (a binding code earlier in the batch counts for the
     * messages after it), every reply an outbox row of that transaction, so nothing is sent before the commit. When the
     * transaction fails nothing of it stays: with the database away the messages go to the spool as they would one by one;
     * otherwise each is handled again on its own, where a message at fault takes the failure path and the others are
     * filed once. While the spool holds a sender's earlier messages, or just after an outage, the batch takes the
     * one-by-one path unchanged.
     */
    void processAll(List<InboundMessage> batch) {
        List<InboundMessage> ms = batch.stream().filter(m -> !m.fromBot()).map(TurnProcessor::withoutNul).toList();
        if (ms.size() <= 1 || System.nanoTime() < spoolOnlyUntilNanos || ms.stream().anyMatch(spool::holdsEarlierFrom)) {
            for (InboundMessage m : batch) process(m);
            return;
        }
        List<Filed> filed;
        try {
            filed = tx.execute(s -> {
                List<Filed> each = new ArrayList<>();
                for (InboundMessage m : ms) each.add(fileInBatch(m));
                return each;
            });
        } catch (RuntimeException e) {
            if (databaseAway(e)) {
                spoolOnlyUntilNanos = System.nanoTime() + SPOOL_ONLY_NANOS; // so each of them goes to the spool below
                log.warn("database unavailable: {} messages spooled ({})", ms.size(), e.getClass().getSimpleName());
            } else {
                log.warn("a batch of {} messages failed ({}); handling them one by one", ms.size(), e.toString());
            }
            for (InboundMessage m : ms) process(m);
            return;
        }
        for (Filed f : filed) {
            InboundMessage m = f.message();
            if (f.duplicate()) duplicate(m);
            else if (f.personId() == null) log.info("message {} on {} from an unknown sender", m.messageId(), m.platform());
            else log.info("message {} on {} handled for {}", m.messageId(), m.platform(), f.personId());
        }
    }

    /** How a message of a batch went: handled (for a roster person, or a stranger when {@code personId} is null) or a duplicate. */
    private record Filed(InboundMessage message, String personId, boolean duplicate) {}

    /** Inside the batch's transaction: {@link #handleOrThrow} for one message, a duplicate's answer left for after the commit. */
    private Filed fileInBatch(InboundMessage m) {
        SenderDirectory.Sender found = senders.find(m);
        String schoolId = found.schoolId();
        Optional<Person> sender = found.person();
        if (sender.isEmpty()) {
            fromStranger(m, schoolId);
            return new Filed(m, null, false);
        }
        Optional<Long> stored = inbox.storeHandled(m, schoolId, sender.get().id());
        if (stored.isPresent()) {
            respond(m, sender.get(), stored.get());
            return new Filed(m, sender.get().id(), false);
        }
        Optional<RawInbox.Stored> earlier = inbox.find(m);
        if (earlier.isPresent() && "RECEIVED".equals(earlier.get().status()) && inbox.lockUnhandled(earlier.get().id())) {
            respond(m, sender.get(), earlier.get().id()); // stored before, never handled
            inbox.mark(earlier.get().id(), "DONE");
            return new Filed(m, sender.get().id(), false);
        }
        return new Filed(m, sender.get().id(), true);
    }

    /** Inside the caller's transaction: strangers may only bind their account with a code; their words are not kept. */
    private void fromStranger(InboundMessage m, String schoolId) {
        inbox.store(m, schoolId, null).ifPresent(id -> {
            // bound on the platform ("dingtalk" from "dingtalk@east"), in the school of the app it came through
            Turn turn = new Turn(null, schoolId, Adapters.accounts(m.platform()), m.senderId(), m.text(), id, m.sentAt());
            for (Reply reply : dialogue.handle(turn)) {
                if (reply.recipientId() == null) outbox.answer(schoolId, m, reply.text(), false, id);
            }
        });
    }

    /** A message handled before (a redelivery, a page resending): dropped, its answer sent again where the client asks for it. */
    private void duplicate(InboundMessage m) {
        log.debug("duplicate message {} on {} dropped", m.messageId(), m.platform());
        if (senders.resendsUnconfirmed(m)) outbox.answerAgain(m.platform(), m.chatId(), m.messageId());
    }

    /** Runs the dialogue for a stored message, unless it was handled already (here or elsewhere). */
    void handle(InboundMessage m, Person sender, long rawId) {
        Boolean handled = tx.execute(s -> {
            if (!inbox.lockUnhandled(rawId)) return false;
            respond(m, sender, rawId);
            inbox.mark(rawId, "DONE");
            return true;
        });
        if (Boolean.TRUE.equals(handled)) log.info("message {} on {} handled for {}", m.messageId(), m.platform(), sender.id());
    }

    /** Inside the caller's transaction: the dialogue's record changes and replies. */
    private void respond(InboundMessage m, Person sender, long rawId) {
        String schoolId = sender.schoolId();
        List<Reply> replies = dialogue.handle(new Turn(sender, schoolId, Adapters.accounts(m.platform()), m.senderId(), m.text(), rawId, m.sentAt()));
        for (Reply reply : replies) {
            if (reply.recipientId() == null) outbox.answer(schoolId, m, reply.text(), reply.urgent(), rawId);
            else outbox.push(schoolId, reply.recipientId(), reply.text(), reply.urgent(), reply.notBefore(), rawId);
        }
    }

    /** PostgreSQL text cannot hold U+0000; a NUL carries no meaning in a note, so it is dropped at the door. */
    static InboundMessage withoutNul(InboundMessage m) {
        if (m.text().indexOf('\u0000') < 0) return m;
        return new InboundMessage(m.platform(), m.messageId(), m.chatId(), m.senderId(), m.text().replace("\u0000", ""),
                m.sentAt(), m.extras());
    }

    /** A message stored before a crash and never handled. */
    void resume(InboundMessage m, long rawId) {
        try {
            Optional<Person> sender = senders.find(m).person();
            if (sender.isPresent()) handle(m, sender.get(), rawId);
            else inbox.mark(rawId, "UNKNOWN_SENDER");
        } catch (RuntimeException e) {
            if (databaseAway(e)) throw e;
            log.warn("unfinished message {} on {} failed again: {}", m.messageId(), m.platform(), e.toString());
            failed(m);
        }
    }

    /**
     * Keeps a message the dialogue failed on (status FAILED, for someone to look at) and asks the sender
     * to try again. Its handling transaction rolled back, so the raw row is stored here unless an earlier
     * attempt left one.
     */
    private void failed(InboundMessage m) {
        try {
            SenderDirectory.Sender found = senders.find(m);
            String schoolId = found.schoolId();
            String personId = found.person().map(Person::id).orElse(null);
            tx.executeWithoutResult(s -> {
                long rawId = inbox.store(m, schoolId, personId).orElseGet(() -> inbox.find(m).orElseThrow().id());
                inbox.mark(rawId, "FAILED");
                outbox.answer(schoolId, m, texts.get("failure.later"), false, rawId);
            });
            return;
        } catch (RuntimeException e) {
            log.warn("could not record the failure of {}: {}", m.messageId(), e.toString());
        }
        outbox.sendNow(m, texts.get("failure.later"));
    }

    /**
     * The database (or the way to it) is down, as opposed to a fault in this message: connection errors (08…), the
     * server shutting down (57P01), ending our session because another process crashed or it was stopped with
     * {@code -m immediate} (57P02, as when a primary dies before a failover), or still starting (57P03). When the
     * rollback after such a failure fails too, because the pool has closed the broken connection, the rollback's
     * exception is thrown: a JDBC commit or rollback that failed on the connection itself (a TransactionSystemException
     * over an SQLException no translator could place, "Connection is closed") is the database away as well. A commit
     * that failed so may have committed: the spooled message's replay then finds it handled.
     */
    static boolean databaseAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TransactionSystemException tse && (tse.getCause() instanceof SQLException
                    || tse.getApplicationException() != null && databaseAway(tse.getApplicationException()))) {
                return true;
            }
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || List.of("57P01", "57P02", "57P03").contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
