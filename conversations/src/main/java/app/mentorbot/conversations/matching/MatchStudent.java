package app.mentorbot.conversations.matching;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A student as the match sees them: class, special situations (tags such as 家境贫寒, 父母离异; never shown to
 * mentors), achievement band (null: none) and the mentors they chose, first choice first.
 */
public record MatchStudent(String id, String classId, Set<String> tags, Band band, List<String> choices) {
    public MatchStudent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(classId, "classId");
        tags = Set.copyOf(tags == null ? Set.of() : tags);
        choices = List.copyOf(choices == null ? List.of() : choices);
    }
}
