package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.bot.testing.BotTest;
import app.mentorbot.bot.testing.ChatClient;
import tools.jackson.databind.JsonNode;

/** Conversations through the real web chat socket, checked against what the database then holds. */
@BotTest
class WebChatTranscriptTest {


    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTeachersNoteIsConfirmedAndStoredBesideItsRawMessage() throws Exception {
        try (ChatClient liuYang = ChatClient.as(port, "T01")) {
            String id = liuYang.say("今天下午和张小明单独谈心，他最近数学成绩下滑，下周三再跟进一下");

            JsonNode frame = liuYang.next();
            assertThat(frame.path("from").asString()).isEqualTo("bot");
            assertThat(frame.path("replyTo").asString()).isEqualTo(id);
            assertThat(frame.path("text").asString()).startsWith("已记录：").contains("张小明").contains("单独谈心")
                    .contains("跟进提醒").contains("撤销");

            Map<String, Object> row = jdbc.sql("""
                    select r.kind, r.talk_type, r.author_id, r.note, m.body, m.platform_message_id, m.status,
                           (select string_agg(student_id, ',') from record_student s where s.record_id = r.id) as students
                    from record r join inbound_message m on m.id = r.source_message_id
                    where m.platform_message_id = ?""").param("T01/" + id).query().singleRow();
            assertThat(row).containsEntry("kind", "TALK").containsEntry("talk_type", "INDIVIDUAL")
                    .containsEntry("author_id", "T01").containsEntry("students", "S01").containsEntry("status", "DONE");
            assertThat(row.get("body")).isEqualTo(row.get("note")).asString().contains("张小明单独谈心");
        }
    }

    @Test
    void aParentsSafetyAlertReachesTheMentorMarkedUrgentAndOrdinaryRepliesAreNot() throws Exception {
        try (ChatClient liuYang = ChatClient.as(port, "T01"); ChatClient mother = ChatClient.as(port, "P01")) {
            mother.say("老师，小明刚才说他不想活了，我很害怕");
            JsonNode ack = mother.next();
            assertThat(ack.path("urgent").isMissingNode()).as(ack.toString()).isTrue();
            JsonNode alert = null;
            for (int i = 0; i < 20 && alert == null; i++) {
                JsonNode frame = liuYang.next();
                if (frame.path("text").asString().contains("不想活")) alert = frame;
            }
            assertThat(alert).isNotNull();
            assertThat(alert.path("urgent").asBoolean()).as(alert.toString()).isTrue();
        }
    }

    @Test
    void aReloadedPageShowsThePersonsOwnLastDaysAndNoOneElses() throws Exception {
        try (ChatClient qian = ChatClient.as(port, "T04")) {
            assertThat(qian.replyTo(qian.say("和张小敏聊了聊物理学习，约好下周再看"))).startsWith("已记录：");
        }
        try (ChatClient sun = ChatClient.as(port, "T02")) {
            assertThat(sun.replyTo(sun.say("今天和李娜聊了选科的事"))).startsWith("已记录：");
        }
        try (ChatClient reloaded = ChatClient.reloaded(port, "T04")) {
            List<JsonNode> past = historyFrames(reloaded, 2_000);
            assertThat(past).extracting(f -> f.path("from").asString() + ":" + f.path("text").asString())
                    .contains("me:和张小敏聊了聊物理学习，约好下周再看")
                    .anyMatch(line -> line.startsWith("bot:已记录：") && line.contains("张小敏"))
                    .noneMatch(line -> line.contains("李娜"));
        }
        try (ChatClient fresh = ChatClient.as(port, "T04")) {
            assertThat(historyFrames(fresh, 500)).as("a page that did not ask (a reconnect) gets no history").isEmpty();
        }
    }

    /** The history frames among everything that arrives until the socket is quiet for {@code quietMillis}. */
    static List<JsonNode> historyFrames(ChatClient page, long quietMillis) throws InterruptedException {
        List<JsonNode> past = new ArrayList<>();
        for (JsonNode f = page.next(quietMillis); f != null; f = page.next(quietMillis)) {
            if (f.path("history").asBoolean(false)) past.add(f);
        }
        return past;
    }

