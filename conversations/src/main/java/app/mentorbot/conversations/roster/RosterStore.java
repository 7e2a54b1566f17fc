package app.mentorbot.conversations.roster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.conversations.district.SchoolPartitions;

/**
 * The roster in PostgreSQL. An import replaces a school's roster by difference: new rows are added,
 * changed rows updated, people missing from the file deactivated (their records stay), and rows that
 * did not change are not written at all, so importing the same file twice changes nothing.
 * Callers run {@link #replace} inside one transaction so a failed import leaves the old roster whole.
 */
public final class RosterStore {
    private final JdbcClient jdbc;
    private static final long RECHECK_NANOS = 2_000_000_000L;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** A roster as read, the school's roster version then, and when that version was last compared. */
    private record Cached(Roster roster, long version, long checkedAtNanos) {}

    public RosterStore(JdbcClient jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    }

    /** What an import changed, counted over classes, teachers, students and parents. */
    public record ImportSummary(int added, int changed, int deactivated, int unchanged) {
        public boolean changedNothing() {
            return added == 0 && changed == 0 && deactivated == 0;
        }
    }

    /**
     * The school's active roster. Cached, since every message needs it; the cache is compared with the
     * school's roster version at most every 2 seconds, so a change made by another process (an import,
     * an erasure) is seen that soon.
     */
    public Roster load(String schoolId) {
        long now = System.nanoTime();
        Cached cached = cache.get(schoolId);
        if (cached != null && now - cached.checkedAtNanos() < RECHECK_NANOS) return cached.roster();
        long version = version(schoolId);
        Roster roster = cached != null && cached.version() == version ? cached.roster() : read(schoolId);
        cache.put(schoolId, new Cached(roster, version, now));
        return roster;
    }

    /**
     * Erases a student from the roster with their parents and the parents' bound chat accounts, and
     * forgets the cached roster. Returns how many parents went.
     */
    public int forgetStudent(String schoolId, String studentId, List<String> parentIds) {
        List<String> people = new ArrayList<>(parentIds);
        people.add(studentId); // a student's own account, where the school has them
        for (String personId : people) {
            jdbc.sql("delete from platform_identity where school_id = ? and person_id = ?").params(schoolId, personId).update();
        }
        int parents = jdbc.sql("delete from parent where school_id = ? and student_id = ?").params(schoolId, studentId).update();
        jdbc.sql("delete from student where school_id = ? and id = ?").params(schoolId, studentId).update();
        changed(schoolId); // a running bot drops its copy within seconds
        return parents;
    }

    /** Drops this process's copy: the next {@link #load} reads the roster again. */
    public void forget(String schoolId) {
        cache.remove(schoolId);
    }

    /** Tells every process caching the roster that it changed (inside the changing transaction). */
    public void changed(String schoolId) {
        jdbc.sql("update school set roster_version = roster_version + 1 where id = ?").param(schoolId).update();
        forget(schoolId);
    }

    private long version(String schoolId) {
        return jdbc.sql("select roster_version from school where id = ?").param(schoolId).query(Long.class).optional().orElse(0L);
    }

