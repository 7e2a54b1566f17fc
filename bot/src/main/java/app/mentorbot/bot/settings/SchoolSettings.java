package app.mentorbot.bot.settings;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

import app.mentorbot.conversations.assessments.AssessmentDays;
import app.mentorbot.conversations.duties.DutyRules;
import app.mentorbot.conversations.pairing.Pairings;
import app.mentorbot.conversations.schedule.SchoolCalendar;

/**
 * A school's calendar, duty rules and the scheduler's times. The deployment's come from config/calendar.yml and
 * config/duties.yml (keys under {@code mentorbot.school}); a school of a several-school deployment may set its own
 * parts under {@code mentorbot.schools.<id>} (see {@link Own}), and keeps the deployment's for the rest.
 */
@ConfigurationProperties("mentorbot.school")
public record SchoolSettings(List<TermSetting> terms, List<RangeSetting> holidays, List<RangeSetting> examWeeks,
                             List<AssessmentSetting> assessments, DutySetting duties, ScheduleSetting schedule) {

    public record TermSetting(String name, LocalDate start, LocalDate end, LocalDate summaryDue) {}

    public record RangeSetting(String name, LocalDate from, LocalDate to) {}

    /** A stage assessment point (阶段评估): {@code { name: 期中评估, on: 2026-11-16 }}. */
    public record AssessmentSetting(String name, LocalDate on) {}

    /**
     * The duty numbers, and the pairing rule: {@code mentorCapacity} students per mentor (a teacher's own number in the
     * choices file overrides it), {@code mentorsOwnClassesOnly} whether a teacher mentors only classes they teach or head.
     */
    public record DutySetting(Integer groupTalksPerWeek, Integer individualTalkDays, Integer parentContactsPerTerm,
                              Boolean studentReports, Integer studentReportDays, Integer conferencesPerMonth, Integer dueSoonDays,
                              Integer mentorCapacity, Boolean mentorsOwnClassesOnly) {}

    /**
     * @param reminderSlots   times of day when reminders go out, on school days
     * @param weeklySummary   day and time of the mentors' weekly summary
     * @param digestDaysBefore how many days before a class's conference its digest goes to the class head
     */
    public record ScheduleSetting(List<LocalTime> reminderSlots, DayOfWeek weeklySummaryDay, LocalTime weeklySummaryTime,
                                  Integer digestDaysBefore) {}

    /**
     * What one school sets for itself, in the shape of {@code mentorbot.school}; a part it leaves out (null) is the
     * deployment's. A list it sets (terms, holidays, exam weeks, assessments) replaces the deployment's whole list;
     * duties and schedule are merged number by number.
     */
    public record Own(List<TermSetting> terms, List<RangeSetting> holidays, List<RangeSetting> examWeeks,
                           List<AssessmentSetting> assessments, DutySetting duties, ScheduleSetting schedule) {}

    /** These settings with what {@code school} sets in their place. */
    public SchoolSettings with(Own school) {
        if (school == null) return this;
        return new SchoolSettings(or(school.terms(), terms), or(school.holidays(), holidays), or(school.examWeeks(), examWeeks),
                or(school.assessments(), assessments), merge(school.duties(), duties), merge(school.schedule(), schedule));
    }

    private static DutySetting merge(DutySetting own, DutySetting base) {
        if (own == null || base == null) return own == null ? base : own;
        return new DutySetting(or(own.groupTalksPerWeek(), base.groupTalksPerWeek()), or(own.individualTalkDays(), base.individualTalkDays()),
                or(own.parentContactsPerTerm(), base.parentContactsPerTerm()), or(own.studentReports(), base.studentReports()),
                or(own.studentReportDays(), base.studentReportDays()), or(own.conferencesPerMonth(), base.conferencesPerMonth()),
                or(own.dueSoonDays(), base.dueSoonDays()), or(own.mentorCapacity(), base.mentorCapacity()),
                or(own.mentorsOwnClassesOnly(), base.mentorsOwnClassesOnly()));
    }

    private static ScheduleSetting merge(ScheduleSetting own, ScheduleSetting base) {
        if (own == null || base == null) return own == null ? base : own;
        return new ScheduleSetting(own.reminderSlots() == null || own.reminderSlots().isEmpty() ? base.reminderSlots() : own.reminderSlots(),
                or(own.weeklySummaryDay(), base.weeklySummaryDay()), or(own.weeklySummaryTime(), base.weeklySummaryTime()),
                or(own.digestDaysBefore(), base.digestDaysBefore()));
    }

    private static <T> T or(T own, T base) {
        return own == null ? base : own;
    }

    public SchoolSettings {
        terms = terms == null ? List.of() : List.copyOf(terms);
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        examWeeks = examWeeks == null ? List.of() : List.copyOf(examWeeks);
        assessments = assessments == null ? List.of() : List.copyOf(assessments);
    }

    /** The configured assessment points (none: the Monday after each exam week; a blank name is the bundle's 阶段评估). */
    public List<AssessmentDays.Point> assessmentPoints() {
        return assessments.stream().filter(a -> a.on() != null)
                .map(a -> new AssessmentDays.Point(a.name() == null ? "" : a.name(), a.on())).toList();
    }

    public SchoolCalendar calendar() {
        return new SchoolCalendar(
                terms.stream().map(t -> new SchoolCalendar.Term(t.name(), t.start(), t.end(), t.summaryDue())).toList(),
                holidays.stream().map(h -> new SchoolCalendar.DateRange(h.from(), h.to(), h.name())).toList(),
                examWeeks.stream().map(h -> new SchoolCalendar.DateRange(h.from(), h.to(), h.name())).toList());
    }

    public DutyRules rules() {
        DutyRules d = DutyRules.defaults();
        if (duties == null) return d;
        return new DutyRules(or(duties.groupTalksPerWeek(), d.groupTalksPerWeek()), or(duties.individualTalkDays(), d.individualTalkDays()),
                or(duties.parentContactsPerTerm(), d.parentContactsPerTerm()),
                duties.studentReports() == null ? d.studentReports() : duties.studentReports(),
                or(duties.studentReportDays(), d.studentReportDays()), or(duties.conferencesPerMonth(), d.conferencesPerMonth()),
                or(duties.dueSoonDays(), d.dueSoonDays()));
    }

    /** The pairing rule: 8 students per mentor and own classes only, unless config/duties.yml says otherwise. */
    public Pairings.Rules pairingRules() {
        if (duties == null) return new Pairings.Rules(8, true);
        return new Pairings.Rules(or(duties.mentorCapacity(), 8), duties.mentorsOwnClassesOnly() == null || duties.mentorsOwnClassesOnly());
    }

    public List<LocalTime> reminderSlots() {
        return schedule == null || schedule.reminderSlots() == null || schedule.reminderSlots().isEmpty()
                ? List.of(LocalTime.of(7, 30), LocalTime.of(16, 30)) : schedule.reminderSlots();
    }

    public DayOfWeek weeklySummaryDay() {
        return schedule == null || schedule.weeklySummaryDay() == null ? DayOfWeek.FRIDAY : schedule.weeklySummaryDay();
    }

    public LocalTime weeklySummaryTime() {
        return schedule == null || schedule.weeklySummaryTime() == null ? LocalTime.of(16, 30) : schedule.weeklySummaryTime();
    }

    public int digestDaysBefore() {
        return schedule == null || schedule.digestDaysBefore() == null ? 2 : schedule.digestDaysBefore();
    }

    private static int or(Integer v, int d) {
        return v == null ? d : v;
    }
}
