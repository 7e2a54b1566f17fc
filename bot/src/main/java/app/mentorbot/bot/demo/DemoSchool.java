package app.mentorbot.bot.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.mentorbot.bot.settings.BotSettings;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.RosterJson;
import app.mentorbot.conversations.assessments.AssessmentDays;
import app.mentorbot.conversations.assessments.AssessmentStore;
import app.mentorbot.conversations.plans.PlanStore;
import app.mentorbot.conversations.records.RecordStore;
import app.mentorbot.conversations.reminders.ReminderBook;
import app.mentorbot.conversations.roster.RosterStore;

/**
 * In demo mode with an empty roster, loads the example school from config/ so a newcomer can try the
 * bot at once, with nine weeks of sample records dated back from today ({@link DemoRecords}; off with
 * {@code mentorbot.demo-records=false}, as the tests have it). An imported roster is never touched.
 */
@Component
@ConditionalOnWebApplication
class DemoSchool {
    private static final Logger log = LoggerFactory.getLogger(DemoSchool.class);
    private final Modes modes;
    private final BotSettings settings;
    private final RosterStore rosters;
    private final TransactionTemplate tx;
    private final RecordStore records;
    private final PlanStore plans;
    private final AssessmentStore assessments;
    private final AssessmentDays.BySchool assessmentDays;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final ReminderBook reminders;
    private final boolean sampleRecords;

    DemoSchool(Modes modes, BotSettings settings, RosterStore rosters, TransactionTemplate tx, RecordStore records, PlanStore plans,
               AssessmentStore assessments, AssessmentDays.BySchool assessmentDays, Clock clock, JdbcClient jdbc, ReminderBook reminders, @Value("${mentorbot.demo-records:true}") boolean sampleRecords) {
        this.modes = modes;
        this.settings = settings;
        this.rosters = rosters;
        this.tx = tx;
        this.records = records;
        this.plans = plans;
        this.assessments = assessments;
        this.assessmentDays = assessmentDays;
        this.clock = clock;
        this.jdbc = jdbc;
        this.reminders = reminders;
        this.sampleRecords = sampleRecords;
    }

    @EventListener(ApplicationStartedEvent.class)
    void loadIfEmpty() {
        if (!modes.demo() || !rosters.load(settings.schoolId()).isEmpty()) return;
        Roster example = example(settings);
        int written = tx.execute(s -> {
            rosters.replace(settings.schoolId(), example);
            if (!sampleRecords) return 0;
            DemoConferences.write(jdbc, reminders, settings.schoolId(), example, clock);
            return DemoRecords.write(settings.schoolId(), example, records, plans, new DemoRecords.Assessments(assessments, assessmentDays.forSchool(settings.schoolId())), clock);
        });
        log.info("demo mode: loaded the example school ({} teachers, {} students, {} sample records)", example.teachers().size(),
                example.students().size(), written);
    }

    /** The example school, from {@code mentorbot.example-school} or the copy inside the jar. */
    static Roster example(BotSettings settings) {
        Path file = Path.of(settings.exampleSchool());
        try (InputStream in = Files.exists(file) ? Files.newInputStream(file)
                : DemoSchool.class.getClassLoader().getResourceAsStream("config/example-school.json")) {
            if (in == null) throw new IllegalStateException("example school not found: " + file.toAbsolutePath());
            return RosterJson.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
