package app.mentorbot.bot.schools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import app.mentorbot.bot.settings.SchoolOverrides;
import app.mentorbot.bot.settings.SchoolSettings;
import app.mentorbot.conversations.assessments.AssessmentDays;
import app.mentorbot.conversations.duties.LedgerRules;
import app.mentorbot.conversations.pairing.Pairings;
import app.mentorbot.conversations.text.Texts;

/**
 * The fallback rule, part by part: a school's own settings (bound from {@code mentorbot.schools.<id>}, as the bot binds
 * them) over the deployment's ({@code mentorbot.school}).
 */
class SchoolRulebookTest {
    private static final LocalDate SCHOOL_ANNIVERSARY = LocalDate.of(2026, 3, 18); // a Wednesday in the spring term

    private static final Map<String, String> PROPERTIES = new LinkedHashMap<>();

    static {
        PROPERTIES.put("mentorbot.school.terms[0].name", "2025-2026学年第二学期");
        PROPERTIES.put("mentorbot.school.terms[0].start", "2026-02-24");
        PROPERTIES.put("mentorbot.school.terms[0].end", "2026-07-10");
        PROPERTIES.put("mentorbot.school.holidays[0].name", "清明节");
        PROPERTIES.put("mentorbot.school.holidays[0].from", "2026-04-04");
        PROPERTIES.put("mentorbot.school.holidays[0].to", "2026-04-06");
        PROPERTIES.put("mentorbot.school.exam-weeks[0].name", "期中考试");
        PROPERTIES.put("mentorbot.school.exam-weeks[0].from", "2026-04-27");
        PROPERTIES.put("mentorbot.school.exam-weeks[0].to", "2026-04-30");
        PROPERTIES.put("mentorbot.school.duties.individual-talk-days", "10");
        PROPERTIES.put("mentorbot.school.duties.mentor-capacity", "6");
        PROPERTIES.put("mentorbot.school.schedule.weekly-summary-day", "WEDNESDAY");
        PROPERTIES.put("mentorbot.schools.east.holidays[0].name", "校庆");
        PROPERTIES.put("mentorbot.schools.east.holidays[0].from", "2026-03-18");
        PROPERTIES.put("mentorbot.schools.north.duties.individual-talk-days", "7");
        PROPERTIES.put("mentorbot.schools.north.schedule.reminder-slots", "08:00");
    }

    private final Binder binder = new Binder(new MapConfigurationPropertySource(PROPERTIES));
    private final SchoolSettings deployment = binder.bindOrCreate("mentorbot.school", SchoolSettings.class);
    private final SchoolRulebook rulebook = new SchoolRulebook(deployment, binder.bindOrCreate("mentorbot", SchoolOverrides.class),
            Texts.chinese());

    @Test
    void aSchoolThatSetsOnlyItsHolidaysKeepsTheDeploymentsTermsExamWeeksDutiesAndSchedule() {
        SchoolSettings east = rulebook.settings("east");
        assertThat(east.holidays()).extracting(SchoolSettings.RangeSetting::name).containsExactly("校庆");
        assertThat(east.terms()).isEqualTo(deployment.terms());
        assertThat(east.examWeeks()).isEqualTo(deployment.examWeeks());
        assertThat(east.rules()).isEqualTo(deployment.rules());
        assertThat(east.rules().individualTalkDays()).isEqualTo(10);
        assertThat(east.pairingRules()).isEqualTo(new Pairings.Rules(6, true));
        assertThat(east.weeklySummaryDay()).isEqualTo(DayOfWeek.WEDNESDAY);

        LedgerRules eastRules = rulebook.ledgerRules("east");
        assertThat(eastRules.calendar().isSchoolDay(SCHOOL_ANNIVERSARY)).as("east's own holiday").isFalse();
        assertThat(rulebook.ledgerRules("west").calendar().isSchoolDay(SCHOOL_ANNIVERSARY)).as("not the deployment's").isTrue();
        assertThat(eastRules.calendar().isHoliday(LocalDate.of(2026, 4, 5))).as("the deployment's 清明节 is replaced, not added to")
                .isFalse();
        assertThat(rulebook.assessmentDays("east").points()).extracting(AssessmentDays.Point::on)
                .as("the Monday after the deployment's exam week").containsExactly(LocalDate.of(2026, 5, 4));
    }

