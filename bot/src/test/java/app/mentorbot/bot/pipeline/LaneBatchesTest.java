package app.mentorbot.bot.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.adapters.api.InboundMessage;
import app.mentorbot.adapters.api.testing.Patience;
import app.mentorbot.bot.cli.MentorBot;
import app.mentorbot.bot.testing.TestDatabase;
import app.mentorbot.conversations.text.Texts;

/**
 * Messages that wait on a busy lane are filed together, in one transaction: a burst costs fewer commits than
 * messages, and still every note is answered once, a faulty message fails alone, a sender's order holds and a
 * redelivery is not filed twice. The lane is held busy until the whole burst waits on it, so the batch is the
 * burst; rows written in one transaction share their {@code xmin}, which is how the commits are counted.
 */
class LaneBatchesTest {
    @TempDir
    static Path data;
    static ConfigurableApplicationContext bot;
    static JdbcClient jdbc;
    static InboundQueue queue;

    @BeforeAll
    static void start() {
        String url = TestDatabase.newDatabase();
        bot = new SpringApplicationBuilder(MentorBot.class).run("--server.port=0", "--mentorbot.demo=true", "--mentorbot.demo-records=false",
                "--mentorbot.example-school=../config/example-school.json", "--mentorbot.data-dir=" + data,
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + TestDatabase.user(),
                "--spring.datasource.password=" + TestDatabase.password());
        jdbc = bot.getBean(JdbcClient.class);
        queue = bot.getBean(InboundQueue.class);
    }

    @AfterAll
    static void stop() {
        if (bot != null) bot.close();
    }

    /** T01 (刘洋) on the web chat, which signs roster people in: no binding needed. */
    static InboundMessage fromLiu(String id, String text) {
        return new InboundMessage("webchat", "T01/" + id, "T01", "T01", text, Instant.parse("2026-03-10T07:00:00Z"), Map.of());
    }

    /** Accepts the messages while T01's lane is held busy, then lets it go and waits until they are through. */
    static void burst(InboundMessage... messages) throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(1);
        queue.onLaneOf(messages[0], () -> {
            busy.countDown();
            try {
                held.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(busy.await(30, TimeUnit.SECONDS)).isTrue();
        for (InboundMessage m : messages) queue.accept(m);
        held.countDown();
        quiet();
    }

    static void quiet() throws InterruptedException {
        long deadline = System.nanoTime() + Patience.of(Duration.ofSeconds(30)).toNanos();
        while (queue.backlog() > 0 && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(queue.backlog()).as("messages still on the lanes").isZero();
    }

    static long count(String sql, Object... params) {
        return jdbc.sql(sql).params(List.of(params)).query(Long.class).single();
    }

    static long records(String id) {
        return count("select count(*) from record r join inbound_message m on m.id = r.source_message_id "
                + "where m.platform = 'webchat' and m.platform_message_id = ?", "T01/" + id);
    }

    static long answers(String id) {
        return count("select count(*) from outbox where platform = 'webchat' and reply_to = ?", "T01/" + id);
    }

    static long transactions(String idPrefix) {
        return count("select count(distinct xmin::text) from inbound_message where platform = 'webchat' and platform_message_id like ?",
                "T01/" + idPrefix + "%");
    }

    @Test
    void aBurstOnOneLaneIsFiledInOneTransactionAndEveryNoteIsAnsweredOnce() throws Exception {
        String[] students = {"张小明", "李华", "王子轩", "陈思雨", "杨帆", "黄佳怡", "赵磊", "周文"};
        InboundMessage[] notes = new InboundMessage[students.length];
        for (int i = 0; i < students.length; i++) notes[i] = fromLiu("burst-" + i, "今天和" + students[i] + "单独谈心，聊了数学");

        burst(notes);

        assertThat(transactions("burst-")).as("transactions for %d notes", notes.length).isEqualTo(1);
        for (int i = 0; i < notes.length; i++) {
            assertThat(records("burst-" + i)).as(students[i]).isEqualTo(1);
            assertThat(answers("burst-" + i)).as(students[i]).isEqualTo(1);
        }
        assertThat(count("select count(*) from outbox where platform = 'webchat' and reply_to like 'T01/burst-%' and body like '已记录%'"))
                .isEqualTo(notes.length);
    }

    @Test
    void aFaultyMessageInTheMiddleOfABatchFailsAloneAndTheOthersAreFiledOnce() throws Exception {
        // A fault in one message only: its record is refused by the database (not a connection problem).
        jdbc.sql("create or replace function refuse_poisoned() returns trigger language plpgsql as $$ begin "
                + "if new.note like '%POISONED%' then raise exception 'poisoned note'; end if; return new; end $$").update();
        jdbc.sql("create trigger refuse_poisoned before insert on record for each row execute function refuse_poisoned()").update();
        try {
            burst(fromLiu("poison-0", "今天和李华单独谈心，聊了数学"), fromLiu("poison-1", "今天和王子轩单独谈心，聊了数学 POISONED"),
                    fromLiu("poison-2", "给陈思雨妈妈打了电话，聊了期中考试"));
        } finally {
            jdbc.sql("drop trigger refuse_poisoned on record").update();
        }

        for (String good : List.of("poison-0", "poison-2")) {
            assertThat(records(good)).as(good).isEqualTo(1);
            assertThat(answers(good)).as(good).isEqualTo(1);
            assertThat(count("select count(*) from inbound_message where platform_message_id = ? and status = 'DONE'", "T01/" + good))
                    .isEqualTo(1);
        }
        assertThat(records("poison-1")).isZero();
        assertThat(count("select count(*) from inbound_message where platform_message_id = 'T01/poison-1' and status = 'FAILED'"))
                .isEqualTo(1);
        assertThat(jdbc.sql("select body from outbox where reply_to = 'T01/poison-1'").query(String.class).list())
                .containsExactly(Texts.chinese().get("failure.later"));
    }

    @Test
    void aSendersAnswerInTheSameBatchAppliesToTheQuestionItsNoteRaised() throws Exception {
        // "张晓明" is not on the roster: the bot asks whether 张小明 is meant, and "1" says yes. Read in the
        // other order, "1" would answer nothing and the note would stay unfiled.
        burst(fromLiu("order-0", "晚自习和张晓明谈了下"), fromLiu("order-1", "1"));

        assertThat(transactions("order-")).as("both in one transaction").isEqualTo(1);
        assertThat(jdbc.sql("select body from outbox where reply_to = 'T01/order-0'").query(String.class).single()).contains("1");
        assertThat(count("select count(*) from record r join record_student rs on rs.record_id = r.id "
                + "where r.note = '晚自习和张晓明谈了下' and rs.student_id = 'S01'")).isEqualTo(1);
    }

    @Test
    void aMessageRedeliveredInsideABatchIsNotFiledTwice() throws Exception {
        burst(fromLiu("again-0", "今天和杨帆单独谈心，聊了数学"));
        assertThat(records("again-0")).isEqualTo(1);

        burst(fromLiu("again-1", "今天和黄佳怡单独谈心，聊了数学"), fromLiu("again-0", "今天和杨帆单独谈心，聊了数学"),
                fromLiu("again-2", "今天和赵磊单独谈心，聊了数学"), fromLiu("again-1", "今天和黄佳怡单独谈心，聊了数学"));

        for (String id : List.of("again-0", "again-1", "again-2")) {
            assertThat(count("select count(*) from inbound_message where platform_message_id = ?", "T01/" + id)).as(id).isEqualTo(1);
            assertThat(records(id)).as(id).isEqualTo(1);
            assertThat(answers(id)).as(id).isEqualTo(1);
        }
    }
}
