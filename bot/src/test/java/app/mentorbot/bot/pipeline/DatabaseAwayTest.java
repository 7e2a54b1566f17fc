package app.mentorbot.bot.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures spool a message until the database answers again, and which ask the sender to retry. */
class DatabaseAwayTest {

    @Test
    void aSessionEndedBecauseThePrimaryWasStoppedImmediatelyIsTheDatabaseAway() {
        // what every open session gets from pg_ctl stop -m immediate, e.g. a primary dying before a failover
        SQLException crash = new SQLException("FATAL: terminating connection because of crash of another server process", "57P02");
        assertThat(TurnProcessor.databaseAway(new RuntimeException("handling failed", crash))).isTrue();
    }

    @Test
    void aLostConnectionAShutdownAndAStartingServerAreTheDatabaseAway() {
        assertThat(TurnProcessor.databaseAway(new SQLException("An I/O error occurred while sending to the backend.", "08006"))).isTrue();
        assertThat(TurnProcessor.databaseAway(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(TurnProcessor.databaseAway(new SQLException("the database system is starting up", "57P03"))).isTrue();
    }

    @Test
    void aFailedRollbackAfterALostConnectionIsTheDatabaseAway() {
        // the statement lost its connection (08006), the pool closed it, so the rollback failed as well and hid the first failure
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        assertThat(TurnProcessor.databaseAway(rollback)).isTrue();
    }

    @Test
    void aCommitLostWithItsConnectionIsTheDatabaseAway() {
        // the commit's I/O error is only logged ("Commit exception overridden by rollback exception"): the rollback's is thrown
        assertThat(TurnProcessor.databaseAway(new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed")))).isTrue();
    }

    @Test
    void aTransactionFailureWithoutAnyJdbcCauseIsNot() {
        TransactionSystemException other = new TransactionSystemException("could not roll back", new IllegalStateException("no transaction"));
        other.initApplicationException(new IllegalArgumentException("no such student"));
        assertThat(TurnProcessor.databaseAway(other)).isFalse();
    }

    @Test
    void aFaultInTheMessageItselfIsNot() {
        SQLException unique = new SQLException("duplicate key value violates unique constraint", "23505");
        assertThat(TurnProcessor.databaseAway(new DataIntegrityViolationException("insert failed", unique))).isFalse();
        assertThat(TurnProcessor.databaseAway(new SQLException("canceling statement due to user request", "57014"))).isFalse();
    }
}
