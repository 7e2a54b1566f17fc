package app.mentorbot.bot.demo;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.conversations.duties.Ledger;
import app.mentorbot.conversations.reminders.Reminder;
import app.mentorbot.conversations.reminders.ReminderBook;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.SchoolClass;
import app.mentorbot.conversations.roster.Student;

/**
 * The demo school's case conferences and answered reminders, so the school overview and the workload page (工作量)
 * show a school at work: each class met last month and decided one thing about a student, carried out on time in
 * the first class and late in the others; the first class met this month too; each mentor closed a follow-up on
 * time, and every second mentor one late. Written only by {@link DemoSchool} with {@link DemoRecords}.
 */
final class DemoConferences {
    private DemoConferences() {}

    static void write(JdbcClient jdbc, ReminderBook reminders, String schoolId, Roster roster, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        ZoneId zone = clock.getZone();
        Instant now = clock.instant();
        List<SchoolClass> classes = roster.classes().stream().filter(c -> c.headTeacherId() != null).toList();
        for (int i = 0; i < classes.size(); i++) {
            SchoolClass c = classes.get(i);
            Student s = roster.students().stream().filter(x -> x.classId().equals(c.id()) && x.mentorId() != null).findFirst().orElse(null);
            if (s == null) continue;
            LocalDate met = today.minusMonths(1).withDayOfMonth(15);
            held(jdbc, schoolId, c, met, now);
            long decision = jdbc.sql("insert into conference_decision (school_id, class_id, decided_on, text, student_ids, owner_id, created_by, "
                            + "created_at) values (?, ?, ?, ?, string_to_array(?, ','), ?, ?, ?) returning id")
                    .params(schoolId, c.id(), Date.valueOf(met), s.name() + "每周谈心一次，联系家长了解情况", s.id(), s.mentorId(),
                            c.headTeacherId(), Timestamp.from(now)).query(Long.class).single();
            LocalDate due = met.plusDays(1);
            Instant done = (i == 0 ? due : due.plusDays(3)).atTime(17, 0).atZone(zone).toInstant();
            reminders.add(schoolId, s.mentorId(), Reminder.Kind.DECISION, "会商决定：" + s.name() + "每周谈心一次", due, List.of(s.id()), null,
                    decision, null, null, now).ifPresent(id -> reminders.complete(List.of(id), done));
            if (i == 0 && today.getDayOfMonth() > 3) held(jdbc, schoolId, c, today.withDayOfMonth(3), now);
        }
        List<String> mentors = roster.students().stream().map(Student::mentorId).filter(m -> m != null).distinct().toList();
        for (int i = 0; i < mentors.size(); i++) {
            String m = mentors.get(i);
            followUp(reminders, schoolId, m, roster, today.minusDays(10), today.minusDays(10), zone, now);
            if (i % 2 == 0) followUp(reminders, schoolId, m, roster, today.minusDays(20), today.minusDays(17), zone, now);
        }
    }

    private static void held(JdbcClient jdbc, String schoolId, SchoolClass c, LocalDate on, Instant now) {
        jdbc.sql("insert into conference_date (school_id, class_id, month, held_on, set_by) values (?, ?, ?, ?, ?) on conflict do nothing")
                .params(schoolId, c.id(), Ledger.month(on), Date.valueOf(on), c.headTeacherId()).update();
        jdbc.sql("insert into duty_done (school_id, duty, subject, period, done_at, done_by) values (?, 'CASE_CONFERENCE', ?, ?, ?, ?) "
                        + "on conflict do nothing")
                .params(schoolId, c.id(), Ledger.month(on), Timestamp.from(now), c.headTeacherId()).update();
    }

    private static void followUp(ReminderBook reminders, String schoolId, String mentor, Roster roster, LocalDate due, LocalDate done,
                                 ZoneId zone, Instant now) {
        Student s = roster.menteesOf(mentor).get(0);
        reminders.add(schoolId, mentor, Reminder.Kind.FOLLOW_UP, "跟进" + s.name() + "的学习计划", due, List.of(s.id()), null, null, null, null, now)
                .ifPresent(id -> reminders.complete(List.of(id), done.atTime(16, 0).atZone(zone).toInstant()));
    }
}
