package app.mentorbot.bot.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.mentorbot.bot.files.OwnerOnly;
import app.mentorbot.bot.testing.BotTest;
import app.mentorbot.bot.testing.SchoolDayClock;

/**
 * The nightly backup at 02:30, keeping two: a night's backup is taken once however many ticks (or instances) ask,
 * the oldest of the bot's own backups go, and whatever else the admin keeps in the folder stays.
 */
@BotTest
@Import(SchoolDayClock.class)
class NightlyBackupTest {
    static final Path DIR = tempDir().resolve("backups");

    static Path tempDir() {
        try {
            return Files.createTempDirectory("nightly");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("mentorbot.scheduler.initial-delay", () -> "1h"); // the test drives the job itself
        registry.add("mentorbot.backup.nightly.dir", DIR::toString);
        registry.add("mentorbot.backup.nightly.time", () -> "02:30");
        registry.add("mentorbot.backup.nightly.keep", () -> "2");
    }

    @Autowired
    NightlyBackups nightly;

    Optional<Path> at(String local) {
        return nightly.runDue(ZonedDateTime.parse(local + "+08:00[Asia/Shanghai]").toInstant());
    }

    List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void eachNightIsBackedUpOnceAndOnlyTheLastTwoOfTheBotsOwnBackupsAreKept() throws Exception {
        Path first = at("2026-03-09T01:00:00").orElseThrow();
        assertThat(first.getFileName()).hasToString("mentorbot-20260308-0230.zip");
        assertThat(OwnerOnly.isPrivate(first)).isTrue();
        assertThat(OwnerOnly.isPrivate(DIR)).isTrue();
        try (ZipFile zip = new ZipFile(first.toFile())) {
            assertThat(zip.getEntry("manifest.json")).isNotNull();
            assertThat(zip.getEntry("tables/bot_setting.copy")).isNotNull();
        }
        assertThat(at("2026-03-09T02:00:00")).as("the same night, a later tick").isEmpty();
        Files.writeString(DIR.resolve("notes.txt"), "the admin's own file");

        // Two instances tick at 02:30 the next night: one backs up.
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Callable<Optional<Path>> tick = () -> at("2026-03-09T02:30:00");
            List<Future<Optional<Path>>> both = List.of(two.submit(tick), two.submit(tick));
            assertThat(both.stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).filter(Optional::isPresent).count()).isEqualTo(1);
        } finally {
            two.shutdown();
        }
        at("2026-03-10T09:00:00");
        assertThat(files()).containsExactly("mentorbot-20260309-0230.zip", "mentorbot-20260310-0230.zip", "notes.txt");
    }
}
