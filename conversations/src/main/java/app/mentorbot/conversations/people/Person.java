package app.mentorbot.conversations.people;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import app.mentorbot.conversations.roster.Parent;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.roster.Teacher;

/** Someone the bot talks to, with every role they hold in their school. */
public record Person(String schoolId, String id, String displayName, Set<Role> roles) {
    public Person {
        Objects.requireNonNull(schoolId, "schoolId");
        Objects.requireNonNull(id, "id");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }

    public boolean isStaff() {
        return is(Role.TEACHER) || is(Role.CLASS_HEAD) || is(Role.ADMIN);
    }

    /** Finds a roster person by id: a teacher (with class head and admin roles as the roster says) or a parent. */
    public static Optional<Person> find(String schoolId, Roster roster, String id) {
        Optional<Teacher> teacher = roster.teacher(id);
        if (teacher.isPresent()) {
            Set<Role> roles = EnumSet.of(Role.TEACHER);
            if (roster.isClassHead(id)) roles.add(Role.CLASS_HEAD);
            if (teacher.get().admin()) roles.add(Role.ADMIN);
            return Optional.of(new Person(schoolId, id, teacher.get().name(), roles));
        }
        Optional<Parent> parent = roster.parent(id);
        if (parent.isPresent()) {
            return Optional.of(new Person(schoolId, id, parentDisplayName(roster, parent.get()), EnumSet.of(Role.PARENT)));
        }
        return Optional.empty();
    }

    /** "张小明妈妈" style: how a school names a parent when it does not know their own name. */
    public static String parentDisplayName(Roster roster, Parent parent) {
        if (parent.name() != null && !parent.name().isBlank()) return parent.name();
        String child = roster.student(parent.studentId()).map(Student::name).orElse("");
        return child + Relations.spoken(parent.relation());
    }
}
