package app.mentorbot.conversations.dialogue;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import app.mentorbot.conversations.people.Person;
import app.mentorbot.conversations.roster.Parent;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.SchoolClass;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.roster.Teacher;
import app.mentorbot.conversations.text.Texts;

/**
 * One class of a school, for dialogue tests: 刘洋 (T1) mentors 张小明, 王子轩 and 李娜 of 高二(1)班,
 * whose class head is 孙丽 (T2); 陈静 (T3) teaches another class. 张小明's mother is P1.
 */
final class SmallSchool {
    static final String ID = "school";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** A Tuesday afternoon. */
    static final ZonedDateTime TUESDAY = ZonedDateTime.of(2026, 3, 10, 15, 0, 0, 0, ZONE);
    static final Texts TEXTS = Texts.chinese();

    static final Roster ROSTER = new Roster("示范中学",
            List.of(new SchoolClass("C1", "高二(1)班", "T2"), new SchoolClass("C2", "高二(2)班", null)),
            List.of(new Teacher("T1", "刘洋", "数学", List.of("C1"), false),
                    new Teacher("T2", "孙丽", "语文", List.of("C1"), false),
                    new Teacher("T3", "陈静", "英语", List.of("C2"), false)),
            List.of(new Student("S1", "张小明", "C1", "T1"),
                    new Student("S2", "王子轩", "C1", "T1"),
                    new Student("S3", "李娜", "C1", "T1")),
            List.of(new Parent("P1", "S1", "母亲", null)));

    private SmallSchool() {}

    static Person person(String id) {
        return Person.find(ID, ROSTER, id).orElseThrow();
    }

    static Clock clockAt(ZonedDateTime at) {
        return Clock.fixed(at.toInstant(), ZONE);
    }
}
