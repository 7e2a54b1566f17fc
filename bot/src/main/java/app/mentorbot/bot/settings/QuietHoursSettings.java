package app.mentorbot.bot.settings;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code mentorbot.quiet-hours.*}: when teachers are not disturbed (default 22:00–07:00, plus holidays). */
@ConfigurationProperties("mentorbot.quiet-hours")
public record QuietHoursSettings(LocalTime start, LocalTime end, List<LocalDate> holidays) {
    public QuietHoursSettings {
        start = start == null ? LocalTime.of(22, 0) : start;
        end = end == null ? LocalTime.of(7, 0) : end;
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }
}
