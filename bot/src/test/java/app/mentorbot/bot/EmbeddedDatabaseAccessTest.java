package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.mentorbot.bot.database.EmbeddedServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL takes the bot and no one else: another local account that finds the port gets
 * nothing without the password in the owner-only data folder, and the binaries it runs cannot be swapped
 * by anyone else.
 */
class EmbeddedDatabaseAccessTest {
    @TempDir
    Path dataDir;

    static Connection connect(EmbeddedServer server, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", server.user());
        if (password != null) p.setProperty("password", password);
        p.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(server.jdbcUrl(), p);
    }

    static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void aLocalConnectionWithoutTheBotsPasswordIsRefused() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.start(dataDir)) {
            assertThatThrownBy(() -> connect(server, null).close()).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connect(server, "guess").close()).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            try (Connection c = connect(server, server.password()); Statement s = c.createStatement();
                 ResultSet rules = s.executeQuery("select auth_method, count(*) from pg_hba_file_rules group by auth_method")) {
                assertThat(rules.next()).isTrue();
                assertThat(rules.getString(1)).as("the only way in").isEqualTo("scram-sha-256");
                assertThat(rules.next()).as("no trust line, no other method").isFalse();
            }
            assertThat(Files.readString(dataDir.resolve("pg-password")).strip()).isEqualTo(server.password());
        }
    }

    @Test
    void thePasswordTheBinariesAndTheDataStayInOwnerOnlyFolders() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.start(dataDir)) {
            assertThat(mode(dataDir)).isEqualTo("rwx------");
            assertThat(mode(dataDir.resolve("pg-password"))).isEqualTo("rw-------");
            assertThat(mode(dataDir.resolve("mentorbot.lock"))).isEqualTo("rw-------");
            assertThat(mode(dataDir.resolve("pg-bin"))).as("zonky leaves it world-writable; we close it").isEqualTo("rwx------");
            long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).get(0).strip());
            String command = ProcessHandle.of(pid).orElseThrow().info().command().orElseThrow();
            assertThat(command).as("the server runs from binaries inside the data folder")
                    .startsWith(dataDir.resolve("pg-bin").toRealPath().toString());
        }
    }

    @Test
    void aDataFolderFromTheVersionThatTrustedEveryoneIsLockedDownAtItsNextStartWithItsDataKept() throws Exception {
        Path pgDir = dataDir.resolve("pg");
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(pgDir.toFile()).setCleanDataDirectory(false).start();
             Connection c = old.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create table kept (note text); insert into kept values ('家访记录')");
        }
        assertThat(Files.readString(pgDir.resolve("pg_hba.conf"))).contains("trust");

        try (EmbeddedServer server = EmbeddedServer.start(dataDir)) {
            assertThatThrownBy(() -> connect(server, null).close()).isInstanceOf(SQLException.class);
            try (Connection c = connect(server, server.password()); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select note from kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("家访记录");
            }
        }
        assertThat(Files.readString(pgDir.resolve("pg_hba.conf")).lines().filter(l -> !l.startsWith("#") && !l.isBlank()))
                .containsExactly("host    all    postgres    127.0.0.1/32    scram-sha-256");
    }
}
