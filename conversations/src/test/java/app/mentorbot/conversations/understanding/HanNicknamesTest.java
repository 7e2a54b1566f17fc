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
 * What families and teachers call a Han child besides the name (docs/notes.md): the first char of the given name doubled
 * (佳佳 for 翁佳怡), the southern 辉仔, a word-name opening its clause after a lesson or a moment (六一活动时郑重被…), and
 * what a title (《…》) holds; 小 + a grammar char (小到) only where a name stands; 小 before a noun (小马驹) is no nickname.
 */
class HanNicknamesTest {
    static final Roster ROSTER = new Roster("榕荫小学",
            List.of(new SchoolClass("K1", "五(1)班", "T1")),
            List.of(new Teacher("T1", "陈老师", "语文", List.of("K1"), false),
                    new Teacher("T2", "林老师", "数学", List.of("K1"), false)),
            List.of(new Student("S1", "翁佳怡", "K1", "T1"),
                    new Student("S2", "王家辉", "K1", "T1"),
                    new Student("S3", "郑重", "K1", "T1"),
                    new Student("S4", "何佳琪", "K1", "T2"),
                    new Student("S5", "黄浩然", "K1", "T2"),
                    new Student("S6", "周到", "K1", "T2"),
                    new Student("S7", "马俊", "K1", "T1"),
                    new Student("S8", "王雪松", "K1", "T2")),
            List.of());

    static final NoteReader READER = new NoteReader(ROSTER);
    static final ZonedDateTime FRI = ZonedDateTime.parse("2026-06-05T17:00:00+08:00");

    static Note read(String sender, String text) {
        return READER.read(sender, text, FRI);
    }

    @Test void theFirstCharOfTheGivenNameDoubledIsTheChild() {
        assertThat(read("T2", "浩浩今天数学作业没交").studentIds()).containsExactly("S5");
        assertThat(read("T1", "和阿辉、佳佳开了个小会").studentIds()).containsExactlyInAnyOrder("S1", "S2");
    }

    @Test void aDoubledNicknameTwoStudentsShareGoesToTheSendersMenteeFirstAndElseIsAsked() {
        assertThat(read("T2", "佳佳今天跟我说想换座位").studentIds()).containsExactly("S4");
        Note n = read("T1", "佳佳今天跟我说想换座位");
        assertThat(n.studentIds()).containsExactly("S1");
    }

    @Test void aNicknameMadeOfGrammarsCharIsTheChildOnlyWhereANameStands() {
        // 小到 for 周到: in 声音小到听不见 it is a degree; as the one who speaks or is talked with it is the child
        assertThat(read("T2", "黄浩然回答问题声音小到听不见").studentIds()).containsExactly("S5");
        assertThat(read("T2", "今天找小到聊了聊").studentIds()).containsExactly("S6");
    }

    @Test void theSouthernNicknameIsTheChild() {
        assertThat(read("T1", "辉仔今天上完体育课直喊累").studentIds()).containsExactly("S2");
    }

    @Test void aNicknameOrAWordNameInsideATitleIsTheBooksNotAStudent() {
        assertThat(read("T2", "班会上何佳琪表演小品《浩浩离家出走了》，全班都笑了").studentIds()).containsExactly("S4");
        // a full name that is no word is still the student, even in a title
        assertThat(read("T2", "班会上演了《何佳琪的一天》").studentIds()).containsExactly("S4");
    }

    @Test void aWordNameAfterALessonOrAMomentOpensTheClause() {
        assertThat(read("T1", "周一六一活动时郑重被两个六年级的拽到厕所后面").studentIds()).containsExactly("S3");
        assertThat(read("T1", "语文课上郑重主动举手").studentIds()).containsExactly("S3");
        // 当时 is a word, not a moment before a name
        assertThat(read("T1", "他当时郑重地道了歉").studentIds()).isEmpty();
    }

    @Test void aDiminutiveBeforeANounIsNoNickname() {
        // 小马 for 马俊 and 小松 for 王雪松, but 一匹小马驹 and 小松鼠 are animals
        assertThat(read("T1", "小马今天跟我说想家了").studentIds()).containsExactly("S7");
        assertThat(read("T1", "翁佳怡作文写家里那匹刚下的小马驹，写得真好").studentIds()).containsExactly("S1");
        assertThat(read("T2", "何佳琪画的小松鼠贼像，表扬了她").studentIds()).containsExactly("S4");
        assertThat(read("T2", "小松来办公室问我题").studentIds()).containsExactly("S8");
    }
}
