package app.mentorbot.conversations.understanding;

import static app.mentorbot.conversations.understanding.NoteReaderTest.rulesKind;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Who a talk word belongs to (docs/notes.md), read by the kind rules alone on masked notes; written on Wednesday 15 April
 * 2026.
 */
class OfficialsRumoursAndOverheardWordsTest {
    @Test
    void aSchoolOfficialsAccountOfTheirOwnTalkIsHeard() {
        String director = "政教处调了宿舍楼道的监控,半夜去要钱的是□□□和□□。王主任说两个人都叫去谈过了,钱先退,处分学校开会再定。";
        assertThat(rulesKind(director, 20, 0)).isEqualTo(Kind.OBSERVATION);
        // the teacher's own talk after it is still a talk
        assertThat(rulesKind("王主任说两个人都叫去谈过了。下午我又找□□谈了一次。", 20, 0)).isEqualTo(Kind.TALK);
    }

    @Test
    void aRumourHeardAfterTheStudentCameToClassIsNoWordToTheTeacher() {
        assertThat(rulesKind("□□鼻子上贴着纱布来上的生物课,听说是让人打的?", 20, 0)).isEqualTo(Kind.OBSERVATION);
        // the student who came and said it still spoke to the teacher
        assertThat(rulesKind("□□鼻子上贴着纱布来上的生物课,说是打球撞的。", 20, 0)).isEqualTo(Kind.TALK);
    }

    @Test
    void aReadingReportOrWordsOverheardAreNotSaidToTheTeacher() {
        String report = "英语阅读课让他们写读书分享,□□□交的是《活着》,写福贵家里人一个个走了,她讲活着本身就是最要紧的事。";
        assertThat(rulesKind(report, 20, 0)).isEqualTo(Kind.OBSERVATION);
        String overheard = "早读前听见几个小子凑一块议论新闻,说外地有个初中生从楼上跳下去了,□□说换了他才不干那傻事。";
        assertThat(rulesKind(overheard, 8, 0)).isEqualTo(Kind.OBSERVATION);
        // said to the teacher, it is a talk
        assertThat(rulesKind("□□□下课跟我讲活着本身就是最要紧的事。", 20, 0)).isEqualTo(Kind.TALK);
    }
}
