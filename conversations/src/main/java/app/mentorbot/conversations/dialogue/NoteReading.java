package app.mentorbot.conversations.dialogue;

import java.time.ZonedDateTime;

import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.understanding.Note;

/** How the dialogue reads words: with the note reader of the school's current roster. */
@FunctionalInterface
interface NoteReading {
    Note read(Roster roster, String senderId, String text, ZonedDateTime at);
}
