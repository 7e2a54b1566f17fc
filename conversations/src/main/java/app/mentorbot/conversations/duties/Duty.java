package app.mentorbot.conversations.duties;

/** The standing duties of the scheme. */
public enum Duty { GROUP_TALK, INDIVIDUAL_TALK, PARENT_CONTACT, STUDENT_REPORT, CASE_CONFERENCE, SEMESTER_SUMMARY }
