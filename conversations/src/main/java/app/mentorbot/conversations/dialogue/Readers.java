package app.mentorbot.conversations.dialogue;

import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Objects;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.understanding.Lexicon;
import app.mentorbot.conversations.understanding.Note;
import app.mentorbot.conversations.understanding.NoteReader;

/**
 * The {@link NoteReading} of the running bot: a note reader is built once per roster version and kept.
 * Rosters are cached, so a different roster object means a new import. A deployment that serves several
 * schools keeps one reader per school's roster (the most recently used {@value #KEPT}); a school's new
 * roster pushes out its old one, as it is no longer used.
 */
final class Readers implements NoteReading {
    private record ReaderForRoster(Roster roster, NoteReader reader) {}

    /** How long the note reader takes per text, for the operator's metrics. */
    private static final Timer READING = Metrics.timer("mentorbot.reader");
    private final Lexicon lexicon;
    static final int KEPT = 64;
    /** Most recently used first; compared by identity, never by content (a roster is large). */
    private final Deque<ReaderForRoster> kept = new ArrayDeque<>();

    Readers(Lexicon lexicon) {
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    }

    @Override
    public Note read(Roster roster, String senderId, String text, ZonedDateTime at) {
        return READING.record(() -> readerFor(roster).read(senderId, text, at));
    }

    /** Builds the reader for this roster now (and waits for its model), so no teacher's note pays for it. */
    void prepare(Roster roster) {
        readerFor(roster).awaitReady();
    }

    private NoteReader readerFor(Roster roster) {
        synchronized (kept) {
            ReaderForRoster first = kept.peekFirst();
            if (first != null && first.roster() == roster) return first.reader();
            for (Iterator<ReaderForRoster> i = kept.iterator(); i.hasNext(); ) {
                ReaderForRoster r = i.next();
                if (r.roster() == roster) {
                    i.remove();
                    kept.addFirst(r);
                    return r.reader();
                }
            }
        }
        // Built outside the lock (hundreds of milliseconds for a large school): another school's notes do not wait.
        ReaderForRoster made = new ReaderForRoster(roster, new NoteReader(roster, lexicon));
        synchronized (kept) {
            for (ReaderForRoster r : kept) if (r.roster() == roster) return r.reader(); // built twice at once: keep the first
            kept.removeIf(r -> r.roster().schoolId().equals(roster.schoolId())); // the same school's older roster
            kept.addFirst(made);
            while (kept.size() > KEPT) kept.removeLast();
        }
        return made.reader();
    }
}
