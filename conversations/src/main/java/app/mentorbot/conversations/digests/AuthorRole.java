package app.mentorbot.conversations.digests;

/** What the author of a record is to the student it is shown for: their mentor, class head, another teacher. */
public enum AuthorRole { MENTOR, CLASS_HEAD, TEACHER, ADMIN, OTHER }
