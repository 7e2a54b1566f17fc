package app.mentorbot.conversations.people;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import app.mentorbot.conversations.roster.Parent;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.roster.Teacher;

/**
 * Someone the bot talks to, with every role they hold in their school. For a parent, {@code children}
 * maps each child's student id to the roster parent row that links them (one row per child in most
 * rosters; one chat account may be bound to several rows).
 */
public record Person(String schoolId, String id, String displayName, Set<Role> roles, Map<String, String> children) {
    public Person {
        Objects.requireNonNull(schoolId, "schoolId");
        Objects.requireNonNull(id, "id");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        children = children == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(children));
    }

    public Person(String schoolId, String id, String displayName, Set<Role> roles) {
        this(schoolId, id, displayName, roles, Map.of());
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }

    public boolean isStaff() {
        return is(Role.TEACHER) || is(Role.CLASS_HEAD) || is(Role.ADMIN);
    }

    /**
     * Finds a roster person by id: a teacher (with class head and admin roles as the roster says), a parent,
     * or a student (who may talk to the bot only where the school turned student accounts on).
     */
    public static Optional<Person> find(String schoolId, Roster roster, String id) {
        Optional<Teacher> teacher = roster.teacher(id);
        if (teacher.isPresent()) {
            Set<Role> roles = EnumSet.of(Role.TEACHER);
            if (roster.isClassHead(id)) roles.add(Role.CLASS_HEAD);
            if (teacher.get().admin()) roles.add(Role.ADMIN);
            return Optional.of(new Person(schoolId, id, teacher.get().name(), roles));
        }
        Optional<Parent> parent = roster.parent(id);
        if (parent.isPresent() && roster.student(parent.get().studentId()).isPresent()) {
            return Optional.of(new Person(schoolId, id, parentDisplayName(roster, parent.get()), EnumSet.of(Role.PARENT),
                    Map.of(parent.get().studentId(), id)));
        }
        return roster.student(id).map(s -> new Person(schoolId, id, s.name(), EnumSet.of(Role.STUDENT)));
    }

    public boolean isStudent() {
        return is(Role.STUDENT);
    }

    /**
     * The person behind several roster ids bound to one chat account: staff if any id is staff,
     * otherwise one parent with all their children, otherwise a student.
     */
    public static Optional<Person> findAll(String schoolId, Roster roster, List<String> ids) {
        Person parent = null;
        Person student = null;
        for (String id : ids) {
            Optional<Person> p = find(schoolId, roster, id);
            if (p.isEmpty()) continue;
            if (p.get().isStaff()) return p;
            if (p.get().isStudent()) {
                if (student == null) student = p.get();
                continue;
            }
            if (parent == null) {
                parent = p.get();
            } else {
                Map<String, String> children = new LinkedHashMap<>(parent.children());
                p.get().children().forEach(children::putIfAbsent);
                parent = new Person(schoolId, parent.id(), parent.displayName(), parent.roles(), children);
            }
        }
        return Optional.ofNullable(parent != null ? parent : student);
    }

    /** "张小明妈妈" style: how a school names a parent when it does not know their own name. */
    public static String parentDisplayName(Roster roster, Parent parent) {
        String child = roster.student(parent.studentId()).map(Student::name).orElse("");
        return child + Relations.spoken(parent.relation());
    }

    /** The words a teacher may use for this parent: 李华爸爸, 李华父亲, 李华家长, and the parent's own name. */
    public static List<String> parentCallNames(Roster roster, Parent parent) {
        String child = roster.student(parent.studentId()).map(Student::name).orElse("");
        List<String> names = new ArrayList<>();
        names.add(child + Relations.spoken(parent.relation()));
        names.add(child + parent.relation());
        names.add(child + "家长");
        if (parent.name() != null && !parent.name().isBlank()) names.add(parent.name());
        return names;
    }
}
