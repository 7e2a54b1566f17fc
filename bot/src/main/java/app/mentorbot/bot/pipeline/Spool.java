package app.mentorbot.bot.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import app.mentorbot.adapters.api.InboundMessage;
import app.mentorbot.bot.files.OwnerOnly;
import app.mentorbot.bot.settings.BotSettings;

/**
 * Inbound messages that arrived while the database was away, kept as files in DATA/spool until they
 * can be handled. Each is written to a temporary file, forced to disk and renamed, so a file in the
 * spool is always whole. A file is named by its arrival (for the replay order) and a hash of
 * (platform, message id); an index of those hashes, read from the folder once, keeps a redelivery
 * from adding a second file without listing the folder for every message.
 */
@Component
class Spool {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private final Path dir;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();
    private volatile Map<String, Entry> byHash;

    /** A waiting message's file, and who sent it (so a sender's later messages can queue behind it). */
    private record Entry(Path file, String sender) {}

    @org.springframework.beans.factory.annotation.Autowired
    Spool(BotSettings settings, Clock clock) {
        this(settings.dataDir().resolve("spool"), clock);
    }

    /** The same kind of folder elsewhere (see {@link AcceptedMessages}). */
    Spool(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    /** Hash → file of what is in the spool, read from the folder on first use. */
    private synchronized Map<String, Entry> index() throws IOException {
        if (byHash == null) {
            Map<String, Entry> map = new ConcurrentHashMap<>();
            if (Files.isDirectory(dir)) {
                OwnerOnly.directory(dir); // a folder left by a version that wrote it 0755
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(p -> p.getFileName().toString().endsWith(".json"))
                            .forEach(p -> map.put(hashOf(p), new Entry(OwnerOnly.file(p), senderOf(p))));
                }
            }
            byHash = map;
        }
        return byHash;
    }

    private static String senderKey(InboundMessage m) {
        return m.platform() + "\u0000" + m.senderId();
    }

    private String senderOf(Path file) {
        try {
            return senderKey(read(file));
        } catch (IOException | RuntimeException e) {
            return ""; // unreadable: the replayer reports it; it holds up no one
        }
    }

    /** True while an earlier message of this sender waits here: a later one must queue behind it. */
    synchronized boolean holdsEarlierFrom(InboundMessage m) {
        try {
            String sender = senderKey(m);
            return index().values().stream().anyMatch(e -> e.sender().equals(sender));
        } catch (IOException e) {
            return false;
        }
    }

    /** The oldest waiting file of this message's sender, if any. */
    synchronized Optional<Path> oldestFrom(InboundMessage m) throws IOException {
        String sender = senderKey(m);
        return index().values().stream().filter(e -> e.sender().equals(sender)).map(Entry::file).min(Path::compareTo);
    }

    private static String hashOf(Path file) {
        String name = file.getFileName().toString();
        return name.substring(name.lastIndexOf('-') + 1, name.length() - ".json".length());
    }

    synchronized void keep(InboundMessage m) {
        try {
            if (dir.getParent() != null) OwnerOnly.directory(dir.getParent()); // the data folder
            OwnerOnly.directory(dir);
            String hash = hash(m.platform() + "\u0000" + m.messageId());
            if (index().containsKey(hash)) return;
            // arrival order survives restarts: wall-clock millis, then a counter within this run
            String name = String.format("%013d-%09d-%s.json", clock.millis(), sequence.incrementAndGet(), hash);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("platform", m.platform());
            json.put("messageId", m.messageId());
            json.put("chatId", m.chatId());
            json.put("senderId", m.senderId());
            json.put("text", m.text());
            json.put("sentAt", m.sentAt().toString());
            json.put("extras", m.extras());
            Path tmp = dir.resolve(name + ".tmp");
            try (FileChannel ch = FileChannel.open(tmp,
                    Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING), OwnerOnly.newFile())) {
                ch.write(ByteBuffer.wrap(JSON.writeValueAsString(json).getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            }
            try {
                Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
            index().put(hash, new Entry(dir.resolve(name), senderKey(m)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not spool message " + m.messageId(), e);
        }
    }

    /** Spooled messages, oldest first. */
    List<Path> waiting() {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    InboundMessage read(Path file) throws IOException {
        JsonNode n = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        Map<String, String> extras = new LinkedHashMap<>();
        n.path("extras").properties().forEach(e -> extras.put(e.getKey(), e.getValue().asString()));
        return new InboundMessage(n.path("platform").asString(), n.path("messageId").asString(), n.path("chatId").asString(),
                n.path("senderId").asString(), n.path("text").asString(), Instant.parse(n.path("sentAt").asString()), extras);
    }

    synchronized void done(Path file) {
        try {
            Files.deleteIfExists(file);
            index().remove(hashOf(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a message's file, if there is one. */
    synchronized void forget(InboundMessage m) {
        try {
            Entry entry = index().get(hash(m.platform() + "\u0000" + m.messageId()));
            if (entry != null) done(entry.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8))).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
