package app.mentorbot.bot.schedule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import app.mentorbot.bot.backup.Backups;
import app.mentorbot.bot.files.OwnerOnly;
import app.mentorbot.bot.settings.BotSettings;
import app.mentorbot.bot.settings.NightlyBackupSettings;

/**
 * The nightly backup, when {@code mentorbot.backup.nightly.dir} is set: at the set time (or at the first tick
 * after it, when the bot was down) one instance claims the night's slot in {@code slot_run}, as every scheduled
 * job does, so several instances back up once; writes {@code mentorbot-YYYYMMDD-HHMM.zip} (0600, in a 0700
 * folder) and deletes the oldest of its own files beyond the kept count. A failed backup gives its claim back,
 * so the next tick tries again.
 */
@Component
@ConditionalOnWebApplication
public class NightlyBackups {
    static final String JOB = "nightly-backup";
    private static final Logger log = LoggerFactory.getLogger(NightlyBackups.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'mentorbot-'yyyyMMdd-HHmm'.zip'");

    private final NightlyBackupSettings settings;
    private final SlotScheduler slots;
    private final Backups backups;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final String schoolId;

    NightlyBackups(NightlyBackupSettings settings, SlotScheduler slots, Backups backups, JdbcClient jdbc, Clock clock, BotSettings bot) {
        this.settings = settings;
        this.slots = slots;
        this.backups = backups;
        this.jdbc = jdbc;
        this.clock = clock;
        this.schoolId = bot.schoolId();
    }

    @Scheduled(initialDelayString = "${mentorbot.scheduler.initial-delay:5s}", fixedDelayString = "${mentorbot.scheduler.tick:30s}")
    void tick() {
        try {
            runDue(clock.instant());
        } catch (RuntimeException e) {
            log.warn("nightly backup failed, will retry: {}", e.toString());
        }
    }

    /** Takes the night's backup unless it was taken (here or by another instance); the file written, if any. */
    public Optional<Path> runDue(Instant now) {
        if (settings.dir() == null) return Optional.empty();
        ZonedDateTime today = now.atZone(clock.getZone()).toLocalDate().atTime(settings.time()).atZone(clock.getZone());
        Instant slot = today.toInstant().isAfter(now) ? today.minusDays(1).toInstant() : today.toInstant();
        if (!slots.claim(schoolId, JOB, slot, () -> { })) return Optional.empty(); // the whole database, claimed under the home school
        Path file = settings.dir().resolve(NAME.format(slot.atZone(clock.getZone())));
        try {
            OwnerOnly.directory(settings.dir());
            Backups.Summary s = backups.write(file);
            List<Path> removed = prune();
            log.info("nightly backup {}: {} tables, {} rows; {} older removed", file.getFileName(), s.tables().size(), s.rows(), removed.size());
            return Optional.of(file);
        } catch (RuntimeException e) {
            jdbc.sql("delete from slot_run where school_id = ? and job = ? and slot_at = ?").params(schoolId, JOB, Timestamp.from(slot)).update();
            throw e;
        }
    }

    /** Deletes the oldest of our backups beyond the kept count; other files in the folder are left alone. */
    private List<Path> prune() {
        List<Path> ours;
        try (Stream<Path> files = Files.list(settings.dir())) {
            ours = new ArrayList<>(files.filter(p -> p.getFileName().toString().matches("mentorbot-\\d{8}-\\d{4}\\.zip")).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Path> removed = new ArrayList<>();
        while (ours.size() > settings.keep()) {
            Path oldest = ours.remove(0);
            try {
                Files.deleteIfExists(oldest);
                removed.add(oldest);
            } catch (IOException e) {
                log.warn("could not delete the old backup {}: {}", oldest.getFileName(), e.toString());
            }
        }
        return removed;
    }
}
