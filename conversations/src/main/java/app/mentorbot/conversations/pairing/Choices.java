package app.mentorbot.conversations.pairing;

import java.util.List;
import java.util.Map;
import java.util.Set;

import app.mentorbot.conversations.matching.Band;

/**
 * What a choices file says: each listed student's choices of mentor (teacher ids, first choice first), their
 * special situations and band; teachers' seat overrides and the students they would like. Problems, when there
 * are any, list every line to fix; a file with problems is not matched.
 */
public record Choices(List<Choice> students, Map<String, Integer> seats, Map<String, List<String>> preferred, List<String> problems) {
    public Choices {
        students = List.copyOf(students);
        seats = Map.copyOf(seats);
        preferred = Map.copyOf(preferred);
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** One student's line. */
    public record Choice(String studentId, List<String> mentorIds, Set<String> tags, Band band) {
        public Choice {
            mentorIds = List.copyOf(mentorIds);
            tags = Set.copyOf(tags);
        }
    }
}
