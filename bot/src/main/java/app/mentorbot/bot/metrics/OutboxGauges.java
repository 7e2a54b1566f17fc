package app.mentorbot.bot.metrics;

import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox as the operator watches it: messages waiting to go out (backlog) and messages parked for the admin.
 * Counted in the database at each scrape (one query for both, reused for a second), so every instance reports the
 * shared outbox; NaN while the database is away.
 */
@Component
class OutboxGauges implements MeterBinder {
    private static final long FRESH_NANOS = 1_000_000_000L;
    private final JdbcClient jdbc;
    private volatile Counts last = new Counts(Double.NaN, Double.NaN, Long.MIN_VALUE);

    private record Counts(double pending, double parked, long atNanos) {}

    OutboxGauges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("mentorbot.outbox.backlog", this, g -> g.counts().pending())
                .description("outbox messages waiting to be sent").register(registry);
        Gauge.builder("mentorbot.outbox.parked", this, g -> g.counts().parked())
                .description("outbox messages parked after failing, for the admin").register(registry);
    }

    private Counts counts() {
        Counts c = last;
        long now = System.nanoTime();
        if (c.atNanos() != Long.MIN_VALUE && now - c.atNanos() < FRESH_NANOS) return c;
        try {
            Map<String, Object> row = jdbc.sql("select count(*) filter (where status = 'PENDING') as pending, "
                    + "count(*) filter (where status = 'PARKED') as parked from outbox where status in ('PENDING', 'PARKED')")
                    .query().singleRow();
            c = new Counts(((Number) row.get("pending")).doubleValue(), ((Number) row.get("parked")).doubleValue(), now);
        } catch (DataAccessException away) {
            c = new Counts(Double.NaN, Double.NaN, now);
        }
        last = c;
        return c;
    }
}
