package app.mentorbot.bot.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import app.mentorbot.adapters.api.testing.Patience;
import app.mentorbot.bot.outbox.Outbox;
import app.mentorbot.bot.schedule.SlotScheduler;
import app.mentorbot.bot.testing.ChatClient;
import app.mentorbot.bot.testing.RunningBot;
import app.mentorbot.bot.testing.TestClock;
import app.mentorbot.bot.testing.TestDatabase;

/**
 * Two bot instances on one database; a teacher's web chat page is open on B only, and A runs the scheduler. The
 * reminder A writes is sent by B, which holds the page, at the first attempt. Both clocks stand still through each
 * step: a message A had tried and put off (nobody's page on A) would wait 60 s of a clock that does not move, so
 * its arrival at all says it was never put off.
 */
class WebChatPushAcrossInstancesTest {
    private static RunningBot a;
    private static RunningBot b;

    @BeforeAll
    static void twoInstances() {
        String db = TestDatabase.newDatabase();
        Map<String, String> settings = Map.of("mentorbot.scheduler.initial-delay", "1h");
        a = RunningBot.start(db, settings);
        b = RunningBot.start(db, settings);
    }

    @AfterAll
    static void stop() {
        if (b != null) b.close();
        if (a != null) a.close();
    }

    @Test
    void aReminderTheOtherInstanceWritesReachesThePageOnThisOneAtTheFirstAttempt() throws Exception {
        try (ChatClient liu = ChatClient.as(a.port(), "T01")) {
            assertThat(liu.replyTo(liu.say("提醒我3月18号开家长会"))).contains("3月18日");
        }
        ZonedDateTime morning = ZonedDateTime.parse("2026-03-18T07:30:00+08:00[Asia/Shanghai]");
        for (RunningBot bot : new RunningBot[] {a, b}) bot.bean(TestClock.class).set(morning);
        try (ChatClient liuOnB = ChatClient.as(b.port(), "T01")) {
            heldBySomeInstance("T01");
            a.bean(SlotScheduler.class).runDue(morning.toInstant());

            assertThat(liuOnB.pushContaining("开家长会")).contains("提醒");
            String sql = "select status || ' ' || attempts || ' ' || coalesce(last_error, '-') from outbox "
                    + "where chat_id = 'T01' and reply_to is null and body like '%开家长会%'";
            long until = System.nanoTime() + Patience.of(Duration.ofSeconds(10)).toNanos();
            while (!a.jdbc().sql(sql).query(String.class).list().contains("SENT 1 -") && System.nanoTime() < until) Thread.sleep(50);
            assertThat(a.jdbc().sql(sql).query(String.class).list()).as("sent at the first attempt, never waited for a page")
                    .containsExactly("SENT 1 -");
        }
    }

    @Test
    void aPageClosedOnTheOtherInstanceNoLongerHoldsItsMessagesThere() throws Exception {
        try (ChatClient sunOnB = ChatClient.as(b.port(), "T02")) {
            heldBySomeInstance("T02");
        }
        long until = System.nanoTime() + Patience.of(Duration.ofSeconds(10)).toNanos();
        while (holders("T02") > 0 && System.nanoTime() < until) Thread.sleep(50);
        assertThat(holders("T02")).as("B let the closed page go").isZero();
    }

    @Test
    void aHolderThatStoppedRenewingHoldsAPushOnlyAFewSecondsThenAnyInstanceTriesIt() throws Exception {
        // an instance that died a moment ago: its row has not expired yet, and nobody else has T03's page
        java.time.Instant now = a.bean(TestClock.class).instant();
        a.jdbc().sql("insert into chat_presence (platform, chat_id, holder, expires_at) values ('webchat', 'T03', 'gone', ?)")
                .param(java.sql.Timestamp.from(now.plusSeconds(20))).update();
        a.bean(Outbox.class).push("main", "T03", "周五下午的教研活动改到三楼", false, null);
        String sql = "select coalesce(last_error, '-') from outbox where chat_id = 'T03' and body like '%教研活动%'";
        Thread.sleep(2_500); // both dispatchers look at least once a second
        assertThat(a.jdbc().sql(sql).query(String.class).single()).as("held for the page's instance").isEqualTo("-");

        for (RunningBot bot : new RunningBot[] {a, b}) bot.bean(TestClock.class).set(now.plusSeconds(6));
        long until = System.nanoTime() + Patience.of(Duration.ofSeconds(10)).toNanos();
        while (a.jdbc().sql(sql).query(String.class).single().equals("-") && System.nanoTime() < until) Thread.sleep(50);
        assertThat(a.jdbc().sql(sql).query(String.class).single()).as("tried by an instance after the hold")
                .isEqualTo("no open web chat page");
    }

    /** Waits until an instance has told the database it holds this person's page (it looks every second). */
    private static void heldBySomeInstance(String chatId) throws InterruptedException {
        long until = System.nanoTime() + Patience.of(Duration.ofSeconds(10)).toNanos();
        while (holders(chatId) == 0 && System.nanoTime() < until) Thread.sleep(50);
        assertThat(holders(chatId)).as("the page's instance is known").isEqualTo(1);
    }

    /** Instances holding this person's page now (by the bots' clock). */
    private static long holders(String chatId) {
        return a.jdbc().sql("select count(*) from chat_presence where platform = 'webchat' and chat_id = ? and expires_at > ?")
                .params(chatId, java.sql.Timestamp.from(a.bean(TestClock.class).instant())).query(Long.class).single();
    }
}
