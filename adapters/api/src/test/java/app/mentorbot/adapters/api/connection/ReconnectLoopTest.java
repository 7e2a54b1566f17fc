package app.mentorbot.adapters.api.connection;

import static app.mentorbot.adapters.api.connection.ReconnectLoop.Ending.FAILED;
import static app.mentorbot.adapters.api.connection.ReconnectLoop.Ending.REFUSED;
import static app.mentorbot.adapters.api.connection.ReconnectLoop.Ending.RENEW;
import static app.mentorbot.adapters.api.connection.ReconnectLoop.Ending.STOP;
import static app.mentorbot.adapters.api.connection.ReconnectLoop.Ending.WORKED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReconnectLoopTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    /** Remembers the attempt numbers it was asked about; waits a few milliseconds. */
    private final List<Integer> attempts = new CopyOnWriteArrayList<>();
    private final Backoff backoff = attempt -> {
        attempts.add(attempt);
        return Duration.ofMillis(5);
    };
    private ReconnectLoop loop;

    @AfterEach
    void stopTheLoop() {
        if (loop != null) loop.stop();
    }

    /** Connections that end as scripted, one after another, then a last one that says STOP. */
    private ReconnectLoop scripted(Object... endings) {
        Deque<Object> script = new ArrayDeque<>(List.of(endings));
        loop = new ReconnectLoop("test", backoff, () -> {
            Object next = script.isEmpty() ? STOP : script.poll();
            if (next instanceof Exception e) throw e;
            return (ReconnectLoop.Ending) next;
        });
        return loop;
    }

    /** Starts the loop, waits until {@code reached} counts down, then stops it: how long stop() took. */
    private Duration startThenStopOnce(CountDownLatch reached) throws InterruptedException {
        loop.start();
        assertThat(reached.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        long before = System.nanoTime();
        loop.stop();
        return Duration.ofNanos(System.nanoTime() - before);
    }

    @Test
    void failuresWaitLongerEachTimeAndAConnectionThatWorkedStartsAgainAtTheFirstStep() {
        ReconnectLoop l = scripted(FAILED, new IOException("refused"), FAILED, WORKED, FAILED, WORKED);
        l.start();

        assertThat(l.join(WAIT)).as("the loop ended at the scripted STOP").isTrue();
        assertThat(attempts).containsExactly(1, 2, 3, 1, 2, 1);
        assertThat(l.running()).isFalse();
    }

    @Test
    void aRenewalReconnectsAtOnceAndARefusalWaitsTheLongestStep() {
        ReconnectLoop l = scripted(RENEW, RENEW, REFUSED, FAILED, WORKED);
        l.start();

        assertThat(l.join(WAIT)).isTrue();
        assertThat(attempts).containsExactly(ReconnectLoop.LONGEST, ReconnectLoop.LONGEST, 1);
    }

    @Test
    void stopInterruptsTheRunningConnectionWaitsForItAndNothingReconnects() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        CountDownLatch reading = new CountDownLatch(1);
        loop = new ReconnectLoop("test", backoff, () -> {
            connections.incrementAndGet();
            reading.countDown();
            Thread.sleep(60_000); // reads until interrupted
            return WORKED;
        });
        assertThat(startThenStopOnce(reading)).isLessThan(Duration.ofSeconds(2));
        assertThat(loop.join(Duration.ZERO)).as("stop() waited for the thread").isTrue();
        assertThat(connections.get()).isEqualTo(1);
        assertThat(attempts).isEmpty();
    }

    @Test
    void stopDuringALongWaitEndsTheWaitAtOnce() throws Exception {
        CountDownLatch failed = new CountDownLatch(1);
        loop = new ReconnectLoop("test", attempt -> Duration.ofMinutes(10), () -> {
            failed.countDown();
            return FAILED;
        });
        assertThat(startThenStopOnce(failed)).isLessThan(Duration.ofSeconds(2));
        assertThat(loop.running()).isFalse();
    }

    @Test
    void aLoopRunsOnceAndJoiningOneNeverStartedReturnsAtOnce() {
        ReconnectLoop l = scripted();
        assertThat(l.join(Duration.ofSeconds(10))).isTrue();
        l.start();
        assertThatThrownBy(l::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("runs once");
    }
}
