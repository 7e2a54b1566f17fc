package app.mentorbot.conversations.roster;

import java.util.Objects;

/** A student, their class and their mentor (导师); the mentor may be unassigned (null). */
public record Student(String id, String name, String classId, String mentorId) {
    public Student {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(classId, "classId");
    }
}
