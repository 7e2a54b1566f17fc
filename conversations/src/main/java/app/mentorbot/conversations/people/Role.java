package app.mentorbot.conversations.people;

/**
 * What a person may do: a teacher may also head a class or administer the school. A STUDENT exists only
 * where the school turned student accounts on: they write to their mentor and send half-month reports.
 */
public enum Role { ADMIN, CLASS_HEAD, TEACHER, PARENT, STUDENT }
