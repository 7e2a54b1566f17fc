package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.bot.RosterImportCommandTest.Run;
import app.mentorbot.bot.cli.ImportCommand;
import app.mentorbot.bot.cli.PartitionCommand;
import app.mentorbot.bot.testing.TestDatabase;

/**
 * The IT admin of a district partitions its database by school before the threshold is reached: the command says what
 * it did, run again it says nothing changed, and the next school's roster import brings that school's partitions.
 */
class PartitionCommandTest {
    final String url = TestDatabase.newDatabase();

    String[] args(String... own) {
        return Stream.concat(Stream.of(own), Stream.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + TestDatabase.user(),
                "--spring.datasource.password=" + TestDatabase.password())).toArray(String[]::new);
    }

    JdbcClient jdbc() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser(TestDatabase.user());
        ds.setPassword(TestDatabase.password());
        return JdbcClient.create(ds);
    }

    @Test
    void theCommandPartitionsOnceAndTheNextSchoolsImportBringsItsPartitions() throws Exception {
        String roster = Path.of("../config/example-school.json").toString();
        Run imported = RosterImportCommandTest.capture(() -> ImportCommand.run(args(roster)));
        assertThat(imported.exit()).as(imported.err()).isZero();

        Run first = RosterImportCommandTest.capture(() -> PartitionCommand.run(args()));
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("已按学校分区（record、relay_message）").contains("移动 0 行");

        Run again = RosterImportCommandTest.capture(() -> PartitionCommand.run(args()));
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("没有任何改动");

        Run second = RosterImportCommandTest.capture(() -> ImportCommand.run(args(roster, "--mentorbot.school-id=second")));
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(jdbc().sql("select count(*) from pg_inherits h join pg_class c on c.oid = h.inhrelid where c.relname like '%_s_second'")
                .query(Integer.class).single()).as("record_s_second and relay_message_s_second").isEqualTo(2);
    }
}
