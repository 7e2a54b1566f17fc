package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.adapters.api.testing.FakeChat;
import app.mentorbot.bot.settings.BotSettings;
import app.mentorbot.bot.testing.ChatTest;
import app.mentorbot.bot.testing.SchoolDayClock;
import app.mentorbot.conversations.roster.RosterStore;

/**
 * A class's case conference (学情会商) is its class head's: decisions, the conference date and the digest,
 * each for their own class only (an admin's for any class). A class head asking for another class's is
 * answered kindly and nothing changes. Demo school: 孙丽 (T02) heads 高二(1)班 (张小明, 黄佳怡, mentor 刘洋);
 * 钱芳 (T04) heads 高二(2)班 and mentors 张小敏 there; 周敏 (T05) is the admin; 刘洋 (T01) heads no class.
 * Now is Tuesday 10 March 2026, 15:00.
 */
@ChatTest
@Import(SchoolDayClock.class)
class ConferenceOwnClassTest {

    @Autowired
    FakeChat chat;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RosterStore rosters;
    @Autowired
    BotSettings settings;

    @BeforeEach
    void noConferenceYet() {
        jdbc.sql("delete from reminder").update();
        jdbc.sql("delete from conference_decision").update();
        jdbc.sql("delete from conference_date").update();
        jdbc.sql("delete from duty_done").update();
    }

