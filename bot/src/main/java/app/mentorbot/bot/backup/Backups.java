package app.mentorbot.bot.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import app.mentorbot.bot.files.OwnerOnly;

/**
 * Writes a backup: one read-only REPEATABLE READ transaction (a single snapshot, so a running bot may go on
 * writing and the backup is still consistent), every application table COPYed out in PostgreSQL's text format
 * into a zip, with the {@link Manifest} last. The link- and invitation-signing key is a row of {@code bot_setting},
 * so it travels with the data. The file holds minors' records: it is made 0600 from the start, written beside
 * its final name and moved into place, so a half-written backup never carries the name.
 */
@Component
public class Backups {
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** What a backup or restore covered. */
    public record Summary(String schemaVersion, String createdAt, List<TableCount> tables) {
        public long rows() {
            return tables.stream().mapToLong(TableCount::rows).sum();
        }
    }

    public record TableCount(String table, long rows) {}

    private final DataSource dataSource;
    private final Clock clock;

    Backups(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public Summary write(Path file) {
        Path target = file.toAbsolutePath();
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        try (Connection c = dataSource.getConnection()) {
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, OwnerOnly.newFile());
            Manifest manifest;
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out)) {
                manifest = dump(c, zip);
                zip.putNextEntry(new ZipEntry(Manifest.ENTRY));
                zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                zip.closeEntry();
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setAutoCommit(true);
            }
            OwnerOnly.file(tmp);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return summary(manifest);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new UncheckedIOException("could not write the backup " + target, e);
        } catch (SQLException e) {
            deleteQuietly(tmp);
            throw new IllegalStateException("could not read the database for the backup: " + e.getMessage(), e);
        }
    }

    private Manifest dump(Connection c, ZipOutputStream zip) throws SQLException, IOException {
        MigrationVersion version = Schema.version(c); // the first statement fixes the snapshot
        if (version == null) throw new IllegalStateException("the database has no Flyway history: nothing to back up");
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        List<Manifest.Table> tables = new ArrayList<>();
        for (String table : Schema.tables(c)) {
            List<String> columns = Schema.columns(c, table);
            Manifest.Table entry = new Manifest.Table(table, columns, 0, null);
            zip.putNextEntry(new ZipEntry(entry.entry()));
            MessageDigest sha = sha256();
            // a query, not the table: COPY TO refuses a partitioned table, and the text is the same for a plain one
            long rows = copy.copyOut("copy (select " + columnList(columns) + " from " + Schema.quote(table) + ") to stdout",
                    new DigestOutputStream(new KeepOpen(zip), sha));
            zip.closeEntry();
            tables.add(new Manifest.Table(table, columns, rows, HexFormat.of().formatHex(sha.digest())));
        }
        List<Manifest.Sequence> sequences = new ArrayList<>();
        for (String seq : Schema.sequences(c)) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select last_value, is_called from " + Schema.quote(seq))) {
                rs.next();
                sequences.add(new Manifest.Sequence(seq, rs.getLong(1), rs.getBoolean(2)));
            }
        }
        return new Manifest(Manifest.FORMAT, clock.instant().toString(), version.getVersion(), tables, sequences);
    }

    static Summary summary(Manifest m) {
        return new Summary(m.schemaVersion(), m.createdAt(), m.tables().stream().map(t -> new TableCount(t.name(), t.rows())).toList());
    }

    static String columnList(List<String> columns) {
        return String.join(", ", columns.stream().map(Schema::quote).toList());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the error being reported matters more
        }
    }

    /** The zip stays open when a COPY closes its stream. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
