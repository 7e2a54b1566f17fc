package app.mentorbot.conversations.dialogue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import app.mentorbot.conversations.people.Access;
import app.mentorbot.conversations.people.Person;
import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.records.RecordStore;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.text.Texts;
import app.mentorbot.conversations.understanding.Kind;
import app.mentorbot.conversations.understanding.Note;
import app.mentorbot.conversations.understanding.TalkType;

/**
 * Answers to a teacher's questions, each scoped to what the asker may see. Answers longer than a
 * phone screen are cut, with a signed link to the full page.
 */
final class Queries {
    static final int MAX_LINES = 8;
    private static final Pattern WHO_NOT_TALKED = Pattern.compile("(还有)?谁(还)?没(有)?(单独)?(谈|聊)|哪些.{0,4}(还)?没(谈|聊)");
    private static final Pattern PARENT_CONTACTS = Pattern.compile("家长.{0,4}联系|联系.{0,4}家长|家校联系|家长沟通");

    private final RecordStore records;
    private final Texts texts;
    private final Wording wording;
    private final Links links;

    Queries(RecordStore records, Texts texts, Wording wording, Links links) {
        this.records = records;
        this.texts = texts;
        this.wording = wording;
        this.links = links;
    }

    /** The answer to a teacher's question about records: who has not been talked to, parent contacts, a student's latest. */
    String lookUp(Person asker, Roster roster, Note note, String said, LocalDate today) {
        if (WHO_NOT_TALKED.matcher(said).find()) return notTalkedThisWeek(asker, roster, today);
        if (PARENT_CONTACTS.matcher(said).find()) return parentContactsThisSemester(asker, roster, today);
        if (!note.studentIds().isEmpty()) return recent(asker, roster, note.studentIds(), today);
        return texts.get("query.unsupported");
    }

    private String recent(Person asker, Roster roster, List<String> studentIds, LocalDate today) {
        List<String> lines = new ArrayList<>();
        for (String id : studentIds) {
            Student s = roster.student(id).orElse(null);
            if (s == null) continue;
            boolean all = Access.mayRead(asker, s, roster);
            // without the student, a teacher still reads the records they wrote themselves (an old mentor's, say)
            List<Record> recent = (all ? records.recentForStudent(asker.schoolId(), id, MAX_LINES + 1)
                    : records.recentForStudentBy(asker.schoolId(), id, asker.id(), MAX_LINES + 1)).stream()
                    .filter(r -> Access.mayReadRecordBy(asker, r.authorId(), s, roster)).toList();
            if (recent.isEmpty()) {
                lines.add(texts.get(all ? "query.none" : "query.notAllowed", s.name()));
                continue;
            }
            lines.add(texts.get(all ? "query.recentHeader" : "query.ownHeader", s.name()));
            for (Record r : recent.subList(0, Math.min(recent.size(), MAX_LINES))) {
                lines.add(texts.get("query.line", wording.describe(r, roster, today), Wording.shortened(r.note(), 40)));
            }
            if (recent.size() > MAX_LINES) {
                String link = all ? links.studentPage(asker.schoolId(), asker.id(), id) : null; // the student's page is for those who may read it all
                lines.add(link == null ? texts.get("query.more") : texts.get("query.moreAt", link));
            }
        }
        return String.join("\n", lines);
    }

    /** Mentees with no individual talk from Monday of this week until today. */
    private String notTalkedThisWeek(Person asker, Roster roster, LocalDate today) {
        List<Student> mentees = roster.menteesOf(asker.id());
        if (mentees.isEmpty()) return texts.get("query.noMentees");
        LocalDate monday = today.with(DayOfWeek.MONDAY);
        Map<String, Boolean> talked = new HashMap<>();
        for (Record r : records.about(asker.schoolId(), ids(mentees), monday, today)) {
            if (r.kind() == Kind.TALK && r.talkType() == TalkType.INDIVIDUAL) r.studentIds().forEach(id -> talked.put(id, true));
        }
        List<String> missing = mentees.stream().filter(s -> !talked.containsKey(s.id())).map(Student::name).toList();
        if (missing.isEmpty()) return texts.get("query.allTalked", mentees.size());
        return texts.get("query.notTalked", String.join(texts.get("list.separator"), missing), missing.size(), mentees.size());
    }

    /** Parent contacts per mentee this semester, against the rule of at least two. */
    private String parentContactsThisSemester(Person asker, Roster roster, LocalDate today) {
        List<Student> mentees = roster.menteesOf(asker.id());
        if (mentees.isEmpty()) return texts.get("query.noMentees");
        LocalDate start = semesterStart(today);
        Map<String, Integer> count = new HashMap<>();
        for (Record r : records.about(asker.schoolId(), ids(mentees), start, today)) {
            if (r.kind() == Kind.PARENT_CONTACT) r.studentIds().forEach(id -> count.merge(id, 1, Integer::sum));
        }
        List<String> lines = new ArrayList<>();
        lines.add(texts.get("query.contactsHeader", wording.day(start, today)));
        List<String> behind = new ArrayList<>();
        for (Student s : mentees) {
            int n = count.getOrDefault(s.id(), 0);
            lines.add(texts.get("query.contactLine", s.name(), n, n >= 2 ? "✓" : ""));
            if (n < 2) behind.add(s.name());
        }
        lines.add(behind.isEmpty() ? texts.get("query.contactsAllDone") : texts.get("query.contactsBehind", behind.size()));
        return String.join("\n", lines);
    }

    /** Autumn semester from 1 September, spring from 1 February (the school calendar will refine this). */
    static LocalDate semesterStart(LocalDate today) {
        if (today.getMonthValue() >= 9) return LocalDate.of(today.getYear(), Month.SEPTEMBER, 1);
        if (today.getMonthValue() >= 2) return LocalDate.of(today.getYear(), Month.FEBRUARY, 1);
        return LocalDate.of(today.getYear() - 1, Month.SEPTEMBER, 1);
    }

    private static List<String> ids(List<Student> students) {
        return students.stream().map(Student::id).toList();
    }
}
