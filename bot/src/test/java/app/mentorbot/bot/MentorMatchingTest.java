package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import app.mentorbot.adapters.api.testing.FakeChat;
import app.mentorbot.bot.cli.MatchCommand;
import app.mentorbot.bot.testing.ChatTest;
import app.mentorbot.bot.testing.TestDatabase;
import app.mentorbot.conversations.dialogue.Links;

/**
 * Pairing mentors and students as a class head does it: `match config/example-choices.csv` beside the running
 * bot gives the proposal and a link per class head; 孙丽 (head of 高二(1)班) opens it, moves one student in chat,
 * confirms; the moved student's parents get one notice naming the new mentor, the new mentor finds the mentee in
 * 我的任务 (never their tags), the old mentor still reads the records they wrote (and no one else's); a mentor cannot
 * open the proposal.
 */
@ChatTest
class MentorMatchingTest {
    @Autowired
    FakeChat chat;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment env;
    @Autowired
    WebApplicationContext web;
    @Autowired
    Links links;

    /** `match FILE` beside the running bot, as a school runs it. */
    static RosterImportCommandTest.Run match(Environment env, String file) throws Exception {
        return RosterImportCommandTest.capture(() -> MatchCommand.run(new String[] {file,
                "--spring.datasource.url=" + env.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + TestDatabase.user(), "--spring.datasource.password=" + TestDatabase.password()}));
    }

    MockHttpServletResponse open(String link) throws Exception {
        MockMvc pages = MockMvcBuilders.webAppContextSetup(web).build();
        String path = link.substring(link.indexOf("/pages/"));
        return pages.perform(get(URI.create(path))).andReturn().getResponse();
    }

    String mentorOf(String studentId) {
        return jdbc.sql("select mentor_id from student where id = ?").param(studentId).query(String.class).single();
    }

