package app.mentorbot.conversations.matching;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pairs students with mentors (师生双向选择为主、指定结对为辅): first a stable matching by the students' choices
 * and the mentors' own lists ({@link DeferredAcceptance}), then the students left are assigned to the seats left
 * so that each special situation and each band is spread evenly ({@link BalancedAssignment}). Pure: no clock,
 * no database, the same input gives the same result. Seats that run out show as students without a mentor.
 */
public final class Matching {
    private Matching() {}

    /**
     * @param onlyOwnClasses true when a teacher may mentor only students of the classes they teach
     */
    public static MatchResult match(List<MatchStudent> students, List<MatchMentor> mentors, boolean onlyOwnClasses) {
        if (students.size() >= 1_000_000) throw new IllegalArgumentException("at most 999,999 students, was " + students.size());
        Set<String> ids = new HashSet<>();
        for (MatchStudent s : students) {
            if (!ids.add(s.id())) throw new IllegalArgumentException("student " + s.id() + " appears twice");
        }
        Map<String, MatchMentor> byId = new LinkedHashMap<>();
        for (MatchMentor m : mentors) {
            if (byId.putIfAbsent(m.id(), m) != null) throw new IllegalArgumentException("mentor " + m.id() + " appears twice");
        }
        DeferredAcceptance da = DeferredAcceptance.run(students, byId, onlyOwnClasses);
        Map<String, String> assigned = BalancedAssignment.assign(students, byId.values(), da.mentorOf, onlyOwnClasses);
        return MatchResult.of(students, s -> {
            List<Placement.Missed> missed = da.missed.getOrDefault(s.id(), List.of());
            String byChoice = da.mentorOf.get(s.id());
            if (byChoice != null) {
                int rank = da.rankOf.get(s.id());
                return new Placement(s.id(), byChoice, rank, missed.stream().filter(m -> m.rank() < rank).toList());
            }
            String mentor = assigned.get(s.id());
            return new Placement(s.id(), mentor, mentor == null ? Placement.NONE : Placement.ASSIGNED, missed);
        });
    }
}
