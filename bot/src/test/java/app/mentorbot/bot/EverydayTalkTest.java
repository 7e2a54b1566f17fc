package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import app.mentorbot.adapters.api.testing.FakeChat;
import app.mentorbot.bot.testing.ChatTest;
import app.mentorbot.bot.testing.SchoolDayClock;
import app.mentorbot.bot.testing.TestClock;

/**
 * Everyday turns of issue 13: answers to the bot's own questions, corrections, replies to parents.
 * Now is Tuesday 10 March 2026, 15:00 in Shanghai. 刘洋 (T01) mentors 张小明 and 李华; 孙丽 (T02)
 * heads 高二(1)班 and mentors 李娜; 钱芳 (T04) heads 高二(2)班 and mentors 张小敏 (father P17).
 */
@ChatTest
@Import(SchoolDayClock.class)
class EverydayTalkTest {
    static final ZonedDateTime TUESDAY_AFTERNOON = SchoolDayClock.TUESDAY_AFTERNOON;

    @Autowired
    FakeChat chat;
    @Autowired
    TestClock clock;

    @BeforeEach
    void afternoon() {
        clock.set(TUESDAY_AFTERNOON);
    }

    @Test
    void aCorrectionChangesTheRecordJustConfirmedAfterAWhichStudentQuestion() throws Exception {
        try (FakeChat.Phone liu = chat.as("T01")) {
            assertThat(liu.ask("晚自习和张晓明谈了下")).contains("1.");
            clock.advance(Duration.ofMinutes(2));
            assertThat(liu.ask("今天下午和李华单独谈心，聊了学习计划和作息安排")).startsWith("已记录").contains("李华");
            clock.advance(Duration.ofMinutes(2));
            assertThat(liu.ask("1")).startsWith("已记录").contains("张小明");

            String fixed = liu.ask("不对，是昨天");

            assertThat(fixed).startsWith("已更正：3月9日").contains("张小明").doesNotContain("李华");
        }
    }

    @Test
    void aFollowUpSetByCorrectionIsAReminderInMyTasks() throws Exception {
        try (FakeChat.Phone liu = chat.as("T01")) {
            assertThat(liu.ask("今天和王子轩单独谈心")).doesNotContain("跟进提醒");
            assertThat(liu.ask("跟进改到下周五")).contains("跟进提醒：3月20日");

            clock.set(TUESDAY_AFTERNOON.plusDays(6));

            assertThat(liu.ask("我的任务")).contains("3月20日").contains("王子轩");
        }
    }

    @Test
    void notThisOneButThatOneAsTheAnswerToWhichStudentFilesOnlyTheSecond() throws Exception {
        try (FakeChat.Phone sun = chat.as("T02")) {
            assertThat(sun.ask("晚自习和他谈了下")).contains("哪位");

            String filed = sun.ask("不是李华是李娜");

            assertThat(filed).startsWith("已记录").contains("李娜").doesNotContain("李华");
        }
    }

    @Test
    void aSurnameThatFitsSeveralStudentsIsAskedAboutWithNumberedChoices() throws Exception {
        try (FakeChat.Phone sun = chat.as("T02")) {
            String asked = sun.ask("李同学今天上课一直走神");

            assertThat(asked).doesNotStartWith("已记录").contains("1.").contains("2.").contains("李华").contains("李娜");
        }
    }

    @Test
    void aBareReplyGoesToTheOneParentWhoWrote() throws Exception {
        try (FakeChat.Phone father = chat.as("P17"); FakeChat.Phone qian = chat.as("T04")) {
            father.say("钱老师您好，小敏这周的物理作业有点难，想请您看看");
            qian.pushContaining("物理作业");

            assertThat(qian.ask("回复 好的，我明天找她聊聊")).contains("已发送给张小敏爸爸");
            assertThat(father.pushContaining("明天找她聊聊")).contains("好的，我明天找她聊聊");
        }
    }

    @Test
    void aGrowthFileAskedForInAnyOfThreeWaysComesAsItsSignedLink() throws Exception {
        try (FakeChat.Phone liu = chat.as("T01")) {
            for (String asked : new String[] {"李华的成长档案", "李华成长档案", "成长档案 李华"}) {
                assertThat(liu.ask(asked)).startsWith("李华 的成长档案：").contains("/pages/growth/S02?").doesNotContain("已记录");
            }
        }
    }

