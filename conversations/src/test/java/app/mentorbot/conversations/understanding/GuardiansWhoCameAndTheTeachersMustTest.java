package app.mentorbot.conversations.understanding;

import static app.mentorbot.conversations.understanding.NoteReaderTest.rulesKind;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Guardians who came or wrote, and the teacher's own must (docs/notes.md), read by the kind rules alone on masked
 * notes; written on Wednesday 15 April 2026.
 */
class GuardiansWhoCameAndTheTeachersMustTest {
    @Test
    void aGuardianWhoBroughtTheStudentBackAndSatInTheOfficeIsAContact() {
        assertThat(rulesKind("晚上□□他爸送他返校,在办公室坐了半个钟头。他爸讲已经约了复查。", 21, 0)).isEqualTo(Kind.PARENT_CONTACT);
        // after a weekday and a time of day too
        assertThat(rulesKind("周五下午□□□她大来接娃娃,在办公室坐了半个钟头,把心理老师的意见跟他说了。", 17, 0)).isEqualTo(Kind.PARENT_CONTACT);
    }

    @Test
    void aGuardianMetByChanceInTheClauseAfterTheirComingIsAContact() {
        String met = "□□这两天感冒发烧,今天下午他妈从油田上赶回来接他回家养两天,在宿舍楼下碰上说了几句。";
        assertThat(rulesKind(met, 18, 0)).isEqualTo(Kind.PARENT_CONTACT);
        // the student met by chance is no guardian
        assertThat(rulesKind("□□这两天感冒发烧,今天下午在宿舍楼下碰上说了几句。", 18, 0)).isNotEqualTo(Kind.PARENT_CONTACT);
    }

    @Test
    void aNorthWesternFatherWhoNamesHimselfInAPastedMessageWrote() {
        String pasted = "「张老师好,我是□□□他大,娃娃高三了,一回家就抱着手机打游戏。」已回复,说下周找他谈。";
        assertThat(rulesKind(pasted, 20, 0)).isEqualTo(Kind.PARENT_CONTACT);
    }

    @Test
    void theTeachersOwnMustOpeningTheNoteIsAPlan() {
        assertThat(rulesKind("今天得找□□□聊聊,月考数学二十九,物理三十三。", 8, 0)).isEqualTo(Kind.REMINDER);
        // after a report the must is the report's follow-up
        assertThat(rulesKind("□□□最近晚上都刷题到两三点,白天上课打瞌睡,今天得找他聊聊。", 8, 0)).isEqualTo(Kind.OBSERVATION);
    }

    @Test
    void aFewCalledInByTheirNumberAndGradeAreATalk() {
        assertThat(rulesKind("下午跟政教处一块把那三个初二的女生叫到一起问了,都承认了。", 18, 0)).isEqualTo(Kind.TALK);
    }
}
