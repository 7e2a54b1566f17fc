package app.mentorbot.bot.district;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import app.mentorbot.bot.testing.TestDatabase;
import app.mentorbot.conversations.district.SchoolPartitions;

/**
 * The bot partitions by school at its start once the database holds the threshold's number of schools, not before,
 * and never with a threshold of 0; a school about to be imported gets its partitions first, in a transaction of its own.
 */
class DistrictThresholdTest {
    final DriverManagerDataSource ds = new DriverManagerDataSource(TestDatabase.newDatabase(), TestDatabase.user(), TestDatabase.password());
    final JdbcClient jdbc = JdbcClient.create(ds);
    final TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));

    DistrictThresholdTest() {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    }

    void schools(String... ids) {
        for (String id : ids) jdbc.sql("insert into school (id) values (?)").param(id).update();
    }

    boolean partitioned() {
        return new SchoolPartitions(jdbc).partitioned();
    }

    @Test
    void theStartPartitionsWhenTheSchoolsReachTheThresholdAndNotBefore() {
        SchoolPartitioning atThree = new SchoolPartitioning(jdbc, tx, 3);
        schools("a", "b");
        atThree.atStart();
        assertThat(partitioned()).as("two schools, threshold three").isFalse();
        schools("c");
        atThree.atStart();
        assertThat(partitioned()).isTrue();
        assertThat(jdbc.sql("select count(*) from pg_inherits where inhparent = 'relay_message'::regclass").query(Integer.class).single())
                .as("a, b, c and the default").isEqualTo(4);
    }

    @Test
    void aThresholdOfZeroNeverPartitionsByItself() {
        schools("a", "b", "c", "d", "e", "f");
        new SchoolPartitioning(jdbc, tx, 0).atStart();
        assertThat(partitioned()).isFalse();
    }

    @Test
    void aSchoolAboutToBeImportedGetsItsPartitionsFirstOnlyWhenTheDatabaseIsPartitioned() {
        SchoolPartitioning partitioning = new SchoolPartitioning(jdbc, tx, 5);
        partitioning.forSchool("next");
        assertThat(partitioned()).isFalse();
        schools("a");
        partitioning.now();
        partitioning.forSchool("next");
        assertThat(jdbc.sql("select to_regclass('record_s_next') is not null and to_regclass('relay_message_s_next') is not null")
                .query(Boolean.class).single()).isTrue();
    }
}
