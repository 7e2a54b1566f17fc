package app.mentorbot.conversations.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jgrapht.Graph;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.alg.interfaces.MinimumCostFlowAlgorithm;
import org.jgrapht.graph.DirectedWeightedMultigraph;

/**
 * Step two: the students no choice could place are assigned to the remaining seats by a minimum-cost flow
 * (JGraphT). Each student has one category: their rarest special-situation tag, else their band, else none.
 * Students of one class and category are interchangeable, so they form one supply node; each mentor has a
 * node per category, joined to the mentor by unit arcs whose cost grows with how many of that category the
 * mentor already has (k-th student costs k): the costs are convex, so the cheapest flow spreads each category
 * as evenly as the seats and the class rule allow. A second, smaller convex cost evens the mentors' totals.
 * Students that fit nowhere flow to an overflow node at a prohibitive cost: the shortfall, reported.
 */
final class BalancedAssignment {
    private static final double CATEGORY_WEIGHT = 1000;
    private static final double OVERFLOW = 1e7; // below JGraphT's infinite cost (1e9), above any real path

    /** An arc of the flow network; identity, not value, tells arcs apart (parallel arcs are the point). */
    private static final class Arc {
        final int capacity;
        final double cost;

        Arc(int capacity, double cost) {
            this.capacity = capacity;
            this.cost = cost;
        }
    }

    private BalancedAssignment() {}

    /**
     * @param placedByChoice student id → mentor id from step one
     * @return student id → mentor id for the students it could place
     */
    static Map<String, String> assign(List<MatchStudent> all, Collection<MatchMentor> mentors, Map<String, String> placedByChoice,
                                      boolean onlyOwnClasses) {
        List<MatchStudent> left = all.stream().filter(s -> !placedByChoice.containsKey(s.id())).toList();
        if (left.isEmpty()) return Map.of();
        Map<String, Integer> tagFrequency = new HashMap<>();
        for (MatchStudent s : all) for (String t : s.tags()) tagFrequency.merge(t, 1, Integer::sum);
        Map<String, String> categoryOf = new HashMap<>();
        for (MatchStudent s : all) categoryOf.put(s.id(), category(s, tagFrequency));

        Map<String, Integer> taken = new HashMap<>();
        Map<String, Integer> categoryTaken = new HashMap<>();
        for (Map.Entry<String, String> e : placedByChoice.entrySet()) {
            taken.merge(e.getValue(), 1, Integer::sum);
            categoryTaken.merge(e.getValue() + "|" + categoryOf.get(e.getKey()), 1, Integer::sum);
        }
        // groups of interchangeable students: (class when the class rule holds, category)
        Map<String, List<MatchStudent>> groups = new LinkedHashMap<>();
        for (MatchStudent s : left) {
            groups.computeIfAbsent((onlyOwnClasses ? s.classId() : "*") + "|" + categoryOf.get(s.id()), k -> new ArrayList<>()).add(s);
        }

        Graph<String, Arc> g = new DirectedWeightedMultigraph<>(Arc.class);
        Map<String, Integer> supply = new HashMap<>();
        String sink = "sink";
        String overflow = "overflow";
        g.addVertex(sink);
        g.addVertex(overflow);
        g.addEdge(overflow, sink, new Arc(left.size(), 0));
        supply.put(sink, -left.size());
        Map<String, Integer> seatsLeft = new HashMap<>();
        for (MatchMentor m : mentors) {
            int seats = Math.max(0, m.capacity() - taken.getOrDefault(m.id(), 0));
            if (seats == 0) continue;
            seatsLeft.put(m.id(), seats);
            String mv = "m|" + m.id();
            g.addVertex(mv);
            int had = taken.getOrDefault(m.id(), 0);
            for (int k = 1; k <= Math.min(seats, left.size()); k++) g.addEdge(mv, sink, new Arc(1, had + k));
        }
        Map<String, Integer> categoryCount = new HashMap<>();
        for (MatchStudent s : left) categoryCount.merge(categoryOf.get(s.id()), 1, Integer::sum);
        Map<Arc, String[]> arcEnds = new HashMap<>();
        for (Map.Entry<String, List<MatchStudent>> group : groups.entrySet()) {
            String gv = "g|" + group.getKey();
            g.addVertex(gv);
            int n = group.getValue().size();
            supply.put(gv, n);
            g.addEdge(gv, overflow, new Arc(n, OVERFLOW));
            MatchStudent sample = group.getValue().get(0);
            String category = categoryOf.get(sample.id());
            for (MatchMentor m : mentors) {
                Integer seats = seatsLeft.get(m.id());
                if (seats == null || onlyOwnClasses && !m.classIds().contains(sample.classId())) continue;
                String cv = "c|" + m.id() + "|" + category;
                if (g.addVertex(cv)) {
                    int had = categoryTaken.getOrDefault(m.id() + "|" + category, 0);
                    int arcs = Math.min(seats, categoryCount.get(category));
                    for (int k = 1; k <= arcs; k++) g.addEdge(cv, "m|" + m.id(), new Arc(1, CATEGORY_WEIGHT * (had + k)));
                }
                Arc arc = new Arc(n, 0);
                g.addEdge(gv, cv, arc);
                arcEnds.put(arc, new String[] {group.getKey(), m.id()});
            }
        }
        for (Arc a : g.edgeSet()) g.setEdgeWeight(a, a.cost); // the algorithm reads costs from the weights
        MinimumCostFlowProblem<String, Arc> problem = new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(
                g, v -> supply.getOrDefault(v, 0), a -> a.capacity);
        MinimumCostFlowAlgorithm.MinimumCostFlow<Arc> flow = new CapacityScalingMinimumCostFlow<String, Arc>().getMinimumCostFlow(problem);

        Map<String, String> assigned = new HashMap<>();
        Map<String, Integer> nextInGroup = new HashMap<>();
        List<Map.Entry<Arc, String[]>> used = new ArrayList<>(arcEnds.entrySet());
        used.sort(Comparator.comparing((Map.Entry<Arc, String[]> e) -> e.getValue()[0]).thenComparing(e -> e.getValue()[1]));
        for (Map.Entry<Arc, String[]> e : used) {
            int units = (int) Math.round(flow.getFlow(e.getKey()));
            List<MatchStudent> members = groups.get(e.getValue()[0]);
            for (int u = 0; u < units; u++) {
                int i = nextInGroup.merge(e.getValue()[0], 1, Integer::sum) - 1;
                assigned.put(members.get(i).id(), e.getValue()[1]);
            }
        }
        return assigned;
    }

    /** The student's rarest tag, else their band, else none. */
    static String category(MatchStudent s, Map<String, Integer> tagFrequency) {
        return s.tags().stream()
                .min(Comparator.comparingInt((String t) -> tagFrequency.getOrDefault(t, 0)).thenComparing(Comparator.naturalOrder()))
                .map(t -> "t:" + t)
                .orElse(s.band() == null ? "-" : "b:" + s.band().name());
    }
}
