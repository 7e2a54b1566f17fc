package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.adapters.api.testing.FakeChat;
import app.mentorbot.bot.testing.ChatTest;
import app.mentorbot.bot.testing.SchoolDayClock;
import app.mentorbot.bot.testing.TestClock;

/**
 * Parents and mentors talk through the bot: neither sees the other's account, each day's exchange is
 * one parent contact, quiet hours hold non-urgent messages, safety signals never wait.
 * The demo school: 张小明 (S01, parent P01 妈妈) and 李华 (S02, P02 爸爸) are mentored by 刘洋 (T01)
 * in 高二(1)班, headed by 孙丽 (T02); 张小敏 (S17, P17 爸爸) by 钱芳 (T04), head of 高二(2)班.
 */
@ChatTest
@Import(SchoolDayClock.class)
class ParentRelayTest {
    static final ZonedDateTime TUESDAY_AFTERNOON = SchoolDayClock.TUESDAY_AFTERNOON;

    @Autowired
    FakeChat chat;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    Clock anyClock;

    @BeforeEach
    void afternoon() {
        clock.set(TUESDAY_AFTERNOON);
    }

    @Test
    void theBotRunsOnTheTestClock() {
        assertThat(anyClock).isSameAs(clock);
    }

    @Test
    void aParentsMessageReachesTheMentorAndTheMentorsAnswerComesBack() throws Exception {
        try (FakeChat.Phone mother = chat.as("P01"); FakeChat.Phone liu = chat.as("T01")) {
            mother.say("刘老师您好，小明最近晚上写作业到很晚，想问问作业量的情况");
            assertThat(mother.reply()).contains("已转达").contains("刘洋老师");

            String relayed = liu.pushContaining("作业量");
            assertThat(relayed).startsWith("张小明妈妈：").contains("作业量").contains("回复张小明妈妈")
                    .doesNotContain("P01");

            String reply = liu.say("回复张小明妈妈 您好，这周作业确实多，我会和各科老师沟通");
            assertThat(liu.replyTo(reply)).contains("已发送给张小明妈妈");
            String answer = mother.pushContaining("各科老师");
            assertThat(answer).startsWith("刘洋老师（示范中学（演示））：").contains("各科老师沟通").doesNotContain("T01");
        }
        assertThat(jdbc.sql("select count(*) from relay_message where student_id = 'S01'").query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from record r join record_student s on s.record_id = r.id "
                + "where s.student_id = 'S01' and r.kind = 'PARENT_CONTACT' and r.channel = 'ONLINE' and r.author_id = 'T01'")
                .query(Long.class).single()).as("one contact record for the day's exchange").isEqualTo(1);
    }

    @Test
    void aParentWritingDuringQuietHoursIsToldWhenAndTheMentorGetsItInTheMorning() throws Exception {
        clock.set(ZonedDateTime.parse("2026-03-10T23:10:00+08:00[Asia/Shanghai]"));
        try (FakeChat.Phone father = chat.as("P02"); FakeChat.Phone liu = chat.as("T01")) {
            father.say("老师，李华明天想请假去医院复查");
            String ack = father.reply();
            assertThat(ack).contains("休息").contains("07:00");
            assertThat(liu.quietFor(Duration.ofMillis(2500))).as("nothing reaches the mentor at night").isTrue();

            clock.set(ZonedDateTime.parse("2026-03-11T07:00:30+08:00[Asia/Shanghai]"));
            assertThat(liu.pushContaining("请假")).startsWith("李华爸爸：");
        }
    }

    @Test
    void aSafetySignalFromAParentIsNeverHeldAndReachesTheClassHeadToo() throws Exception {
        clock.set(ZonedDateTime.parse("2026-03-18T23:30:00+08:00[Asia/Shanghai]"));
        try (FakeChat.Phone mother = chat.as("P01"); FakeChat.Phone liu = chat.as("T01");
             FakeChat.Phone sun = chat.as("T02")) {
            mother.say("老师，小明刚才说不想活了，我很害怕");
            assertThat(mother.reply()).contains("立即转达").contains("班主任");
            assertThat(liu.pushContaining("不想活了")).startsWith("【紧急");
            assertThat(sun.pushContaining("不想活了")).startsWith("【紧急").contains("张小明妈妈");
        }
        assertThat(jdbc.sql("select count(*) from relay_message where safety").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select r.note from record r join record_student s on s.record_id = r.id "
                + "where s.student_id = 'S01' and r.kind = 'PARENT_CONTACT' and r.event_date = '2026-03-18'").query(String.class).single())
                .as("the digest says why the student is flagged").startsWith("家长紧急反映（安全）").doesNotContain("不想活");
    }

    @Test
    void aStrangerBindsWithTheCodeTheMentorGaveAndCanThenWrite() throws Exception {
        String code;
        try (FakeChat.Phone liu = chat.as("T01")) {
            String issued = liu.replyTo(liu.say("绑定码 李华爸爸")); // the day's reminders may arrive first
            Matcher m = Pattern.compile("(\\d{6})").matcher(issued);
            assertThat(m.find()).as(issued).isTrue();
            code = m.group(1);
        }
        try (FakeChat.Phone stranger = chat.as("dad-phone")) {
            stranger.say("你好");
            assertThat(stranger.reply()).contains("还不认识您");
            stranger.say("绑定 000000".equals("绑定 " + code) ? "绑定 000001" : "绑定 000000");
            assertThat(stranger.reply()).contains("不对或已过期");
            stranger.say("绑定 " + code);
            assertThat(stranger.reply()).contains("绑定成功").contains("李华爸爸");
            stranger.say("老师好，我是李华爸爸");
            assertThat(stranger.reply()).contains("已转达");
        }
        try (FakeChat.Phone again = chat.as("someone-else")) {
            again.say("绑定 " + code);
            assertThat(again.reply()).as("a code works once").contains("不对或已过期");
        }
    }

    @Test
    void guessingBindingCodesIsStoppedAfterFiveTries() throws Exception {
        try (FakeChat.Phone guesser = chat.as("guesser")) {
            for (int i = 0; i < 5; i++) {
                guesser.say("绑定 1234" + (10 + i));
                assertThat(guesser.reply()).contains("不对或已过期");
            }
            guesser.say("绑定 123499");
            assertThat(guesser.reply()).contains("尝试次数过多");
        }
    }

    @Test
    void aParentWithTwoChildrenChoosesOnceAndTheChoiceSticks() throws Exception {
        String code;
        try (FakeChat.Phone qian = chat.as("T04")) {
            Matcher m = Pattern.compile("(\\d{6})").matcher(qian.replyTo(qian.say("绑定码 张小敏爸爸")));
            assertThat(m.find()).isTrue();
            code = m.group(1);
        }
        try (FakeChat.Phone parent = chat.as("P01"); FakeChat.Phone qian = chat.as("T04");
             FakeChat.Phone liu = chat.as("T01")) {
            parent.say("绑定 " + code);
            assertThat(parent.reply()).contains("绑定成功");
            parent.say("老师好，孩子这周有点感冒");
            assertThat(parent.reply()).contains("哪位孩子").contains("张小明").contains("张小敏");
            parent.say("2");
            assertThat(parent.reply()).contains("钱芳老师");
            assertThat(qian.pushContaining("感冒")).startsWith("张小敏爸爸：");
            parent.say("谢谢老师");
            assertThat(parent.reply()).as("the choice sticks").contains("钱芳老师");
            assertThat(qian.pushContaining("谢谢老师")).startsWith("张小敏爸爸：");
        }
    }

    @Test
    void aParentCannotQueryRecordsTheirWordsGoToTheMentor() throws Exception {
        try (FakeChat.Phone liu = chat.as("T01")) {
            String note = liu.say("今天和张小明单独谈心，他说最近压力很大");
            assertThat(liu.replyTo(note)).startsWith("已记录");
            try (FakeChat.Phone mother = chat.as("P01")) {
                mother.say("张小明最近的记录");
                String reply = mother.reply();
                assertThat(reply).contains("已转达").doesNotContain("压力");
                assertThat(liu.pushContaining("张小明最近的记录")).startsWith("张小明妈妈：");
            }
        }
    }

    @Test
    void aTeacherWhoIsNotTheMentorCannotAnswerForTheParentsChild() throws Exception {
        try (FakeChat.Phone zhao = chat.as("T03")) {
            zhao.say("回复张小明妈妈 您好");
            assertThat(zhao.reply()).contains("不是你的受导学生");
        }
        assertThat(jdbc.sql("select count(*) from outbox where recipient_id = 'P01' and body like '赵强%'").query(Long.class).single()).isZero();
    }

    @Test
    void aParentWhoseChildChangedMentorReachesTheNewMentor() throws Exception {
        jdbc.sql("update student set mentor_id = 'T03' where id = 'S02'").update();
        rosterStore.forget("main");
        try (FakeChat.Phone father = chat.as("P02"); FakeChat.Phone zhao = chat.as("T03")) {
            father.say("老师好，李华数学作业有点难");
            assertThat(father.reply()).contains("赵强老师");
            assertThat(zhao.pushContaining("数学作业有点难")).startsWith("李华爸爸：");
            try (FakeChat.Phone liu = chat.as("T01")) {
                String answer = liu.say("回复李华爸爸 好的");
                assertThat(liu.replyTo(answer)).contains("不是你的受导学生");
            }
        } finally {
            jdbc.sql("update student set mentor_id = 'T01' where id = 'S02'").update();
            rosterStore.forget("main");
        }
    }

    @Autowired
    app.mentorbot.conversations.roster.RosterStore rosterStore;
}
