package app.mentorbot.bot;

import java.io.IOException;
import java.time.Clock;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.adapters.api.InboundMessage;
import app.mentorbot.bot.settings.BotSettings;
import app.mentorbot.bot.settings.QuietHoursSettings;
import app.mentorbot.bot.schools.SchoolRulebook;
import app.mentorbot.conversations.assessments.AssessmentDays;
import app.mentorbot.conversations.assessments.AssessmentPrompts;
import app.mentorbot.conversations.assessments.AssessmentStore;
import app.mentorbot.conversations.assessments.YearReviews;
import app.mentorbot.conversations.dialogue.Dialogue;
import app.mentorbot.conversations.dialogue.Links;
import app.mentorbot.conversations.dialogue.SafetyChecks;
import app.mentorbot.conversations.dialogue.SecondReading;
import app.mentorbot.conversations.dialogue.StudentReports;
import app.mentorbot.conversations.duties.Ledger;
import app.mentorbot.conversations.duties.SchoolRules;
import app.mentorbot.conversations.pairing.Pairings;
import app.mentorbot.conversations.plans.PlanStore;
import app.mentorbot.conversations.records.RecordStore;
import app.mentorbot.conversations.reminders.ReminderBook;
import app.mentorbot.conversations.roster.RosterStore;
import app.mentorbot.conversations.schedule.QuietHours;
import app.mentorbot.conversations.schedule.SchoolCalendar;
import app.mentorbot.conversations.text.Texts;
import app.mentorbot.conversations.understanding.Lexicon;

/** The domain objects, built here so the domain module stays free of Spring annotations. */
@Configuration(proxyBeanMethods = false)
class Wiring {
    @Bean
    Clock clock() {
        return Clock.system(SchoolCalendar.ZONE);
    }

    @Bean
    Texts texts() {
        return Texts.chinese();
    }

    @Bean
    RosterStore rosterStore(JdbcClient jdbc) {
        return new RosterStore(jdbc);
    }

    @Bean
    RecordStore recordStore(JdbcClient jdbc) {
        return new RecordStore(jdbc);
    }

    @Bean
    QuietHours quietHours(QuietHoursSettings settings) {
        return new QuietHours(settings.start(), settings.end(), Set.copyOf(settings.holidays()), SchoolCalendar.ZONE);
    }

    /** Each school's calendar and duty rules (the deployment's, with what the school sets itself in their place). */
    @Bean
    SchoolRules schoolRules(SchoolRulebook rulebook) {
        return rulebook::ledgerRules;
    }

    @Bean
    PlanStore planStore(JdbcClient jdbc) {
        return new PlanStore(jdbc);
    }

    /** The ledger holds students with a guidance plan to the plan's paces when stricter than the school's. */
    @Bean
    Ledger ledger(JdbcClient jdbc, RosterStore rosters, RecordStore records, SchoolRules rules, PlanStore plans) {
        return new Ledger(jdbc, rosters, records, rules, plans);
    }

    @Bean
    ReminderBook reminderBook(JdbcClient jdbc) {
        return new ReminderBook(jdbc);
    }

    @Bean
    Pairings pairings(JdbcClient jdbc, RosterStore rosters) {
        return new Pairings(jdbc, rosters);
    }

    @Bean
    Dialogue dialogue(JdbcClient jdbc, RosterStore rosters, RecordStore records, Texts texts, Clock clock,
                      QuietHours quietHours, Links links, Ledger ledger, ReminderBook reminders, Lexicon lexicon,
                      SafetyChecks safetyChecks, SchoolRulebook rulebook, AssessmentDays.BySchool assessmentDays,
                      SecondReading secondReading) {
        return new Dialogue(jdbc, rosters, records, texts, clock, quietHours, links, ledger, reminders, lexicon, safetyChecks,
                assessmentDays, schoolId -> rulebook.settings(schoolId).digestDaysBefore(), InboundMessage.MAX_TEXT, secondReading);
    }

    /** Each school's stage assessment points: its calendar's {@code assessments}, else the Monday after each exam week. */
    @Bean
    AssessmentDays.BySchool assessmentDays(SchoolRulebook rulebook) {
        return rulebook::assessmentDays;
    }

    @Bean
    AssessmentStore assessmentStore(JdbcClient jdbc) {
        return new AssessmentStore(jdbc);
    }

    @Bean
    YearReviews yearReviews(RecordStore records, PlanStore plans, AssessmentStore assessments, AssessmentDays.BySchool days, Texts texts) {
        return new YearReviews(records, plans, assessments, days, texts);
    }

    @Bean
    AssessmentPrompts assessmentPrompts(RosterStore rosters, AssessmentStore store, AssessmentDays.BySchool days, YearReviews reviews, Texts texts) {
        return new AssessmentPrompts(rosters, store, days, reviews, texts);
    }

    @Bean
    StudentReports studentReports(JdbcClient jdbc, RosterStore rosters, SchoolRules rules, Texts texts, Clock clock) {
        return new StudentReports(jdbc, rosters, rules, texts, clock);
    }

    @Bean
    SafetyChecks safetyChecks(JdbcClient jdbc, RecordStore records, RosterStore rosters, Texts texts, Clock clock) {
        return new SafetyChecks(jdbc, records, rosters, texts, clock);
    }

    /** The note reader's word lists, with what the school added in config/lexicon/ (a missing folder adds nothing). */
    @Bean
    Lexicon lexicon(BotSettings settings) throws IOException {
        return Lexicon.withAdditions(settings.lexiconDir());
    }
}