    @Test
    void aSchoolThatSetsOneDutyNumberAndOneTimeKeepsTheDeploymentsOtherNumbersTimesAndCalendar() {
        SchoolSettings north = rulebook.settings("north");
        assertThat(north.rules().individualTalkDays()).isEqualTo(7);
        assertThat(north.rules().groupTalksPerWeek()).isEqualTo(deployment.rules().groupTalksPerWeek());
        assertThat(north.pairingRules().seats()).as("the deployment's mentor capacity").isEqualTo(6);
        assertThat(north.reminderSlots()).containsExactly(LocalTime.of(8, 0));
        assertThat(north.weeklySummaryDay()).isEqualTo(DayOfWeek.WEDNESDAY);
        assertThat(north.weeklySummaryTime()).isEqualTo(deployment.weeklySummaryTime());
        assertThat(north.digestDaysBefore()).isEqualTo(deployment.digestDaysBefore());
        assertThat(north.holidays()).isEqualTo(deployment.holidays());
        assertThat(rulebook.ledgerRules("north").calendar()).isEqualTo(deployment.calendar());
    }

    @Test
    void schoolsThatSetNothingShareTheDeploymentsOwnRules() {
        assertThat(rulebook.ledgerRules("west")).isSameAs(rulebook.ledgerRules("main"));
        assertThat(rulebook.settings("west")).isSameAs(deployment);
        assertThat(rulebook.ledgerRules("west").rules()).isEqualTo(deployment.rules());
        assertThat(rulebook.assessmentDays("west")).isSameAs(rulebook.assessmentDays("main"));
    }

    @Test
    void aSchoolsOwnRulesAreBuiltOnceAndKept() {
        assertThat(rulebook.ledgerRules("east")).isSameAs(rulebook.ledgerRules("east"));
        assertThat(rulebook.assessmentDays("north")).isSameAs(rulebook.assessmentDays("north"));
        assertThat(rulebook.configured()).containsExactlyInAnyOrder("east", "north");
    }

    @Test
    void aSchoolsBrokenCalendarIsFoundAtStartNotAtItsFirstReminder() {
        Binder broken = new Binder(new MapConfigurationPropertySource(Map.of("mentorbot.schools.east.terms[0].name", "秋季学期",
                "mentorbot.schools.east.terms[0].start", "2026-09-01", "mentorbot.schools.east.terms[0].end", "2026-01-22")));
        assertThatThrownBy(() -> new SchoolRulebook(deployment, broken.bindOrCreate("mentorbot", SchoolOverrides.class), Texts.chinese()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("秋季学期");
    }

    @Test
    void aDeploymentWithoutDutiesTakesASchoolsDutiesAsTheyAreAndTheBuiltInNumbersForTheRest() {
        Binder bare = new Binder(new MapConfigurationPropertySource(Map.of("mentorbot.schools.east.duties.individual-talk-days", "7")));
        SchoolRulebook rules = new SchoolRulebook(bare.bindOrCreate("mentorbot.school", SchoolSettings.class),
                bare.bindOrCreate("mentorbot", SchoolOverrides.class), Texts.chinese());
        assertThat(rules.settings("east").rules().individualTalkDays()).isEqualTo(7);
        assertThat(rules.settings("east").rules().parentContactsPerTerm()).isEqualTo(2);
        assertThat(rules.settings("east").reminderSlots()).isEqualTo(List.of(LocalTime.of(7, 30), LocalTime.of(16, 30)));
    }
}
