package app.mentorbot.bot.database;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.util.LinuxUtils;

import app.mentorbot.bot.files.OwnerOnly;

/**
 * Who may connect to the embedded PostgreSQL: only the bot, with a password. zonky's {@code initdb} trusts
 * every local connection (it is made for tests); before each start we put our own {@code pg_hba.conf} in
 * place (one line: the bot's user, scram-sha-256, over loopback) and, when the password is new (first
 * start, or a data folder from a version that trusted everyone), set it in single-user mode, which opens
 * no socket at all. The password is generated once and kept in {@code DATA/pg-password}, 0600; the
 * {@code import}, {@code invite} and {@code student-data} commands read the same file.
 */
final class ServerAccess {
    static final String USER = "postgres";
    static final String HBA = """
            # Written by MentorBot at every start; edits here are replaced.
            # Only the bot's own user, with the password in DATA/pg-password, over loopback. No trust, no Unix socket.
            host    all    %s    127.0.0.1/32    scram-sha-256
            """.formatted(USER);
    private static final String MARKER = "mentorbot-password.sha256";

    private ServerAccess() {}

    /** The server's password, made on first use (32 random bytes, base64url) in an owner-only file. */
    static String password(Path dataDir) {
        Path file = dataDir.resolve("pg-password");
        try {
            if (Files.exists(file)) {
                OwnerOnly.file(file);
                String stored = Files.readString(file, StandardCharsets.US_ASCII).strip();
                if (!stored.isEmpty()) return stored;
            }
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Path tmp = dataDir.resolve("pg-password.tmp");
            Files.deleteIfExists(tmp);
            Files.write(Files.createFile(tmp, OwnerOnly.newFile()), fresh.getBytes(StandardCharsets.US_ASCII));
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create " + file.toAbsolutePath(), e);
        }
    }

    /**
     * Runs between {@code initdb} and the server's start: replaces {@code pg_hba.conf}, and sets the
     * password unless this data folder already has exactly this one.
     */
    static void lockDown(Path pgDir, Path binaries, String password) {
        try {
            Path marker = pgDir.resolve(MARKER);
            String digest = sha256(password);
            boolean passwordSet = Files.exists(marker) && Files.readString(marker, StandardCharsets.US_ASCII).strip().equals(digest);
            if (!passwordSet) {
                setPassword(pgDir, binaries, password);
                Files.writeString(marker, digest, StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                OwnerOnly.file(marker);
            }
            Path hba = pgDir.resolve("pg_hba.conf");
            Files.writeString(hba, HBA, StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            OwnerOnly.file(hba);
        } catch (IOException e) {
            throw new UncheckedIOException("could not restrict access to the embedded PostgreSQL in " + pgDir.toAbsolutePath(), e);
        }
    }

    /** The folder zonky unpacked the binaries into ({@code BINDIR/PG-<digest>}), the newest if an upgrade left several. */
    static Path binaries(Path binDir) {
        try (Stream<Path> dirs = Files.list(binDir)) {
            Optional<Path> newest = dirs.filter(d -> d.getFileName().toString().startsWith("PG-"))
                    .filter(d -> Files.isExecutable(d.resolve("bin/postgres")))
                    .max(Comparator.comparing(d -> d.resolve(".exists").toFile().lastModified()));
            return newest.orElseThrow(() -> new IllegalStateException("no PostgreSQL binaries in " + binDir.toAbsolutePath()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code ALTER ROLE … PASSWORD} in single-user mode: the password goes in on stdin, never on a command line. */
    private static void setPassword(Path pgDir, Path binaries, String password) throws IOException {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) command.addAll(List.of("unshare", "-U")); // as root, the way zonky runs it
        command.addAll(List.of(binaries.resolve("bin/postgres").toString(), "--single", "-D", pgDir.toString(),
                "-c", "listen_addresses=", "-c", "unix_socket_directories=", "postgres"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(("SET password_encryption = 'scram-sha-256';\nALTER ROLE " + USER + " PASSWORD '" + password + "';\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("setting the embedded PostgreSQL's password took too long");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while setting the embedded PostgreSQL's password", e);
        }
        if (p.exitValue() != 0) throw new IOException("setting the embedded PostgreSQL's password failed (exit " + p.exitValue() + ")");
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
