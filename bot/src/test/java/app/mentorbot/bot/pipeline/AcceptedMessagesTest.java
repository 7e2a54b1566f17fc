package app.mentorbot.bot.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.adapters.api.Adapter;
import app.mentorbot.adapters.api.AdapterContext;
import app.mentorbot.adapters.api.Delivery;
import app.mentorbot.adapters.api.InboundMessage;
import app.mentorbot.adapters.api.OutboundMessage;
import app.mentorbot.bot.outbox.Adapters;
import app.mentorbot.bot.settings.BotSettings;
import app.mentorbot.bot.cli.MentorBot;
import app.mentorbot.bot.testing.TestDatabase;

/**
 * A platform (DingTalk here) does not send again what the bot acknowledged, so a message is on disk
 * before the adapter acknowledges it, and one a killed bot never handled is filed at the next start.
 */
class AcceptedMessagesTest {
    static final String NOTE = "今天和张小明单独谈心，聊了数学";

    @TempDir
    Path data;

    /** DingTalk and WeCom do not resend what the bot acknowledged; the web chat's page does. */
    static final Adapters PLATFORMS = new Adapters(List.of(new Named("dingtalk", false), new Named("wecom", false),
            new Named("webchat", true)));

    record Named(String platform, boolean resendsUnconfirmed) implements Adapter {
        @Override
        public void start(AdapterContext context) {}

        @Override
        public Delivery send(OutboundMessage message) {
            return Delivery.sent();
        }
    }

    static InboundMessage on(String platform, String id) {
        return new InboundMessage(platform, id, "ding_t01", "ding_t01", NOTE, Instant.parse("2026-03-10T07:00:00Z"), Map.of());
    }

    List<Path> onDisk() throws IOException {
        Path dir = data.resolve("accepted");
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).toList();
        }
    }

    /** The real queue in front of a processor that waits until the test lets it go. */
    static final class HeldProcessor extends TurnProcessor {
        final CountDownLatch release = new CountDownLatch(1);
        final List<String> processed = new CopyOnWriteArrayList<>();

        HeldProcessor() {
            super(null, null, null, null, null, null, null);
        }

        @Override
        void process(InboundMessage m) {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            processed.add(m.platform() + "/" + m.messageId());
        }

        @Override
        void processAll(List<InboundMessage> batch) {
            for (InboundMessage m : batch) process(m);
        }
    }

    @Test
    void aPlatformMessageIsOnDiskWhenTheAdapterMayAcknowledgeItAndGoneOnceHandled() throws Exception {
        HeldProcessor processor = new HeldProcessor();
        BotSettings settings = new BotSettings(data, null, null, null, null, null, null, null);
        try (InboundQueue queue = new InboundQueue(processor, new AcceptedMessages(settings, Clock.systemUTC(), PLATFORMS))) {
            queue.accept(on("dingtalk", "m1"));
            queue.accept(on("webchat", "w1"));

            // accept() has returned: the DingTalk message is safe on disk; the web chat's page resends by itself.
            assertThat(onDisk()).hasSize(1);
            assertThat(Files.readString(onDisk().get(0))).contains("\"messageId\":\"m1\"");

            processor.release.countDown();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (queue.backlog() > 0 && System.nanoTime() < deadline) Thread.sleep(10);
            assertThat(processor.processed).containsExactlyInAnyOrder("dingtalk/m1", "webchat/w1");
            assertThat(onDisk()).isEmpty();
        }
    }

    @Test
    void aMessageAcknowledgedButNeverHandledByAKilledBotIsFiledAtTheNextStart() throws Exception {
        String url = TestDatabase.newDatabase();
        try (ConfigurableApplicationContext first = start(url)) {
            first.getBean(JdbcClient.class).sql("insert into platform_identity (platform, platform_user_id, school_id, person_id) "
                    + "values ('dingtalk', 'ding_t01', 'main', 'T01')").update();
        }
        // What the killed bot left: the message forced to disk by accept(), never handled.
        new Spool(data.resolve("accepted"), Clock.systemUTC()).keep(on("dingtalk", "left-behind-1"));
        assertThat(onDisk()).hasSize(1);

        try (ConfigurableApplicationContext second = start(url)) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            String filed = "select count(*) from record r join inbound_message m on m.id = r.source_message_id "
                    + "where m.platform = 'dingtalk' and m.platform_message_id = 'left-behind-1'";
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while ((jdbc.sql(filed).query(Long.class).single() == 0 || !onDisk().isEmpty()) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(jdbc.sql(filed).query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from record_student rs join record r on r.id = rs.record_id "
                    + "join inbound_message m on m.id = r.source_message_id where m.platform_message_id = 'left-behind-1' "
                    + "and rs.student_id = 'S01'").query(Long.class).single()).isEqualTo(1);
            assertThat(onDisk()).isEmpty();
        }
    }

    ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(MentorBot.class).run("--server.port=0", "--mentorbot.demo=true", "--mentorbot.demo-records=false",
                "--mentorbot.example-school=../config/example-school.json", "--mentorbot.data-dir=" + data,
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + TestDatabase.user(),
                "--spring.datasource.password=" + TestDatabase.password());
    }

    @Test
    void messagesWaitingOnDiskAreReadableByTheBotsUserOnly() throws Exception {
        BotSettings settings = new BotSettings(data, null, null, null, null, null, null, null);
        new AcceptedMessages(settings, Clock.systemUTC(), PLATFORMS).keep(on("dingtalk", "m1"));
        new Spool(settings, Clock.systemUTC()).keep(on("wecom", "m2"));

        for (Path dir : List.of(data, data.resolve("accepted"), data.resolve("spool"))) {
            assertThat(mode(dir)).as(dir.getFileName().toString()).isEqualTo("rwx------");
        }
        assertThat(onDisk()).singleElement().satisfies(f -> assertThat(mode(f)).isEqualTo("rw-------"));
        try (Stream<Path> spooled = Files.list(data.resolve("spool"))) {
            assertThat(spooled.toList()).singleElement().satisfies(f -> assertThat(mode(f)).isEqualTo("rw-------"));
        }
    }

    @Test
    void aSpoolLeftWorldReadableByAnEarlierVersionIsClosedWhenTheBotReadsIt() throws Exception {
        Path spool = Files.createDirectories(data.resolve("spool"));
        Files.setPosixFilePermissions(spool, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Spool first = new Spool(spool, Clock.systemUTC());
        first.keep(on("wecom", "m3"));
        Path file = first.waiting().get(0);
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(spool, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));

        Spool restarted = new Spool(spool, Clock.systemUTC());
        restarted.keep(on("wecom", "m3")); // already there: the restarted spool reads its folder first

        assertThat(mode(spool)).isEqualTo("rwx------");
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(restarted.waiting()).hasSize(1);
    }

    static String mode(Path p) throws IOException {
        return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
