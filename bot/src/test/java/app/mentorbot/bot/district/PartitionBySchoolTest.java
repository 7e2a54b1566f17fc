package app.mentorbot.bot.district;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import app.mentorbot.adapters.api.testing.FakeChat;
import app.mentorbot.bot.backup.Backups;
import app.mentorbot.bot.backup.Restores;
import app.mentorbot.bot.testing.ChatTest;
import app.mentorbot.bot.testing.SchoolDayClock;
import app.mentorbot.conversations.district.SchoolPartitions;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.RosterStore;

/**
 * The demo school with nine weeks of records becomes the first school of a district: its record and relay tables are
 * partitioned by school. Every row stays where it was, the dialogue files, corrects and relays as before, a school's
 * query reads its own partition only, a new school gets its partitions, a second run changes nothing, and a backup of
 * the partitioned database restores over it row for row.
 */
@ChatTest
@Import(SchoolDayClock.class)
@TestPropertySource(properties = {"mentorbot.demo-records=true", "mentorbot.scheduler.initial-delay=1h"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartitionBySchoolTest {
    /** The partitioned tables and every table that points at them. */
    static final List<String> TABLES = List.of("record", "record_student", "record_version", "relay_message", "reminder",
            "safety_check", "student_report_request", "school");

    @TempDir
    static Path dir;

    @Autowired
    FakeChat chat;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SchoolPartitioning partitioning;
    @Autowired
    RosterStore rosters;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Backups backups;
    @Autowired
    Restores restores;

    Map<String, List<String>> rows() {
        Map<String, List<String>> out = new TreeMap<>();
        for (String table : TABLES) {
            out.put(table, jdbc.sql("select t::text from " + table + " t order by 1").query(String.class).list());
        }
        return out;
    }

    /** Which table each row of a partitioned table is in, and how many. */
    Map<String, Long> placement(String table) {
        Map<String, Long> out = new TreeMap<>();
        jdbc.sql("select tableoid::regclass::text, count(*) from " + table + " group by 1")
                .query((rs, n) -> out.put(rs.getString(1), rs.getLong(2))).list();
        return out;
    }

    Map<String, Object> lastRecordOf(String author) {
        return jdbc.sql("""
                select r.id, r.event_date::text as date,
                       (select string_agg(student_id, ',' order by student_id) from record_student s where s.record_id = r.id) as students,
                       (select count(*) from record_version v where v.record_id = r.id) as versions
                from record r where r.author_id = ? and r.deleted_at is null order by r.id desc limit 1""")
                .param(author).query().singleRow();
    }

    void aMotherWritesAndTheMentorAnswers(String topic) throws Exception {
        try (FakeChat.Phone mother = chat.as("P01"); FakeChat.Phone liu = chat.as("T01")) {
            mother.say("刘老师您好，想问问小明" + topic + "的情况");
            assertThat(mother.reply()).contains("已转达");
            assertThat(liu.pushContaining(topic)).startsWith("张小明妈妈：");
            assertThat(liu.replyTo(liu.say("回复张小明妈妈 您好，" + topic + "我会再看看"))).contains("已发送给张小明妈妈");
            assertThat(mother.pushContaining(topic + "我会再看看")).contains("刘洋老师");
        }
    }

    @Test
    @Order(1)
    void aSingleSchoolConvertedKeepsEveryRowAndEveryFlowWorksOnTheParent() throws Exception {
        assertThat(new SchoolPartitions(jdbc).partitioned()).as("one school is below the threshold: nothing happened at start").isFalse();
        try (FakeChat.Phone liu = chat.as("T01")) {
            liu.replyTo(liu.say("今天和李华单独谈心，聊了期中考试"));
            assertThat(liu.replyTo(liu.say("不对，是昨天"))).startsWith("已更正");
        }
        aMotherWritesAndTheMentorAnswers("作业量");
        Map<String, List<String>> before = rows();
        assertThat(before.get("record")).hasSizeGreaterThan(100);
        assertThat(before.get("record_version")).isNotEmpty();
        assertThat(before.get("relay_message")).isNotEmpty();

        SchoolPartitions.Outcome done = partitioning.now();

        assertThat(done.converted()).containsExactly("record", "relay_message");
        assertThat(done.rowsMoved()).as("one school: its table becomes its partition, no row is copied").isZero();
        assertThat(rows()).isEqualTo(before);
        assertThat(placement("record")).containsOnlyKeys("record_s_main");
        assertThat(placement("relay_message")).containsOnlyKeys("relay_message_s_main");
        assertThat(jdbc.sql("select count(*) from pg_partitioned_table").query(Integer.class).single()).isEqualTo(2);

        try (FakeChat.Phone liu = chat.as("T01")) {
            assertThat(liu.replyTo(liu.say("小明今天主动来找我，说数学跟不上，下周三再跟进"))).startsWith("已记录");
            assertThat(liu.replyTo(liu.say("还有王子轩"))).contains("王子轩");
            assertThat(liu.replyTo(liu.say("不对，是昨天"))).startsWith("已更正");
            assertThat(lastRecordOf("T01")).containsEntry("date", "2026-03-09").containsEntry("students", "S01,S03")
                    .containsEntry("versions", 2L);
            assertThat(liu.replyTo(liu.say("张小明最近的记录"))).contains("的最近记录").contains("数学跟不上");
            assertThat(liu.replyTo(liu.say("撤销"))).doesNotContain("已记录");
        }
        aMotherWritesAndTheMentorAnswers("睡眠");
        assertThat(placement("record").keySet()).containsOnly("record_s_main");
        assertThat(placement("relay_message")).containsOnlyKeys("relay_message_s_main");
    }

    @Test
    @Order(2)
    void aSchoolsQueryReadsOnlyItsOwnPartition() {
        String plan = String.join("\n", jdbc.sql("explain select id from record where school_id = 'main' and author_id = 'T01' "
                + "and deleted_at is null and event_date between '2026-01-01' and '2026-03-31'").query(String.class).list());
        assertThat(plan).contains("record_s_main").doesNotContain("record_default");
    }

    @Test
    @Order(3)
    void runningTheStepAgainChangesNothing() {
        Map<String, List<String>> before = rows();
        assertThat(partitioning.now().changedNothing()).isTrue();
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    @Order(4)
    void aNewSchoolGetsItsOwnPartitionsAndOneThatSlippedInIsMovedOutOfTheDefault() {
        tx.executeWithoutResult(s -> rosters.replace("second", new Roster("第二中学", List.of(), List.of(), List.of(), List.of())));
        String home = jdbc.sql("insert into record (school_id, author_id, kind, note, created_at) values ('second', 'T01', 'TALK', 'x', now()) "
                + "returning tableoid::regclass::text").query(String.class).single();
        assertThat(home).isEqualTo("record_s_second");

        jdbc.sql("insert into school (id, name) values ('Third School', '')").update(); // not through an import: no partition yet
        jdbc.sql("insert into record (school_id, author_id, kind, note, created_at) values ('Third School', 'T01', 'TALK', 'y', now())").update();
        assertThat(placement("record")).containsEntry("record_default", 1L);

        SchoolPartitions.Outcome more = partitioning.now();

        assertThat(more.converted()).isEmpty();
        assertThat(more.partitionsMade()).as("record and relay_message").isEqualTo(2);
        assertThat(more.rowsMoved()).isEqualTo(1);
        assertThat(placement("record")).doesNotContainKey("record_default").hasSize(3);
        assertThat(jdbc.sql("select tableoid::regclass::text from record where school_id = 'Third School'").query(String.class).single())
                .startsWith("record_s_h");
    }

    @Test
    @Order(5)
    void aBackupOfThePartitionedDatabaseHoldsEachTableOnceAndRestoresOverItRowForRow() {
        Map<String, List<String>> before = rows();
        Map<String, Long> records = placement("record");
        Path file = dir.resolve("district.zip");

        Backups.Summary taken = backups.write(file);

        List<String> names = new ArrayList<>(taken.tables().stream().map(Backups.TableCount::table).toList());
        assertThat(names).contains("record", "relay_message").noneMatch(n -> n.startsWith("record_s_") || n.endsWith("_default"));
        assertThat(taken.tables()).contains(new Backups.TableCount("record", before.get("record").size()));

        restores.restore(file, true);

        assertThat(rows()).isEqualTo(before);
        assertThat(placement("record")).isEqualTo(records);
        assertThat(new SchoolPartitions(jdbc).partitioned()).isTrue();
    }
}
