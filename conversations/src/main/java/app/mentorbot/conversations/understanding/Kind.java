package app.mentorbot.conversations.understanding;

/** What a note is (SPEC.md, Kinds). */
public enum Kind { TALK, PARENT_CONTACT, OBSERVATION, REMINDER, QUERY, OTHER }
