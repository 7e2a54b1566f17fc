package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import app.mentorbot.adapters.api.testing.FakeChat;
import app.mentorbot.bot.privacy.BotStudentRows;
import app.mentorbot.bot.schedule.SlotScheduler;
import app.mentorbot.bot.testing.ChatTest;
import app.mentorbot.bot.testing.SchoolDayClock;
import app.mentorbot.bot.testing.TestClock;
import app.mentorbot.conversations.privacy.StudentData;
import app.mentorbot.conversations.records.RecordStore;
import app.mentorbot.conversations.roster.RosterStore;
import app.mentorbot.conversations.schedule.SchoolCalendar;

/**
 * A student with an account of their own (杨帆, S05, mentor 刘洋 T01) is exported and erased like any
 * other: their account, messages to and from the mentor, report questions and reports go, and no table
 * holds their name or id afterwards.
 */
@ChatTest
@Import(SchoolDayClock.class)
@TestPropertySource(properties = "mentorbot.school.duties.student-reports=true")
class StudentAccountErasureTest {
    @Autowired
    FakeChat chat;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    SlotScheduler scheduler;
    @Autowired
    RosterStore rosters;
    @Autowired
    RecordStore records;
    @Autowired
    TransactionTemplate tx;

    @Test
    @SuppressWarnings("unchecked")
    void aStudentsOwnAccountReportsAndMessagesAreExportedAndThenErasedCompletely() throws Exception {
        clock.set(SchoolDayClock.TUESDAY_AFTERNOON);
        String code;
        try (FakeChat.Phone liu = chat.as("T01")) {
            Matcher m = Pattern.compile("(\\d{6})").matcher(liu.ask("学生绑定码 杨帆"));
            assertThat(m.find()).isTrue();
            code = m.group(1);
        }
        try (FakeChat.Phone yang = chat.as("yangfan-phone"); FakeChat.Phone liu = chat.as("T01")) {
            assertThat(yang.ask("绑定 " + code)).contains("绑定成功");
            assertThat(yang.ask("刘老师，我想聊聊数学")).contains("已转达");
            assertThat(liu.ask("回复学生杨帆 好的，明天来找我")).contains("已发送给杨帆");
            clock.set(LocalDate.of(2026, 3, 25).atTime(16, 31).atZone(SchoolCalendar.ZONE));
            scheduler.runDue(clock.instant());
            assertThat(yang.pushContaining("半月汇报")).contains("刘洋老师");
            assertThat(yang.ask("这半个月英语进步了，心情不错")).contains("收到啦");
        }
        StudentData data = new StudentData(jdbc, rosters, records, List.of(new BotStudentRows(jdbc)));
        Map<String, Object> export = data.export("main", "S05");
        assertThat((List<Map<String, Object>>) export.get("records")).anySatisfy(r -> assertThat(r.get("kind")).isEqualTo("STUDENT_REPORT"));
        assertThat((List<?>) export.get("reportQuestions")).hasSize(1);
        assertThat((List<?>) export.get("studentAccount")).hasSize(1);
        assertThat(export.get("parentMessages").toString()).contains("我想聊聊数学").contains("明天来找我");
        assertThat(StudentErasureTest.cellsContaining(jdbc, "S05")).isNotEmpty();

        tx.execute(s -> data.erase("main", "S05"));

        assertThat(StudentErasureTest.cellsContaining(jdbc, "杨帆")).as("the name is nowhere").isEmpty();
        assertThat(StudentErasureTest.cellsContaining(jdbc, "S05")).as("the student id is nowhere").isEmpty();
        assertThat(StudentErasureTest.cellsContaining(jdbc, "英语进步")).as("the report is gone").isEmpty();
        assertThat(StudentErasureTest.cellsContaining(jdbc, "聊聊数学")).as("the messages are gone").isEmpty();
        assertThat(jdbc.sql("select count(*) from student_report_request").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from platform_identity where platform_user_id = 'yangfan-phone'").query(Long.class).single())
                .as("the phone is no longer anyone").isZero();
    }
}
