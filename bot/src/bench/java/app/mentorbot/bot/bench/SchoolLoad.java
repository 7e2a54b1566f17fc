package app.mentorbot.bot.bench;

import static app.mentorbot.bot.bench.SchoolScaleBench.TODAY;
import static app.mentorbot.bot.bench.SchoolScaleBench.ZONE;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

/** A generated {@link School} and a year of its work, written into the bot's database for {@link SchoolScaleBench}. */
final class SchoolLoad {
    private SchoolLoad() {}

    /**
     * Which school and how much of its work: its id and name, records a student, dated over how many days up to
     * {@code TODAY}, months of conferences, the ids the rows start after (schools sharing a database each take
     * their own range), the random seed, and whether to vacuum and analyse afterwards.
     */
    record Plan(String schoolId, String schoolName, int recordsPerStudent, int days, int months, long firstId, long seed, boolean analyze) {
        /** The school-scale school: "main", a year of records, fifty a student. */
        static final Plan YEAR = new Plan("main", "压测中学", 50, 365, 12, 0, 5, true);
    }

    static long[] load(DataSource ds, School s) throws Exception {
        return load(ds, s, Plan.YEAR);
    }

    /**
     * The school through COPY into the tables Flyway made: roster, the plan's records (kinds, channels, topics
     * and flags in realistic shares; most by the mentor, some by the class head or a subject teacher), the
     * students they are about, follow-up and explicit reminders, monthly conference dates and decisions.
     */
    static long[] load(DataSource ds, School s, Plan p) throws Exception {
        Random rnd = new Random(p.seed());
        String sid = p.schoolId() + '\t';
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            try (Statement st = c.createStatement()) {
                st.execute("insert into school (id, name) values ('" + p.schoolId() + "', '" + p.schoolName() + "') on conflict (id) do nothing");
            }
            StringBuilder b = new StringBuilder();
            for (School.SchoolClass k : s.classes) b.append(sid).append(k.id()).append('\t').append(k.name()).append('\t').append(k.headId()).append('\n');
            copy.copyIn("copy school_class (school_id, id, name, head_teacher_id) from stdin", new StringReader(b.toString()));
            b.setLength(0);
            StringBuilder tc = new StringBuilder();
            for (School.Teacher t : s.teachers) {
                b.append(sid).append(t.id()).append('\t').append(t.name()).append("\t数学\t").append(t.id().equals("T0001") ? "t" : "f").append('\n');
                for (String k : t.classIds()) tc.append(sid).append(t.id()).append('\t').append(k).append('\n');
            }
            copy.copyIn("copy teacher (school_id, id, name, subject, is_admin) from stdin", new StringReader(b.toString()));
            copy.copyIn("copy teacher_class (school_id, teacher_id, class_id) from stdin", new StringReader(tc.toString()));
            b.setLength(0);
            for (School.Student st : s.students) b.append(sid).append(st.id()).append('\t').append(st.name()).append('\t').append(st.classId()).append('\t').append(st.mentorId()).append('\n');
            copy.copyIn("copy student (school_id, id, name, class_id, mentor_id) from stdin", new StringReader(b.toString()));
            b.setLength(0);
            for (School.Parent pa : s.parents) b.append(sid).append(pa.id()).append('\t').append(pa.studentId()).append('\t').append(pa.relation()).append('\n');
            copy.copyIn("copy parent (school_id, id, student_id, relation) from stdin", new StringReader(b.toString()));

            Map<String, List<String>> teachersOfClass = new HashMap<>();
            for (School.Teacher t : s.teachers) for (String k : t.classIds()) teachersOfClass.computeIfAbsent(k, x -> new ArrayList<>()).add(t.id());
            Map<String, String> headOf = new HashMap<>();
            for (School.SchoolClass k : s.classes) headOf.put(k.id(), k.headId());
            Map<String, List<School.Student>> byClass = new HashMap<>();
            for (School.Student st : s.students) byClass.computeIfAbsent(st.classId(), x -> new ArrayList<>()).add(st);

            int total = s.students.size() * p.recordsPerStudent(); // fifty a student a year: 150k for 3,000 students
            StringBuilder rec = new StringBuilder(), rs = new StringBuilder(), rem = new StringBuilder();
            long reminders = 0;
            long reminderId = p.firstId();
            for (long id = p.firstId() + 1; id <= p.firstId() + total; id++) {
                // some students get far more attention than others
                School.Student st = s.students.get(rnd.nextInt(10) < 2 ? rnd.nextInt(s.students.size() / 10 + 1) * 10 % s.students.size()
                        : rnd.nextInt(s.students.size()));
                int who = rnd.nextInt(100);
                List<String> classTeachers = teachersOfClass.getOrDefault(st.classId(), List.of(st.mentorId()));
                String author = who < 75 ? st.mentorId() : who < 90 ? headOf.get(st.classId()) : classTeachers.get(rnd.nextInt(classTeachers.size()));
                int k = rnd.nextInt(100);
                String kind = k < 45 ? "TALK" : k < 70 ? "PARENT_CONTACT" : k < 95 ? "OBSERVATION" : "REMINDER";
                String talkType = kind.equals("TALK") ? (rnd.nextInt(5) == 0 ? "GROUP" : "INDIVIDUAL") : null;
                int ch = rnd.nextInt(100);
                String channel = kind.equals("PARENT_CONTACT") ? (ch < 40 ? "PHONE" : ch < 75 ? "ONLINE" : ch < 85 ? "HOME_VISIT" : "IN_PERSON")
                        : kind.equals("TALK") ? "IN_PERSON" : null;
                LocalDate day;
                do day = TODAY.minusDays(rnd.nextInt(p.days())); while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY);
                String[] topicNames = {"ACADEMIC", "ACADEMIC", "ACADEMIC", "PSYCH", "LIFE", "THOUGHT", "CAREER"};
                String topics = kind.equals("REMINDER") ? "{}" : "{" + String.join(",", new java.util.TreeSet<>(List.of(topicNames[rnd.nextInt(7)],
                        rnd.nextBoolean() ? topicNames[rnd.nextInt(7)] : topicNames[0]))) + "}";
                int fl = rnd.nextInt(1000);
                String flags = fl < 40 ? "{ACADEMIC}" : fl < 70 ? "{PSYCH}" : fl < 90 ? "{FAMILY}" : fl < 93 ? "{SAFETY}" : fl < 96 ? "{ACADEMIC,PSYCH}" : "{}";
                LocalDate followUp = (kind.equals("TALK") || kind.equals("PARENT_CONTACT")) && rnd.nextInt(5) == 0 ? day.plusDays(7 + rnd.nextInt(8))
                        : kind.equals("REMINDER") ? day.plusDays(3 + rnd.nextInt(10)) : null;
                List<School.Student> about = new ArrayList<>(List.of(st));
                if ("GROUP".equals(talkType)) {
                    List<School.Student> mates = byClass.get(st.classId());
                    for (int m = 1 + rnd.nextInt(3); m > 0; m--) {
                        School.Student mate = mates.get(rnd.nextInt(mates.size()));
                        if (!about.contains(mate)) about.add(mate);
                    }
                }
                String template = School.NOTES[rnd.nextInt(School.NOTES.length)];
                String note = template.contains("%s和%s") ? String.format(template, st.name(), about.get(about.size() - 1).name()) : String.format(template, st.name());
                Instant created = day.atTime(8 + rnd.nextInt(12), rnd.nextInt(60)).atZone(ZONE).toInstant();
                String evidence = "[{\"field\":\"student\",\"value\":\"" + st.name() + "\",\"start\":0,\"end\":" + st.name().length() + "}]";
                rec.append(id).append('\t' + sid).append(author).append('\t').append(kind).append('\t').append(nul(talkType)).append('\t')
                        .append(nul(channel)).append('\t').append(day).append('\t').append(nul(followUp)).append('\t').append(topics).append('\t')
                        .append(flags).append('\t').append(note).append('\t').append(evidence).append("\t\\N\t").append(created)
                        .append('\t').append(rnd.nextInt(100) == 0 ? created.plusSeconds(60).toString() : "\\N").append('\n');
                for (School.Student a : about) rs.append(id).append('\t' + sid).append(a.id()).append('\n');
                if (followUp != null) {
                    String status = followUp.isAfter(TODAY) ? "PENDING" : rnd.nextInt(10) < 7 ? "DONE" : rnd.nextInt(3) == 0 ? "PENDING" : "DELIVERED";
                    rem.append(++reminderId).append('\t' + sid).append(author).append('\t').append(kind.equals("REMINDER") ? "EXPLICIT" : "FOLLOW_UP")
                            .append("\t跟进").append(st.name()).append('\t').append(followUp).append("\t{")
                            .append(String.join(",", about.stream().map(School.Student::id).toList())).append("}\t").append(id).append("\t\\N\t\\N\t\\N\t")
                            .append(status).append('\t').append(status.equals("DELIVERED") ? followUp.atTime(7, 30).atZone(ZONE).toInstant().toString() : "\\N")
                            .append('\t').append(created).append('\n');
                    reminders++;
                }
                if (id % 20_000 == 0 || id == p.firstId() + total) {
                    copy.copyIn("copy record (id, school_id, author_id, kind, talk_type, channel, event_date, follow_up, topics, flags, note, evidence, "
                            + "source_message_id, created_at, deleted_at) from stdin", new StringReader(rec.toString()));
                    copy.copyIn("copy record_student (record_id, school_id, student_id) from stdin", new StringReader(rs.toString()));
                    copy.copyIn("copy reminder (id, school_id, person_id, kind, text, due_on, student_ids, record_id, decision_id, recurrence, dedupe_key, "
                            + "status, delivered_at, created_at) from stdin", new StringReader(rem.toString()));
                    rec.setLength(0);
                    rs.setLength(0);
                    rem.setLength(0);
                }
            }
            // weekly recurring reminders for a tenth of the mentors
            for (int i = 0; i < s.teachers.size(); i += 10) {
                rem.append(++reminderId).append('\t' + sid).append(s.teachers.get(i).id()).append("\tRECURRING\t每周五交导师记录\t")
                        .append(TODAY.plusWeeks(1)).append("\t{}\t\\N\t\\N\tWEEKLY:5\t\\N\tPENDING\t\\N\t").append(TODAY.atStartOfDay(ZONE).toInstant()).append('\n');
                reminders++;
            }
            copy.copyIn("copy reminder (id, school_id, person_id, kind, text, due_on, student_ids, record_id, decision_id, recurrence, dedupe_key, "
                    + "status, delivered_at, created_at) from stdin", new StringReader(rem.toString()));

