package app.mentorbot.bot.schedule;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.mentorbot.bot.outbox.Outbox;
import app.mentorbot.bot.schools.SchoolRulebook;
import app.mentorbot.bot.schools.Schools;
import app.mentorbot.bot.settings.SchoolSettings;
import app.mentorbot.conversations.assessments.AssessmentPrompts;
import app.mentorbot.conversations.dialogue.Reply;
import app.mentorbot.conversations.dialogue.StudentReports;
import app.mentorbot.conversations.reminders.Reminder;
import app.mentorbot.conversations.reminders.ReminderBook;
import app.mentorbot.conversations.schedule.QuietHours;
import app.mentorbot.conversations.schedule.SchoolCalendar;

/**
 * Turns due reminders, weekly summaries, conference digests, students' half-month report questions and
 * the stage assessment prompts into outbox rows, once per slot.
 *
 * A job for a slot runs in one transaction that first claims the slot (a row in slot_run, unique per
 * job and slot) and then writes every outbox row and marks what it delivered: two bot instances, or a
 * crash in the middle, can neither duplicate nor lose a message. Only the latest slot is ever run, so
 * a bot that was down for several slots sends one catch-up message per person, not a burst.
 */
@Component
@ConditionalOnWebApplication
public class SlotScheduler {
    private static final Logger log = LoggerFactory.getLogger(SlotScheduler.class);
    private final Clock clock;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;
    private final SchoolRulebook rulebook;
    private final ReminderBook reminders;
    private final Outbox outbox;
    private final QuietHours quiet;
    private final Messages messages;
    private final DutyNudges nudges;
    private final WeeklySummaries summaries;
    private final ConferenceDigests digests;
    private final StudentReports studentReports;
    private final AssessmentPrompts assessmentPrompts;
    private final Schools schools;
    private final String holder = UUID.randomUUID().toString();

    SlotScheduler(Clock clock, TransactionTemplate tx, JdbcClient jdbc, SchoolRulebook rulebook,
                  ReminderBook reminders, Outbox outbox, QuietHours quiet, Messages messages, DutyNudges nudges,
                  WeeklySummaries summaries, ConferenceDigests digests, StudentReports studentReports, AssessmentPrompts assessmentPrompts,
                  Schools schools) {
        this.studentReports = studentReports;
        this.assessmentPrompts = assessmentPrompts;
        this.clock = clock;
        this.tx = tx;
        this.jdbc = jdbc;
        this.rulebook = rulebook;
        this.reminders = reminders;
        this.outbox = outbox;
        this.quiet = quiet;
        this.messages = messages;
        this.nudges = nudges;
        this.summaries = summaries;
        this.digests = digests;
        this.schools = schools;
    }

    @Scheduled(initialDelayString = "${mentorbot.scheduler.initial-delay:5s}", fixedDelayString = "${mentorbot.scheduler.tick:30s}")
    void tick() {
        try {
            runDue(clock.instant());
        } catch (RuntimeException e) {
            log.warn("scheduler tick failed, will retry: {}", e.toString());
        }
    }

    /**
     * Runs every job whose latest slot has not run yet, for every school the deployment serves. Safe to call
     * from several instances at once: each (school, job, slot) is claimed on its own, and each instance starts
     * its round at a different school, so four instances share a district's Friday work.
     */
    public void runDue(Instant now) {
        List<String> all = schools.all();
        int start = Math.floorMod(holder.hashCode() + (int) (now.getEpochSecond() / 60), all.size());
        for (int i = 0; i < all.size(); i++) {
            String schoolId = all.get((start + i) % all.size());
            try {
                runDue(schoolId, now);
            } catch (RuntimeException e) {
                // One school's failure (a broken roster, say) must not hold back the others; its slot is retried next tick.
                log.warn("scheduler: school {} failed, will retry: {}", schoolId, e.toString());
            }
        }
    }

