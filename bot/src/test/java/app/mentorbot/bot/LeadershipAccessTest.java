package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import app.mentorbot.adapters.api.testing.FakeChat;
import app.mentorbot.bot.testing.ChatTest;
import app.mentorbot.bot.testing.SchoolDayClock;
import app.mentorbot.conversations.dialogue.Links;
import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.records.RecordStore;
import app.mentorbot.conversations.understanding.Flag;
import app.mentorbot.conversations.understanding.Kind;
import app.mentorbot.conversations.understanding.TalkType;
import app.mentorbot.conversations.understanding.Topic;

/**
 * Who opens the leadership's pages. Demo school: 周敏 (T05) is the admin; 孙丽 (T02) heads 高二(1)班; 刘洋 (T01) and
 * 赵强 (T03) mentor there; P01 is 张小明's mother. 王子轩 (S03, 刘洋's) and 郑好 (S13, 赵强's) were flagged this term.
 * Now is Tuesday 10 March 2026.
 */
@ChatTest
@Import(SchoolDayClock.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadershipAccessTest {
    @Autowired
    FakeChat chat;
    @Autowired
    Links links;
    @Autowired
    RecordStore records;
    @Autowired
    WebApplicationContext web;

    @BeforeAll
    void twoFlaggedStudents() {
        for (String[] s : List.of(new String[] {"T01", "S03"}, new String[] {"T03", "S13"})) {
            records.save(new Record(null, "main", s[0], Kind.OBSERVATION, null, null, LocalDate.of(2026, 3, 9), null, Set.of(Topic.PSYCH),
                    Set.of(Flag.PSYCH), List.of(s[1]), "情绪低落", List.of(), null, SchoolDayClock.TUESDAY_AFTERNOON.toInstant()));
        }
        records.save(new Record(null, "main", "T01", Kind.TALK, TalkType.INDIVIDUAL, null, LocalDate.of(2026, 3, 10), null, Set.of(),
                Set.of(), List.of("S01"), "谈心", List.of(), null, SchoolDayClock.TUESDAY_AFTERNOON.toInstant()));
    }

    @Test
    void anAdminAskingForTheSchoolGetsTheOverviewLinkAndOthersAKindNo() throws Exception {
        try (FakeChat.Phone zhou = chat.as("T05"); FakeChat.Phone liu = chat.as("T01"); FakeChat.Phone sun = chat.as("T02")) {
            assertThat(zhou.ask("全校情况")).startsWith("全校导师制落实情况").contains("/pages/overview/main?viewer=T05&");
            assertThat(liu.ask("全校情况")).startsWith("抱歉，全校情况只对学校管理员").doesNotContain("/pages/");
            assertThat(sun.ask("全校情况")).startsWith("抱歉").doesNotContain("/pages/");
            assertThat(liu.ask("我的工作量")).contains("/pages/workload/T01?viewer=T01&");
            assertThat(liu.ask("工作量")).as("a teacher's 工作量 is their own").contains("/pages/workload/T01?viewer=T01&");
            assertThat(zhou.ask("工作量")).startsWith("全体教师育人工作量统计").contains("/pages/workload/all?viewer=T05&");
        }
    }

    @Test
    void theOverviewCountsEachClassAndNamesFlaggedStudentsOnlyOneClickFurther() throws Exception {
        String html = body(links.schoolOverview("main", "T05"), 200);
        assertThat(html).contains("全校导师制落实情况", "<h2>高二</h2>", "高二(1)班", "高二(2)班", "本学期趋势", "<svg", "<polyline",
                "最需要关心的导师", "学生 20 名，导师 4 名");
        assertThat(html).as("counts only").doesNotContain("王子轩", "郑好", "张小明");
        assertThat(html).contains(">2 名</a>"); // 高二(1)班: 王子轩 and 郑好
        String flagged = html.substring(html.indexOf("<a href=\"", html.indexOf("高二(1)班")));
        String link = flagged.substring(9, flagged.indexOf('"', 9)).replace("&amp;", "&");
        assertThat(link).contains("flagged=C21");
        String names = body(link, 200);
        assertThat(names).contains("高二(1)班 本学期被标记的学生", "王子轩", "郑好", "/pages/growth/S03").doesNotContain("张小明");
    }

    @Test
    void noTeacherOpensTheOverviewOrAnotherTeachersLineAndAParentNothing() throws Exception {
        assertThat(body(links.schoolOverview("main", "T01"), 403)).contains("只对学校管理员").doesNotContain("高二(1)班");
        assertThat(body(links.schoolOverview("main", "T02"), 403)).doesNotContain("高二(1)班");
        assertThat(body(links.workload("main", "T01", "T03"), 403)).contains("只对教师本人和学校管理员开放").doesNotContain("赵强");
        assertThat(body(links.workload("main", "T01", Links.ALL_TEACHERS), 403)).doesNotContain("赵强");
        assertThat(body(links.workload("main", "T01", "T01") + "&item=individual-talks&teacher=T03", 403)).doesNotContain("赵强");
        assertThat(body(links.workload("main", "T01", "T01") + "&period=year", 200)).contains("刘洋 育人工作量统计", "2025-2026学年").doesNotContain("赵强");
        assertThat(body(links.workload("main", "T01", "T01") + "&item=individual-talks", 200)).contains("张小明", "共 1 项");
        for (String parentLink : List.of(links.schoolOverview("main", "P01"), links.workload("main", "P01", "P01"), links.workload("main", "P01", "T01"),
                links.workload("main", "P01", Links.ALL_TEACHERS))) {
            assertThat(body(parentLink, 403)).doesNotContain("刘洋", "高二");
        }
        String forged = links.workload("main", "T01", "T01").replace("/pages/workload/T01?", "/pages/workload/T03?");
        assertThat(body(forged, 403)).contains("链接无效");
    }

    @Test
    void anAdminSeesEveryTeacherWithTheRuleAndTakesTheWorkbookForTheAnnualReview() throws Exception {
        String html = body(links.workload("main", "T05", Links.ALL_TEACHERS), 200);
        assertThat(html).contains("育人工作量统计", "刘洋", "孙丽", "赵强", "钱芳", "周敏", "计分规则", "<code>home-visits</code>", "×2");
        assertThat(body(links.workload("main", "T05", "T03") + "&item=mentees", 200)).contains("赵强 · 受导学生", "郑好", "共 4 项");

        String workbook = links.workload("main", "T05", Links.ALL_TEACHERS).replace("/pages/workload/all?", "/pages/workload/all.xlsx?");
        MockHttpServletResponse r = fetch(workbook);
        assertThat(r.getStatus()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(r.getContentAsByteArray()))) {
            Sheet sheet = book.getSheet("育人工作量");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("教师");
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("个别谈话");
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("刘洋");
            assertThat(sheet.getRow(3).getCell(2).getNumericCellValue()).as("刘洋's mentees").isEqualTo(8);
            assertThat(sheet.getRow(3).getCell(3).getNumericCellValue()).as("刘洋's individual talks").isEqualTo(1);
            assertThat(book.getSheet("计分规则").getRow(5).getCell(1).getStringCellValue()).isEqualTo("home-visits");
        }
        assertThat(fetch(links.workload("main", "T01", "T01").replace("/pages/workload/T01?", "/pages/workload/T03.xlsx?")).getStatus()).isEqualTo(403);
    }

    private String body(String link, int status) throws Exception {
        MockHttpServletResponse r = fetch(link);
        assertThat(r.getStatus()).as(link).isEqualTo(status);
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse fetch(String link) throws Exception {
        String path = link.substring(link.indexOf("/pages/"));
        MockMvc pages = MockMvcBuilders.webAppContextSetup(web).build();
        return pages.perform(get(URI.create(path))).andReturn().getResponse();
    }
}
