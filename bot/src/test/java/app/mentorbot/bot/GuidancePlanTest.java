package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import app.mentorbot.adapters.api.testing.FakeChat;
import app.mentorbot.bot.testing.ChatTest;
import app.mentorbot.bot.testing.TestClock;
import app.mentorbot.conversations.duties.DutyState;
import app.mentorbot.conversations.duties.Ledger;
import app.mentorbot.conversations.duties.MentorLedger;

/**
 * Guidance plans (指导计划) as a mentor makes them in chat: drafted from the records, changed line by line,
 * confirmed; the ledger then holds the mentor to the plan's pace; the plan shows on the growth file and in
 * the class head's digest, and only to those who may read the student. Now is Tuesday 10 March 2026, 20:30.
 */
@ChatTest
@Import(GuidancePlanTest.Clocks.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GuidancePlanTest {
    static final ZonedDateTime TUESDAY_EVENING = ZonedDateTime.parse("2026-03-10T20:30:00+08:00[Asia/Shanghai]");
    static final LocalDate TODAY = TUESDAY_EVENING.toLocalDate();

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(TUESDAY_EVENING);
        }
    }

    @Autowired
    FakeChat chat;
    @Autowired
    TestClock clock;
    @Autowired
    Ledger ledger;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WebApplicationContext web;

    @BeforeEach
    void tuesdayEvening() {
        clock.set(TUESDAY_EVENING);
    }

    DutyState talkDuty(String studentId, LocalDate day) {
        MentorLedger l = ledger.mentor("main", "T01", day);
        return l.individualTalks().stream().filter(d -> d.subject().equals(studentId)).findFirst().orElseThrow();
    }

    DutyState contactDuty(String studentId, LocalDate day) {
        MentorLedger l = ledger.mentor("main", "T01", day);
        return l.parentContacts().stream().filter(d -> d.subject().equals(studentId)).findFirst().orElseThrow();
    }

    String page(String answer, String path) throws Exception {
        Matcher link = Pattern.compile("(" + Pattern.quote(path) + "\\S+)").matcher(answer);
        assertThat(link.find()).as(answer).isTrue();
        MockMvc pages = MockMvcBuilders.webAppContextSetup(web).build();
        MockHttpServletResponse page = pages.perform(get(URI.create(link.group(1)))).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        return page.getContentAsString(StandardCharsets.UTF_8);
    }

    /** 刘洋 makes a confirmed plan for 李华 with weekly talks (the transcript of the first test, shortened). */
    void planForLiHua(FakeChat.Phone liu) throws InterruptedException {
        if (jdbc.sql("select count(*) from guidance_plan where student_id = 'S02'").query(Long.class).single() > 0) return;
        liu.ask("今天和李华单独谈心，她说数学越来越跟不上，有点焦虑");
        liu.ask("给李华定个计划");
        liu.ask("改成每周谈一次");
        assertThat(liu.ask("确认")).startsWith("已保存 李华 的指导计划");
    }

    @Test
    @Order(1) // the others reuse its plan for 李华, or make one when run alone
    void aPlanDraftedFromTheRecordsAndChangedTwiceIsConfirmedAndMakesTheTalkDueAfterSevenDays() throws Exception {
        try (FakeChat.Phone liu = chat.as("T01")) {
            assertThat(liu.ask("今天和李华单独谈心，她说数学越来越跟不上，有点焦虑")).startsWith("已记录");
            assertThat(talkDuty("S02", TODAY).dueBy()).as("the school's rule: 14 counting days").isEqualTo(LocalDate.of(2026, 3, 24));

            String draft = liu.ask("给李华定个计划");
            assertThat(draft).startsWith("根据本学期关于 李华 的 1 条记录，起了一份指导计划草稿")
                    .contains("1. 目标：", "2. 内容：", "3. 方式：", "4. 时间安排：个别谈话").contains("学业");

            assertThat(liu.ask("目标改成：数学稳定在及格线以上")).contains("1. 目标：数学稳定在及格线以上\n");
            assertThat(liu.ask("内容加上：每周整理错题")).contains("每周整理错题").contains("1. 目标：数学稳定在及格线以上");
            assertThat(liu.ask("每两周谈一次改成每周")).contains("4. 时间安排：个别谈话每周一次");
            assertThat(liu.ask("家长联系改成每月一次")).contains("家长联系本学期 5 次");
            assertThat(talkDuty("S02", TODAY).dueBy()).as("a draft changes nothing").isEqualTo(LocalDate.of(2026, 3, 24));

            assertThat(liu.ask("确认")).startsWith("已保存 李华 的指导计划（第1版，3月10日）").contains("个别谈话每周一次");
            assertThat(talkDuty("S02", TODAY).dueBy()).as("the plan's pace: 7 counting days").isEqualTo(LocalDate.of(2026, 3, 17));
            assertThat(contactDuty("S02", TODAY).needed()).isEqualTo(5);
            assertThat(talkDuty("S01", TODAY).needed()).as("other mentees keep the school's rule").isEqualTo(14);

            clock.set(TUESDAY_EVENING.plusDays(8));
            assertThat(talkDuty("S02", TODAY.plusDays(8)).status()).isEqualTo(DutyState.Status.OVERDUE);
            assertThat(liu.ask("我的任务")).contains("李华");

            assertThat(liu.ask("李华的计划")).startsWith("李华 的指导计划（第1版，3月10日 定）")
                    .contains("数学稳定在及格线以上", "每周整理错题", "个别谈话每周一次");
        }
    }

    @Test
    void changingAConfirmedPlanKeepsTheOldVersionAndAPlanNeverMakesTheRuleLooser() throws Exception {
        try (FakeChat.Phone liu = chat.as("T01")) {
            planForLiHua(liu);
            long before = jdbc.sql("select count(*) from guidance_plan where student_id = 'S02'").query(Long.class).single();
            assertThat(liu.ask("改李华的计划")).contains("现在的指导计划（第" + before + "版）");
            assertThat(liu.ask("改成每月谈一次")).contains("个别谈话每月一次");
            assertThat(liu.ask("确认")).contains("第" + (before + 1) + "版").contains("提醒仍按学校要求");
            assertThat(jdbc.sql("select count(*) from guidance_plan where student_id = 'S02'").query(Long.class).single()).isEqualTo(before + 1);
            assertThat(talkDuty("S02", TODAY).needed()).as("the school's 14 days still apply").isEqualTo(14);

            liu.ask("改李华的计划");
            liu.ask("改成每周谈一次");
            assertThat(liu.ask("算了")).contains("草稿不要了");
            assertThat(jdbc.sql("select count(*) from guidance_plan where student_id = 'S02'").query(Long.class).single()).isEqualTo(before + 1);
            liu.ask("改李华的计划");
            liu.ask("改成每周谈一次");
            liu.ask("确认");
        }
    }

    @Test
    void aParentAskingForThePlanNeverSeesItNorDoesATeacherWhoMayNotReadTheStudent() throws Exception {
        try (FakeChat.Phone liu = chat.as("T01"); FakeChat.Phone father = chat.as("P02"); FakeChat.Phone qian = chat.as("T04");
             FakeChat.Phone sun = chat.as("T02")) {
            planForLiHua(liu);
            String toFather = father.ask("李华的计划");
            assertThat(toFather).doesNotContain("目标", "时间安排", "个别谈话");
            assertThat(liu.pushContaining("李华的计划")).doesNotContain("1. 目标");

            assertThat(qian.ask("李华的计划")).startsWith("抱歉").doesNotContain("目标");
            assertThat(qian.ask("给李华定个计划")).startsWith("抱歉").doesNotContain("目标");
            assertThat(sun.ask("李华的计划")).as("the class head").startsWith("李华 的指导计划").contains("1. 目标");
        }
    }

    @Test
    void theGrowthFileShowsThePlanAndTheDigestSaysWhoHasOne() throws Exception {
        try (FakeChat.Phone liu = chat.as("T01"); FakeChat.Phone sun = chat.as("T02")) {
            planForLiHua(liu);
            String growth = page(liu.ask("李华的成长档案"), "/pages/growth/");
            assertThat(growth).contains("<h2>指导计划</h2>", "目标", "时间安排", "个别谈话每周一次");
            assertThat(page(liu.ask("张小明的成长档案"), "/pages/growth/")).contains("未定计划");

            String digest = page(sun.ask("生成会商材料"), "/pages/digest/");
            assertThat(digest).contains("<th>指导计划</th>", "已定（3月10日）", "未定计划");
        }
    }

    @Test
    void aDraftSurvivesANoteInBetweenAndIsNotConfusedWithOne() throws Exception {
        try (FakeChat.Phone zhao = chat.as("T03")) {
            assertThat(zhao.ask("给郑好做个指导计划")).startsWith("本学期还没有关于 郑好 的记录");
            assertThat(zhao.ask("和林静聊了聊她的选科")).startsWith("已记录");
            assertThat(zhao.ask("第3条改成：每周五午休谈一次")).contains("3. 方式：每周五午休谈一次");
            assertThat(zhao.ask("确认计划")).startsWith("已保存 郑好 的指导计划（第1版");
        }
    }
}