    /** The confirmed pairing as the class head downloads it from the proposal page: 导师结对名单, a row per confirmed student. */
    Map<String, List<String>> workbookRows(String pageLink) throws Exception {
        Matcher href = Pattern.compile("href=\"(/pages/pairing/\\d+\\.xlsx\\?[^\"]+)\"")
                .matcher(open(pageLink).getContentAsString(StandardCharsets.UTF_8));
        assertThat(href.find()).as("the page links the workbook once something is confirmed").isTrue();
        MockHttpServletResponse file = open(href.group(1).replace("&amp;", "&"));
        assertThat(file.getStatus()).isEqualTo(200);
        assertThat(file.getContentType()).contains("spreadsheetml");
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.getContentAsByteArray()))) {
            Sheet sheet = book.getSheet("导师结对名单");
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                row.forEach(c -> cells.add(c.getStringCellValue()));
                rows.put(cells.get(1), cells);
            }
        }
        return rows;
    }

    @Test
    void theClassHeadMatchesMovesAndConfirmsTheNewMentorSeesTheMenteeTheParentsAreToldAndTheOldMentorKeepsOnlyTheirOwnRecords() throws Exception {
        RosterImportCommandTest.Run run = match(env, "../config/example-choices.csv");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("导师分配方案（第", "20 名学生", "第1志愿", "第1志愿 16 名，第2志愿 2 名，调剂 2 名，未分到导师 0 名", "孙丽（高二(1)班 班主任）：", "钱芳（高二(2)班 班主任）：");
        assertThat(run.out()).doesNotContain("李华", "学习困难"); // a command's output names no student
        Matcher sunLink = Pattern.compile("孙丽（高二\\(1\\)班 班主任）：(\\S+)").matcher(run.out());
        assertThat(sunLink.find()).isTrue();

        MockHttpServletResponse page = open(sunLink.group(1));
        assertThat(page.getStatus()).isEqualTo(200);
        String html = page.getContentAsString(StandardCharsets.UTF_8);
        // 李华 and 陈思雨 chose 刘洋 first; his 8 seats went to students ahead of them, so they have their second choice
        assertThat(html).contains("导师 刘洋：8 名（名额 8）", "导师 赵强：5 名（名额 8）", "第2志愿", "调剂", "学习困难",
                "刘洋老师的名额已满").doesNotContain("欧阳晓雨"); // 高二(2)班 is not hers
        String before = mentorOf("S02");
        assertThat(before).as("李华's mentor before the pairing").isEqualTo("T01");

        try (FakeChat.Phone sun = chat.as("T02"); FakeChat.Phone zhao = chat.as("T03"); FakeChat.Phone liu = chat.as("T01");
             FakeChat.Phone lisFather = chat.as("P02"); FakeChat.Phone xiaominsFather = chat.as("P17")) {
            liu.ask("今天和李华谈心，他说数学跟不上，想周末补一补");
            sun.ask("李华今天在班会上主动发言，状态不错");
            assertThat(sun.ask("导师分配方案")).startsWith("这是导师分配方案（第").contains("/pages/pairing/");
            assertThat(liu.ask("确认导师分配")).isEqualTo("导师分配由班主任和管理员调整，谢谢你的关心。");
            assertThat(sun.ask("把李华调给孙老师")).isEqualTo("好的，已把 李华 调给 孙丽老师（方案里 孙丽老师 现有 5 名，名额 8）。");
            assertThat(sun.ask("把何平调给刘老师")).startsWith("好的，已把 何平 调给 刘洋老师。注意：刘洋老师 现在有 9 名，超出名额（8）了");
            assertThat(sun.ask("把欧阳晓雨调给刘老师")).isEqualTo("方案里没有你班上叫「欧阳晓雨」的学生，请说全名。");
            assertThat(open(sunLink.group(1)).getContentAsString(StandardCharsets.UTF_8)).contains("导师 孙丽：5 名", "（孙丽 调整）", "超出名额");
            assertThat(mentorOf("S02")).as("a proposal changes nothing yet").isEqualTo(before);

            assertThat(sun.ask("确认导师分配")).startsWith("已确认：16 名学生的导师分配生效");
            assertThat(mentorOf("S02")).isEqualTo("T02");
            assertThat(mentorOf("S04")).isEqualTo("T03");
            assertThat(mentorOf("S17")).as("高二(2)班 waits for its own class head").isEqualTo("T04");
            assertThat(sun.ask("确认导师分配")).isEqualTo("你班上的学生在这份方案里都已确认过了。");
            assertThat(lisFather.pushContaining("导师已调整")).isEqualTo("孩子的导师已调整为孙丽老师，之后的留言会转给孙老师。");
            assertThat(lisFather.quietFor(Duration.ofMillis(800))).as("one notice, not one per confirm").isTrue();
            assertThat(xiaominsFather.quietFor(Duration.ofMillis(800))).as("张小敏's mentor did not change").isTrue();

            // 刘洋 no longer mentors 李华: he still reads what he wrote about him, and nothing anyone else wrote
            assertThat(liu.ask("李华最近的记录")).contains("不是你的受导学生", "数学跟不上").doesNotContain("班会", "/pages/");
            assertThat(sun.ask("李华最近的记录")).contains("数学跟不上", "班会");

            assertThat(zhao.ask("我的任务")).contains("陈思雨", "吴桐").doesNotContain("学习困难", "家境贫寒", "父母离异", "行为不良");
            assertThat(sun.ask("我的任务")).contains("李华");
            assertThat(liu.ask("我的任务")).contains("何平").doesNotContain("陈思雨");
        }
        Map<String, List<String>> rows = workbookRows(sunLink.group(1));
        assertThat(rows.get("学号")).containsExactly("班级", "学号", "姓名", "导师", "志愿满足");
        assertThat(rows.get("S02")).containsExactly("高二(1)班", "S02", "李华", "孙丽", "孙丽 调整"); // moved by hand: no choice claimed
        assertThat(rows.get("S04")).startsWith("高二(1)班", "S04").contains("赵强");
        assertThat(rows.get("S04").get(4)).matches("第\\d志愿|调剂");
        assertThat(rows).hasSize(17).doesNotContainKey("S17"); // 16 confirmed of her class; 高二(2)班 is neither hers nor confirmed
        assertThat(open(links.pairingPage("main", "T03", 1)).getStatus()).as("a mentor cannot open the proposal").isEqualTo(403);
        assertThat(open(links.pairingPage("main", "T03", 1).replace("/pages/pairing/1?", "/pages/pairing/1.xlsx?")).getStatus())
                .as("nor its workbook").isEqualTo(403);
        assertThat(open(links.pairingPage("main", "T01", 1)).getContentAsString(StandardCharsets.UTF_8)).doesNotContain("李华");
    }
}
