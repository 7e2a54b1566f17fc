package app.mentorbot.conversations.people;

/** What a person may do: a teacher may also head a class or administer the school. */
public enum Role { ADMIN, CLASS_HEAD, TEACHER, PARENT }
