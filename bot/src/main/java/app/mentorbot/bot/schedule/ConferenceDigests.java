package app.mentorbot.bot.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import app.mentorbot.bot.outbox.Outbox;
import app.mentorbot.conversations.dialogue.Links;
import app.mentorbot.conversations.duties.Ledger;
import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.records.RecordStore;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.RosterStore;
import app.mentorbot.conversations.roster.SchoolClass;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.schedule.QuietHours;
import app.mentorbot.conversations.schedule.SchoolCalendar;

/**
 * A configured number of school days before a class's conference (the date its class head set, or
 * the last school day of the month), the class head gets a short notice with a signed link to the
 * full digest.
 */
@Component
class ConferenceDigests {
    private final RosterStore rosters;
    private final RecordStore records;
    private final Ledger ledger;
    private final Outbox outbox;
    private final Messages messages;
    private final Links links;
    private final QuietHours quiet;

    ConferenceDigests(RosterStore rosters, RecordStore records, Ledger ledger, Outbox outbox,
                      Messages messages, Links links, QuietHours quiet) {
        this.rosters = rosters;
        this.records = records;
        this.ledger = ledger;
        this.outbox = outbox;
        this.messages = messages;
        this.links = links;
        this.quiet = quiet;
    }

    /** The conference day of a class in the month of {@code day}. */
    LocalDate conferenceDay(String schoolId, String classId, LocalDate day) {
        Optional<LocalDate> set = ledger.conferenceDate(schoolId, classId, day);
        if (set.isPresent()) return set.get();
        LocalDate last = day.withDayOfMonth(day.lengthOfMonth());
        SchoolCalendar calendar = ledger.rules(schoolId).calendar();
        while (!calendar.isSchoolDay(last) && last.getDayOfMonth() > 1) last = last.minusDays(1);
        return last;
    }

    /** Sends the notices due today; returns how many. */
    int sendDue(String schoolId, LocalDate today, int daysBefore, Instant slot) {
        Roster roster = rosters.load(schoolId);
        int sent = 0;
        for (SchoolClass c : roster.classes()) {
            if (c.headTeacherId() == null) continue;
            LocalDate conference = conferenceDay(schoolId, c.id(), today);
            if (!noticeDay(schoolId, conference, daysBefore).equals(today)) continue;
            List<String> students = roster.students().stream().filter(s -> s.classId().equals(c.id())).map(Student::id).toList();
            List<Record> period = records.about(schoolId, students, today.minusDays(30), today);
            Set<String> key = new LinkedHashSet<>();
            for (Record r : period) {
                if (!r.flags().isEmpty()) r.studentIds().stream().filter(students::contains).forEach(key::add);
            }
            List<String> names = new ArrayList<>();
            key.forEach(id -> roster.student(id).ifPresent(s -> names.add(s.name())));
            String text = messages.phrases().digestNotice(c.name(), conference, period.size(), names,
                    links.digestPage(schoolId, c.headTeacherId(), c.id()), today);
            outbox.push(schoolId, c.headTeacherId(), text, false, quiet.isQuiet(slot) ? quiet.nextOpen(slot) : null, null);
            sent++;
        }
        return sent;
    }

    /** {@code daysBefore} of the school's school days before the conference (the day itself when it is sooner). */
    LocalDate noticeDay(String schoolId, LocalDate conference, int daysBefore) {
        return ledger.rules(schoolId).calendar().schoolDaysBefore(conference, daysBefore);
    }
}
