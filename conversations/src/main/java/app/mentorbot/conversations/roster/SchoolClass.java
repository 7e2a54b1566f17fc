package app.mentorbot.conversations.roster;

import java.util.Objects;

/** A class (班级) and its class head (班主任), who may be absent in a half-filled roster. */
public record SchoolClass(String id, String name, String headTeacherId) {
    public SchoolClass {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
