package app.mentorbot.adapters.api.connection;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a socket adapter connected: one daemon thread runs the adapter's {@link Connection} (connect, then read
 * until the connection ends), and when it returns, waits as its {@link Ending} says before running it again.
 * The attempt number handed to the {@link Backoff} is 1 after a connection that worked, one more after each that
 * failed before it worked, and the backoff's longest after a refusal; a renewal reconnects at once.
 *
 * <p>Runs once: {@link #start()}, then {@link #stop()}, which ends the wait, interrupts the connection's thread
 * (a connection must return, or throw, once interrupted or once {@link #running()} is false) and waits for it.
 * {@link #join} waits for the loop to end by itself, for an adapter that asks the server to close first.
 */
public final class ReconnectLoop {
    /** One connection from start to end, on the loop's thread. */
    @FunctionalInterface
    public interface Connection {
        /**
         * Connects and reads until the connection ends; says how it ended. An exception counts as
         * {@link Ending#FAILED} (and is logged); so does an interrupt while the loop still runs.
         */
        Ending run() throws Exception;
    }

    /** How a connection ended, which decides the wait before the next. */
    public enum Ending {
        /** It worked (logged in, said hello, carried frames) and then ended: wait the backoff's first step. */
        WORKED,
        /** It ended before it ever worked: wait one step longer than last time. */
        FAILED,
        /** The platform refused us (credentials, or another connection took our place): wait the backoff's longest. */
        REFUSED,
        /** The platform (or the adapter) wants a new connection now: no wait. */
        RENEW,
        /** Do not reconnect: the platform switched us off, or the adapter is stopping. */
        STOP
    }

    /** An attempt number past the ceiling of any backoff here (their doubling stops well before). */
    static final int LONGEST = 64;
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(ReconnectLoop.class);

    private final String name;
    private final Backoff backoff;
    private final Connection connection;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean running;
    private Thread thread;

    /**
     * @param name       names the thread and prefixes the log lines, e.g. "DingTalk stream"
     * @param backoff    the wait before attempt n
     * @param connection what one connection does
     */
    public ReconnectLoop(String name, Backoff backoff, Connection connection) {
        this.name = Objects.requireNonNull(name, "name");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    /** Starts the loop on its own daemon thread and returns at once. */
    public synchronized void start() {
        if (thread != null) throw new IllegalStateException(name + ": the reconnect loop runs once; make a new one");
        running = true;
        Thread t = new Thread(this::loop, name);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** True from start until stop, or until the loop ended by itself. */
    public boolean running() {
        return running;
    }

    /** Ends the loop: no more connections; the running one is interrupted; waits up to 5 s for the thread. */
    public void stop() {
        running = false;
        stopped.countDown();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t == null || t == Thread.currentThread()) return;
        t.interrupt();
        join(STOP_WAIT);
    }

    /** Waits up to {@code timeout} for the loop to end; true when it has (or never started). */
    public boolean join(Duration timeout) {
        synchronized (this) {
            if (thread == null) return true;
        }
        try {
            return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void loop() {
        int attempt = 0;
        try {
            while (running) {
                if (attempt > 0) {
                    Duration wait = backoff.delay(attempt);
                    log.info("{}: reconnecting in {} ms (attempt {})", name, wait.toMillis(), attempt);
                    if (stopped.await(wait.toMillis(), TimeUnit.MILLISECONDS)) break;
                }
                Ending ending = runOnce(attempt);
                if (ending == null) break; // interrupted by stop()
                attempt = switch (ending) {
                    case WORKED -> 1;
                    case FAILED -> Math.min(attempt + 1, LONGEST);
                    case REFUSED -> LONGEST;
                    case RENEW -> 0;
                    case STOP -> {
                        running = false;
                        yield attempt;
                    }
                };
            }
        } catch (InterruptedException e) {
            // stop() during the wait
        } finally {
            running = false;
            ended.countDown();
            log.debug("{}: reconnect loop ended", name);
        }
    }

    /** One connection; null when it was interrupted because the loop is stopping. */
    private Ending runOnce(int attempt) {
        try {
            Ending ending = connection.run();
            return ending == null ? Ending.FAILED : ending;
        } catch (InterruptedException e) {
            if (!running) return null;
            Thread.interrupted(); // a stray interrupt: the loop goes on
            return Ending.FAILED;
        } catch (Exception e) {
            if (!running) return null;
            log.warn("{}: connection failed (attempt {}): {}", name, attempt + 1, e.getMessage() == null ? e.toString() : e.getMessage());
            return Ending.FAILED;
        }
    }
}
