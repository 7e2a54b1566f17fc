package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

/**
 * A teacher's side of the conversation: confirmations that say where each field came from,
 * corrections with an audit trail, several notes at once, questions, and bad input.
 * Now is Tuesday 10 March 2026, 20:30 in Shanghai.
 */
@ChatTest
@Import(TeacherDialogueTest.Clocks.class)
class TeacherDialogueTest {
    static final ZonedDateTime TUESDAY_EVENING = ZonedDateTime.parse("2026-03-10T20:30:00+08:00[Asia/Shanghai]");

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
    WebApplicationContext web;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    @BeforeEach
    void tuesdayEvening() {
        clock.set(TUESDAY_EVENING);
    }

    Map<String, Object> lastRecordOf(String author) {
        return jdbc.sql("""
                select r.id, r.kind, r.talk_type, r.channel, r.event_date::text as date, r.follow_up::text as follow_up,
                       (select string_agg(student_id, ',' order by student_id) from record_student s where s.record_id = r.id) as students
                from record r where r.author_id = ? and r.deleted_at is null order by r.id desc limit 1""")
                .param(author).query().singleRow();
    }

    @Test
    void theConfirmationSaysWhichWordsEachFieldCameFrom() throws Exception {
        try (FakeChat.Phone liu = chat.as("T01")) {
            String id = liu.say("小明今天主动来找我，说数学跟不上，下周三再跟进");
            assertThat(liu.replyTo(id)).startsWith("已记录：3月10日 与 张小明（\"小明\"）")
                    .contains("跟进提醒：3月18日（周三）（\"下周三\"）");
        }
    }

    @Test
    void aCorrectionChangesTheLastRecordAndKeepsTheOldVersion() throws Exception {
        try (FakeChat.Phone liu = chat.as("T01")) {
            liu.replyTo(liu.say("今天和李华单独谈心，聊了期中考试，下周三再跟进"));
            long id = ((Number) lastRecordOf("T01").get("id")).longValue();

            assertThat(liu.replyTo(liu.say("不对，是昨天"))).startsWith("已更正：3月9日");
            assertThat(lastRecordOf("T01")).containsEntry("date", "2026-03-09");

            assertThat(liu.replyTo(liu.say("不是李华是李娜"))).startsWith("已更正").contains("李娜").doesNotContain("李华");
            assertThat(lastRecordOf("T01")).containsEntry("students", "S09");

            assertThat(liu.replyTo(liu.say("还有王子轩"))).contains("王子轩").contains("李娜");
            assertThat(lastRecordOf("T01")).containsEntry("students", "S03,S09").containsEntry("talk_type", "GROUP");

            assertThat(liu.replyTo(liu.say("改成分别谈话"))).contains("分别谈心");
            assertThat(lastRecordOf("T01")).containsEntry("talk_type", "INDIVIDUAL");

            assertThat(liu.replyTo(liu.say("删掉跟进"))).doesNotContain("跟进提醒");
            assertThat(lastRecordOf("T01").get("follow_up")).isNull();

            assertThat(lastRecordOf("T01")).containsEntry("id", id);
            List<String> trail = jdbc.sql("select reason from record_version where record_id = ? order by version")
                    .param(id).query(String.class).list();
            assertThat(trail).hasSize(5).allMatch(r -> r.startsWith("CORRECTION"));
            String first = jdbc.sql("select snapshot->>'date' from record_version where record_id = ? and version = 1")
                    .param(id).query(String.class).single();
            assertThat(first).isEqualTo("2026-03-10");
        }
    }

    @Test
    void aCorrectionCanMakeATalkAGroupTalkOrAHomeVisit() throws Exception {
        try (FakeChat.Phone zhao = chat.as("T03")) {
            zhao.replyTo(zhao.say("和郑好、林静聊了聊英语学习"));
            assertThat(zhao.replyTo(zhao.say("改成集体交流"))).contains("集体交流");
            assertThat(lastRecordOf("T03")).containsEntry("talk_type", "GROUP");
            assertThat(zhao.replyTo(zhao.say("应该是家访"))).contains("家访");
            assertThat(lastRecordOf("T03")).containsEntry("kind", "PARENT_CONTACT").containsEntry("channel", "HOME_VISIT");
        }
    }

    @Test
    void severalNotesOneByLineBecomeSeveralRecords() throws Exception {
        try (FakeChat.Phone sun = chat.as("T02")) {
            String id = sun.say("""
                    1. 今天和李娜聊了选科
                    2. 给王磊妈妈打了电话，说了月考成绩
                    3. 吴桐最近上课总走神""");
            String reply = sun.replyTo(id);
            assertThat(reply).contains("3 条").contains("李娜").contains("王磊").contains("吴桐");
            assertThat(jdbc.sql("select kind from record where author_id = 'T02' order by id").query(String.class).list())
                    .containsExactly("TALK", "PARENT_CONTACT", "OBSERVATION");
        }
    }

