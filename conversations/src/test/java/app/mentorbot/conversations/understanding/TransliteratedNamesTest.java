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
 * Names written in Chinese transliteration with a dot between their parts (Uyghur, Kazakh, Tibetan names): the
 * student is called by the first part, and the dot may be any dot or none.
 */
class TransliteratedNamesTest {
    static final Roster ROSTER = new Roster("雪莲中学",
            List.of(new SchoolClass("K1", "七(1)班", "T1"), new SchoolClass("K2", "七(2)班", "T2")),
            List.of(new Teacher("T1", "马老师", "语文", List.of("K1"), false),
                    new Teacher("T2", "李老师", "数学", List.of("K2"), false),
                    new Teacher("T3", "周老师", "体育", List.of(), false),
                    new Teacher("T4", "古丽娜尔·吐尔逊", "历史", List.of("K1"), false)),
            List.of(new Student("S1", "阿依古丽·买买提", "K1", "T1"),
                    new Student("S2", "阿依古丽·吐尔洪", "K2", "T2"),
                    new Student("S3", "叶尔兰·别克", "K1", "T1"),
                    new Student("S4", "买合木提·伊力", "K1", "T1"),
                    new Student("S5", "张悦", "K1", "T1"),
                    new Student("S6", "别克波拉提·沙吾提", "K1", "T1")),
            List.of());

    static final NoteReader READER = new NoteReader(ROSTER);
    static final ZonedDateTime WED = ZonedDateTime.parse("2026-04-15T20:00:00+08:00");

    static Note read(String sender, String text) {
        return READER.read(sender, text, WED);
    }

    @Test void theFirstPartAloneIsTheStudent() {
        Note n = read("T1", "上午体育课叶尔兰冲刺的时候绊了一跤，膝盖擦破了");
        assertThat(n.studentIds()).containsExactly("S3");
        assertThat(n.clarify()).isNull();
    }

    @Test void theFullNameIsFoundWithAnyDotOrNone() {
        assertThat(read("T1", "和叶尔兰•别克聊了聊").studentIds()).containsExactly("S3");
        assertThat(read("T1", "和叶尔兰.别克聊了聊").studentIds()).containsExactly("S3");
        assertThat(read("T1", "和叶尔兰别克聊了聊").studentIds()).containsExactly("S3");
    }

    @Test void twoStudentsCalledByTheSameFirstPartAreTheSendersMenteeFirst() {
        assertThat(read("T1", "放学前找阿依古丽聊了一下作业").studentIds()).containsExactly("S1");
        assertThat(read("T2", "放学前找阿依古丽聊了一下作业").studentIds()).containsExactly("S2");
    }

    @Test void aTeacherOfNeitherIsAskedWhichOneIsMeant() {
        Note n = read("T3", "阿依古丽今天体育课跑得很快");
        assertThat(n.studentIds()).isEmpty();
        assertThat(n.clarify()).containsExactlyInAnyOrder("S1", "S2");
    }

    @Test void theChineseNicknamesOfTheLastPartAreNotTheStudent() {
        // 伊力 is a father's name, not a given name: 阿力 and 力力 are someone else
        assertThat(read("T1", "阿力木今天在单杠上倒挂着玩").studentIds()).doesNotContain("S4");
        assertThat(read("T1", "和张悦、买合木提聊了聊").studentIds()).containsExactlyInAnyOrder("S4", "S5");
    }

    @Test void aLongFirstPartIsAlsoCalledByItsFirstOrLastTwoChars() {
        assertThat(read("T1", "阿依这周默写全对，表扬了她").studentIds()).containsExactly("S1");
        assertThat(read("T2", "古丽她妈刚打电话说孩子今晚在房间里哭").studentIds()).containsExactly("S2");
        // 别克 opens S6's given name; S3's 别克 is a father's name
        assertThat(read("T1", "别克说初二有个男生在厕所门口堵他").studentIds()).containsExactly("S6");
    }

    @Test void aStudentsNamePartInsideATeachersFirstNameIsTheTeacher() {
        Note n = read("T1", "苏来曼放学到现在还没回家，我已经报告班主任古丽娜尔老师了");
        assertThat(n.studentIds()).doesNotContain("S1", "S2");
    }
}
