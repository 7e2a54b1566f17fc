package app.mentorbot.bot.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import app.mentorbot.bot.schedule.SlotScheduler;
import app.mentorbot.bot.testing.ChatClient;
import app.mentorbot.bot.testing.RunningBot;
import app.mentorbot.bot.testing.TestClock;
import app.mentorbot.bot.testing.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * Two bot instances on one database, each with a page of the same teacher open: reminders, weekly
 * summaries, digest notices and outbox messages each arrive exactly once.
 */
class TwoInstancesTest {

    static int port(RunningBot bot) {
        return bot.port();
    }

    static void setClocks(ZonedDateTime at, RunningBot... bots) {
        for (RunningBot b : bots) b.bean(TestClock.class).set(at);
    }

    static void runBothAt(ZonedDateTime at, RunningBot a, RunningBot b) {
        setClocks(at, a, b);
        CompletableFuture<Void> x = CompletableFuture.runAsync(() -> a.bean(SlotScheduler.class).runDue(at.toInstant()));
        CompletableFuture<Void> y = CompletableFuture.runAsync(() -> b.bean(SlotScheduler.class).runDue(at.toInstant()));
        CompletableFuture.allOf(x, y).join();
    }

    static List<String> drain(ChatClient c, Duration quiet) throws InterruptedException {
        List<String> texts = new ArrayList<>();
        JsonNode f;
        while ((f = c.next(quiet.toMillis())) != null) texts.add(f.path("text").asString());
        return texts;
    }

    @Test
    void scheduledMessagesAndTheOutboxSendEachThingOnceAcrossTwoInstances() throws Exception {
        String db = TestDatabase.newDatabase();
        Map<String, String> settings = Map.of("mentorbot.scheduler.initial-delay", "1h");
        try (RunningBot a = RunningBot.start(db, settings); RunningBot b = RunningBot.start(db, settings);
             ChatClient liuOnA = ChatClient.as(port(a), "T01"); ChatClient liuOnB = ChatClient.as(port(b), "T01");
             ChatClient sunOnA = ChatClient.as(port(a), "T02"); ChatClient sunOnB = ChatClient.as(port(b), "T02")) {
            liuOnA.replyTo(liuOnA.say("提醒我3月18号开家长会"));
            liuOnB.replyTo(liuOnB.say("今天和张小明单独谈心，下周三再跟进"));
            sunOnA.replyTo(sunOnA.say("这个月的学情会商定在3月27日下午"));
            drain(liuOnA, Duration.ofMillis(300));
            drain(liuOnB, Duration.ofMillis(300));

            runBothAt(ZonedDateTime.parse("2026-03-13T16:30:00+08:00[Asia/Shanghai]"), a, b);
            runBothAt(ZonedDateTime.parse("2026-03-18T07:30:00+08:00[Asia/Shanghai]"), a, b);
            runBothAt(ZonedDateTime.parse("2026-03-25T07:30:00+08:00[Asia/Shanghai]"), a, b);

            List<String> liu = new ArrayList<>(drain(liuOnA, Duration.ofSeconds(3)));
            liu.addAll(drain(liuOnB, Duration.ofSeconds(2)));
            List<String> sun = new ArrayList<>(drain(sunOnA, Duration.ofSeconds(2)));
            sun.addAll(drain(sunOnB, Duration.ofSeconds(1)));

            assertThat(liu).filteredOn(t -> t.startsWith("本周小结")).hasSize(1);
            assertThat(liu).filteredOn(t -> t.contains("开家长会") && t.contains("提醒")).hasSize(1);
            assertThat(liu).filteredOn(t -> t.contains("跟进：") && t.contains("张小明") && !t.startsWith("本周小结")).hasSize(1);
            assertThat(sun).filteredOn(t -> t.contains("学情会商（3月27日")).hasSize(1);
            assertThat(a.jdbc().sql("select count(*) from outbox where chat_id in ('T01', 'T02') and status <> 'SENT'")
                    .query(Long.class).single()).as("everything for the two teachers went out").isZero();
            assertThat(a.jdbc().sql("select count(*) from outbox where status = 'PARKED'").query(Long.class).single()).isZero();
            assertThat(a.jdbc().sql("select count(*) from slot_run").query(Long.class).single()).isEqualTo(4);
        }
    }
}
