package app.mentorbot.bot.modelreader;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.mentorbot.bot.outbox.Outbox;
import app.mentorbot.conversations.dialogue.Dialogue;
import app.mentorbot.conversations.dialogue.ModelAmendments;
import app.mentorbot.conversations.dialogue.Reply;
import app.mentorbot.conversations.dialogue.SecondReading;
import app.mentorbot.conversations.modelreader.ModelReader;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.RosterStore;
import app.mentorbot.conversations.understanding.Note;

/**
 * The second reading of the running bot, when the school turned it on: a note goes to the model only
 * after the turn that filed it committed (so the teacher's confirmation is already in the outbox), on
 * two threads of its own with a bounded queue; a note that finds the queue full is not read again
 * (the rules' reading stands). The model's reading is applied in a transaction of its own, and what it
 * sends goes through the outbox like every other message.
 */
final class SecondReader implements SecondReading, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SecondReader.class);
    private static final int QUEUE = 256;

    private final ModelReader reader;
    private final RosterStore rosters;
    private final ObjectProvider<Dialogue> dialogue;
    private final TransactionTemplate tx;
    private final Outbox outbox;
    private final ThreadPoolExecutor threads;

    SecondReader(ModelReader reader, RosterStore rosters, ObjectProvider<Dialogue> dialogue, TransactionTemplate tx, Outbox outbox) {
        this.reader = reader;
        this.rosters = rosters;
        this.dialogue = dialogue;
        this.tx = tx;
        this.outbox = outbox;
        AtomicInteger n = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "model-reader-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        threads.allowCoreThreadTimeOut(true);
    }

    @Override
    public void reread(Reread note) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            submit(note);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                submit(note);
            }
        });
    }

    private void submit(Reread note) {
        try {
            threads.execute(() -> read(note));
        } catch (RejectedExecutionException e) {
            log.warn("model reader busy: record {} not read again", note.recordId());
        }
    }

    /** Reads one note with the model and applies what it found; the rules' reading stands on any failure. */
    void read(Reread note) {
        try {
            Roster roster = rosters.load(note.schoolId());
            Optional<Note> model = reader.read(roster, note.authorId(), note.text(), note.saidAt(), note.candidates());
            if (model.isEmpty()) return;
            tx.executeWithoutResult(s -> {
                ModelAmendments.Amended a = dialogue.getObject().amendments().amend(note, roster, model.get());
                reader.counters().changed(a.changes());
                reader.counters().disagreed(a.disagreements());
                for (Reply r : a.replies()) outbox.push(note.schoolId(), r.recipientId(), r.text(), r.urgent(), r.notBefore(), null);
            });
        } catch (RuntimeException e) {
            log.warn("model reader: applying a reading of record {} failed: {}", note.recordId(), e.toString());
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