    private Roster read(String schoolId) {
        String schoolName = jdbc.sql("select name from school where id = ?").param(schoolId)
                .query(String.class).optional().orElse("");
        Map<String, List<String>> classesByTeacher = new HashMap<>();
        jdbc.sql("select teacher_id, class_id from teacher_class where school_id = ? order by teacher_id, class_id")
                .param(schoolId)
                .query((rs, n) -> classesByTeacher.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        List<SchoolClass> classes = jdbc.sql("select id, name, head_teacher_id from school_class where school_id = ? and active order by id")
                .param(schoolId).query((rs, n) -> new SchoolClass(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        List<Teacher> teachers = jdbc.sql("select id, name, subject, is_admin from teacher where school_id = ? and active order by id")
                .param(schoolId).query((rs, n) -> new Teacher(rs.getString(1), rs.getString(2), rs.getString(3),
                        classesByTeacher.getOrDefault(rs.getString(1), List.of()), rs.getBoolean(4))).list();
        List<Student> students = jdbc.sql("select id, name, class_id, mentor_id from student where school_id = ? and active order by id")
                .param(schoolId).query((rs, n) -> new Student(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
        List<Parent> parents = jdbc.sql("select id, student_id, relation, name from parent where school_id = ? and active order by id")
                .param(schoolId).query((rs, n) -> new Parent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
        return new Roster(schoolId, schoolName, classes, teachers, students, parents);
    }

    /** Makes the stored roster equal to the given one. Run it in a transaction. */
    public ImportSummary replace(String schoolId, Roster roster) {
        Counter count = new Counter();
        jdbc.sql("insert into school (id, name) values (?, ?) on conflict (id) do update set name = excluded.name "
                        + "where school.name is distinct from excluded.name")
                .params(schoolId, roster.schoolName()).update();
        // a district partitioned by school: a new school's partitions (the import command makes them before, in a short transaction)
        SchoolPartitions.forNewSchool(jdbc, schoolId);

        Map<String, List<Object>> oldClasses = existing(schoolId, "select id, name, head_teacher_id, active from school_class where school_id = ?", 3);
        for (SchoolClass c : roster.classes()) {
            count.row(oldClasses.remove(c.id()), List.of(c.name(), nullable(c.headTeacherId()), true),
                    () -> jdbc.sql("insert into school_class (school_id, id, name, head_teacher_id) values (?, ?, ?, ?) "
                                    + "on conflict (school_id, id) do update set name = excluded.name, head_teacher_id = excluded.head_teacher_id, active = true")
                            .params(schoolId, c.id(), c.name(), c.headTeacherId()).update());
        }

        Map<String, List<Object>> oldTeachers = existing(schoolId, "select id, name, subject, is_admin, active from teacher where school_id = ?", 4);
        for (Teacher t : roster.teachers()) {
            count.row(oldTeachers.remove(t.id()), List.of(t.name(), nullable(t.subject()), t.admin(), true),
                    () -> jdbc.sql("insert into teacher (school_id, id, name, subject, is_admin) values (?, ?, ?, ?, ?) "
                                    + "on conflict (school_id, id) do update set name = excluded.name, subject = excluded.subject, is_admin = excluded.is_admin, active = true")
                            .params(schoolId, t.id(), t.name(), t.subject(), t.admin()).update());
        }
        replaceTeacherClasses(schoolId, roster);

        Map<String, List<Object>> oldStudents = existing(schoolId, "select id, name, class_id, mentor_id, active from student where school_id = ?", 4);
        for (Student s : roster.students()) {
            count.row(oldStudents.remove(s.id()), List.of(s.name(), s.classId(), nullable(s.mentorId()), true),
                    () -> jdbc.sql("insert into student (school_id, id, name, class_id, mentor_id) values (?, ?, ?, ?, ?) "
                                    + "on conflict (school_id, id) do update set name = excluded.name, class_id = excluded.class_id, mentor_id = excluded.mentor_id, active = true")
                            .params(schoolId, s.id(), s.name(), s.classId(), s.mentorId()).update());
        }

        Map<String, List<Object>> oldParents = existing(schoolId, "select id, student_id, relation, name, active from parent where school_id = ?", 4);
        for (Parent p : roster.parents()) {
            count.row(oldParents.remove(p.id()), List.of(p.studentId(), p.relation(), nullable(p.name()), true),
                    () -> jdbc.sql("insert into parent (school_id, id, student_id, relation, name) values (?, ?, ?, ?, ?) "
                                    + "on conflict (school_id, id) do update set student_id = excluded.student_id, relation = excluded.relation, name = excluded.name, active = true")
                            .params(schoolId, p.id(), p.studentId(), p.relation(), p.name()).update());
        }

        // People missing from the file are deactivated, never deleted: their records must stay readable.
        count.deactivated += deactivate(schoolId, "parent", oldParents);
        count.deactivated += deactivate(schoolId, "student", oldStudents);
        count.deactivated += deactivate(schoolId, "teacher", oldTeachers);
        count.deactivated += deactivate(schoolId, "school_class", oldClasses);
        if (count.added + count.changed + count.deactivated > 0) changed(schoolId);
        else forget(schoolId);
        return new ImportSummary(count.added, count.changed, count.deactivated, count.unchanged);
    }

    /**
     * Binds platform accounts from the import (person → platform → user id); returns how many were new.
     */
    public int bindIdentities(String schoolId, Map<String, Map<String, String>> identities) {
        int changed = 0;
        for (Map.Entry<String, Map<String, String>> person : identities.entrySet()) {
            for (Map.Entry<String, String> account : person.getValue().entrySet()) {
                // One account may stand for several people (a parent of two children), so a binding is added, never moved.
                changed += jdbc.sql("insert into platform_identity (platform, platform_user_id, school_id, person_id) values (?, ?, ?, ?) "
                                + "on conflict (platform, platform_user_id, school_id, person_id) do nothing")
                        .params(account.getKey(), account.getValue(), schoolId, person.getKey()).update();
            }
        }
        return changed;
    }

    private void replaceTeacherClasses(String schoolId, Roster roster) {
        Set<List<String>> wanted = new HashSet<>();
        for (Teacher t : roster.teachers()) {
            for (String classId : t.classIds()) wanted.add(List.of(t.id(), classId));
        }
        Set<List<String>> present = new HashSet<>(jdbc.sql("select teacher_id, class_id from teacher_class where school_id = ?")
                .param(schoolId).query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).list());
        for (List<String> pair : present) {
            if (!wanted.contains(pair)) {
                jdbc.sql("delete from teacher_class where school_id = ? and teacher_id = ? and class_id = ?")
                        .params(schoolId, pair.get(0), pair.get(1)).update();
            }
        }
        for (List<String> pair : wanted) {
            if (!present.contains(pair)) {
                jdbc.sql("insert into teacher_class (school_id, teacher_id, class_id) values (?, ?, ?)")
                        .params(schoolId, pair.get(0), pair.get(1)).update();
            }
        }
    }

    /** Existing rows of a table by id: the compared columns then the active flag. */
    private Map<String, List<Object>> existing(String schoolId, String sql, int columns) {
        Map<String, List<Object>> rows = new LinkedHashMap<>();
        jdbc.sql(sql).param(schoolId).query((rs, n) -> {
            List<Object> values = new ArrayList<>();
            for (int i = 2; i <= columns + 1; i++) values.add(nullable(rs.getObject(i)));
            rows.put(rs.getString(1), values);
            return null;
        }).list();
        return rows;
    }

    private int deactivate(String schoolId, String table, Map<String, List<Object>> missing) {
        int n = 0;
        for (Map.Entry<String, List<Object>> row : missing.entrySet()) {
            boolean active = Boolean.TRUE.equals(row.getValue().get(row.getValue().size() - 1));
            if (active) {
                n += jdbc.sql("update " + table + " set active = false where school_id = ? and id = ?")
                        .params(schoolId, row.getKey()).update();
            }
        }
        return n;
    }

    /** Null stands for "no value" in a List.of comparison. */
    private static Object nullable(Object value) {
        return value == null ? "" : value;
    }

    private static final class Counter {
        int added;
        int changed;
        int deactivated;
        int unchanged;

        void row(List<Object> old, List<Object> wanted, Runnable write) {
            if (old == null) {
                write.run();
                added++;
            } else if (!old.equals(wanted)) {
                write.run();
                changed++;
            } else {
                unchanged++;
            }
        }
    }
}
