package app.mentorbot.bot.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

import app.mentorbot.bot.files.OwnerOnly;

/**
 * Where a running bot's embedded PostgreSQL listens, so that the one-shot commands can use it while the bot
 * holds the data folder. The bot writes {@code DATA/pg-port} (0600: the port, then the bot's process id) once
 * its server is up and removes it when the server stops. The file is believed only while the data folder's lock
 * is held and the process it names is alive: a file left by a killed bot, or a bot too old to write one, finds
 * nothing, and the command says the folder is in use.
 */
public record RunningServer(String jdbcUrl, String user, String password) {
    static final String FILE = "pg-port";

    @Override
    public String toString() {
        return "RunningServer[" + jdbcUrl + ", " + user + "]"; // never the password
    }

    /** The server of the bot holding {@code dataDir}, if that bot has said where it listens. */
    public static Optional<RunningServer> find(Path dataDir) {
        if (!EmbeddedServer.inUse(dataDir)) return Optional.empty();
        try {
            Path portFile = dataDir.resolve(FILE);
            Path passwordFile = dataDir.resolve("pg-password");
            if (!Files.isReadable(portFile) || !Files.isReadable(passwordFile)) return Optional.empty();
            List<String> lines = Files.readAllLines(portFile, StandardCharsets.US_ASCII);
            if (lines.size() < 2) return Optional.empty();
            int port = Integer.parseInt(lines.get(0).strip());
            long pid = Long.parseLong(lines.get(1).strip());
            if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) return Optional.empty();
            String password = Files.readString(passwordFile, StandardCharsets.US_ASCII).strip();
            if (password.isEmpty()) return Optional.empty();
            return Optional.of(new RunningServer("jdbc:postgresql://127.0.0.1:" + port + "/postgres", ServerAccess.USER, password));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Called by the lock holder once its server listens on {@code port}. */
    static void record(Path dataDir, int port) throws IOException {
        Path tmp = dataDir.resolve(FILE + ".tmp");
        Files.deleteIfExists(tmp);
        Files.writeString(Files.createFile(tmp, OwnerOnly.newFile()), port + "\n" + ProcessHandle.current().pid() + "\n",
                StandardCharsets.US_ASCII);
        Files.move(tmp, dataDir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Called by the lock holder when its server stops. */
    static void forget(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(FILE));
        } catch (IOException e) {
            // a stale file is believed only while its process holds the lock
        }
    }
}
