package app.mentorbot.conversations.understanding;

/** What a note is; docs/notes.md, "Kinds", says which words make which. */
public enum Kind { TALK, PARENT_CONTACT, OBSERVATION, REMINDER, QUERY, OTHER }
