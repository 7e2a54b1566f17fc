package app.mentorbot.bot.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import app.mentorbot.bot.testing.TestDatabase;
import app.mentorbot.conversations.district.SchoolPartitions;

/**
 * Three schools on one database when the step runs: the largest school's rows stay in the old table, which becomes
 * its partition; the others' rows move to theirs; a school with no rows yet gets empty ones. The keys still hold
 * across the partitions, and each partitioned table's indexes start with school_id but for the look-up by id.
 */
class DistrictConversionTest {
    static JdbcClient jdbc;
    static TransactionTemplate tx;
    static Map<String, List<String>> before;
    static SchoolPartitions.Outcome outcome;

    @BeforeAll
    static void threeSchoolsPartitioned() {
        DriverManagerDataSource ds = new DriverManagerDataSource(TestDatabase.newDatabase(), TestDatabase.user(), TestDatabase.password());
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(ds);
        tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        jdbc.sql("insert into school (id, name) values ('east', ''), ('west', ''), ('new', '')").update();
        file("east", 3);
        file("west", 5);
        before = rows();
        outcome = tx.execute(s -> new SchoolPartitions(jdbc).partition());
    }

    /** n records of a school, each about one student, each corrected once, each with a parent's message counted towards it. */
    static void file(String school, int n) {
        for (int i = 0; i < n; i++) {
            long id = jdbc.sql("insert into record (school_id, author_id, kind, note, created_at) values (?, 'T1', 'TALK', 'n', now()) returning id")
                    .param(school).query(Long.class).single();
            jdbc.sql("insert into record_student (record_id, school_id, student_id) values (?, ?, 'S1')").params(id, school).update();
            jdbc.sql("insert into record_version (school_id, record_id, version, changed_at, changed_by, reason, snapshot) "
                    + "values (?, ?, 1, now(), 'T1', 'CORRECTION', '{}')").params(school, id).update();
            jdbc.sql("insert into relay_message (school_id, student_id, parent_id, mentor_id, direction, body, sent_at, record_id) "
                    + "values (?, 'S1', 'P1', 'T1', 'TO_MENTOR', 'b', now(), ?)").params(school, id).update();
        }
    }

    static Map<String, List<String>> rows() {
        Map<String, List<String>> out = new TreeMap<>();
        for (String t : List.of("record", "record_student", "record_version", "relay_message")) {
            out.put(t, jdbc.sql("select t::text from " + t + " t order by 1").query(String.class).list());
        }
        return out;
    }

    static Map<String, Long> placement(String table) {
        Map<String, Long> out = new TreeMap<>();
        jdbc.sql("select tableoid::regclass::text, count(*) from " + table + " group by 1").query((rs, n) -> out.put(rs.getString(1), rs.getLong(2))).list();
        return out;
    }

    @Test
    void theLargestSchoolKeepsTheOldTableAndTheOthersRowsMoveToTheirOwn() {
        assertThat(outcome.converted()).containsExactly("record", "relay_message");
        assertThat(outcome.rowsMoved()).as("east's 3 records and 3 messages; west's 5 and 5 stay").isEqualTo(6);
        assertThat(rows()).isEqualTo(before);
        assertThat(placement("record")).isEqualTo(Map.of("record_s_east", 3L, "record_s_west", 5L));
        assertThat(placement("relay_message")).isEqualTo(Map.of("relay_message_s_east", 3L, "relay_message_s_west", 5L));
        assertThat(jdbc.sql("select count(*) from pg_inherits where inhparent = 'record'::regclass").query(Integer.class).single())
                .as("east, west, new and the default").isEqualTo(4);
    }

    @Test
    void theForeignKeysStillHoldAcrossThePartitions() {
        assertThatThrownBy(() -> jdbc.sql("insert into record_student (record_id, school_id, student_id) values (-1, 'east', 'S2')").update())
                .isInstanceOf(DataIntegrityViolationException.class);
        long east = jdbc.sql("select min(id) from record where school_id = 'east'").query(Long.class).single();
        assertThatThrownBy(() -> jdbc.sql("insert into record_student (record_id, school_id, student_id) values (?, 'west', 'S2')").param(east).update())
                .as("a record of east is not west's").isInstanceOf(DataIntegrityViolationException.class);
        tx.executeWithoutResult(s -> {
            jdbc.sql("delete from relay_message where record_id = ?").param(east).update();
            jdbc.sql("delete from record where id = ?").param(east).update();
            assertThat(jdbc.sql("select count(*) from record_student where record_id = ?").param(east).query(Long.class).single())
                    .as("deleting a record still takes its students and versions with it").isZero();
            assertThat(jdbc.sql("select count(*) from record_version where record_id = ?").param(east).query(Long.class).single()).isZero();
            s.setRollbackOnly();
        });
    }

    @Test
    void theParentsIndexesStartWithSchoolIdButForTheLookUpById() {
        List<String> notBySchool = jdbc.sql("""
                select i.indexrelid::regclass::text from pg_index i
                where i.indrelid in ('record'::regclass, 'relay_message'::regclass)
                  and (select a.attname from pg_attribute a where a.attrelid = i.indrelid and a.attnum = i.indkey[0]) <> 'school_id'
                order by 1""").query(String.class).list();
        assertThat(notBySchool).containsExactly("record_id_lookup", "relay_message_id_lookup");
        assertThat(jdbc.sql("select pg_get_constraintdef(oid) from pg_constraint where conrelid = 'record'::regclass and contype = 'p'")
                .query(String.class).single()).isEqualTo("PRIMARY KEY (school_id, id)");
    }
}
