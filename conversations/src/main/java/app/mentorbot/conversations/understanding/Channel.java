package app.mentorbot.conversations.understanding;

/** PARENT_CONTACT only: how the exchange with the parent happened. */
public enum Channel { PHONE, HOME_VISIT, ONLINE, IN_PERSON }
