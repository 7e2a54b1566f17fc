package app.mentorbot.bot.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.mentorbot.bot.files.OwnerOnly;

/**
 * A real PostgreSQL kept in the bot's data folder ({@code DATA/pg}), so {@code java -jar} works with no
 * set-up and the data survives restarts. The binaries come from Maven Central (zonky) and are unpacked
 * into {@code DATA/pg-bin}, never a shared temporary folder; as root they run inside {@code unshare -U},
 * which zonky does by itself. The data folder is 0700, and the server takes only the bot's user with
 * its password over loopback ({@link ServerAccess}).
 *
 * One bot per data folder: {@code DATA/mentorbot.lock} is held for the life of the process, which is
 * also how the commands know a bot is running; they then use its server ({@link RunningServer}). A server
 * left running by a crashed bot (zonky's pg_ctl daemonises it) is stopped before a new one starts.
 */
public final class EmbeddedServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);

    private final EmbeddedPostgres postgres;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final String password;
    private final Path dataDir;

    private EmbeddedServer(EmbeddedPostgres postgres, FileChannel lockChannel, FileLock lock, String password, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.password = password;
    }

    /**
     * zonky's binaries for one data folder. zonky caches unpacked binaries per resolver; a value per data
     * folder keeps each folder's binaries inside it.
     */
    private record BinariesFor(Path dataDir) implements PgBinaryResolver {
        @Override
        public InputStream getPgBinary(String system, String machineHardware) throws IOException {
            return DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
        }
    }

    /** Thrown when another bot (or import) holds the data folder. */
    public static final class DataFolderInUse extends RuntimeException {
        public DataFolderInUse(Path dataDir) {
            super("数据目录 " + dataDir.toAbsolutePath() + " 正被另一个运行中的导师助手使用。请先停止它，或用 --mentorbot.data-dir 指定其他目录。");
        }
    }

    public static EmbeddedServer start(Path dataDir) {
        try {
            OwnerOnly.directory(dataDir);
            FileChannel channel = FileChannel.open(dataDir.resolve("mentorbot.lock"),
                    Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), OwnerOnly.newFile());
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new DataFolderInUse(dataDir);
            }
            try {
                Path pgDir = dataDir.resolve("pg");
                stopLeftoverServer(pgDir);
                Path binDir = dataDir.resolve("pg-bin");
                String password = ServerAccess.password(dataDir);
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(pgDir.toFile())
                        .setCleanDataDirectory(false)
                        .setPort(freePort())
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setPgBinaryResolver(new BinariesFor(dataDir.toAbsolutePath()))
                        .setOverrideWorkingDirectory(binDir.toFile())
                        .setConnectConfig("password", password) // zonky's own readiness check
                        .setDataDirectoryCustomizer(dir -> {
                            OwnerOnly.directory(binDir); // zonky opens it to everyone after unpacking
                            ServerAccess.lockDown(dir.toPath(), ServerAccess.binaries(binDir), password);
                        })
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .setServerConfig("unix_socket_directories", "''") // TCP only, and only as above
                        .setServerConfig("password_encryption", "scram-sha-256")
                        // zonky is made for tests: it turns durability off (-F, synchronous_commit=off); ours keeps notes
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on")
                        .start();
                log.info("embedded PostgreSQL running on port {} with data in {}", postgres.getPort(), pgDir.toAbsolutePath());
                try {
                    RunningServer.record(dataDir, postgres.getPort()); // for the commands (invite, import) run beside us
                } catch (IOException e) {
                    log.warn("could not say where the embedded PostgreSQL listens; commands will wait for the bot to stop: {}", e.toString());
                }
                return new EmbeddedServer(postgres, channel, lock, password, dataDir);
            } catch (IOException | RuntimeException e) {
                lock.release();
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDir.toAbsolutePath(), e);
        }
    }

    /** True while some process holds the data folder's lock. */
    public static boolean inUse(Path dataDir) {
        Path lockFile = dataDir.resolve("mentorbot.lock");
        if (!Files.exists(lockFile)) return false;
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) return true;
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    public String user() {
        return ServerAccess.USER;
    }

    /** The password the server takes (from {@code DATA/pg-password}). */
    public String password() {
        return password;
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        RunningServer.forget(dataDir);
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("embedded PostgreSQL did not stop cleanly: {}", e.toString());
        }
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            log.debug("lock release: {}", e.toString());
        }
    }

    /**
     * A crash (kill -9) leaves the daemonised postmaster running on our data folder. We hold the
     * folder's lock, so any postmaster named in its pid file is a leftover of ours: ask it to stop.
     */
    static void stopLeftoverServer(Path pgDir) throws IOException {
        Path pidFile = pgDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return;
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) return;
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).strip());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (process.isEmpty()) return;
        log.warn("found a PostgreSQL left running by an earlier bot (pid {}); stopping it", pid);
        ProcessHandle p = process.get();
        p.destroy(); // SIGTERM: its clients died with the old bot, so a smart shutdown finishes at once
        try {
            p.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                throw new IOException("could not stop the leftover PostgreSQL (pid " + pid + ")");
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
