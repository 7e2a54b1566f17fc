package app.mentorbot.bot.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import app.mentorbot.bot.outbox.Outbox;
import app.mentorbot.conversations.duties.Ledger;
import app.mentorbot.conversations.duties.MentorLedger;
import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.records.RecordStore;
import app.mentorbot.conversations.reminders.ReminderBook;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.RosterStore;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.roster.Teacher;
import app.mentorbot.conversations.schedule.QuietHours;

/** Friday afternoon: every mentor gets their week in one short message. */
@Component
class WeeklySummaries {
    private final RosterStore rosters;
    private final RecordStore records;
    private final Ledger ledger;
    private final ReminderBook reminders;
    private final Outbox outbox;
    private final Messages messages;
    private final QuietHours quiet;

    WeeklySummaries(RosterStore rosters, RecordStore records, Ledger ledger, ReminderBook reminders, Outbox outbox,
                    Messages messages, QuietHours quiet) {
        this.rosters = rosters;
        this.records = records;
        this.ledger = ledger;
        this.reminders = reminders;
        this.outbox = outbox;
        this.messages = messages;
        this.quiet = quiet;
    }

    /** Sends every mentor's summary; returns how many were written. */
    int send(String schoolId, LocalDate day, Instant slot) {
        Roster roster = rosters.load(schoolId);
        LocalDate monday = day.with(DayOfWeek.MONDAY);
        List<String> mentors = roster.teachers().stream().map(Teacher::id).filter(id -> !roster.menteesOf(id).isEmpty()).toList();
        List<Record> week = records.all(schoolId, monday, day);
        Map<String, List<Record>> byAuthor = new HashMap<>();
        Map<String, List<Record>> byStudent = new HashMap<>();
        for (Record r : week) {
            byAuthor.computeIfAbsent(r.authorId(), k -> new ArrayList<>()).add(r);
            for (String s : r.studentIds()) byStudent.computeIfAbsent(s, k -> new ArrayList<>()).add(r);
        }
        int sent = 0;
        for (MentorLedger l : ledger.mentors(schoolId, mentors, day)) {
            Set<Record> about = new HashSet<>();
            for (Student s : roster.menteesOf(l.mentorId())) about.addAll(byStudent.getOrDefault(s.id(), List.of()));
            String text = messages.phrases().weeklySummary(roster, l, byAuthor.getOrDefault(l.mentorId(), List.of()),
                    new ArrayList<>(about), reminders.pending(schoolId, l.mentorId(), day.plusDays(1), monday.plusDays(13)), monday, day);
            outbox.push(schoolId, l.mentorId(), text, false, quiet.isQuiet(slot) ? quiet.nextOpen(slot) : null, null);
            sent++;
        }
        return sent;
    }
}
