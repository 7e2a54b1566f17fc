package app.mentorbot.conversations.matching;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every student's placement, in input order; a shortfall of seats shows as placements without a mentor. */
public record MatchResult(List<Placement> placements) {
    public MatchResult {
        placements = List.copyOf(placements);
    }

    /** Students left without a mentor because the seats (or the seats they may take) ran out. */
    public List<String> unplaced() {
        return placements.stream().filter(p -> !p.placed()).map(Placement::studentId).toList();
    }

    public Optional<Placement> of(String studentId) {
        return placements.stream().filter(p -> p.studentId().equals(studentId)).findFirst();
    }

    /** Student id → mentor id, for the placed students. */
    public Map<String, String> mentors() {
        return placements.stream().filter(Placement::placed)
                .collect(Collectors.toMap(Placement::studentId, Placement::mentorId, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    /** How many students each mentor got. */
    public Map<String, Long> counts() {
        return placements.stream().filter(Placement::placed).collect(Collectors.groupingBy(Placement::mentorId, Collectors.counting()));
    }

    static MatchResult of(List<MatchStudent> students, Function<MatchStudent, Placement> placement) {
        return new MatchResult(students.stream().map(placement).toList());
    }
}
