package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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

/**
 * Stage assessments (阶段评估) as a mentor makes them in chat: drafted per area from the period's records, levels
 * and sentences set in plain words, the feedback sent to the family through the relay (kind words and the mentor's
 * sentences only), the parent's reply a parent contact; kept per stage, shown on the growth file and in the class
 * head's digest, read into the year-end review. The school sets 期中评估 on Monday 16 March 2026; now is Tuesday
 * 10 March, 15:00. 李华 (S02, father P02, a student account of her own) and 张小明 (S01) are 刘洋's (T01) mentees in
 * 高二(1)班, headed by 孙丽 (T02).
 */
@ChatTest
@Import(SchoolDayClock.class)
@TestPropertySource(properties = {"mentorbot.school.assessments[0].name=期中评估", "mentorbot.school.assessments[0].on=2026-03-16",
        "mentorbot.school.duties.student-reports=true"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StageAssessmentTest {
    static final ZonedDateTime TUESDAY = SchoolDayClock.TUESDAY_AFTERNOON;

    @Autowired
    FakeChat chat;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SlotScheduler scheduler;
    @Autowired
    WebApplicationContext web;

    @BeforeEach
    void tuesday() {
        clock.set(TUESDAY);
        jdbc.sql("insert into student_account (school_id, student_id, since) values ('main', 'S02', now()) on conflict do nothing").update();
    }

    String page(String answer, String path) throws Exception {
        Matcher link = Pattern.compile("(" + Pattern.quote(path) + "\\S+)").matcher(answer);
        assertThat(link.find()).as(answer).isTrue();
        MockMvc pages = MockMvcBuilders.webAppContextSetup(web).build();
        MockHttpServletResponse page = pages.perform(get(URI.create(link.group(1)))).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        return page.getContentAsString(StandardCharsets.UTF_8);
    }

    long assessmentsOf(String studentId) {
        return jdbc.sql("select count(*) from stage_assessment where student_id = ?").param(studentId).query(Long.class).single();
    }

    /** 刘洋 assesses 李华 and sends it home (the transcript of the first test, shortened). */
    void assessLiHua(FakeChat.Phone liu) throws InterruptedException {
        if (assessmentsOf("S02") > 0) return;
        liu.ask("今天和李华单独谈心，她说数学越来越跟不上，有点焦虑");
        liu.ask("给李华做阶段评估");
        liu.ask("学业改成一般");
        liu.ask("发给家长");
        assertThat(liu.ask("确认")).startsWith("已保存 李华 的阶段评估");
    }

    @Test
    @Order(1)
    void anAssessmentDraftedFromTheRecordsIsSetSentToTheParentAndTheParentsReplyIsAParentContact() throws Exception {
        try (FakeChat.Phone liu = chat.as("T01"); FakeChat.Phone father = chat.as("P02"); FakeChat.Phone lihua = chat.as("S02")) {
            assertThat(liu.ask("今天和李华单独谈心，她说数学越来越跟不上，有点焦虑")).startsWith("已记录");
            assertThat(liu.ask("和李华、王子轩一起聊了选科的想法")).startsWith("已记录");

            String draft = liu.ask("给李华做阶段评估");
            assertThat(draft).startsWith("根据本阶段（期中评估，").contains("关于 李华 的 2 条记录")
                    .contains("1. 思想表现：", "2. 学业成绩：需关注。本阶段1条记录（3月10日）提到学业，其中1条标记学业困难",
                            "3. 心理状态：较好。本阶段1条记录（3月10日）提到心理", "4. 生活习惯：较好。本阶段没有记录提到生活", "发给家长：还没选");

            assertThat(liu.ask("学业改成一般")).contains("2. 学业成绩：一般。");
            assertThat(liu.ask("心理：和王子轩聊过之后，最近情绪稳定多了")).contains("你的话：和王子轩聊过之后，最近情绪稳定多了");
            assertThat(liu.ask("思想表现改成好")).contains("1. 思想表现：好。");
            String preview = liu.ask("发给家长");
            assertThat(preview).contains("确认后把下面这段发给 李华 的家长", "学业成绩还有进步的空间", "最近情绪稳定多了")
                    .doesNotContain("王子轩", "跟不上");

            String saved = liu.ask("确认");
            assertThat(saved).startsWith("已保存 李华 的阶段评估（期中评估）：思想好、学业一般、心理较好、生活较好。已发给家长")
                    .doesNotContain("改李华的计划");

            String home = father.pushContaining("本阶段（期中评估）");
            assertThat(home).startsWith("刘洋老师（").contains("李华家长您好", "思想表现很好", "学业成绩还有进步的空间",
                    "心理状态不错", "老师想说：和同学聊过之后，最近情绪稳定多了");
            assertThat(home).as("no other student, no note, no counts of records")
                    .doesNotContain("王子轩", "子轩", "张小明", "跟不上", "焦虑", "选科", "条记录", "标记");
            String own = lihua.pushContaining("本阶段（期中评估）");
            assertThat(own).as("the student with an account reads it too").startsWith("刘洋老师：李华，这是你本阶段（期中评估）的小结")
                    .contains("学业成绩还有进步的空间").doesNotContain("王子轩", "跟不上", "条记录");
        }
        clock.set(TUESDAY.plusDays(1).withHour(9));
        try (FakeChat.Phone father = chat.as("P02"); FakeChat.Phone liu = chat.as("T01")) {
            father.say("谢谢老师，我们在家也多鼓励她");
            assertThat(father.reply()).contains("已转达");
            assertThat(liu.pushContaining("多鼓励她")).startsWith("李华爸爸：");
        }
        Map<String, Object> contact = jdbc.sql("select r.kind, r.channel, r.author_id, r.event_date::text as day from relay_message m "
                + "join record r on r.id = m.record_id where m.parent_id = 'P02' and m.direction = 'TO_MENTOR' order by m.sent_at desc limit 1")
                .query().singleRow();
        assertThat(contact).as("the parent's reply is the day's parent contact")
                .containsEntry("kind", "PARENT_CONTACT").containsEntry("channel", "ONLINE").containsEntry("author_id", "T01")
                .containsEntry("day", "2026-03-11");
        assertThat(jdbc.sql("select count(*) from relay_message where parent_id = 'P02' and direction = 'TO_PARENT' and record_id is not null")
                .query(Long.class).single()).as("the feedback itself is kept in the relay, as the mentor's message that day").isEqualTo(1);
    }

    @Test
    void anAssessmentKeptInsideTheSchoolGoesNowhereAndOffersToChangeThePlan() throws Exception {
        try (FakeChat.Phone liu = chat.as("T01"); FakeChat.Phone mother = chat.as("P01")) {
            liu.ask("给张小明定个计划");
            assertThat(liu.ask("确认")).startsWith("已保存 张小明 的指导计划");
            assertThat(liu.ask("给张小明做个阶段评估")).contains("关于 张小明 的");
            assertThat(liu.ask("不发")).contains("只留校内");
            assertThat(liu.ask("确认")).contains("只留校内，没有发给家长").contains("要调整张小明的计划吗？说「改张小明的计划」");
            assertThat(mother.quietFor(java.time.Duration.ofMillis(1500))).as("nothing reaches the family").isTrue();
            assertThat(liu.ask("改张小明的计划")).contains("现在的指导计划（第1版）");
            liu.ask("算了");
        }
        assertThat(jdbc.sql("select sent_to_family from stage_assessment where student_id = 'S01'").query(Boolean.class).single()).isFalse();
    }

    @Test
    void aParentOrAnotherTeacherNeverSeesAnAssessmentButTheClassHeadDoes() throws Exception {
        try (FakeChat.Phone liu = chat.as("T01"); FakeChat.Phone father = chat.as("P02"); FakeChat.Phone qian = chat.as("T04");
             FakeChat.Phone sun = chat.as("T02")) {
            assessLiHua(liu);
            assertThat(father.ask("李华的阶段评估")).as("a parent's words are only relayed").doesNotContain("学业", "需关注", "一般");
            assertThat(liu.pushContaining("李华的阶段评估")).startsWith("李华爸爸：");
            assertThat(qian.ask("李华的阶段评估")).startsWith("抱歉").doesNotContain("学业");
            assertThat(qian.ask("给李华做阶段评估")).startsWith("抱歉").doesNotContain("学业");
            assertThat(sun.ask("李华的阶段评估")).startsWith("李华 的阶段评估：").contains("期中评估", "学业一般", "已发给家长");
        }
    }

    @Test
    void theGrowthFileShowsEveryStageAndTheDigestTheLatestLevels() throws Exception {
        try (FakeChat.Phone liu = chat.as("T01"); FakeChat.Phone sun = chat.as("T02")) {
            assessLiHua(liu);
            String growth = page(liu.ask("李华的成长档案"), "/pages/growth/");
            assertThat(growth).contains("<h2>阶段评估</h2>", "<th>学业成绩</th>", "<td>期中评估</td>", "<td>一般</td>", "已发给家长",
                    "<h2>学年总结（草稿）</h2>");
            assertThat(page(liu.ask("王子轩的成长档案"), "/pages/growth/")).contains("还没有阶段评估");

            String digest = page(sun.ask("生成会商材料"), "/pages/digest/");
            assertThat(digest).contains("<th>最近阶段评估</th>", "期中评估：思想", "学业一般", "未评估");
        }
    }

    @Test
    void onTheAssessmentDayEachMentorIsPromptedOnceInAReminderSlot() throws Exception {
        clock.set(ZonedDateTime.parse("2026-03-16T07:31:00+08:00[Asia/Shanghai]"));
        scheduler.runDue(clock.instant());
        clock.set(ZonedDateTime.parse("2026-03-16T16:31:00+08:00[Asia/Shanghai]"));
        scheduler.runDue(clock.instant());
        try (FakeChat.Phone liu = chat.as("T01")) {
            assertThat(liu.pushContaining("期中评估的日子")).contains("李华", "张小明").contains("给");
        }
        assertThat(jdbc.sql("select count(*) from outbox where recipient_id = 'T01' and body like '%期中评估的日子%'").query(Long.class).single())
                .as("one prompt, whatever the slots").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from outbox where recipient_id = 'P02' and body like '%期中评估的日子%'").query(Long.class).single())
                .isZero();
    }

    @Test
    void theYearEndReviewReadsThePlanAndTheAssessments() throws Exception {
        try (FakeChat.Phone liu = chat.as("T01")) {
            assessLiHua(liu);
            liu.ask("给李华定个计划");
            liu.ask("目标改成：数学稳定在及格线以上");
            liu.ask("确认");
            String review = liu.ask("写李华的学年总结");
            assertThat(review).startsWith("学年总结草稿").contains("【李华】", "计划目标：数学稳定在及格线以上", "期中评估 思想", "学业一般",
                    "个别谈话", "家长联系", "学业困难");
            String all = liu.ask("写学年总结");
            assertThat(all).contains("【李华】", "【张小明】");
        }
    }

    @Test
    void onTheSpringTermsSummaryDayEachMentorGetsTheYearEndReviewDrafts() throws Exception {
        clock.set(ZonedDateTime.parse("2026-07-03T07:31:00+08:00[Asia/Shanghai]"));
        scheduler.runDue(clock.instant());
        try (FakeChat.Phone liu = chat.as("T01")) {
            assertThat(liu.pushContaining("学年总结草稿")).contains("【李华】", "【张小明】", "计划目标", "各阶段评估", "个别谈话");
        }
        assertThat(jdbc.sql("select count(*) from outbox where recipient_id = 'T01' and body like '学年总结草稿%'").query(Long.class).single())
                .isEqualTo(1);
    }
}
