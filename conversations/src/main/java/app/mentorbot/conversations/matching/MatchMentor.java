package app.mentorbot.conversations.matching;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A mentor as the match sees them: the classes they teach, how many mentees they take, and the students they
 * would like, most wanted first (may be empty: then every student is equally welcome).
 */
public record MatchMentor(String id, Set<String> classIds, int capacity, List<String> preferred) {
    public MatchMentor {
        Objects.requireNonNull(id, "id");
        if (capacity < 0) throw new IllegalArgumentException("capacity must not be negative, was " + capacity + " for " + id);
        classIds = Set.copyOf(classIds == null ? Set.of() : classIds);
        preferred = List.copyOf(preferred == null ? List.of() : preferred);
    }
}
