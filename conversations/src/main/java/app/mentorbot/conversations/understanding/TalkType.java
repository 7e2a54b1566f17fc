package app.mentorbot.conversations.understanding;

/** TALK only: one student (or each of several, 分别), or several together. */
public enum TalkType { INDIVIDUAL, GROUP }
