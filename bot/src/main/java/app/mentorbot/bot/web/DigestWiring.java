package app.mentorbot.bot.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.bot.settings.WorkloadSettings;
import app.mentorbot.conversations.assessments.AssessmentStore;
import app.mentorbot.conversations.assessments.YearReviews;
import app.mentorbot.conversations.digests.DigestBuilder;
import app.mentorbot.conversations.digests.GrowthFileBuilder;
import app.mentorbot.conversations.digests.SummaryBuilder;
import app.mentorbot.conversations.duties.Ledger;
import app.mentorbot.conversations.leadership.DistrictFigures;
import app.mentorbot.conversations.leadership.DistrictGrants;
import app.mentorbot.conversations.leadership.OverviewBuilder;
import app.mentorbot.conversations.leadership.WorkloadBuilder;
import app.mentorbot.conversations.plans.PlanStore;
import app.mentorbot.conversations.records.RecordStore;
import app.mentorbot.conversations.reminders.ReminderBook;
import app.mentorbot.conversations.roster.RosterStore;

/** The digest, growth-file, summary, overview and workload builders, from the domain beans the application wires. */
@Configuration(proxyBeanMethods = false)
class DigestWiring {
    @Bean
    DistrictGrants districtGrants(JdbcClient jdbc) {
        return new DistrictGrants(jdbc);
    }

    @Bean
    DigestBuilder digestBuilder(JdbcClient jdbc, RosterStore rosters, RecordStore records, Ledger ledger,
                                ReminderBook reminders, PlanStore plans, AssessmentStore assessments) {
        return new DigestBuilder(jdbc, rosters, records, ledger, reminders, plans, assessments);
    }

    @Bean
    GrowthFileBuilder growthFileBuilder(RosterStore rosters, RecordStore records, ReminderBook reminders, PlanStore plans,
                                        AssessmentStore assessments, YearReviews reviews) {
        return new GrowthFileBuilder(rosters, records, reminders, plans, assessments, reviews);
    }

    @Bean
    OverviewBuilder overviewBuilder(JdbcClient jdbc, RosterStore rosters, RecordStore records, Ledger ledger) {
        return new OverviewBuilder(jdbc, rosters, records, ledger);
    }

    /** The district page's figures, kept per school while its records are unchanged; computed at most four schools at a time. */
    @Bean
    DistrictFigures districtFigures(OverviewBuilder overview) {
        return new DistrictFigures(overview, Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors())));
    }

    /** The workload with the school's weights from config/workload.yml. */
    @Bean
    WorkloadBuilder workloadBuilder(JdbcClient jdbc, RosterStore rosters, Ledger ledger, WorkloadSettings settings) {
        return new WorkloadBuilder(jdbc, rosters, ledger, settings.rules());
    }

    @Bean
    SummaryBuilder summaryBuilder(RosterStore rosters, RecordStore records, Ledger ledger, ReminderBook reminders) {
        return new SummaryBuilder(rosters, records, ledger, reminders);
    }
}
