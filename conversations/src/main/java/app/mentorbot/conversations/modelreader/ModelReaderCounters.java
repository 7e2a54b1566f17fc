package app.mentorbot.conversations.modelreader;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the second reader cost and changed, since start: plain counters for the metrics endpoint to
 * read (names only, never a note). {@code calls} counts requests sent; each ends as an answer used,
 * a timeout, an invalid answer (malformed, off the schema, unknown ids, dates out of range) or a
 * failure (refused by the server, connection lost).
 */
public final class ModelReaderCounters {
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();
    private final AtomicLong invalidAnswers = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong fieldsChanged = new AtomicLong();
    private final AtomicLong disagreements = new AtomicLong();

    public long calls() { return calls.get(); }
    public long timeouts() { return timeouts.get(); }
    public long invalidAnswers() { return invalidAnswers.get(); }
    public long failures() { return failures.get(); }
    /** Record fields the model filled or flags it added (each counts one). */
    public long fieldsChanged() { return fieldsChanged.get(); }
    /** Fields where both readers were confident and differed (the rules stood). */
    public long disagreements() { return disagreements.get(); }

    void called() { calls.incrementAndGet(); }
    void timedOut() { timeouts.incrementAndGet(); }
    void invalid() { invalidAnswers.incrementAndGet(); }
    void failed() { failures.incrementAndGet(); }

    public void changed(int fields) { fieldsChanged.addAndGet(fields); }
    public void disagreed(int fields) { disagreements.addAndGet(fields); }
}
