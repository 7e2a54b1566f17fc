package app.mentorbot.bot.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Puts a backup back. The target is first brought to the backup's schema version with Flyway (an empty database
 * is migrated up to it; one at a newer version is cleaned first, which needs {@code replace}); then, in one
 * transaction, every table is emptied, each table's COPY text is loaded (parents before children, each checked
 * against the manifest's row count and SHA-256) and the sequences are set where they were. Any mismatch rolls
 * the whole restore back. The bot's next start migrates onward to its own version, as after any upgrade.
 */
@Component
public class Restores {
    /** Why a restore did not start; nothing was changed. */
    public enum Reason { NOT_A_BACKUP, NEWER_SCHEMA, HAS_DATA }

    public static final class Refused extends RuntimeException {
        private final Reason reason;

        Refused(Reason reason, String detail) {
            super(detail);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    private final DataSource dataSource;
    private final String[] locations;

    Restores(DataSource dataSource, @Value("${spring.flyway.locations:classpath:db/migration}") String[] locations) {
        this.dataSource = dataSource;
        this.locations = locations;
    }

    /** Restores {@code file}; with {@code replace} false a database that holds any row is left alone ({@link Reason#HAS_DATA}). */
    public Backups.Summary restore(Path file, boolean replace) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Manifest manifest = manifest(zip);
            MigrationVersion wanted = MigrationVersion.fromVersion(manifest.schemaVersion());
            MigrationVersion known = latestKnown();
            if (wanted.compareTo(known) > 0) {
                throw new Refused(Reason.NEWER_SCHEMA, "backup schema " + wanted + ", this version knows up to " + known);
            }
            MigrationVersion current;
            boolean hasRows;
            try (Connection c = dataSource.getConnection()) {
                current = Schema.version(c);
                hasRows = current != null && Schema.hasRows(c);
            }
            if (hasRows && !replace) throw new Refused(Reason.HAS_DATA, "the database holds data");
            Flyway flyway = flyway(wanted, current != null && current.compareTo(wanted) > 0);
            if (current != null && current.compareTo(wanted) > 0) flyway.clean();
            flyway.migrate();
            load(zip, manifest);
            return Backups.summary(manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the backup " + file, e);
        } catch (SQLException e) {
            throw new IllegalStateException("the restore failed and was rolled back: " + e.getMessage(), e);
        }
    }

    private void load(ZipFile zip, Manifest manifest) throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<String> present = Schema.tables(c);
                List<String> missing = new ArrayList<>(manifest.tables().stream().map(Manifest.Table::name).toList());
                missing.removeAll(present);
                if (!missing.isEmpty()) throw new IllegalStateException("tables missing after migration: " + missing);
                try (Statement st = c.createStatement()) {
                    st.execute("truncate " + String.join(", ", present.stream().map(Schema::quote).toList()));
                }
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                for (String table : present) {
                    Manifest.Table t = manifest.tables().stream().filter(x -> x.name().equals(table)).findFirst().orElse(null);
                    if (t != null) copyIn(zip, copy, t);
                }
                try (Statement st = c.createStatement()) {
                    for (Manifest.Sequence s : manifest.sequences()) {
                        st.execute("select setval('" + Schema.quote(s.name()).replace("'", "''") + "', " + s.lastValue() + ", " + s.called() + ")");
                    }
                }
                c.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private static void copyIn(ZipFile zip, CopyManager copy, Manifest.Table t) throws SQLException, IOException {
        ZipEntry entry = zip.getEntry(t.entry());
        if (entry == null) throw new Refused(Reason.NOT_A_BACKUP, "no entry " + t.entry());
        MessageDigest sha = Backups.sha256();
        long rows;
        try (InputStream in = new DigestInputStream(zip.getInputStream(entry), sha)) {
            rows = copy.copyIn("copy " + Schema.quote(t.name()) + " (" + Backups.columnList(t.columns()) + ") from stdin", in);
        }
        String digest = java.util.HexFormat.of().formatHex(sha.digest());
        if (rows != t.rows() || !digest.equals(t.sha256())) {
            throw new IllegalStateException("table " + t.name() + " does not match the manifest: " + rows + " rows, expected " + t.rows());
        }
    }

    private static Manifest manifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(Manifest.ENTRY);
        if (entry == null) throw new Refused(Reason.NOT_A_BACKUP, "no " + Manifest.ENTRY);
        Manifest m;
        try (InputStream in = zip.getInputStream(entry)) {
            m = Backups.JSON.readValue(in, Manifest.class);
        } catch (RuntimeException e) {
            throw new Refused(Reason.NOT_A_BACKUP, "unreadable " + Manifest.ENTRY);
        }
        if (m.format() != Manifest.FORMAT || m.schemaVersion() == null || m.tables() == null || m.sequences() == null) {
            throw new Refused(Reason.NOT_A_BACKUP, "backup format " + m.format());
        }
        if (new HashSet<>(m.tables().stream().map(Manifest.Table::name).toList()).size() != m.tables().size()) {
            throw new Refused(Reason.NOT_A_BACKUP, "a table twice in the manifest");
        }
        return m;
    }

    private MigrationVersion latestKnown() {
        MigrationVersion best = MigrationVersion.EMPTY;
        for (MigrationInfo i : flyway(null, false).info().all()) {
            if (i.getVersion() != null && i.getVersion().compareTo(best) > 0) best = i.getVersion();
        }
        return best;
    }

    private Flyway flyway(MigrationVersion target, boolean mayClean) {
        var config = Flyway.configure().dataSource(dataSource).locations(locations).cleanDisabled(!mayClean);
        if (target != null) config.target(target);
        return config.load();
    }
}
