package app.mentorbot.conversations.people;

import app.mentorbot.conversations.roster.Parent;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.Student;

/**
 * Who may do what, in one place. Admins see everything of their school; a class head their class;
 * a mentor their mentees; a teacher may always read the records they wrote themselves; a teacher may write notes about students of the classes they teach (the
 * student's mentor and class head then see them); a parent only their own children's thread. A class's
 * case conference (学情会商: its decisions, date and digest) is its class head's, or an admin's. A student
 * reads nothing: they write to their own mentor, never about anyone.
 */
public final class Access {
    private Access() {}

    /** Reading a student's records, growth file and digests. */
    public static boolean mayRead(Person asker, Student s, Roster roster) {
        if (!asker.isStaff()) return false;
        if (asker.is(Role.ADMIN) || asker.id().equals(s.mentorId())) return true;
        return isClassHeadOf(asker, s, roster);
    }

    /**
     * Reading one record: anyone who may read the student's records, and its author, always (an old mentor
     * keeps what they wrote about a student who moved to another mentor). Nothing else of the student comes with it.
     */
    public static boolean mayReadRecordBy(Person asker, String authorId, Student s, Roster roster) {
        if (!asker.isStaff()) return false;
        return mayRead(asker, s, roster) || asker.id().equals(authorId);
    }

    /** Writing a note (talk, contact, observation, reminder) about a student. */
    public static boolean mayWriteAbout(Person asker, Student s, Roster roster) {
        if (!asker.isStaff()) return false;
        return mayRead(asker, s, roster) || roster.classIdsOf(asker.id()).contains(s.classId());
    }

    /** Giving a parent a binding code: their child's mentor, class head, or an admin. */
    public static boolean mayIssueCodeFor(Person asker, Parent p, Roster roster) {
        return roster.student(p.studentId()).map(s -> mayRead(asker, s, roster)).orElse(false);
    }

    /** Giving a student a binding code of their own: their mentor, class head, or an admin. */
    public static boolean mayIssueStudentCode(Person asker, Student s, Roster roster) {
        return asker.isStaff() && mayRead(asker, s, roster);
    }

    /** Giving a staff member a binding code: admins only. */
    public static boolean mayIssueStaffCode(Person asker) {
        return asker.is(Role.ADMIN);
    }

    /** Writing to a parent: the child's current mentor or class head. */
    public static boolean mayWriteToParentOf(Person asker, Student s, Roster roster) {
        return asker.id().equals(s.mentorId()) || isClassHeadOf(asker, s, roster);
    }

    /**
     * Running a class's case conference: recording its decisions, setting its date, asking for its digest.
     * The class head of that class or an admin; mentoring a student of the class is not enough.
     */
    public static boolean mayRunConferenceOf(Person asker, String classId, Roster roster) {
        return asker.is(Role.ADMIN) || heads(asker, classId, roster);
    }

    /** A parent writes about their own children only. */
    public static boolean isParentOf(Person asker, String studentId) {
        return asker.is(Role.PARENT) && asker.children().containsKey(studentId);
    }

    private static boolean isClassHeadOf(Person asker, Student s, Roster roster) {
        return heads(asker, s.classId(), roster);
    }

    private static boolean heads(Person asker, String classId, Roster roster) {
        return roster.schoolClass(classId).map(c -> asker.id().equals(c.headTeacherId())).orElse(false);
    }
}