    @Test
    void aNoteThatMentionsTheGrowthFileIsStillFiled() throws Exception {
        try (FakeChat.Phone liu = chat.as("T01")) {
            assertThat(liu.ask("李华成长档案交了")).startsWith("已记录").doesNotContain("/pages/growth/");
        }
    }

    @Test
    void aGrowthFileIsNotLinkedForSomeoneWhoMayNotReadTheStudent() throws Exception {
        try (FakeChat.Phone qian = chat.as("T04")) {
            assertThat(qian.ask("李华的成长档案")).startsWith("抱歉").doesNotContain("/pages/growth/");
        }
    }

    @Test
    void aWeeklyReminderIsConfirmedAsWeeklyAndReadsAsWhatToDo() throws Exception {
        try (FakeChat.Phone zhao = chat.as("T03")) {
            String weekly = zhao.ask("每周五下午提醒我交导师工作总结");

            assertThat(weekly).contains("每周五提醒你：交导师工作总结").doesNotContain("提醒我");
        }
    }

    @Test
    void aReminderRepeatsWhatToDoWithoutTheRequestWords() throws Exception {
        try (FakeChat.Phone zhao = chat.as("T03")) {
            assertThat(zhao.ask("明天下午提醒我交导师工作总结")).isEqualTo("好的，3月11日（周三）（\"明天\"）提醒你：交导师工作总结。回复「撤销」可撤回。");
            assertThat(zhao.ask("我的任务")).contains("提醒：交导师工作总结").doesNotContain("提醒我");
        }
    }

    @Test
    void theMentorReadsThatASafetyAlertWentToTheClassHead() throws Exception {
        try (FakeChat.Phone liu = chat.as("T01"); FakeChat.Phone sun = chat.as("T02")) {
            String filed = liu.ask("王子轩被高年级同学打了，脸上有伤");

            assertThat(filed).contains("已同时告知班主任孙丽老师").doesNotContain("李华");
            assertThat(sun.pushContaining("王子轩")).startsWith("【紧急】");
        }
    }

    @Test
    void onThursdayTheWeeksGroupTalkIsNotOverdueAndOnlyNearDeadlinesAreDueSoon() throws Exception {
        clock.set(TUESDAY_AFTERNOON.plusDays(2));
        try (FakeChat.Phone zhao = chat.as("T03")) {
            String tasks = zhao.ask("我的任务");

            assertThat(tasks).contains("本周集体交流").contains("3月13日").doesNotContain("已逾期（3月13日前）");
            assertOnlyNearDeadlinesAreDueSoon(tasks, LocalDate.of(2026, 3, 12));
        }
    }

    @Test
    void aDeadlineSevenWeeksAwayIsNotCalledDueSoon() throws Exception {
        clock.set(ZonedDateTime.parse("2026-05-07T16:00:00+08:00[Asia/Shanghai]"));
        try (FakeChat.Phone zhao = chat.as("T03")) {
            String tasks = zhao.ask("我的任务");

            assertThat(tasks).contains("家长联系");
            assertOnlyNearDeadlinesAreDueSoon(tasks, LocalDate.of(2026, 5, 7));
        }
    }

    static void assertOnlyNearDeadlinesAreDueSoon(String tasks, LocalDate today) {
        Matcher soon = Pattern.compile("即将到期（(\\d+)月(\\d+)日前）").matcher(tasks);
        while (soon.find()) {
            LocalDate due = LocalDate.of(today.getYear(), Integer.parseInt(soon.group(1)), Integer.parseInt(soon.group(2)));
            assertThat(due).as(tasks).isBeforeOrEqualTo(today.plusDays(7));
        }
    }

    @Test
    void aClassHeadSettingTheConferenceDateReadsTheClassTheDayAndWhenTheDigestComes() throws Exception {
        clock.set(ZonedDateTime.parse("2026-12-02T16:00:00+08:00[Asia/Shanghai]"));
        try (FakeChat.Phone qian = chat.as("T04")) {
            String set = qian.ask("这个月的学情会商定在12月24日下午");

            assertThat(set).startsWith("已定：高二(2)班 学情会商在 12月24日（周四）")
                    .contains("会商材料会在 12月22日（周二）发给你").doesNotContain("提醒你");
        }
    }
}