    @Test
    void whoHasNotHadATalkThisWeekAndParentContactsThisSemester() throws Exception {
        try (FakeChat.Phone qian = chat.as("T04")) {
            qian.replyTo(qian.say("周一和张小敏单独谈心，聊了物理学习"));
            String who = qian.replyTo(qian.say("我这周还有谁没谈过"));
            assertThat(who).contains("孙浩").contains("李想").contains("欧阳晓雨").doesNotContain("张小敏");

            qian.replyTo(qian.say("给孙浩爸爸打了电话"));
            qian.replyTo(qian.say("微信上和孙浩妈妈沟通了一下"));
            String contacts = qian.replyTo(qian.say("本学期家长联系情况"));
            assertThat(contacts).contains("孙浩 2 次 ✓").contains("张小敏 0 次");
        }
    }

    @Test
    void aLongAnswerIsCutWithASignedLinkToTheFullPageWhichOnlyItsOwnerCanOpen() throws Exception {
        try (FakeChat.Phone liu = chat.as("T01")) {
            for (int day = 1; day <= 10; day++) {
                liu.replyTo(liu.say("3月" + day + "日和周文聊了聊，第" + day + "次<b>谈话</b>"));
            }
            String answer = liu.replyTo(liu.say("周文最近的记录"));
            assertThat(answer.lines().count()).isLessThanOrEqualTo(10);
            Matcher link = Pattern.compile("(/pages/student/\\S+)").matcher(answer);
            assertThat(link.find()).as(answer).isTrue();

            MockMvc pages = MockMvcBuilders.webAppContextSetup(web).build();
            MockHttpServletResponse page = pages.perform(get(URI.create(link.group(1)))).andReturn().getResponse();
            assertThat(page.getStatus()).isEqualTo(200);
            assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("第1次").contains("第10次").contains("&lt;b&gt;")
                    .doesNotContain("<b>谈话");

            String forged = link.group(1).replace("viewer=T01", "viewer=T02");
            MockHttpServletResponse other = pages.perform(get(URI.create(forged))).andReturn().getResponse();
            assertThat(other.getStatus()).isEqualTo(403);
            assertThat(other.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("第1次");
        }
    }

    @Test
    void badInputGetsAKindAnswerAndChangesNothing() throws Exception {
        long before = jdbc.sql("select count(*) from record").query(Long.class).single();
        try (FakeChat.Phone liu = chat.as("T01")) {
            assertThat(liu.replyTo(liu.say("hello, I talked to Tom today"))).contains("中文");
            assertThat(liu.replyTo(liu.say("👍👍"))).contains("好的");
            assertThat(liu.replyTo(liu.say("'; drop table record; --"))).doesNotContain("已记录");
            assertThat(liu.replyTo(liu.say("<script>alert(1)</script>"))).doesNotContain("已记录");
        }
        assertThat(jdbc.sql("select count(*) from record").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aDayThatDoesNotExistIsAskedAboutNotGuessed() throws Exception {
        try (FakeChat.Phone liu = chat.as("T01")) {
            assertThat(liu.replyTo(liu.say("2月30日和张小明单独谈心"))).contains("2月30日").contains("不存在").doesNotContain("已记录");
        }
        assertThat(jdbc.sql("select count(*) from record where note like '2月30日%'").query(Long.class).single()).isZero();
    }

    @Test
    void aTeacherCannotFileANoteAboutAStudentOutsideTheirClasses() throws Exception {
        try (FakeChat.Phone qian = chat.as("T04")) {
            assertThat(qian.replyTo(qian.say("今天和黄佳怡谈心，聊了学习"))).contains("没有记录").contains("黄佳怡");
        }
        assertThat(jdbc.sql("select count(*) from record r join record_student s on s.record_id = r.id "
                + "where r.author_id = 'T04' and s.student_id = 'S06'").query(Long.class).single()).isZero();
    }

    @Test
    void anOpenQuestionSurvivesAnUnrelatedNoteAndIsAnsweredAfterwards() throws Exception {
        try (FakeChat.Phone liu = chat.as("T01")) {
            assertThat(liu.replyTo(liu.say("今天和张伟谈心，聊了学习方法"))).contains("张伟");
            assertThat(liu.replyTo(liu.say("给杨帆妈妈发了信息，提醒她督促孩子按时完成作业"))).startsWith("已记录").contains("杨帆");
            assertThat(liu.replyTo(liu.say("陈思雨"))).startsWith("已记录").contains("陈思雨");
        }
        assertThat(jdbc.sql("select count(*) from record where author_id = 'T01' and note like '%张伟%'").query(Long.class).single()).isEqualTo(1);
    }
}
