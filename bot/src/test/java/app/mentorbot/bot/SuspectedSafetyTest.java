package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import app.mentorbot.adapters.api.testing.FakeChat;
import app.mentorbot.bot.schedule.SafetyCheckTimeouts;
import app.mentorbot.bot.testing.ChatTest;
import app.mentorbot.bot.testing.SchoolDayClock;
import app.mentorbot.bot.testing.TestClock;
import app.mentorbot.conversations.dialogue.Links;

/**
 * An indirect safety signal (a described situation, no keyword) is filed as SAFETY 疑似 and the
 * teacher is asked in one line whether to tell the class head now: 「通知」 tells them, 「不是」
 * clears the flag (kept in the record's history), and 30 minutes of silence tells them anyway.
 * Demo school: 黄佳怡 (S06), 杨帆 (S05) and 张小明 (S01) are mentored by 刘洋 (T01) in 高二(1)班,
 * headed by 孙丽 (T02); 赵强 (T03) teaches the class; 张小明妈妈 is P01.
 */
@ChatTest
@Import(SchoolDayClock.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// the test runs the timeouts itself; a scheduler tick (the 07:30 reminders, under load after a slow start) would
// message the class head in the middle of "nobody is told"
@TestPropertySource(properties = "mentorbot.scheduler.initial-delay=1h")
class SuspectedSafetyTest {
    @Autowired
    FakeChat chat;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    SafetyCheckTimeouts timeouts;
    @Autowired
    Links links;
    @Autowired
    WebApplicationContext web;

    /** Each test runs on its own later day, so time only moves forward across the class (the outbox and checks are shared). */
    private void onDay(int daysAfterTuesday, int hour) {
        clock.set(SchoolDayClock.TUESDAY_AFTERNOON.plusDays(daysAfterTuesday).withHour(hour));
    }

    private List<String> flagsOfLastRecordBy(String author) {
        return jdbc.sql("select unnest(flags) from record where author_id = ? and deleted_at is null and id = "
                        + "(select max(id) from record where author_id = ? and deleted_at is null)")
                .params(author, author).query(String.class).list();
    }

    private long urgentTo(String person) {
        return jdbc.sql("select count(*) from outbox where recipient_id = ? and urgent").param(person).query(Long.class).single();
    }

    @Test
    @Order(1)
    void anIndirectSignalAsksTheTeacherAndTheClassHeadIsToldAfterTheTeachersYes() throws Exception {
        onDay(0, 15);
        try (FakeChat.Phone zhao = chat.as("T03"); FakeChat.Phone sun = chat.as("T02")) {
            String id = zhao.say("英语课上发现黄佳怡手腕上有几道新的划痕，问她她说是猫抓的");
            assertThat(zhao.replyTo(id)).startsWith("已记录：").contains("黄佳怡").contains("安全")
                    .contains("需要现在通知班主任吗？回复「通知」或「不是」");
            assertThat(flagsOfLastRecordBy("T03")).contains("SAFETY", "PSYCH");
            assertThat(sun.quietFor(Duration.ofMillis(500))).as("nobody is told before the teacher answers").isTrue();

            String yes = zhao.say("通知");
            assertThat(zhao.replyTo(yes)).startsWith("已通知：").contains("孙丽老师").contains("刘洋老师");
            assertThat(sun.pushContaining("黄佳怡")).startsWith("【紧急】").contains("赵强");
        }
        assertThat(jdbc.sql("select state from safety_check").query(String.class).list()).containsExactly("TOLD_BY_TEACHER");
        clock.advance(Duration.ofMinutes(31));
        assertThat(timeouts.runDue()).as("an answered question is not escalated again").isZero();
    }

    @Test
    @Order(2)
    void withNoAnswerIn30MinutesTheClassHeadIsToldAndTheTeacherToo() throws Exception {
        onDay(1, 15);
        try (FakeChat.Phone liu = chat.as("T01"); FakeChat.Phone sun = chat.as("T02")) {
            String id = liu.say("杨帆昨晚和家里吵架后摔门出去了，到现在没回家，手机一直关机");
            assertThat(liu.replyTo(id)).contains("安全").contains("回复「通知」或「不是」");
            long before = urgentTo("T02");

            clock.advance(Duration.ofMinutes(29));
            assertThat(timeouts.runDue()).as("not yet").isZero();
            clock.advance(Duration.ofMinutes(2));
            assertThat(timeouts.runDue()).isEqualTo(2);   // the class head, and a note to the teacher
            assertThat(timeouts.runDue()).as("once").isZero();

            assertThat(urgentTo("T02")).isEqualTo(before + 1);
            assertThat(liu.pushContaining("已按规定")).contains("孙丽老师");
            assertThat(sun.pushContaining("杨帆")).startsWith("【请留意·疑似安全情况】").contains("刘洋").contains("摔门");
        }
    }

    @Test
    @Order(3)
    void notASafetyIssueClearsTheFlagKeepsTheHistoryAndTellsNobody() throws Exception {
        onDay(2, 15);
        try (FakeChat.Phone liu = chat.as("T01")) {
            liu.replyTo(liu.say("张小明说活着没什么意思，每天都很累"));
            assertThat(flagsOfLastRecordBy("T01")).contains("SAFETY");
            String no = liu.say("不是");
            assertThat(liu.replyTo(no)).startsWith("好的，已撤下").contains("安全标记");
        }
        assertThat(flagsOfLastRecordBy("T01")).doesNotContain("SAFETY");
        assertThat(jdbc.sql("select reason from record_version where record_id = (select max(id) from record where author_id = 'T01') "
                + "order by version").query(String.class).list()).contains("SAFETY_CLEARED");
        long before = urgentTo("T02");
        clock.advance(Duration.ofMinutes(45));
        assertThat(timeouts.runDue()).isZero();
        assertThat(urgentTo("T02")).isEqualTo(before);
    }

    @Test
    @Order(4)
    void aSuspectedSignalAsksFirstButAKeywordReachesTheClassHeadAtOnce() throws Exception {
        onDay(3, 15);
        try (FakeChat.Phone liu = chat.as("T01"); FakeChat.Phone sun = chat.as("T02")) {
            String id = liu.say("陈思雨说有人在班群里骂她，还把她的照片P成丑图到处传");
            assertThat(liu.replyTo(id)).as("mocking in a group chat is a described situation: asked first")
                    .contains("安全").contains("回复「通知」");
            assertThat(liu.replyTo(liu.say("通知"))).startsWith("已通知");
            assertThat(sun.pushContaining("陈思雨")).startsWith("【紧急】");
            String keyword = liu.say("王子轩被高年级同学打了，脸上有伤");
            assertThat(liu.replyTo(keyword)).contains("安全").doesNotContain("回复「通知」");
            assertThat(sun.pushContaining("王子轩")).startsWith("【紧急】");
        }
    }

    @Test
    @Order(5)
    void aParentsIndirectSignalGoesToTheMentorAtOnceAndToTheClassHeadAfterSilence() throws Exception {
        onDay(6, 23);   // Monday night, quiet hours: still not held
        try (FakeChat.Phone mother = chat.as("P01"); FakeChat.Phone liu = chat.as("T01");
             FakeChat.Phone sun = chat.as("T02")) {
            String id = mother.say("老师，孩子最近把自己最喜欢的东西都送给同学了，还说以后不用给他买衣服了");
            assertThat(mother.replyTo(id)).contains("已立即转达给刘洋老师");
            assertThat(liu.pushContaining("张小明妈妈")).startsWith("【请留意").contains("回复「通知」或「不是」");
            long before = urgentTo("T02");
            clock.advance(Duration.ofMinutes(31));
            timeouts.runDue();
            assertThat(urgentTo("T02")).isEqualTo(before + 1);
            assertThat(sun.pushContaining("张小明")).startsWith("【请留意·疑似安全情况】");
        }
    }

    @Test
    @Order(6)
    void theGrowthFileShowsASuspectedSignalAsSuspected() throws Exception {
        String link = links.growthFile("main", "T01", "S06"); // 黄佳怡, whose wrist marks were filed on the first day
        String page = MockMvcBuilders.webAppContextSetup(web).build().perform(get(URI.create(link)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("黄佳怡").contains("安全（疑似）");
    }

    @Test
    @Order(7)
    void theClassHeadsDigestMarksTheStudentsLineSuspectedToo() throws Exception {
        String link = links.digestPage("main", "T02", "C21");
        String page = MockMvcBuilders.webAppContextSetup(web).build().perform(get(URI.create(link)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String row = page.substring(page.indexOf("<tr><td>", page.indexOf("<tbody>")));
        row = row.substring(row.indexOf("黄佳怡"));
        assertThat(row.substring(0, row.indexOf("</tr>"))).contains("安全（疑似）");
    }
}
