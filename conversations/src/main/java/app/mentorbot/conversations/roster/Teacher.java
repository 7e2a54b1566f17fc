package app.mentorbot.conversations.roster;

import java.util.List;
import java.util.Objects;

/** A teacher, the classes they teach, and whether they administer the school's MentorBot. */
public record Teacher(String id, String name, String subject, List<String> classIds, boolean admin) {
    public Teacher {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        classIds = List.copyOf(classIds == null ? List.of() : classIds);
    }
}
