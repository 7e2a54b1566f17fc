package app.mentorbot.bot.leases;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Named leases in PostgreSQL, for work only one bot instance may do at a time. Acquiring and renewing
 * are the same call: it succeeds when the lease is free, expired, or already ours.
 */
@Component
public class Leases {
    private final JdbcClient jdbc;
    private final Clock clock;

    Leases(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Takes or renews the lease for {@code ttl}; false when another holder has it. */
    public boolean acquire(String name, String holder, Duration ttl) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(holder, "holder");
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp until = Timestamp.from(clock.instant().plus(ttl));
        return jdbc.sql("insert into lease (name, holder, expires_at) values (?, ?, ?) on conflict (name) do update "
                        + "set holder = excluded.holder, expires_at = excluded.expires_at "
                        + "where lease.holder = excluded.holder or lease.expires_at < ?")
                .params(name, holder, until, now).update() == 1;
    }

    public void release(String name, String holder) {
        jdbc.sql("delete from lease where name = ? and holder = ?").params(name, holder).update();
    }
}
