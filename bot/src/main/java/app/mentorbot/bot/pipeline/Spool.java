package app.mentorbot.bot.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import app.mentorbot.adapters.api.InboundMessage;
import app.mentorbot.bot.BotSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inbound messages that arrived while the database was away, kept as files in DATA/spool until they
 * can be handled. Each is written to a temporary file, forced to disk and renamed, so a file in the
 * spool is always whole. The file name is a hash of (platform, message id): a redelivery overwrites
 * its own file instead of adding a second one.
 */
@Component
class Spool {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private final Path dir;

    Spool(BotSettings settings) {
        this.dir = settings.dataDir().resolve("spool");
    }

    void keep(InboundMessage m) {
        try {
            Files.createDirectories(dir);
            String name = Long.toString(System.nanoTime()) + "-" + hash(m.platform() + "\u0000" + m.messageId()) + ".json";
            Path existing = find(m);
            if (existing != null) return;
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("platform", m.platform());
            json.put("messageId", m.messageId());
            json.put("chatId", m.chatId());
            json.put("senderId", m.senderId());
            json.put("text", m.text());
            json.put("sentAt", m.sentAt().toString());
            json.put("extras", m.extras());
            Path tmp = dir.resolve(name + ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(java.nio.ByteBuffer.wrap(JSON.writeValueAsString(json).getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            }
            try {
                Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not spool message " + m.messageId(), e);
        }
    }

    private Path find(InboundMessage m) throws IOException {
        String suffix = "-" + hash(m.platform() + "\u0000" + m.messageId()) + ".json";
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
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

    void done(Path file) {
        try {
            Files.deleteIfExists(file);
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