            // monthly conferences: a date per class and month, the month's conference marked done, two decisions each
            StringBuilder cd = new StringBuilder(), dd = new StringBuilder(), dec = new StringBuilder();
            long decisionId = p.firstId();
            for (School.SchoolClass k : s.classes) {
                List<School.Student> mates = byClass.get(k.id());
                for (int m = p.months() - 1; m >= 0; m--) {
                    LocalDate monthDay = TODAY.minusMonths(m);
                    LocalDate held = monthDay.withDayOfMonth(Math.min(25, monthDay.lengthOfMonth()));
                    while (held.getDayOfWeek().getValue() > 5) held = held.minusDays(1);
                    String month = String.format("%04d-%02d", held.getYear(), held.getMonthValue());
                    cd.append(sid).append(k.id()).append('\t').append(month).append('\t').append(held).append('\t').append(k.headId()).append('\n');
                    if (held.isBefore(TODAY)) {
                        dd.append(sid).append("CASE_CONFERENCE\t").append(k.id()).append('\t').append(month).append('\t')
                                .append(held.atTime(17, 0).atZone(ZONE).toInstant()).append('\t').append(k.headId()).append('\n');
                        for (int d = 0; d < 2; d++) {
                            School.Student who = mates.get(rnd.nextInt(mates.size()));
                            dec.append(++decisionId).append('\t' + sid).append(k.id()).append('\t').append(held).append("\t请导师跟进").append(who.name())
                                    .append("的学习状态\t{").append(who.id()).append("}\t").append(who.mentorId()).append('\t').append(k.headId()).append('\t')
                                    .append(held.atTime(17, 30).atZone(ZONE).toInstant()).append('\n');
                        }
                    }
                }
            }
            copy.copyIn("copy conference_date (school_id, class_id, month, held_on, set_by) from stdin", new StringReader(cd.toString()));
            copy.copyIn("copy duty_done (school_id, duty, subject, period, done_at, done_by) from stdin", new StringReader(dd.toString()));
            copy.copyIn("copy conference_decision (id, school_id, class_id, decided_on, text, student_ids, owner_id, created_by, created_at) from stdin",
                    new StringReader(dec.toString()));
            try (Statement st = c.createStatement()) {
                st.execute("select setval('record_id_seq', (select max(id) from record))");
                st.execute("select setval('reminder_id_seq', (select max(id) from reminder))");
                st.execute("select setval('conference_decision_id_seq', greatest(1, (select max(id) from conference_decision)))");
            }
            c.commit();
            c.setAutoCommit(true);
            if (p.analyze()) {
                try (Statement st = c.createStatement()) {
                    st.execute("vacuum analyze");
                }
            }
            return new long[] {total, reminders};
        }
    }

    private static String nul(Object o) {
        return o == null ? "\\N" : o.toString();
    }
}
