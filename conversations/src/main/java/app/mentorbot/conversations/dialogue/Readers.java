package app.mentorbot.conversations.dialogue;

import java.time.ZonedDateTime;
import java.util.Objects;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.understanding.Lexicon;
import app.mentorbot.conversations.understanding.Note;
import app.mentorbot.conversations.understanding.NoteReader;

/**
 * The {@link NoteReading} of the running bot: a note reader is built once per roster version and kept.
 * Rosters are cached, so a different roster object means a new import.
 */
final class Readers implements NoteReading {
    private record ReaderForRoster(Roster roster, NoteReader reader) {}

    /** How long the note reader takes per text, for the operator's metrics. */
    private static final Timer READING = Metrics.timer("mentorbot.reader");
    private final Lexicon lexicon;
    private volatile ReaderForRoster current = new ReaderForRoster(null, null);

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
        ReaderForRoster kept = current;
        if (kept.roster() != roster) {
            kept = new ReaderForRoster(roster, new NoteReader(roster, lexicon));
            current = kept;
        }
        return kept.reader();
    }
}
