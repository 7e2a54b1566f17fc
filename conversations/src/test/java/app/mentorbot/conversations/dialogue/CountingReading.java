package app.mentorbot.conversations.dialogue;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.understanding.Note;
import app.mentorbot.conversations.understanding.NoteReader;

/** Reads with the real note reader, or gives one fixed reading, and keeps every text it was asked to read. */
final class CountingReading implements NoteReading {
    record Asked(String senderId, String text) {}

    final List<Asked> asked = new ArrayList<>();
    private final NoteReading reading;

    private CountingReading(NoteReading reading) {
        this.reading = reading;
    }

    /** The note reader of the roster the dialogue passes. */
    static CountingReading real() {
        return new CountingReading((roster, sender, text, at) -> new NoteReader(roster).read(sender, text, at));
    }

    /** This reading, whatever the words. */
    static CountingReading always(Note note) {
        return new CountingReading((roster, sender, text, at) -> note);
    }

    @Override
    public Note read(Roster roster, String senderId, String text, ZonedDateTime at) {
        asked.add(new Asked(senderId, text));
        return reading.read(roster, senderId, text, at);
    }
}