    String say(String who, String text) throws Exception {
        return chat.as(who).ask(text);
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    long decisions() {
        return count("select count(*) from conference_decision");
    }

    long decisionReminders() {
        return count("select count(*) from reminder where kind = 'DECISION'");
    }

    boolean conferenceDone(String classId) {
        return count("select count(*) from duty_done where duty = 'CASE_CONFERENCE' and subject = '" + classId + "'") > 0;
    }

    List<String> conferenceDates() {
        return jdbc.sql("select class_id || ' ' || held_on from conference_date order by class_id").query(String.class).list();
    }

    long recordsBy(String author) {
        return count("select count(*) from record where author_id = '" + author + "' and deleted_at is null");
    }

    // ---------------------------------------------------------------- decisions

    @Test
    void aClassHeadsDecisionAboutAnotherClassesStudentIsRefusedKindlyAndSetsNoReminderAndLeavesThatConferenceOpen() throws Exception {
        String answer = say("T02", "会商决定：张小敏每周谈话一次，联系心理老师");

        assertThat(answer).startsWith("抱歉").contains("张小敏", "高二(2)班", "班主任", "没有记录").doesNotContain("已记录会商决定");
        assertThat(decisions()).isZero();
        assertThat(decisionReminders()).isZero();
        assertThat(conferenceDone("C22")).isFalse();
        assertThat(say("T04", "我的任务")).contains("高二(2)班 学情会商").doesNotContain("学情会商：已完成").doesNotContain("会商决定");
    }

    @Test
    void aClassHeadWhoMentorsAStudentOfAnotherClassStillLeavesTheDecisionToThatClasssConference() throws Exception {
        jdbc.sql("update student set mentor_id = 'T04' where id = 'S01'").update();   // 钱芳 heads 高二(2)班, mentors 张小明 of 高二(1)班
        rosters.forget(settings.schoolId());
        try {
            String answer = say("T04", "会商决定：张小明每周谈话一次");

            assertThat(answer).startsWith("抱歉").contains("张小明", "高二(1)班", "没有记录").doesNotContain("已记录会商决定");
            assertThat(decisions()).isZero();
            assertThat(decisionReminders()).isZero();
            assertThat(conferenceDone("C21")).isFalse();
        } finally {
            jdbc.sql("update student set mentor_id = 'T01' where id = 'S01'").update();
            rosters.forget(settings.schoolId());
        }
    }

    @Test
    void aClassHeadsDecisionAboutTheirOwnStudentSetsRemindersForTheMentorAndMarksTheirConferenceDone() throws Exception {
        assertThat(say("T02", "会商决定：黄佳怡每周谈话一次，联系心理老师")).startsWith("已记录会商决定").contains("刘洋", "2 条提醒");

        assertThat(jdbc.sql("select class_id || ':' || owner_id from conference_decision").query(String.class).list()).containsExactly("C21:T01");
        assertThat(decisionReminders()).isEqualTo(2);
        assertThat(conferenceDone("C21")).isTrue();
        assertThat(conferenceDone("C22")).isFalse();
    }

    @Test
    void anAdminMayRecordADecisionForAnyClass() throws Exception {
        assertThat(say("T05", "会商决定：张小敏每周谈话一次")).startsWith("已记录会商决定").contains("钱芳");

        assertThat(jdbc.sql("select class_id || ':' || owner_id from conference_decision").query(String.class).list()).containsExactly("C22:T04");
        assertThat(conferenceDone("C22")).isTrue();
    }

    @Test
    void aDecisionAboutStudentsOfTwoClassesIsNotSplitSilently() throws Exception {
        assertThat(say("T05", "会商决定：张小明、张小敏每周谈话一次")).contains("高二(1)班", "高二(2)班", "没有记录");

        assertThat(decisions()).isZero();
        assertThat(decisionReminders()).isZero();
    }

    @Test
    void aTeacherWhoHeadsNoClassIsToldTheDecisionIsTheClassHeadsToRecord() throws Exception {
        assertThat(say("T01", "会商决定：张小明每周谈话一次")).isEqualTo("这项需要班主任来做。你目前不是班主任。");

        assertThat(decisions()).isZero();
        assertThat(decisionReminders()).isZero();
    }

    // ---------------------------------------------------------------- conference dates

    @Test
    void aClassHeadSettingAnotherClassesConferenceDateIsRefusedAndNothingIsSetOrFiled() throws Exception {
        long before = recordsBy("T02");

        String answer = say("T02", "高二(2)班这个月的学情会商定在3月27日下午");

        assertThat(answer).startsWith("抱歉").contains("高二(2)班", "班主任", "没有记录").doesNotContain("已记录");
        assertThat(conferenceDates()).isEmpty();
        assertThat(recordsBy("T02")).isEqualTo(before);
    }

    @Test
    void aClassHeadSetsTheConferenceDateOfTheirOwnClassNamedOrNot() throws Exception {
        say("T02", "这个月的学情会商定在3月27日下午");
        assertThat(conferenceDates()).containsExactly("C21 2026-03-27");

        say("T02", "高二（1）班的学情会商定在3月26日下午");
        assertThat(conferenceDates()).containsExactly("C21 2026-03-26");
    }

    @Test
    void anAdminMaySetTheConferenceDateOfAClassTheyName() throws Exception {
        say("T05", "高二(2)班这个月的学情会商定在3月27日下午");

        assertThat(conferenceDates()).containsExactly("C22 2026-03-27");
    }

    // ---------------------------------------------------------------- digests

    @Test
    void aClassHeadAskingForAnotherClassesDigestIsRefusedWithoutALink() throws Exception {
        String answer = say("T02", "给我高二(2)班的会商材料");

        assertThat(answer).startsWith("抱歉").contains("高二(2)班", "班主任").doesNotContain("/pages/digest/");
    }

    @Test
    void aClassHeadGetsTheDigestOfTheirOwnClassAndAnAdminOfTheClassTheyName() throws Exception {
        assertThat(say("T02", "给我会商材料")).contains("高二(1)班 学情会商材料", "/pages/digest/C21?").doesNotContain("/pages/digest/C22");
        assertThat(say("T04", "高二2班的会商材料")).contains("/pages/digest/C22?").doesNotContain("/pages/digest/C21");
        assertThat(say("T05", "看看高二(2)班的会商材料")).contains("/pages/digest/C22?").doesNotContain("/pages/digest/C21");
    }

    @Test
    void aTeacherWhoHeadsNoClassAskingForADigestGetsThePoliteRefusal() throws Exception {
        assertThat(say("T01", "给我高二(1)班的会商材料")).isEqualTo("这项需要班主任来做。你目前不是班主任。");
    }
}
