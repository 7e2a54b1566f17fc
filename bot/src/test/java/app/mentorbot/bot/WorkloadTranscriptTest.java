package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import app.mentorbot.adapters.api.testing.FakeChat;
import app.mentorbot.bot.schedule.SlotScheduler;
import app.mentorbot.bot.testing.ChatTest;
import app.mentorbot.bot.testing.SchoolDayClock;
import app.mentorbot.bot.testing.TestClock;
import app.mentorbot.conversations.leadership.Workload;
import app.mentorbot.conversations.leadership.WorkloadBuilder;
import app.mentorbot.conversations.leadership.WorkloadItem;

/**
 * A term of mentoring told to the bot in chat, and the workload page (工作量) counting it, column by column. 刘洋
 * (T01) mentors 张小明, 李华, 王子轩, 陈思雨, 杨帆, 黄佳怡, 赵磊 and 周文 in 高二(1)班, headed by 孙丽 (T02). The
 * spring term began on Tuesday 24 February 2026 (config/calendar.yml); the school's stage assessment 期中评估 is
 * on 16 March. Everything starts on Tuesday 10 March, 15:00, and the page is read on Wednesday 18 March.
 */
@ChatTest
@Import(SchoolDayClock.class)
@TestPropertySource(properties = {"mentorbot.school.assessments[0].name=期中评估", "mentorbot.school.assessments[0].on=2026-03-16"})
class WorkloadTranscriptTest {
    private static final Pattern DONE = Pattern.compile("(\\d+) 条提醒已标记完成");

    @Autowired
    FakeChat chat;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SlotScheduler scheduler;
    @Autowired
    WorkloadBuilder workload;
    @Autowired
    WebApplicationContext web;

