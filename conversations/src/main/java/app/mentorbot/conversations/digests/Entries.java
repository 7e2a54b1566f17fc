package app.mentorbot.conversations.digests;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.reminders.Reminder;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.SchoolClass;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.roster.Teacher;
import app.mentorbot.conversations.schedule.SchoolCalendar;
import app.mentorbot.conversations.understanding.Flag;
import app.mentorbot.conversations.understanding.Note;

/** Turns records and reminders into what pages show, naming people from the roster. */
final class Entries {
    static final Comparator<Entry> OLDEST_FIRST = Comparator.comparing(Entry::date).thenComparingLong(Entry::recordId);

    private Entries() {}

    /** The day a record counts on: its event date, else the school day it was made on. */
    static LocalDate dayOf(Record r) {
        return r.date() != null ? r.date() : LocalDate.ofInstant(r.createdAt(), SchoolCalendar.ZONE);
    }

    /** The entry for a record, with its author's role towards {@code aboutStudentId} (or its first student). */
    static Entry of(Record r, Roster roster, String aboutStudentId) {
        String about = aboutStudentId != null ? aboutStudentId : r.studentIds().isEmpty() ? null : r.studentIds().get(0);
        return new Entry(r.id(), dayOf(r), r.authorId(), personName(roster, r.authorId()), role(roster, r.authorId(), about),
                r.kind(), r.talkType(), r.channel(), r.topics(), r.flags(), r.studentIds(), names(roster, r.studentIds()),
                r.note(), r.followUp(),
                safetySuspected(r));
    }

    /** A SAFETY flag read from a described situation, which no teacher has confirmed yet (疑似). */
    static boolean safetySuspected(Record r) {
        return r.flags().contains(Flag.SAFETY) && r.evidence().stream().anyMatch(e -> Note.SUSPECTED_EVIDENCE.equals(e.field()));
    }

    static List<Entry> of(List<Record> records, Roster roster, String aboutStudentId) {
        return records.stream().map(r -> of(r, roster, aboutStudentId)).sorted(OLDEST_FIRST).toList();
    }

    static FollowUp of(Reminder r, Roster roster) {
        return new FollowUp(r.id(), r.personId(), personName(roster, r.personId()), r.text(), r.dueOn(), r.status(),
                names(roster, r.studentIds()), r.recordId());
    }

    static AuthorRole role(Roster roster, String authorId, String studentId) {
        Student s = studentId == null ? null : roster.student(studentId).orElse(null);
        if (s != null && authorId.equals(s.mentorId())) return AuthorRole.MENTOR;
        if (s != null && roster.schoolClass(s.classId()).map(SchoolClass::headTeacherId).filter(authorId::equals).isPresent()) {
            return AuthorRole.CLASS_HEAD;
        }
        Teacher t = roster.teacher(authorId).orElse(null);
        if (t == null) return AuthorRole.OTHER;
        return t.admin() ? AuthorRole.ADMIN : AuthorRole.TEACHER;
    }

    /** A teacher's name, a parent's "张小明妈妈" style name, or the id itself for someone no longer on the roster. */
    static String personName(Roster roster, String id) {
        if (id == null) return "";
        return roster.teacher(id).map(Teacher::name)
                .or(() -> roster.parent(id).map(p -> app.mentorbot.conversations.people.Person.parentDisplayName(roster, p)))
                .or(() -> roster.student(id).map(Student::name))
                .orElse(id);
    }

    static List<String> names(Roster roster, List<String> studentIds) {
        return studentIds.stream().map(id -> roster.student(id).map(Student::name).orElse(id)).toList();
    }
}
