package app.mentorbot.bot.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;

import org.springframework.stereotype.Component;

import app.mentorbot.conversations.duties.DutyState;
import app.mentorbot.conversations.duties.Ledger;
import app.mentorbot.conversations.duties.MentorLedger;
import app.mentorbot.conversations.reminders.Reminder;
import app.mentorbot.conversations.reminders.ReminderBook;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.RosterStore;
import app.mentorbot.conversations.roster.Teacher;

/**
 * Each school morning, duties that are due soon or overdue become reminders ("王子轩：已 13 天没有单独谈话").
 * The dedupe key holds each nudge to once per duty, subject, state and week, so nobody is nagged daily.
 */
@Component
class DutyNudges {
    private final Ledger ledger;
    private final ReminderBook reminders;
    private final RosterStore rosters;
    private final Messages messages;
    private final Clock clock;

    DutyNudges(Ledger ledger, ReminderBook reminders, RosterStore rosters, Messages messages, Clock clock) {
        this.ledger = ledger;
        this.reminders = reminders;
        this.rosters = rosters;
        this.messages = messages;
        this.clock = clock;
    }

    void plan(String schoolId, LocalDate day, Instant slot) {
        Roster roster = rosters.load(schoolId);
        List<String> mentors = roster.teachers().stream().map(Teacher::id).filter(id -> !roster.menteesOf(id).isEmpty()).toList();
        int week = day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        for (MentorLedger l : ledger.mentors(schoolId, mentors, day)) {
            for (DutyState d : l.attention()) {
                String key = "duty:" + schoolId + ":" + l.mentorId() + ":" + d.duty() + ":" + d.subject() + ":" + d.status()
                        + ":" + day.getYear() + "W" + week;
                reminders.add(schoolId, l.mentorId(), Reminder.Kind.DUTY, messages.phrases().duty(d, roster, day), day,
                        d.subject() == null ? List.of() : List.of(d.subject()), null, null, null, key, clock.instant());
            }
        }
    }
}
