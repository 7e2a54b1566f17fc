package app.mentorbot.bot.settings;

import java.nio.file.Path;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mentorbot.backup.nightly.*}: where and when the bot backs itself up each night.
 *
 * @param dir   the folder for the backups (made 0700); unset means no nightly backup
 * @param time  the local time (Asia/Shanghai) of the nightly backup, 02:30 unless set
 * @param keep  how many backups to keep; older ones are deleted, 14 unless set
 */
@ConfigurationProperties("mentorbot.backup.nightly")
public record NightlyBackupSettings(Path dir, LocalTime time, Integer keep) {
    public NightlyBackupSettings {
        time = time == null ? LocalTime.of(2, 30) : time;
        keep = keep == null ? 14 : keep;
        if (keep < 1) throw new IllegalArgumentException("mentorbot.backup.nightly.keep must be at least 1, was " + keep);
    }
}
