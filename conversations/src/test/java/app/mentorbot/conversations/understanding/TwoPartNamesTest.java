package app.mentorbot.conversations.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.SchoolClass;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.roster.Teacher;

/**
 * Tibetan and Yi names have no family name: a four-character name with no compound surname is two names of two
 * characters, and the student is called by either half (docs/notes.md).
 */
class TwoPartNamesTest {
    static final Roster ROSTER = new Roster("雅拉中学",
            List.of(new SchoolClass("K1", "七(1)班", "T1"), new SchoolClass("K2", "七(2)班", "T2")),
            List.of(new Teacher("T1", "王老师", "语文", List.of("K1"), false),
                    new Teacher("T2", "泽仁邓珠", "藏文", List.of("K2"), false),
                    new Teacher("T3", "李老师", "体育", List.of(), false)),
            List.of(new Student("S1", "扎西多吉", "K1", "T1"),
                    new Student("S2", "次仁卓玛", "K1", "T1"),
                    new Student("S3", "格桑卓玛", "K2", "T2"),
                    new Student("S4", "吉克阿依", "K2", "T2"),
                    new Student("S5", "泽仁拉姆", "K1", "T1"),
                    new Student("S6", "欧阳晓雨", "K2", "T2")),
            List.of());

    static final NoteReader READER = new NoteReader(ROSTER);
    static final ZonedDateTime WED = ZonedDateTime.parse("2026-10-14T20:00:00+08:00");

    static Note read(String sender, String text) {
        return READER.read(sender, text, WED);
    }

    @Test void eitherHalfAloneIsTheStudent() {
        assertThat(read("T1", "今天和多吉聊了聊").studentIds()).containsExactly("S1");
        assertThat(read("T1", "扎西今天上课睡觉").studentIds()).containsExactly("S1");
        assertThat(read("T2", "找阿依谈了谈住校的事").studentIds()).containsExactly("S4");
    }

    @Test void aSharedHalfIsTheSendersMenteeFirstAndElseAsked() {
        assertThat(read("T1", "卓玛今天哭了").studentIds()).containsExactly("S2");
        assertThat(read("T2", "卓玛今天哭了").studentIds()).containsExactly("S3");
        Note n = read("T3", "卓玛今天体育课跑了第一");
        assertThat(n.studentIds()).isEmpty();
        assertThat(n.clarify()).containsExactlyInAnyOrder("S2", "S3");
    }

    @Test void aCompoundSurnameStaysASurnameAndGivenName() {
        assertThat(read("T2", "晓雨今天作业没交").studentIds()).containsExactly("S6");
        assertThat(read("T2", "欧阳今天作业没交").studentIds()).containsExactly("S6");
        // a Han given name keeps its nicknames, which no two-part name has
        assertThat(read("T2", "小雨今天作业没交").studentIds()).containsExactly("S6");
    }

    @Test void aHalfInsideATeachersFullNameIsTheTeacher() {
        Note n = read("T1", "听泽仁邓珠老师说拉姆昨晚想家哭了");
        assertThat(n.studentIds()).containsExactly("S5");
        assertThat(n.clarify()).isNull();
    }

    @Test void aHalfThatIsAnotherStudentsWholeNameIsNoBetterThanTheHalf() {
        // 卓玛 is S8's whole name and what 次仁卓玛 (S2) is called: the tiers decide, not the whole name
        Roster roster = new Roster("雅拉中学", ROSTER.classes(), ROSTER.teachers(),
                List.of(ROSTER.students().get(1), new Student("S8", "卓玛", "K1", "T2"), new Student("S9", "曲珍", "K2", "T2")), List.of());
        NoteReader reader = new NoteReader(roster);
        assertThat(reader.read("T1", "卓玛今天体育课被球砸到眼眶了", WED).studentIds()).as("the sender's mentee first").containsExactly("S2");
        Note n = reader.read("T3", "卓玛今天体育课被球砸到眼眶了", WED);
        assertThat(n.studentIds()).isEmpty();
        assertThat(n.clarify()).containsExactlyInAnyOrder("S2", "S8");
        // a whole name no long name shares a half of is the student, wherever they are
        assertThat(reader.read("T1", "曲珍今天又没交作业", WED).studentIds()).containsExactly("S9");
    }
}
