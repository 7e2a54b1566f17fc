package app.mentorbot.conversations.pairing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import app.mentorbot.conversations.matching.Band;
import app.mentorbot.conversations.matching.Placement;

/**
 * A proposed pairing, not yet (or only partly) in force: per student the mentor, the choice rank met
 * ({@link Placement#ASSIGNED}, {@link Placement#NONE} when the seats ran out) and why higher choices were not;
 * per mentor the seats they had for these students. Tags are special situations: for class heads and admins only.
 */
public record Proposal(long id, Instant madeAt, boolean ownClassesOnly, Map<String, Integer> seats, List<Row> rows) {
    public Proposal {
        seats = Map.copyOf(seats);
        rows = List.copyOf(rows);
    }

    /** One student's line; {@code movedBy} is who moved them by hand, or null. */
    public record Row(String studentId, String mentorId, int rank, List<Placement.Missed> missed, Set<String> tags, Band band,
                      String movedBy, boolean confirmed) {
        public Row {
            missed = List.copyOf(missed == null ? List.of() : missed);
            tags = Set.copyOf(tags == null ? Set.of() : tags);
        }
    }

    public Optional<Row> row(String studentId) {
        return rows.stream().filter(r -> r.studentId().equals(studentId)).findFirst();
    }

    /** How many of the proposal's students a mentor has in it. */
    public long countOf(String mentorId) {
        return rows.stream().filter(r -> mentorId.equals(r.mentorId())).count();
    }
}
