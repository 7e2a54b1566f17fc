package app.mentorbot.bot.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import app.mentorbot.adapters.api.Adapter;
import app.mentorbot.adapters.api.Delivery;
import app.mentorbot.adapters.api.RateLimit;

/**
 * Sends outbox rows through the adapters, one thread, in id order. A failed attempt
 * backs off exponentially (or as long as the platform asked); after {@value #MAX_ATTEMPTS} attempts, or
 * on a permanent failure, the row is parked with its reason for the admin to see, never dropped.
 */
@Component
@ConditionalOnWebApplication
public class OutboxDispatcher implements SmartLifecycle {
    static final int MAX_ATTEMPTS = 8;
    // short enough that with several bot instances (a page open on another one) a message is not stuck long
    static final Duration UNREACHABLE_WAIT = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 1_000;
    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final Outbox outbox;
    private final Adapters adapters;
    private final DispatchSignal signal;
    private final SendRates rates;
    private volatile Thread thread;
    private volatile boolean running;

    OutboxDispatcher(Outbox outbox, Adapters adapters, DispatchSignal signal, Clock clock) {
        this.rates = new SendRates(clock);
        this.outbox = outbox;
        this.adapters = adapters;
        this.signal = signal;
    }

    /** After the adapters have started ({@code AdapterRuntime}, an earlier phase), before they stop. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::loop, "outbox-dispatcher");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        signal.wake();
        Thread t = thread;
        if (t != null) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                for (DispatchSignal.Chat chat = signal.nextReachable(); chat != null; chat = signal.nextReachable()) {
                    outbox.due(chat.platform(), chat.chatId());
                }
                List<Outbox.Row> rows = outbox.claim(50);
                // Once a platform hits its rate limit, its later rows in this batch wait just as long,
                // so messages to one chat keep their order.
                Map<String, Duration> held = new HashMap<>();
                List<Long> sent = new ArrayList<>();
                try {
                    for (Outbox.Row row : rows) {
                        Duration wait = held.get(row.platform());
                        if (wait != null) outbox.waitFor(row.id(), wait, "rate limit");
                        else deliver(row, sent).ifPresent(w -> held.put(row.platform(), w));
                    }
                } finally {
                    outbox.sent(sent); // one commit for the batch; a crash before it resends after the lease
                }
                if (rows.isEmpty()) signal.await(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Most likely the database is away; the rows stay and are claimed again later.
                log.warn("outbox dispatch paused: {}", e.toString());
                sleepQuietly(2_000);
            }
        }
    }

    /** Sends one row; returns the wait when the platform's rate limit held it back. */
    private Optional<Duration> deliver(Outbox.Row row, List<Long> sent) {
        Optional<Adapter> adapter = adapters.find(row.platform());
        if (adapter.isEmpty()) {
            outbox.park(row.id(), "no adapter for platform " + row.platform());
            return Optional.empty();
        }
        Optional<RateLimit> limit = adapter.get().rateLimit();
        if (limit.isPresent()) {
            Duration wait = rates.take(row.platform(), limit.get());
            if (!wait.isZero()) {
                outbox.waitFor(row.id(), wait, "rate limit");
                return Optional.of(wait);
            }
        }
        Delivery result;
        try {
            result = adapter.get().send(row.message());
        } catch (RuntimeException e) {
            result = new Delivery.RetryLater(Duration.ZERO, e.toString());
        }
        // for the operator's metrics: the platform only (a small fixed set), never the chat or the text
        if (result instanceof Delivery.Sent) Metrics.counter("mentorbot.replies.sent", "platform", row.platform()).increment();
        else Metrics.counter("mentorbot.send.errors", "platform", row.platform(), "outcome", result.getClass().getSimpleName()).increment();
        if (result instanceof Delivery.Sent) {
            sent.add(row.id());
        } else if (result instanceof Delivery.Unreachable u) {
            outbox.waitFor(row.id(), UNREACHABLE_WAIT, u.reason());
        } else if (result instanceof Delivery.Failed f) {
            log.warn("outbox row {} parked: {}", row.id(), f.reason());
            outbox.park(row.id(), f.reason());
        } else if (result instanceof Delivery.RetryLater r) {
            if (row.attempts() + 1 >= MAX_ATTEMPTS) {
                log.warn("outbox row {} parked after {} attempts: {}", row.id(), MAX_ATTEMPTS, r.reason());
                outbox.park(row.id(), r.reason());
            } else {
                Duration backoff = Duration.ofSeconds(1L << Math.min(row.attempts() + 1, 10));
                outbox.retry(row.id(), r.after().compareTo(backoff) > 0 ? r.after() : backoff, r.reason());
            }
        }
        return Optional.empty();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
