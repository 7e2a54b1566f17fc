package app.mentorbot.conversations.leadership;

import java.sql.Array;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.conversations.schedule.SchoolCalendar;
import app.mentorbot.conversations.understanding.Channel;
import app.mentorbot.conversations.understanding.Kind;
import app.mentorbot.conversations.understanding.TalkType;

/**
 * What the workload is counted from, in one read per table for the whole school and period: the records (without
 * their notes), reminders done, plans set, assessments saved, conferences held and their decisions.
 */
record WorkloadFacts(List<Rec> records, List<Done> reminders, List<Made> plans, List<Made> assessments, List<Held> conferences,
                     List<Decided> decisions) {

    /** A record's facts: no note, no names. */
    record Rec(long id, String authorId, Kind kind, TalkType talkType, Channel channel, LocalDate date, boolean flagged,
               List<String> studentIds) {}

    /** A reminder marked done: {@code doneOn} null when it was done before done times were kept. */
    record Done(long id, String personId, String kind, String text, LocalDate due, LocalDate doneOn, List<String> studentIds) {}

    /** A plan version set, or an assessment saved, by a teacher. */
    record Made(String by, String studentId, LocalDate on, String what) {}

    /** A class's conference of a month, marked held. */
    record Held(String classId, String month, LocalDate on) {}

    record Decided(String classId, LocalDate on, String ownerId) {}

    /** Records from {@code readFrom} (early enough for the talk clock), the rest within the period. */
    static WorkloadFacts read(JdbcClient jdbc, String schoolId, LocalDate readFrom, Workload.Period p) {
        Date from = Date.valueOf(p.from()), to = Date.valueOf(p.to());
        List<Rec> records = jdbc.sql("select r.id, r.author_id, r.kind, r.talk_type, r.channel, r.event_date, cardinality(r.flags) > 0, "
                        + "coalesce(array_agg(s.student_id order by s.student_id) filter (where s.student_id is not null), '{}') "
                        + "from record r left join record_student s on s.record_id = r.id "
                        + "where r.school_id = ? and r.deleted_at is null and r.event_date between ? and ? group by r.school_id, r.id order by r.event_date, r.id")
                .params(schoolId, Date.valueOf(readFrom), to)
                .query((rs, n) -> new Rec(rs.getLong(1), rs.getString(2), Kind.valueOf(rs.getString(3)), enumOrNull(TalkType.class, rs.getString(4)),
                        enumOrNull(Channel.class, rs.getString(5)), rs.getDate(6).toLocalDate(), rs.getBoolean(7), strings(rs.getArray(8))))
                .list();
        List<Done> reminders = jdbc.sql("select id, person_id, kind, text, due_on, done_at, student_ids from reminder "
                        + "where school_id = ? and status = 'DONE' and due_on between ? and ? order by due_on, id")
                .params(schoolId, from, to)
                .query((rs, n) -> new Done(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDate(5).toLocalDate(),
                        day(rs.getTimestamp(6)), strings(rs.getArray(7))))
                .list();
        List<Made> plans = jdbc.sql("select set_by, student_id, set_on, version from guidance_plan where school_id = ? and set_on between ? and ? "
                        + "order by set_on, id").params(schoolId, from, to)
                .query((rs, n) -> new Made(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), String.valueOf(rs.getInt(4)))).list();
        List<Made> assessments = jdbc.sql("select saved_by, student_id, saved_on, stage from stage_assessment where school_id = ? "
                        + "and saved_on between ? and ? order by saved_on, id").params(schoolId, from, to)
                .query((rs, n) -> new Made(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4))).list();
        List<Held> held = jdbc.sql("select subject, period, done_at from duty_done where school_id = ? and duty = 'CASE_CONFERENCE' "
                        + "and period between ? and ? order by period, subject")
                .params(schoolId, month(p.from()), month(p.to()))
                .query((rs, n) -> new Held(rs.getString(1), rs.getString(2), day(rs.getTimestamp(3)))).list();
        List<Decided> decisions = jdbc.sql("select class_id, decided_on, owner_id from conference_decision where school_id = ? "
                        + "and decided_on between ? and ?").params(schoolId, from, to)
                .query((rs, n) -> new Decided(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3))).list();
        return new WorkloadFacts(records, reminders, plans, assessments, held, decisions);
    }

    static String month(LocalDate d) {
        return String.format("%04d-%02d", d.getYear(), d.getMonthValue());
    }

    private static LocalDate day(Timestamp t) {
        return t == null ? null : t.toInstant().atZone(SchoolCalendar.ZONE).toLocalDate();
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String s) {
        return s == null ? null : Enum.valueOf(type, s);
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }
}
