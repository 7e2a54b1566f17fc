package app.mentorbot.conversations.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Set;

/**
 * Teachers' quiet hours (default 22:00–07:00) and holidays: non-urgent messages to them wait until
 * the next moment outside. The window may cross midnight.
 */
public record QuietHours(LocalTime start, LocalTime end, Set<LocalDate> holidays, ZoneId zone) {
    public QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
        Objects.requireNonNull(zone, "zone");
    }

    public static QuietHours defaults(ZoneId zone) {
        return new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), Set.of(), zone);
    }

    public boolean isQuiet(Instant at) {
        ZonedDateTime t = at.atZone(zone);
        if (holidays.contains(t.toLocalDate())) return true;
        LocalTime time = t.toLocalTime();
        if (start.equals(end)) return false;
        return start.isBefore(end)
                ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }

    /** The first moment at or after {@code at} that is not quiet. */
    public Instant nextOpen(Instant at) {
        ZonedDateTime t = at.atZone(zone);
        for (int guard = 0; guard < 400 && isQuiet(t.toInstant()); guard++) {
            LocalDate day = t.toLocalDate();
            if (holidays.contains(day)) {
                t = day.plusDays(1).atStartOfDay(zone);
                continue;
            }
            LocalTime time = t.toLocalTime();
            ZonedDateTime endToday = day.atTime(end).atZone(zone);
            t = time.isBefore(end) ? endToday : endToday.plusDays(1);
        }
        return t.toInstant();
    }
}
