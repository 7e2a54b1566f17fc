package app.mentorbot.conversations.understanding;

/** Signals a class head must see at the monthly case conference; stronger than topics. */
public enum Flag { ACADEMIC, PSYCH, FAMILY, SAFETY }
