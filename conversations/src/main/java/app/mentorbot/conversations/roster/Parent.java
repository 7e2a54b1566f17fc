package app.mentorbot.conversations.roster;

import java.util.Objects;

/** A parent or guardian of one student; relation is as the school writes it (母亲, 祖母, 爸爸...). Name is optional. */
public record Parent(String id, String studentId, String relation, String name) {
    public Parent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(studentId, "studentId");
        relation = relation == null || relation.isBlank() ? "家长" : relation;
    }
}
