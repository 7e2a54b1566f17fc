package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import app.mentorbot.adapters.api.Adapter;
import app.mentorbot.adapters.api.AdapterContext;
import app.mentorbot.adapters.api.Delivery;
import app.mentorbot.adapters.api.OutboundMessage;
import app.mentorbot.adapters.api.RateLimit;
import app.mentorbot.bot.outbox.Outbox;
import app.mentorbot.bot.testing.BotTest;

/** The outbox sends through adapters, retries, parks what cannot go, and keeps to rate limits. */
@BotTest
@Import(OutboxDispatchTest.FakePlatform.class)
class OutboxDispatchTest {


    /** A platform whose answers the test scripts; it records every attempt. */
    static final class ScriptedAdapter implements Adapter {
        final Deque<Delivery> script = new ArrayDeque<>();
        final List<OutboundMessage> attempts = new CopyOnWriteArrayList<>();
        final List<Instant> sentAt = new CopyOnWriteArrayList<>();

        @Override
        public String platform() {
            return "fake";
        }

        @Override
        public void start(AdapterContext context) {}

        @Override
        public synchronized Delivery send(OutboundMessage message) {
            attempts.add(message);
            Delivery d = script.isEmpty() ? Delivery.sent() : script.poll();
            if (d instanceof Delivery.Sent) sentAt.add(Instant.now());
            return d;
        }

        @Override
        public Optional<RateLimit> rateLimit() {
            return Optional.of(new RateLimit(2, Duration.ofSeconds(1)));
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FakePlatform {
        @Bean
        ScriptedAdapter scriptedAdapter() {
            return new ScriptedAdapter();
        }
    }

    @Autowired
    ScriptedAdapter fake;
    @Autowired
    Outbox outbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @BeforeEach
    void bindTeacherToTheFakePlatform() {
        jdbc.sql("insert into platform_identity (platform, platform_user_id, school_id, person_id) values ('fake', 'liu', 'main', 'T01') "
                + "on conflict do nothing").update();
        fake.script.clear();
        fake.attempts.clear();
        fake.sentAt.clear();
    }

    void push(String text) {
        tx.executeWithoutResult(s -> outbox.push("main", "T01", text, false, null));
    }

    Map<String, Object> row(String text) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            Map<String, Object> r = jdbc.sql("select status, attempts, last_error from outbox where body = ?").param(text).query().singleRow();
            if (!"PENDING".equals(r.get("status"))) return r;
            Thread.sleep(100);
        }
        return jdbc.sql("select status, attempts, last_error from outbox where body = ?").param(text).query().singleRow();
    }

    @Test
    void aPushToABoundPersonGoesToTheirPlatformChat() throws Exception {
        push("你好，刘老师");
        assertThat(row("你好，刘老师")).containsEntry("status", "SENT").containsEntry("attempts", 1);
        assertThat(fake.attempts).singleElement().satisfies(m -> {
            assertThat(m.chatId()).isEqualTo("liu");
            assertThat(m.recipientId()).isEqualTo("T01");
        });
    }

    @Test
    void aTemporaryFailureIsRetriedAfterABackoffAndThenSent() throws Exception {
        fake.script.add(new Delivery.RetryLater(Duration.ZERO, "HTTP 503"));
        push("稍后再试的消息");
        Thread.sleep(500);
        assertThat(jdbc.sql("select status from outbox where body = '稍后再试的消息'").query(String.class).single()).isEqualTo("PENDING");
        for (int i = 0; i < 60 && fake.sentAt.isEmpty(); i++) Thread.sleep(100);
        assertThat(row("稍后再试的消息")).containsEntry("status", "SENT").containsEntry("attempts", 2);
    }

    @Test
    void aPermanentFailureIsParkedWithItsReasonAndNotRetried() throws Exception {
        fake.script.add(new Delivery.Failed("user left the school"));
        push("发不出去的消息");
        assertThat(row("发不出去的消息")).containsEntry("status", "PARKED").containsEntry("last_error", "user left the school");
        Thread.sleep(1500);
        assertThat(fake.attempts).hasSize(1);
    }

    @Test
    void aMessageThatKeepsFailingIsParkedAfterTheLastAttempt() throws Exception {
        fake.script.add(new Delivery.RetryLater(Duration.ZERO, "timeout"));
        tx.executeWithoutResult(s -> {
            outbox.push("main", "T01", "总是超时的消息", false, null);
            jdbc.sql("update outbox set attempts = 7 where body = '总是超时的消息'").update();
        });
        assertThat(row("总是超时的消息")).containsEntry("status", "PARKED").containsEntry("attempts", 8)
                .containsEntry("last_error", "timeout");
    }

    @Test
    void sendsKeepToThePlatformsRateLimitAndTheirOrder() throws Exception {
        for (int i = 1; i <= 5; i++) push("限速消息" + i);
        for (int i = 0; i < 100 && fake.sentAt.size() < 5; i++) Thread.sleep(100);
        assertThat(fake.attempts.stream().map(OutboundMessage::text).toList())
                .containsExactly("限速消息1", "限速消息2", "限速消息3", "限速消息4", "限速消息5");
        for (int i = 2; i < fake.sentAt.size(); i++) {
            assertThat(Duration.between(fake.sentAt.get(i - 2), fake.sentAt.get(i))).as("three sends within one second")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(990));
        }
    }
}
