package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import app.mentorbot.adapters.api.testing.Patience;
import app.mentorbot.bot.RosterImportCommandTest.Run;
import app.mentorbot.bot.cli.BackupCommand;
import app.mentorbot.bot.files.OwnerOnly;
import app.mentorbot.bot.outbox.OutboxDispatcher;
import app.mentorbot.bot.testing.BotTest;
import app.mentorbot.bot.testing.SchoolDayClock;
import app.mentorbot.bot.testing.TestDatabase;
import app.mentorbot.bot.web.SignedLinks;

/**
 * The IT admin backs up a school at work (nine weeks of demo records, then a term's talk about 杨帆: corrections,
 * the mother's messages, a conference, a plan in two versions, an assessment sent home, signed links) and restores
 * it into an empty database, into a wiped one, and over changed data: every table comes back row for row, with
 * every sequence where it was and the signing key, so links sent before still open.
 */
@BotTest
@Import(SchoolDayClock.class)
@TestPropertySource(properties = {"mentorbot.demo-records=true", "mentorbot.scheduler.initial-delay=1h"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupRestoreTest {
    @TempDir
    static Path dir;
    static Path backup;
    static Map<String, List<String>> backedUp;
    static String restored;

    @LocalServerPort
    int port;
    @Autowired
    SignedLinks links;
    @Autowired
    OutboxDispatcher dispatcher;
    @Value("${spring.datasource.url}")
    String url;

    static String[] args(String databaseUrl, String... command) {
        List<String> a = new ArrayList<>(List.of(command));
        a.add("--spring.datasource.url=" + databaseUrl);
        a.add("--spring.datasource.username=" + TestDatabase.user());
        a.add("--spring.datasource.password=" + TestDatabase.password());
        return a.toArray(String[]::new);
    }

    /** Every table's rows as text, sorted, and every sequence's position: what "row for row" means here. */
    static Map<String, List<String>> contents(String databaseUrl) throws SQLException {
        Map<String, List<String>> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(databaseUrl, TestDatabase.user(), TestDatabase.password());
             Statement st = c.createStatement()) {
            for (String table : strings(st, "select tablename from pg_tables where schemaname = 'public' and tablename <> 'flyway_schema_history'")) {
                List<String> rows = strings(st, "select t::text from \"" + table + "\" t");
                Collections.sort(rows);
                out.put(table, rows);
            }
            for (String seq : strings(st, "select relname from pg_class where relkind = 'S'")) {
                out.put("sequence " + seq, strings(st, "select last_value || ' ' || is_called from \"" + seq + "\""));
            }
        }
        return out;
    }

    /** Waits, as long as the machine's load asks, until no web chat page is held open in {@code chat_presence}. */
    static void awaitNoOpenPages(String databaseUrl) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Patience.of(Duration.ofSeconds(10)).toNanos();
        try (Connection c = DriverManager.getConnection(databaseUrl, TestDatabase.user(), TestDatabase.password());
             Statement st = c.createStatement()) {
            while (!strings(st, "select 1 from chat_presence").isEmpty()) {
                if (System.nanoTime() > deadline) throw new AssertionError("a closed web chat page is still held open");
                Thread.sleep(50);
            }
        }
    }

    static List<String> strings(Statement st, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    static void execute(String databaseUrl, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(databaseUrl, TestDatabase.user(), TestDatabase.password());
             Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Test
    @Order(1)
    void aBackupOfASchoolAtWorkRestoresIntoAnEmptyDatabaseRowForRow() throws Exception {
        StudentErasureTest.talkAboutYangFan(port);
        String digestLink = links.digestPage("main", "T02", "C21");
        dispatcher.stop(); // the replies are out; from here on nothing writes, so the live tables are the backup's
        awaitNoOpenPages(url); // but the closed pages' presence rows go within a second or so (more on a busy machine)
        backup = dir.resolve("mentorbot-2026-03-10.zip");

        Run taken = RosterImportCommandTest.capture(() -> BackupCommand.backup(args(url, backup.toString())));
        assertThat(taken.exit()).as(taken.err()).isZero();
        assertThat(taken.out()).contains("已备份到").contains("含链接签名密钥").contains("0600");
        assertThat(OwnerOnly.isPrivate(backup)).as("a backup of minors' records is for the owner only").isTrue();
        backedUp = contents(url);
        assertThat(backedUp.get("bot_setting")).anySatisfy(row -> assertThat(row).startsWith("(invitation_key,"));
        assertThat(backedUp.get("record_version")).as("a corrected note's earlier version").isNotEmpty();
        assertThat(backedUp.get("guidance_plan")).as("a plan confirmed and the draft of its next version").hasSizeGreaterThanOrEqualTo(2);
        assertThat(backedUp.get("relay_message")).as("the mother's message and the reply").isNotEmpty();
        assertThat(backedUp.get("stage_assessment")).isNotEmpty();
        assertThat(backedUp.get("conference_decision")).isNotEmpty();
        assertThat(backedUp.get("record")).hasSizeGreaterThan(100);

        restored = TestDatabase.newDatabase();
        Run restore = RosterImportCommandTest.capture(() -> BackupCommand.restore(args(restored, backup.toString())));
        assertThat(restore.exit()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("已恢复").contains("record " + backedUp.get("record").size());
        assertThat(contents(restored)).isEqualTo(backedUp);
        assertThat(digestLink).as("signed with the key that travelled in the backup").contains("sig=");
    }

    @Test
    @Order(2)
    void aWipedDatabaseTakesTheBackupBackWithoutBeingAsked() throws Exception {
        execute(restored, "truncate " + String.join(", ", backedUp.keySet().stream().filter(t -> !t.startsWith("sequence ")).toList()));
        Run restore = RosterImportCommandTest.capture(() -> BackupCommand.restore(args(restored, backup.toString())));
        assertThat(restore.exit()).as(restore.err()).isZero();
        assertThat(contents(restored)).isEqualTo(backedUp);
    }

    @Test
    @Order(3)
    void dataChangedSinceTheBackupIsReplacedOnlyWhenTheAdminSaysReplace() throws Exception {
        execute(restored, "delete from record_version");
        execute(restored, "update teacher set name = '新老师' where id = 'T01'");
        Map<String, List<String>> changed = contents(restored);

        Run refused = RosterImportCommandTest.capture(() -> BackupCommand.restore(args(restored, backup.toString())));
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("已有数据").contains("--replace");
        assertThat(contents(restored)).as("nothing was touched").isEqualTo(changed);

        Run replaced = RosterImportCommandTest.capture(() -> BackupCommand.restore(args(restored, backup.toString(), "--replace")));
        assertThat(replaced.exit()).as(replaced.err()).isZero();
        assertThat(contents(restored)).isEqualTo(backedUp);
    }

    @Test
    @Order(4)
    void aBackupFromANewerVersionIsRefusedAndTheDatabaseLeftAsItWas() throws Exception {
        Path newer = dir.resolve("from-a-newer-bot.zip");
        try (ZipFile in = new ZipFile(backup.toFile()); OutputStream file = Files.newOutputStream(newer); ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry e : Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream body = in.getInputStream(e)) {
                    byte[] bytes = body.readAllBytes();
                    if (e.getName().equals("manifest.json")) {
                        bytes = new String(bytes, StandardCharsets.UTF_8).replaceFirst("\"schemaVersion\" ?: ?\"[0-9.]+\"", "\"schemaVersion\":\"999\"")
                                .getBytes(StandardCharsets.UTF_8);
                    }
                    out.write(bytes);
                }
                out.closeEntry();
            }
        }
        String empty = TestDatabase.newDatabase();
        Run refused = RosterImportCommandTest.capture(() -> BackupCommand.restore(args(empty, newer.toString())));
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("更新的版本").contains("999");
        assertThat(contents(empty)).as("not even migrated").isEmpty();
    }

    @Test
    @Order(5)
    void aBackupTakenWhileNotesKeepArrivingHoldsEachNoteWithItsStudentsOrNeither() throws Exception {
        // A writer files a note and its student in one transaction each, over and over, while the backup runs.
        // Copied table by table at different moments, the two tables would disagree (a student row whose note is
        // missing fails the restore's foreign key); one snapshot holds whole transactions only.
        String database = TestDatabase.newDatabase();
        Run seed = RosterImportCommandTest.capture(() -> BackupCommand.restore(args(database, backup.toString())));
        assertThat(seed.exit()).as(seed.err()).isZero();
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
        Thread writer = new Thread(() -> {
            try (Connection c = DriverManager.getConnection(database, TestDatabase.user(), TestDatabase.password());
                 Statement st = c.createStatement()) {
                c.setAutoCommit(false);
                while (writing.get()) {
                    st.execute("with r as (insert into record (school_id, author_id, kind, note, created_at) "
                            + "values ('main', 'T01', 'TALK', 'concurrent', now()) returning id) "
                            + "insert into record_student (record_id, school_id, student_id) select id, 'main', 'S01' from r");
                    c.commit();
                    written.incrementAndGet();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        Path during = dir.resolve("during-writes.zip");
        Run taken;
        try {
            while (written.get() < 20) Thread.sleep(10);
            taken = RosterImportCommandTest.capture(() -> BackupCommand.backup(args(database, during.toString())));
        } finally {
            writing.set(false);
            writer.join();
        }
        assertThat(taken.exit()).as(taken.err()).isZero();
        String copy = TestDatabase.newDatabase();
        Run restore = RosterImportCommandTest.capture(() -> BackupCommand.restore(args(copy, during.toString())));
        assertThat(restore.exit()).as(restore.err()).isZero();
        try (Connection c = DriverManager.getConnection(copy, TestDatabase.user(), TestDatabase.password()); Statement st = c.createStatement()) {
            List<String> notes = strings(st, "select count(*) from record where note = 'concurrent'");
            List<String> students = strings(st, "select count(*) from record_student s join record r on r.id = s.record_id where r.note = 'concurrent'");
            assertThat(Long.parseLong(notes.get(0))).as("notes filed before the snapshot").isGreaterThanOrEqualTo(20);
            assertThat(students).isEqualTo(notes);
        }
    }

    @Test
    @Order(6)
    void goingBackAfterAnUpgradeRestoresAnOlderBackupOverTheNewerSchemaWithReplace() throws Exception {
        // A backup from the version before (schema V13), restored over today's database (V14, with data).
        String older = TestDatabase.newDatabase();
        org.flywaydb.core.Flyway.configure().dataSource(older, TestDatabase.user(), TestDatabase.password())
                .locations("classpath:db/migration").target("13").load().migrate();
        execute(older, "insert into school (id, name) values ('main', '旧版本的学校')");
        Path before = dir.resolve("before-upgrade.zip");
        Run taken = RosterImportCommandTest.capture(() -> BackupCommand.backup(args(older, before.toString())));
        assertThat(taken.exit()).as(taken.err()).isZero();
        assertThat(taken.out()).contains("数据库版本 V13");

        Run refused = RosterImportCommandTest.capture(() -> BackupCommand.restore(args(restored, before.toString())));
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(contents(restored)).as("untouched without --replace").isEqualTo(backedUp);

        Run back = RosterImportCommandTest.capture(() -> BackupCommand.restore(args(restored, before.toString(), "--replace")));
        assertThat(back.exit()).as(back.err()).isZero();
        assertThat(contents(restored)).isEqualTo(contents(older));
        try (Connection c = DriverManager.getConnection(restored, TestDatabase.user(), TestDatabase.password()); Statement st = c.createStatement()) {
            assertThat(strings(st, "select max(version::int) from flyway_schema_history")).as("back at the backup's version").containsExactly("13");
        }
    }
}
