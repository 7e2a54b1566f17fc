package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import app.mentorbot.bot.testing.ChatTest;
import app.mentorbot.adapters.api.testing.Patience;
import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.records.RecordStore;
import app.mentorbot.conversations.understanding.Channel;
import app.mentorbot.conversations.understanding.Flag;
import app.mentorbot.conversations.understanding.Kind;
import app.mentorbot.conversations.understanding.TalkType;
import app.mentorbot.conversations.understanding.Topic;

/**
 * Two changes of one record in transactions that overlap (a teacher's 「不对，是昨天」 while a parent's worrying message
 * or the optional model amends the same record) are both kept, one after the other: the second reads the record only once
 * the first is done ({@code RecordStore.findForChange}), so it neither overwrites the first nor numbers its version the same
 * and fails (the fuzz harness met that as a message the pipeline failed on).
 */
@ChatTest
class RecordChangedTwiceAtOnceTest {
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    @Autowired
    RecordStore records;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aSecondChangeWaitsForTheFirstAndBothAreKeptInTheHistory() throws Exception {
        Instant at = Instant.parse("2026-03-10T08:00:00Z");
        Record filed = records.save(new Record(null, "main", "T01", Kind.TALK, TalkType.INDIVIDUAL, Channel.IN_PERSON,
                LocalDate.of(2026, 3, 10), null, Set.of(Topic.ACADEMIC), Set.of(), List.of("S01"), "和张小明聊了学习", List.of(), null, at));
        CountDownLatch firstChanged = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> {
            records.correct(dated(filed, 9), "T01", "CORRECTION: 不对，是昨天", at);
            firstChanged.countDown();
            await(secondStarted);
            waitUntilATransactionWaitsForALock();   // the second change is inside the database, waiting on the first
        }));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
            await(firstChanged);
            secondStarted.countDown();
            tx.executeWithoutResult(status -> records.correct(withFlag(records.findForChange(filed.id()).orElseThrow()), "T02",
                    "SAFETY_FROM_PARENT", at));
        });
        long patience = Patience.of(TEN_SECONDS).toMillis();
        first.get(patience, TimeUnit.MILLISECONDS);
        second.get(patience, TimeUnit.MILLISECONDS);

        assertThat(records.versions(filed.id())).hasSize(2);
        assertThat(records.versions(filed.id()).get(1).date()).as("the second change's history holds the state the first left")
                .isEqualTo(LocalDate.of(2026, 3, 9));
        Record now = records.find(filed.id()).orElseThrow();
        assertThat(now.date()).as("the teacher's correction is not overwritten").isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(now.flags()).as("nor is the flag the second change set").contains(Flag.SAFETY);
    }

    private static Record dated(Record r, int day) {
        return new Record(r.id(), r.schoolId(), r.authorId(), r.kind(), r.talkType(), r.channel(), LocalDate.of(2026, 3, day),
                r.followUp(), r.topics(), r.flags(), r.studentIds(), r.note(), r.evidence(), r.sourceMessageId(), r.createdAt());
    }

    private static Record withFlag(Record r) {
        return new Record(r.id(), r.schoolId(), r.authorId(), r.kind(), r.talkType(), r.channel(), r.date(), r.followUp(),
                r.topics(), Set.of(Flag.SAFETY), r.studentIds(), r.note(), r.evidence(), r.sourceMessageId(), r.createdAt());
    }

    private void waitUntilATransactionWaitsForALock() {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Patience.of(TEN_SECONDS).toMillis());
        while (System.nanoTime() < until) {
            long waiting = jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()")
                    .query(Long.class).single();
            if (waiting > 0) return;
            sleep(20);
        }
        throw new AssertionError("the second change never reached the database");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(Patience.of(TEN_SECONDS).toMillis(), TimeUnit.MILLISECONDS)) throw new AssertionError("the other change never came");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
