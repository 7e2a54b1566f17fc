package app.mentorbot.conversations.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which days count. Terms (semesters) with their summary due dates, holidays and exam weeks, as the
 * school writes them in config/calendar.yml. A school day is a weekday inside a term and outside a
 * holiday; a school week is a week with at least one school day. Without configured terms the
 * calendar falls back to autumn terms from 1 September and spring terms from 1 February.
 */
public record SchoolCalendar(List<Term> terms, List<DateRange> holidays, List<DateRange> examWeeks) {
    /** The school's time zone: the day a note means, a reminder falls on, quiet hours start. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public record Term(String name, LocalDate start, LocalDate end, LocalDate summaryDue) {
        public Term {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (end.isBefore(start)) throw new IllegalArgumentException("term " + name + " ends before it starts");
            summaryDue = summaryDue == null ? end : summaryDue;
        }

        public boolean contains(LocalDate d) {
            return !d.isBefore(start) && !d.isAfter(end);
        }
    }

    public record DateRange(LocalDate from, LocalDate to, String name) {
        public DateRange {
            Objects.requireNonNull(from, "from");
            to = to == null ? from : to;
            if (to.isBefore(from)) throw new IllegalArgumentException("range " + name + " ends before it starts");
        }

        public boolean contains(LocalDate d) {
            return !d.isBefore(from) && !d.isAfter(to);
        }
    }

    public SchoolCalendar {
        terms = List.copyOf(terms == null ? List.of() : terms);
        holidays = List.copyOf(holidays == null ? List.of() : holidays);
        examWeeks = List.copyOf(examWeeks == null ? List.of() : examWeeks);
    }

    public static SchoolCalendar unconfigured() {
        return new SchoolCalendar(List.of(), List.of(), List.of());
    }

    /** The term a day belongs to; without configured terms, the conventional one. */
    public Optional<Term> termOf(LocalDate d) {
        if (terms.isEmpty()) return Optional.of(conventionalTerm(d));
        return terms.stream().filter(t -> t.contains(d)).findFirst();
    }

    /** The term a day belongs to, or the latest one that ended before it (for "this semester" between terms). */
    public Term currentOrLastTerm(LocalDate d) {
        return termOf(d).orElseGet(() -> terms.stream().filter(t -> t.end().isBefore(d))
                .max((a, b) -> a.end().compareTo(b.end())).orElse(conventionalTerm(d)));
    }

    private static Term conventionalTerm(LocalDate d) {
        if (d.getMonthValue() >= 9) {
            return new Term(d.getYear() + "秋", LocalDate.of(d.getYear(), Month.SEPTEMBER, 1), LocalDate.of(d.getYear() + 1, Month.JANUARY, 31), null);
        }
        if (d.getMonthValue() >= 2) {
            return new Term(d.getYear() + "春", LocalDate.of(d.getYear(), Month.FEBRUARY, 1), LocalDate.of(d.getYear(), Month.AUGUST, 31), null);
        }
        return new Term((d.getYear() - 1) + "秋", LocalDate.of(d.getYear() - 1, Month.SEPTEMBER, 1), LocalDate.of(d.getYear(), Month.JANUARY, 31), null);
    }

    public boolean isHoliday(LocalDate d) {
        return holidays.stream().anyMatch(h -> h.contains(d));
    }

    public boolean isSchoolDay(LocalDate d) {
        DayOfWeek w = d.getDayOfWeek();
        return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY && termOf(d).isPresent() && !isHoliday(d);
    }

    /** A day that counts towards "every N days" rules: inside a term and not a holiday (weekends count). */
    public boolean counts(LocalDate d) {
        return termOf(d).isPresent() && !isHoliday(d);
    }

    /** Counting days after {@code from} up to and including {@code to}. */
    public int countingDaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (counts(d)) n++;
        }
        return n;
    }

    /** The day on which {@code days} counting days have passed since {@code from}. */
    public LocalDate afterCountingDays(LocalDate from, int days) {
        LocalDate d = from;
        int n = 0;
        for (int guard = 0; n < days && guard < 3660; guard++) {
            d = d.plusDays(1);
            if (counts(d)) n++;
        }
        return d;
    }

    public static LocalDate mondayOf(LocalDate d) {
        return d.with(DayOfWeek.MONDAY);
    }

    /** A week (from its Monday) with at least one school day. */
    public boolean isSchoolWeek(LocalDate monday) {
        for (int i = 0; i < 5; i++) {
            if (isSchoolDay(monday.plusDays(i))) return true;
        }
        return false;
    }

    /** {@code n} school days before {@code day} (the school day nearest it when fewer lie within 30 days). */
    public LocalDate schoolDaysBefore(LocalDate day, int n) {
        LocalDate d = day;
        int counted = 0;
        while (counted < n) {
            d = d.minusDays(1);
            if (isSchoolDay(d)) counted++;
            if (d.isBefore(day.minusDays(30))) break;
        }
        return d;
    }

    /** The next school day strictly after {@code d}, within a year. */
    public Optional<LocalDate> nextSchoolDay(LocalDate d) {
        LocalDate x = d;
        for (int i = 0; i < 366; i++) {
            x = x.plusDays(1);
            if (isSchoolDay(x)) return Optional.of(x);
        }
        return Optional.empty();
    }
}