    @Test
    void everyWorkloadFigureOfATeacherIsWhatTheyToldTheBotAndEachLinksToExactlyThoseRecords() throws Exception {
        int late, onTime;
        try (FakeChat.Phone liu = chat.as("T01"); FakeChat.Phone sun = chat.as("T02")) {
            assertThat(liu.ask("今天和张小明单独谈心，聊了学习计划，下周三再跟进")).startsWith("已记录");
            assertThat(liu.ask("今天和李华单独谈心，聊了数学")).startsWith("已记录");
            assertThat(liu.ask("和李华、王子轩一起聊了选科的想法")).startsWith("已记录");
            assertThat(liu.ask("给李华爸爸打了电话，聊了期中考试")).startsWith("已记录");
            assertThat(liu.ask("今天去陈思雨家家访，和她妈妈聊了在家的学习安排")).startsWith("已记录");
            assertThat(liu.ask("王子轩这两天情绪很低落，晚上睡不好")).startsWith("已记录");
            assertThat(liu.ask("晚上和王子轩单独谈心，他说已经好多了")).startsWith("已记录");
            assertThat(liu.ask("提醒我明天整理选科材料")).contains("提醒");

            liu.ask("给李华定个计划");
            assertThat(liu.ask("确认")).startsWith("已保存 李华 的指导计划");
            liu.ask("给李华做阶段评估");
            liu.ask("发给家长");
            assertThat(liu.ask("确认")).startsWith("已保存 李华 的阶段评估");

            assertThat(sun.ask("会商决定：王子轩请导师再找他谈一次")).startsWith("已记录会商决定");

            // Wednesday's reminders (the reminder, the decision, the day's duty nudges) answered on Thursday: late
            clock.set(ZonedDateTime.parse("2026-03-11T07:31:00+08:00[Asia/Shanghai]"));
            scheduler.runDue(clock.instant());
            liu.pushContaining("选科材料");
            clock.set(ZonedDateTime.parse("2026-03-12T09:00:00+08:00[Asia/Shanghai]"));
            late = doneCount(liu.ask("完成"));
            // the follow-up on Wednesday 18 March, answered the same morning: on time
            clock.set(ZonedDateTime.parse("2026-03-18T07:31:00+08:00[Asia/Shanghai]"));
            scheduler.runDue(clock.instant());
            liu.pushContaining("张小明");
            clock.set(ZonedDateTime.parse("2026-03-18T09:00:00+08:00[Asia/Shanghai]"));
            onTime = doneCount(liu.ask("完成"));
        }
        assertThat(late).as("the reminder and the decision at least").isGreaterThanOrEqualTo(2);
        assertThat(onTime).as("the follow-up at least").isGreaterThanOrEqualTo(1);
        assertThat(flagsOfRecordsAbout("S03")).as("the low mood was flagged, the talk after it was not").containsExactly("{PSYCH}", "{}");
        assertThat(jdbc.sql("select channel from record where author_id = 'T01' and kind = 'PARENT_CONTACT' order by id").query(String.class).list())
                .as("a call, a home visit, and the assessment sent to the family").containsExactly("PHONE", "HOME_VISIT", "ONLINE");
        String owner = jdbc.sql("select owner_id from conference_decision").query(String.class).single();
        assertThat(owner).as("王子轩's mentor carries the decision out").isEqualTo("T01");

        LocalDate today = LocalDate.of(2026, 3, 18);
        Workload.Period term = workload.term("main", today);
        assertThat(term.from()).isEqualTo(LocalDate.of(2026, 2, 24));
        Workload w = workload.build("main", term, today);
        Workload.Line liu = w.lines().stream().filter(l -> l.teacherId().equals("T01")).findFirst().orElseThrow();
        Map<WorkloadItem, Integer> expected = Map.ofEntries(
                Map.entry(WorkloadItem.MENTEES, 8),
                Map.entry(WorkloadItem.INDIVIDUAL_TALKS, 3),       // 张小明, 李华, 王子轩
                Map.entry(WorkloadItem.GROUP_TALKS, 1),            // 李华 and 王子轩 together
                Map.entry(WorkloadItem.PARENT_CONTACTS, 2),        // the call to 李华's father, and her assessment sent home
                Map.entry(WorkloadItem.HOME_VISITS, 1),            // 陈思雨's home
                Map.entry(WorkloadItem.CONFERENCES, 1),            // 高二(1)班's March conference, whose decision 刘洋 owns
                Map.entry(WorkloadItem.REMINDERS_ON_TIME, onTime),
                Map.entry(WorkloadItem.REMINDERS_LATE, late),
                Map.entry(WorkloadItem.PLANS, 1),
                Map.entry(WorkloadItem.ASSESSMENTS, 1),
                Map.entry(WorkloadItem.FOLLOW_UPS_CLOSED, 2),      // the decision and the follow-up about 张小明
                Map.entry(WorkloadItem.FLAGS_CLEARED, 1),          // 王子轩: the latest record about him has no flag
                Map.entry(WorkloadItem.OVERDUE_STREAKS, 5));       // the five mentees not talked to alone in 14 counting days
        assertThat(liu.counts()).isEqualTo(expected);
        double score = 0;
        for (WorkloadItem i : WorkloadItem.values()) score += expected.get(i) * w.rules().weight(i);
        assertThat(liu.score()).isEqualTo(Math.round(score * 100) / 100.0);

        Workload.Line sun = w.lines().stream().filter(l -> l.teacherId().equals("T02")).findFirst().orElseThrow();
        assertThat(sun.count(WorkloadItem.CONFERENCES)).as("the class head of 高二(1)班").isEqualTo(1);
        assertThat(sun.count(WorkloadItem.INDIVIDUAL_TALKS)).isZero();

        // the same numbers on the page 刘洋 opens from the chat, each linking to as many rows as it counts
        String link;
        try (FakeChat.Phone phone = chat.as("T01")) {
            link = phone.ask("我的工作量");
        }
        String page = page(link);
        assertThat(page).contains("刘洋 育人工作量统计", "统计期间：2月24日 至 3月18日", "提醒按时完成", "本人记录的家访，每次").doesNotContain("孙丽");
        for (WorkloadItem i : WorkloadItem.values()) {
            int n = expected.get(i);
            Matcher behind = Pattern.compile("<a href=\"([^\"]*item=" + i.key() + "[^\"]*)\">" + n + "</a>").matcher(page);
            assertThat(behind.find()).as(i.key() + " links its count " + n).isTrue();
            String rows = page(behind.group(1).replace("&amp;", "&"));
            assertThat(rows).as(i.key()).contains("共 " + n + " 项");
            assertThat(rows.split("<tr>").length - 2).as(i.key() + " rows").isEqualTo(n);
        }
    }

    private static int doneCount(String reply) {
        Matcher m = DONE.matcher(reply);
        assertThat(m.find()).as(reply).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private java.util.List<String> flagsOfRecordsAbout(String studentId) {
        return jdbc.sql("select r.flags::text from record r join record_student s on s.record_id = r.id where s.student_id = ? "
                + "and r.kind <> 'TALK' or (s.student_id = ? and r.talk_type = 'INDIVIDUAL') order by r.id")
                .params(studentId, studentId).query(String.class).list();
    }

    private String page(String text) throws Exception {
        Matcher link = Pattern.compile("(/pages/\\S+)").matcher(text);
        assertThat(link.find()).as(text).isTrue();
        MockMvc pages = MockMvcBuilders.webAppContextSetup(web).build();
        MockHttpServletResponse page = pages.perform(get(URI.create(link.group(1)))).andReturn().getResponse();
        assertThat(page.getStatus()).as(link.group(1)).isEqualTo(200);
        return page.getContentAsString(StandardCharsets.UTF_8);
    }
}