    /** One school's due jobs, at the school's own times and on its own school days. */
    void runDue(String schoolId, Instant now) {
        ZoneId zone = clock.getZone();
        SchoolSettings school = rulebook.settings(schoolId);
        SchoolCalendar calendar = rulebook.ledgerRules(schoolId).calendar();
        Optional<Instant> reminderSlot = Slots.latestDaily(now, school.reminderSlots(), calendar, zone);
        reminderSlot.ifPresent(slot -> claim(schoolId, "reminders", slot, () -> {
            boolean firstOfDay = slot.atZone(zone).toLocalTime().equals(school.reminderSlots().stream().min(LocalTime::compareTo).orElseThrow());
            LocalDate day = slot.atZone(zone).toLocalDate();
            if (firstOfDay) {
                nudges.plan(schoolId, day, slot);
                digests.sendDue(schoolId, day, school.digestDaysBefore(), slot);
            }
            deliverReminders(schoolId, slot, day);
            askForStudentReports(schoolId, slot, day);
            promptAssessments(schoolId, slot, day);
        }));
        // A summary more than half a day late is stale: it is skipped rather than sent on Saturday or Monday.
        Slots.latestWeekly(now, school.weeklySummaryDay(), school.weeklySummaryTime(), calendar, zone)
                .filter(slot -> Duration.between(slot, now).compareTo(Duration.ofHours(12)) <= 0)
                .ifPresent(slot -> claim(schoolId, "weekly-summary", slot, () -> summaries.send(schoolId, slot.atZone(zone).toLocalDate(), slot)));
    }

    /**
     * Claims a school's job slot and runs it in the same transaction; false when it ran before (here or
     * elsewhere) or another instance is running it right now. The try-lock lets an instance pass over a school
     * another one is busy with instead of waiting for its commit on the claim row.
     */
    boolean claim(String schoolId, String job, Instant slot, Runnable work) {
        Boolean ran = tx.execute(s -> {
            Boolean free = jdbc.sql("select pg_try_advisory_xact_lock(hashtext(?), hashtext(?))")
                    .params(schoolId + "\u001f" + job, slot.toString()).query(Boolean.class).single();
            if (!Boolean.TRUE.equals(free)) return false;
            int claimed = jdbc.sql("insert into slot_run (school_id, job, slot_at, started_at, holder) values (?, ?, ?, ?, ?) "
                            + "on conflict do nothing")
                    .params(schoolId, job, Timestamp.from(slot), Timestamp.from(clock.instant()), holder).update();
            if (claimed == 0) return false;
            work.run();
            return true;
        });
        if (Boolean.TRUE.equals(ran)) log.info("job {} ran for school {} slot {}", job, schoolId, slot);
        return Boolean.TRUE.equals(ran);
    }

    /** Students whose half-month report is due are asked in the day's first slot that runs (none unless the school has student accounts). */
    void askForStudentReports(String schoolId, Instant slot, LocalDate day) {
        for (Reply question : studentReports.askDue(schoolId, day)) {
            outbox.push(schoolId, question.recipientId(), question.text(), false, quiet.isQuiet(slot) ? quiet.nextOpen(slot) : null, null);
        }
    }

    /** On an assessment day each mentor gets one prompt (and on the spring term's summary day, year-end review drafts), once. */
    void promptAssessments(String schoolId, Instant slot, LocalDate day) {
        for (AssessmentPrompts.Prompt p : assessmentPrompts.due(schoolId, day)) {
            outbox.push(schoolId, p.teacherId(), p.text(), false, quiet.isQuiet(slot) ? quiet.nextOpen(slot) : null, null);
        }
    }

    void deliverReminders(String schoolId, Instant slot, LocalDate day) {
        Map<String, List<Reminder>> due = reminders.dueBy(schoolId, day);
        for (Map.Entry<String, List<Reminder>> person : due.entrySet()) {
            List<Reminder> batch = new ArrayList<>(person.getValue());
            outbox.push(schoolId, person.getKey(), messages.reminderBatch(batch, day), false,
                    quiet.isQuiet(slot) ? quiet.nextOpen(slot) : null, null);
            reminders.delivered(batch, slot, clock.instant());
        }
    }
}
