package app.mentorbot.bot.district;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.mentorbot.conversations.district.SchoolPartitions;

/**
 * A district's database is partitioned by school once it holds {@code mentorbot.district.partition-threshold} schools
 * (5 unless set; 0 never by itself): at the bot's start, in one transaction, then every start only checks that each
 * school has its partitions. A single school's database never pays for it. The {@code partition-by-school} command
 * does the same at once, whatever the count.
 */
@Component
public class SchoolPartitioning {
    private static final Logger log = LoggerFactory.getLogger(SchoolPartitioning.class);
    private final JdbcClient jdbc;
    private final SchoolPartitions partitions;
    private final TransactionTemplate tx;
    private final int threshold;

    SchoolPartitioning(JdbcClient jdbc, TransactionTemplate tx, @Value("${mentorbot.district.partition-threshold:5}") int threshold) {
        this.jdbc = jdbc;
        this.partitions = new SchoolPartitions(jdbc);
        this.tx = tx;
        this.threshold = threshold;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        boolean due = tx.execute(s -> partitions.partitioned() || (threshold > 0 && partitions.schools() >= threshold));
        if (!due) return;
        SchoolPartitions.Outcome o = now();
        if (!o.changedNothing()) {
            log.info("partitioned by school: tables {}, {} partition(s) made, {} row(s) moved", o.converted(), o.partitionsMade(), o.rowsMoved());
        }
    }

    /**
     * A school's partitions before its roster is imported, in a transaction of their own: creating a partition locks
     * the table for every school until commit, and an import's transaction may take seconds. Nothing when not partitioned.
     */
    public void forSchool(String schoolId) {
        tx.executeWithoutResult(s -> SchoolPartitions.forNewSchool(jdbc, schoolId));
    }

    /** Partitions now (the command), or only adds missing schools' partitions when that was done before. */
    public SchoolPartitions.Outcome now() {
        return tx.execute(s -> partitions.partition());
    }
}
