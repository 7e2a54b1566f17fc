package app.mentorbot.conversations.understanding;

import static app.mentorbot.conversations.understanding.NoteReaderTest.READER;
import static app.mentorbot.conversations.understanding.NoteReaderTest.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * The note's clock against the parts of the day it names (docs/notes.md, "Time"). A part of the day still to come when
 * the note is written, after a report, is the follow-up when the teacher acts in it or someone comes to the school in
 * it; the same words written after it tell what was done. A part already begun that opens the exchange's sentence
 * dates the exchange today, whatever day the story before it named.
 * Written on Wednesday 15 April 2026 at the times given, on the reader test's roster.
 */
class PartsOfTheDayTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 4, 15);

    private static Note readAt(String time, String text) {
        return READER.read("M1", text, at("2026-04-15T" + time + ":00+08:00"));
    }

    @Test
    void aStepThisAfternoonWrittenAtNoonIsTodaysFollowUpAndWrittenAtNightIsNot() {
        String note = "吴天明中午给我打电话，说宿舍两个人天天使唤他洗衣服，不去就把他被子扔到走廊上。下午我去宿舍找宿管。";
        assertThat(readAt("12:30", note).followUp()).isEqualTo(TODAY);
        assertThat(readAt("20:10", note).followUp()).isNull();
    }

    @Test
    void theTeacherGoingWithAColleagueOrKeepingTheStudentBackPlansToo() {
        assertThat(readAt("12:30", "中午把吴天明叫到办公室，他说他爸喝多了拽着他往墙上撞。已经报了学校，下午跟校长一块去他家。").followUp())
                .isEqualTo(TODAY);
        assertThat(readAt("12:30", "吴天明今天又没交英语作业，上课一直在睡觉，下午放学留他下来").followUp()).isEqualTo(TODAY);
        assertThat(readAt("07:40", "吴天明把漫画书给了我，说以后用不着了。先把他留在办公室，上午大课间我陪他去心理室").followUp())
                .isEqualTo(TODAY);
        // the students one by one (分别找) after the time are the teacher's step too
        assertThat(readAt("12:30", "上午大课间找许诗涵聊了，她讲是吴天明和周一鸣带头的。下午分别找吴天明和周一鸣。").followUp()).isEqualTo(TODAY);
    }

    @Test
    void theTeacherOpeningTheClauseIsTheOneActingAfterAnotherPersonsWords() {
        // dictated, one sentence: the student's words before do not make the teacher's step theirs
        assertThat(readAt("13:00", "中午找吴天明聊了 宿舍里两个人不跟他讲话 他讲这一个礼拜都是一个人吃饭 我下午找宿管").followUp()).isEqualTo(TODAY);
    }

    @Test
    void aNoteThatIsOnlyTheTeachersStepLaterTodayIsAPlanForToday() {
        Note plan = readAt("13:40", "下午给吴天明调寝室，跟宿管说一声");
        assertThat(plan.kind()).isEqualTo(Kind.REMINDER);
        assertThat(plan.followUp()).isEqualTo(TODAY);
        // even when the step names what the student's state is about (心理室)
        assertThat(readAt("12:40", "下午第二节课后带吴天明去心理室").kind()).isEqualTo(Kind.REMINDER);
        // 过 that spends time (寒假去哪过) tells nothing done
        assertThat(readAt("08:10", "下午找吴天明聊聊寒假去哪过").kind()).isEqualTo(Kind.REMINDER);
        // written in the evening, the afternoon's step is no plan for today
        assertThat(readAt("20:10", "下午给吴天明调寝室，跟宿管说一声").followUp()).isNull();
    }

    @Test
    void aGuardianComingToTheSchoolLaterTodayIsTodaysFollowUp() {
        assertThat(readAt("07:50", "一早给吴天明妈妈打电话，说了他往外送东西的事。她说今天下午请假来学校一趟。").followUp()).isEqualTo(TODAY);
        assertThat(readAt("07:50", "一早给吴天明妈妈打电话，说了他往外送东西的事。她说今天下午就过来。").followUp()).isEqualTo(TODAY);
    }

    @Test
    void whatWasToldOrDoneOrWhatTheStudentDoesIsNoFollowUp() {
        // the talk is followed by what the student said: it has happened
        assertThat(readAt("12:40", "大课间吴天明跟人推搡起来了，嘴角破了。中午找他谈，他说那人先骂的他。").followUp()).isNull();
        // done: 了, 完
        assertThat(readAt("10:00", "药已经收走了。吴天明爸爸上午来学校，面谈完决定先接回家休息几天。").followUp()).isNull();
        assertThat(readAt("12:30", "吴天明中午给我打电话，说宿舍的人欺负他。下午我去宿舍找了宿管。").followUp()).isNull();
        // the teacher is the one called, not the one acting
        assertThat(readAt("12:30", "吴天明体检过了，晚上给我打电话，高兴得很。").followUp()).isNull();
    }

    @Test
    void anExchangeInAPartOfTodayAlreadyBegunIsTodaysWhateverDayTheStoryNamed() {
        String note = "吴天明找到了，昨天半夜在火车站候车室，保安看他一个人坐着报的警。早上我去派出所把他接回来，路上他讲就是想去广州找他爸。";
        assertThat(readAt("07:40", note).date()).isEqualTo(TODAY);
        // the part of the day inside the exchange's clause, after who acts
        assertThat(readAt("09:00", "吴天明昨晚一点多自己回家了，之前一直在小区门口的便利店里坐着。他爸早上发微信说爷俩已经好好谈过了。").date())
                .isEqualTo(TODAY);
        // 晚上 at 07:40 has not begun today: that evening was yesterday's
        String evening = "吴天明昨天下午没来上课。晚上我去他家，他讲不想上学了。";
        assertThat(readAt("07:40", evening).date()).isEqualTo(TODAY.minusDays(1));
    }
}
