package app.mentorbot.bot.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.mentorbot.bot.testing.BotTest;
import app.mentorbot.bot.testing.ChatClient;
import app.mentorbot.bot.testing.SchoolDayClock;
import app.mentorbot.bot.testing.TestClock;

/**
 * The scheduler on a clock the test moves. The built-in calendar's spring term runs from 24 February
 * 2026; 清明节 is 4–6 April. Reminder slots are 07:30 and 16:30 on school days; the weekly summary
 * goes out Friday 16:30.
 */
@BotTest
@Import(SchoolDayClock.class)
class SchedulerTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("mentorbot.scheduler.initial-delay", () -> "1h"); // the test drives the scheduler itself
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    SlotScheduler scheduler;

    static ZonedDateTime at(String local) {
        return ZonedDateTime.parse(local + "+08:00[Asia/Shanghai]");
    }

    @BeforeEach
    void cleanSlate() {
        jdbc.sql("delete from reminder").update();
        jdbc.sql("delete from relay_message").update();
        jdbc.sql("delete from record").update();
        jdbc.sql("delete from slot_run").update();
        jdbc.sql("delete from outbox where recipient_id is not null").update();
        clock.set(at("2026-03-10T15:00:00"));
    }

    /** Runs the scheduler at a moment, as the tick would. */
    void runAt(String local) {
        clock.set(at(local));
        scheduler.runDue(clock.instant());
    }

    /** Reminder batches only (not summaries or notices). */
    List<String> batchesTo(String person) {
        return pushesTo(person).stream().filter(b -> b.startsWith("今天的提醒") || b.startsWith("提醒（")).toList();
    }

    List<String> pushesTo(String person) {
        return jdbc.sql("select body from outbox where recipient_id = ? order by id").param(person).query(String.class).list();
    }

    void say(String person, String text) throws Exception {
        try (ChatClient c = ChatClient.as(port, person)) {
            c.replyTo(c.say(text));
        }
    }

    @Test
    void aFollowUpFromANoteArrivesInTheMorningSlotOfItsDayAndOnlyOnce() throws Exception {
        say("T01", "今天下午和张小明单独谈心，数学下滑，下周三再跟进");
        runAt("2026-03-17T16:30:00");
        assertThat(batchesTo("T01")).noneMatch(b -> b.contains("跟进：") && b.contains("张小明"));
        runAt("2026-03-18T07:30:00");
        assertThat(batchesTo("T01")).filteredOn(b -> b.contains("跟进：") && b.contains("张小明")).hasSize(1);
        runAt("2026-03-18T07:31:00");
        runAt("2026-03-18T16:30:00");
        assertThat(batchesTo("T01")).filteredOn(b -> b.contains("跟进：") && b.contains("张小明")).hasSize(1);
    }

    @Test
    void answeringDoneSnoozeOrCancelChangesTheBatch() throws Exception {
        say("T03", "提醒我周五之前交导师工作总结");
        runAt("2026-03-13T07:30:00");
        assertThat(pushesTo("T03")).anyMatch(b -> b.startsWith("今天的提醒") && b.contains("交导师工作总结"));
        try (ChatClient zhao = ChatClient.as(port, "T03")) {
            assertThat(zhao.replyTo(zhao.say("明天再提醒"))).contains("3月16日（周一）");
        }
        runAt("2026-03-16T07:30:00");
        assertThat(batchesTo("T03")).filteredOn(b -> b.contains("交导师工作总结")).hasSize(2);
        try (ChatClient zhao = ChatClient.as(port, "T03")) {
            assertThat(zhao.replyTo(zhao.say("完成"))).contains("已标记完成");
        }
        assertThat(jdbc.sql("select status from reminder where text like '%交导师工作总结%'").query(String.class).single()).isEqualTo("DONE");
    }

    @Test
    void nothingIsSentOnHolidaysOrWeekendsAndTheNextSchoolDayCatchesUp() throws Exception {
        say("T02", "提醒我4月4号交成长档案");
        runAt("2026-04-04T07:30:00");
        runAt("2026-04-05T16:30:00");
        runAt("2026-04-06T16:30:00");
        assertThat(batchesTo("T02")).noneMatch(b -> b.contains("成长档案"));
        runAt("2026-04-07T07:30:00");
        assertThat(batchesTo("T02")).filteredOn(b -> b.contains("成长档案")).singleElement()
                .satisfies(b -> assertThat(b).contains("含之前没送达的").contains("原定 4月4日"));
    }

    @Test
    void aBotThatWasDownForDaysSendsOneCatchUpMessageNotABurst() throws Exception {
        say("T04", "提醒我3月11号找孙浩聊聊");
        say("T04", "提醒我3月12号给张小敏家长打电话");
        say("T04", "提醒我3月13号交周报");
        // down from Wednesday morning to Friday evening
        runAt("2026-03-13T18:00:00");
        List<String> batches = batchesTo("T04").stream().filter(b -> b.contains("孙浩")).toList();
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0)).contains("3 条").contains("孙浩").contains("张小敏").contains("周报");
    }

    @Test
    void twoSchedulersOnOneDatabaseSendEachReminderOnce() throws Exception {
        say("T01", "提醒我3月18号开家长会");
        clock.set(at("2026-03-18T07:30:05"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> runs = List.of(
                    pool.submit(() -> { start.await(); scheduler.runDue(clock.instant()); return null; }),
                    pool.submit(() -> { start.await(); scheduler.runDue(clock.instant()); return null; }));
            start.countDown();
            for (Future<?> f : runs) f.get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(batchesTo("T01")).filteredOn(b -> b.contains("开家长会")).hasSize(1);
        assertThat(jdbc.sql("select count(*) from slot_run where job = 'reminders'").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aCrashBetweenWritingTheMessageAndMarkingItSentLosesNothingAndDuplicatesNothing() throws Exception {
        say("T01", "提醒我3月19号交作业分析");
        clock.set(at("2026-03-19T07:30:00"));
        java.time.Instant slot = clock.instant();
        assertThatThrownBy(() -> scheduler.claim("main", "reminders", slot, () -> {
            scheduler.deliverReminders("main", slot, java.time.LocalDate.parse("2026-03-19"));
            throw new IllegalStateException("the process dies here");
        })).hasMessageContaining("dies");
        assertThat(batchesTo("T01")).noneMatch(b -> b.contains("作业分析"));
        assertThat(jdbc.sql("select status from reminder where text like '%作业分析%'").query(String.class).single()).isEqualTo("PENDING");

        scheduler.runDue(clock.instant());
        scheduler.runDue(clock.instant());
        assertThat(batchesTo("T01")).filteredOn(b -> b.contains("作业分析")).hasSize(1);
    }

    @Test
    void aWeeklyReminderComesBackEveryWeek() throws Exception {
        say("T03", "每周五下午提醒我集体交流");
        runAt("2026-03-13T07:30:00");
        runAt("2026-03-20T07:30:00");
        runAt("2026-03-27T07:30:00");
        assertThat(batchesTo("T03")).filteredOn(b -> b.contains("集体交流")).hasSize(3);
    }

    @Test
    void overdueDutiesBecomeNudgesOncePerWeek() throws Exception {
        runAt("2026-03-16T07:30:00");
        runAt("2026-03-17T07:30:00");
        List<String> nudges = batchesTo("T04");
        assertThat(nudges).anyMatch(b -> b.contains("孙浩") && b.contains("单独谈话"));
        assertThat(jdbc.sql("select count(*) from reminder where kind = 'DUTY' and person_id = 'T04' and text like '孙浩%单独谈话%'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void everyMentorGetsAShortWeeklySummaryOnFridayAfternoon() throws Exception {
        clock.set(at("2026-03-09T10:00:00"));
        say("T01", "今天和张小明单独谈心，聊了数学学习");
        say("T01", "今天和王子轩、陈思雨、杨帆一起聊了选科");
        say("T01", "黄佳怡这两天情绪很低落，需要重点关注");
        runAt("2026-03-13T16:30:00");
        String summary = pushesTo("T01").stream().filter(b -> b.startsWith("本周小结")).findFirst().orElseThrow();
        assertThat(summary).contains("谈话 2 次（单独 1、集体 1）").contains("学业✓").contains("生涯✓").contains("黄佳怡（心理）");
        assertThat(summary.lines().count()).isLessThanOrEqualTo(12);
        assertThat(pushesTo("T02")).anyMatch(b -> b.startsWith("本周小结"));
        assertThat(pushesTo("T05")).as("no mentees, no summary").noneMatch(b -> b.startsWith("本周小结"));
    }

    @Test
    void theClassHeadGetsTheDigestNoticeTwoSchoolDaysBeforeTheConference() throws Exception {
        say("T02", "这个月的学情会商定在3月27日下午");
        runAt("2026-03-24T07:30:00");
        assertThat(pushesTo("T02")).noneMatch(b -> b.contains("学情会商（"));
        runAt("2026-03-25T07:30:00");
        assertThat(pushesTo("T02")).filteredOn(b -> b.contains("学情会商（3月27日（周五））")).hasSize(1);
        assertThat(pushesTo("T04")).as("the other class meets at the month's end").noneMatch(b -> b.contains("学情会商（"));
    }

    @Test
    void aConferenceDecisionBecomesRemindersForTheStudentsMentor() throws Exception {
        try (ChatClient sun = ChatClient.as(port, "T02")) {
            assertThat(sun.replyTo(sun.say("会商决定：黄佳怡每周谈话一次，联系心理老师"))).contains("刘洋").contains("2 条提醒");
        }
        assertThat(jdbc.sql("select person_id || ':' || coalesce(recurrence, '-') from reminder where kind = 'DECISION' order by id")
                .query(String.class).list()).containsExactly("T01:WEEKLY:3", "T01:-");
        assertThat(jdbc.sql("select count(*) from duty_done where duty = 'CASE_CONFERENCE' and subject = 'C21'").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void twoWeeksAroundQingmingRunSlotsOnSchoolDaysOnly() throws Exception {
        java.time.LocalDate day = java.time.LocalDate.parse("2026-03-30");
        for (int i = 0; i < 14; i++, day = day.plusDays(1)) {
            for (String time : List.of("07:30:00", "12:00:00", "16:30:00", "23:00:00")) runAt(day + "T" + time);
        }
        List<String> days = jdbc.sql("select distinct to_char(slot_at at time zone 'Asia/Shanghai', 'MM-DD') from slot_run "
                + "where job = 'reminders' order by 1").query(String.class).list();
        assertThat(days).containsExactly("03-30", "03-31", "04-01", "04-02", "04-03", "04-07", "04-08", "04-09", "04-10");
        assertThat(jdbc.sql("select count(*) from slot_run where job = 'reminders'").query(Long.class).single()).isEqualTo(18);
        assertThat(jdbc.sql("select to_char(slot_at at time zone 'Asia/Shanghai', 'MM-DD HH24:MI') from slot_run where job = 'weekly-summary' order by 1")
                .query(String.class).list()).containsExactly("04-03 16:30", "04-10 16:30");
        assertThat(jdbc.sql("select count(*) from outbox where recipient_id is not null and created_at::date in ('2026-04-04', '2026-04-05', '2026-04-06')")
                .query(Long.class).single()).as("nothing written on the holiday").isZero();
    }

    @Test
    void myTasksListsWhatIsDueOrOverdue() throws Exception {
        clock.set(at("2026-03-20T10:00:00"));
        try (ChatClient liu = ChatClient.as(port, "T01")) {
            String tasks = liu.replyTo(liu.say("我的任务"));
            assertThat(tasks).startsWith("本学期职责").contains("已逾期").contains("单独谈话");
        }
    }
}
