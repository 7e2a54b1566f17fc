package app.mentorbot.conversations.roster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One school's people, immutable. Built from an import file or from the database; the note
 * reader and the dialogue only ever look people up through it, so lookups are indexed once here.
 */
public final class Roster {
    private final String schoolName;
    private final String schoolId;
    private final Map<String, SchoolClass> classes;
    private final Map<String, Teacher> teachers;
    private final Map<String, Student> students;
    private final Map<String, Parent> parents;
    private final Map<String, List<Student>> mentees = new java.util.HashMap<>(); // by mentor id, roster order

    public Roster(String schoolName, List<SchoolClass> classes, List<Teacher> teachers,
                  List<Student> students, List<Parent> parents) {
        this("", schoolName, classes, teachers, students, parents);
    }

    /** A roster as stored for one school of the deployment ({@code schoolId}; "" for one read from a file). */
    public Roster(String schoolId, String schoolName, List<SchoolClass> classes, List<Teacher> teachers,
                  List<Student> students, List<Parent> parents) {
        this.schoolId = schoolId == null ? "" : schoolId;
        this.schoolName = schoolName == null ? "" : schoolName;
        this.classes = index(classes, SchoolClass::id);
        this.teachers = index(teachers, Teacher::id);
        this.students = index(students, Student::id);
        this.parents = index(parents, Parent::id);
        for (Student s : this.students.values()) {
            if (s.mentorId() != null) mentees.computeIfAbsent(s.mentorId(), k -> new ArrayList<>()).add(s);
        }
    }

    public static Roster empty() {
        return new Roster("", List.of(), List.of(), List.of(), List.of());
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> id) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T item : items) {
            if (map.putIfAbsent(id.apply(item), item) != null) {
                throw new IllegalArgumentException("duplicate id " + id.apply(item));
            }
        }
        return Collections.unmodifiableMap(map);
    }

    public String schoolName() { return schoolName; }
    /** The school this roster was loaded for; "" when it was read from a file. */
    public String schoolId() { return schoolId; }
    public List<SchoolClass> classes() { return List.copyOf(classes.values()); }
    public List<Teacher> teachers() { return List.copyOf(teachers.values()); }
    public List<Student> students() { return List.copyOf(students.values()); }
    public List<Parent> parents() { return List.copyOf(parents.values()); }
    public boolean isEmpty() { return teachers.isEmpty() && students.isEmpty(); }

    public Optional<SchoolClass> schoolClass(String id) { return Optional.ofNullable(classes.get(id)); }
    public Optional<Teacher> teacher(String id) { return Optional.ofNullable(teachers.get(id)); }
    public Optional<Student> student(String id) { return Optional.ofNullable(students.get(id)); }
    public Optional<Parent> parent(String id) { return Optional.ofNullable(parents.get(id)); }

    /** The sender's own mentees (受导学生), in roster order. */
    public List<Student> menteesOf(String teacherId) {
        return new ArrayList<>(mentees.getOrDefault(teacherId, List.of()));
    }

    /** Ids of the classes a teacher teaches or heads. */
    public Set<String> classIdsOf(String teacherId) {
        Set<String> ids = new LinkedHashSet<>();
        Teacher t = teachers.get(teacherId);
        if (t != null) ids.addAll(t.classIds());
        for (SchoolClass c : classes.values()) {
            if (teacherId.equals(c.headTeacherId())) ids.add(c.id());
        }
        return ids;
    }

    /** Students of the classes a teacher teaches or heads, in roster order. */
    public List<Student> studentsTaughtBy(String teacherId) {
        Set<String> classIds = classIdsOf(teacherId);
        List<Student> result = new ArrayList<>();
        for (Student s : students.values()) {
            if (classIds.contains(s.classId())) result.add(s);
        }
        return result;
    }

    public List<Parent> parentsOf(String studentId) {
        List<Parent> result = new ArrayList<>();
        for (Parent p : parents.values()) {
            if (studentId.equals(p.studentId())) result.add(p);
        }
        return result;
    }

    /** True when the teacher heads at least one class. */
    public boolean isClassHead(String teacherId) {
        return classes.values().stream().anyMatch(c -> teacherId.equals(c.headTeacherId()));
    }
}