    @Test
    void theSameClientMessageIdSentTwiceMakesOneRecord() throws Exception {
        try (ChatClient liuYang = ChatClient.as(port, "T01")) {
            liuYang.sayWithId("resend-1", "给李华爸爸打了电话，聊了期中考试的情况");
            assertThat(liuYang.reply()).startsWith("已记录：");
            liuYang.sayWithId("resend-1", "给李华爸爸打了电话，聊了期中考试的情况");
            // the page resends after a reconnect: it gets the same answer again, nothing new is stored
            JsonNode again = liuYang.next();
            assertThat(again.path("replyTo").asString()).isEqualTo("resend-1");

            assertThat(jdbc.sql("select count(*) from inbound_message where platform_message_id = 'T01/resend-1'")
                    .query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from record r join inbound_message m on m.id = r.source_message_id "
                    + "where m.platform_message_id = 'T01/resend-1'").query(Long.class).single()).isEqualTo(1);
        }
    }

    @Test
    void aSecondPageOpenedLaterDoesNotGetTheResendAnsweredTwiceInTheDatabase() throws Exception {
        try (ChatClient first = ChatClient.as(port, "T02")) {
            first.sayWithId("same", "和李娜聊了一下她的选科");
            assertThat(first.reply()).contains("李娜");
        }
        try (ChatClient second = ChatClient.as(port, "T02")) {
            second.sayWithId("same", "和李娜聊了一下她的选科");
            assertThat(second.next().path("replyTo").asString()).isEqualTo("same");
        }
        assertThat(jdbc.sql("select count(*) from record where author_id = 'T02' and note like '%李娜聊了一下她的选科%'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anUnknownPersonIsToldHowToGetAccessAndNothingOfTheirsIsKept() throws Exception {
        try (ChatClient stranger = ChatClient.as(port, "X99")) {
            stranger.say("我是新来的老师，今天和张小明谈心了");
            assertThat(stranger.reply()).contains("还不认识您").contains("管理员");
            assertThat(stranger.quietFor(Duration.ofMillis(300))).isTrue();
        }
        assertThat(jdbc.sql("select count(*) from record where author_id = 'X99'").query(Long.class).single()).isZero();
        List<Map<String, Object>> raw = jdbc.sql("select body, status from inbound_message where sender_ref = 'X99'").query().listOfRows();
        assertThat(raw).hasSize(1);
        assertThat(raw.get(0)).containsEntry("status", "UNKNOWN_SENDER");
        assertThat(raw.get(0).get("body")).isNull();
    }

    @Test
    void badFramesGetAPoliteErrorAndTheChatStaysOpen() throws Exception {
        try (ChatClient liuYang = ChatClient.as(port, "T01")) {
            liuYang.sendRaw("this is not json");
            JsonNode notJson = liuYang.next();
            assertThat(notJson.path("error").asString()).isEqualTo("bad_frame");
            assertThat(notJson.path("text").asString()).contains("格式");

            liuYang.sendRaw("{\"id\":\"e1\",\"text\":\"   \"}");
            JsonNode empty = liuYang.next();
            assertThat(empty.path("error").asString()).isEqualTo("empty");
            assertThat(empty.path("replyTo").asString()).isEqualTo("e1");

            liuYang.sendRaw("{\"id\":\"e2\",\"text\":\"" + "很".repeat(4001) + "\"}");
            assertThat(liuYang.next().path("error").asString()).isEqualTo("too_long");

            // A pasted essay far beyond any frame: refused politely, the page is not disconnected.
            liuYang.sendRaw("{\"id\":\"e4\",\"text\":\"" + "很".repeat(100_000) + "\"}");
            JsonNode essay = liuYang.next();
            assertThat(essay.path("error").asString()).isEqualTo("too_long");
            assertThat(essay.path("text").asString()).contains("4000");
            assertThat(liuYang.isOpen()).isTrue();

            liuYang.sendRaw("{\"id\":\"e3\",\"text\":42}");
            assertThat(liuYang.next().path("error").asString()).isEqualTo("bad_frame");

            assertThat(liuYang.isOpen()).isTrue();
            // A note written entirely as \\uXXXX escapes arrives in several parts and is read whole.
            StringBuilder escaped = new StringBuilder();
            for (char c : "和周文聊了聊，没什么大问题".toCharArray()) escaped.append(String.format("\\u%04x", (int) c));
            String padding = "\\u0020".repeat(3000);
            liuYang.sendRaw("{\"id\":\"e5\",\"text\":\"" + escaped + padding + "\"}");
            assertThat(liuYang.replyTo("e5")).startsWith("已记录：").contains("周文");
            liuYang.say("和周文聊了聊，没什么大问题");
            assertThat(liuYang.reply()).startsWith("已记录：").contains("周文");
        }
        assertThat(jdbc.sql("select count(*) from inbound_message where platform_message_id in ('T01/e1','T01/e2','T01/e3')")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aNoteNamingNobodyOnTheRosterGetsAQuestionAndTheAnswerFilesIt() throws Exception {
        try (ChatClient liuYang = ChatClient.as(port, "T01")) {
            liuYang.say("今天和张伟谈心，聊了学习方法");
            String question = liuYang.reply();
            assertThat(question).contains("张伟").doesNotStartWith("已记录");
            assertThat(jdbc.sql("select count(*) from record where note like '%张伟%'").query(Long.class).single()).isZero();

            liuYang.say("王子轩");
            assertThat(liuYang.reply()).startsWith("已记录：").contains("王子轩");
            assertThat(jdbc.sql("""
                    select s.student_id from record r join record_student s on s.record_id = r.id
                    where r.note like '%张伟%'""").query(String.class).list()).containsExactly("S03");
        }
    }

    @Test
    void undoRemovesTheLastRecordButKeepsItsRow() throws Exception {
        try (ChatClient zhao = ChatClient.as(port, "T03")) {
            zhao.say("和司马南谈了谈英语作文的问题");
            assertThat(zhao.reply()).startsWith("已记录：");
            zhao.say("撤销");
            assertThat(zhao.reply()).startsWith("已撤销").contains("司马南");
            zhao.say("撤销");
            assertThat(zhao.reply()).contains("没有可以撤销");
        }
        Map<String, Object> row = jdbc.sql("select deleted_at is not null as deleted from record where author_id = 'T03' and note like '%司马南%'")
                .query().singleRow();
        assertThat(row).containsEntry("deleted", true);
    }

    @Test
    void aSafetySignalReachesTheClassHeadAtOnce() throws Exception {
        try (ChatClient head = ChatClient.as(port, "T02"); ChatClient mentor = ChatClient.as(port, "T01")) {
            mentor.say("今天中午跟杨帆谈了，他说被高年级同学欺负，已上报德育处");
            assertThat(mentor.reply()).startsWith("已记录：").contains("安全");
            String alert = head.reply();
            assertThat(alert).startsWith("【紧急】").contains("刘洋").contains("杨帆");
        }
        assertThat(jdbc.sql("select count(*) from outbox where recipient_id = 'T02' and urgent").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aMentorCanReadTheirMenteesRecentRecordsButNotAnotherMentorsStudent() throws Exception {
        try (ChatClient liuYang = ChatClient.as(port, "T01"); ChatClient zhao = ChatClient.as(port, "T03")) {
            liuYang.say("周文最近迷上打游戏，经常熬夜，早上起不来");
            assertThat(liuYang.reply()).startsWith("已记录：");
            liuYang.say("周文最近的记录发我看看");
            assertThat(liuYang.reply()).contains("周文").contains("打游戏");
            zhao.say("周文最近的记录");
            assertThat(zhao.reply()).contains("不能查看").doesNotContain("打游戏");
        }
    }
}
