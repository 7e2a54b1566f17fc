package app.mentorbot.conversations.understanding;

/** What a note is; docs/notes.md, "Kinds", says which words make which. STUDENT_REPORT is never read from a note: it is a student's half-month report. */
public enum Kind { TALK, PARENT_CONTACT, OBSERVATION, REMINDER, QUERY, OTHER, STUDENT_REPORT }
