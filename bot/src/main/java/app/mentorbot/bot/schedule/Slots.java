package app.mentorbot.bot.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import app.mentorbot.conversations.schedule.SchoolCalendar;

/** When jobs are due: the latest slot at or before now, on a school day, within a week. */
final class Slots {
    private Slots() {}

    /** The latest of the daily times, on a school day, at or before {@code now} (looking back 7 days). */
    static Optional<Instant> latestDaily(Instant now, List<LocalTime> times, SchoolCalendar calendar, ZoneId zone) {
        ZonedDateTime t = now.atZone(zone);
        for (int back = 0; back <= 7; back++) {
            LocalDate day = t.toLocalDate().minusDays(back);
            if (!calendar.isSchoolDay(day)) continue;
            Optional<Instant> best = times.stream().map(time -> day.atTime(time).atZone(zone).toInstant())
                    .filter(i -> !i.isAfter(now)).max(Instant::compareTo);
            if (best.isPresent()) return best;
        }
        return Optional.empty();
    }

    /** The latest weekly slot (day and time) at or before now, when that day is a school day. */
    static Optional<Instant> latestWeekly(Instant now, DayOfWeek day, LocalTime time, SchoolCalendar calendar, ZoneId zone) {
        LocalDate d = now.atZone(zone).toLocalDate();
        for (int back = 0; back < 7; back++) {
            LocalDate candidate = d.minusDays(back);
            if (candidate.getDayOfWeek() != day) continue;
            Instant at = candidate.atTime(time).atZone(zone).toInstant();
            if (!at.isAfter(now) && calendar.isSchoolDay(candidate)) return Optional.of(at);
        }
        return Optional.empty();
    }
}
