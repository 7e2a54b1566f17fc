package app.mentorbot.conversations.matching;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import app.mentorbot.conversations.matching.Placement.Missed;
import app.mentorbot.conversations.matching.Placement.Why;

/**
 * Step one: deferred acceptance (Gale–Shapley), students proposing. Each student asks their choices in order;
 * a mentor holds the best students up to their capacity and lets go of the worst when a better one asks. A
 * mentor ranks students by their own list first, then by a fixed order of the school's students (a hash of the
 * id), which no student's own choices can change, so telling the truth is each student's best move. A student a
 * mentor let go of is told why: the seats were full with students the mentor preferred. The result is stable:
 * no student and mentor would both rather be together than with whom they have.
 */
final class DeferredAcceptance {
    /** Student id → (mentor id, rank met); unmatched students are absent. */
    final Map<String, String> mentorOf = new HashMap<>();
    final Map<String, Integer> rankOf = new HashMap<>();
    final Map<String, List<Missed>> missed = new HashMap<>();

    private DeferredAcceptance() {}

    static DeferredAcceptance run(List<MatchStudent> students, Map<String, MatchMentor> mentors, boolean onlyOwnClasses) {
        DeferredAcceptance da = new DeferredAcceptance();
        Map<String, Long> fixedOrder = fixedOrder(students);
        Map<String, Map<String, Long>> priority = new HashMap<>();
        Map<String, PriorityQueue<MatchStudent>> held = new HashMap<>();
        for (MatchMentor m : mentors.values()) {
            Map<String, Long> p = new HashMap<>();
            for (int i = 0; i < m.preferred().size(); i++) p.putIfAbsent(m.preferred().get(i), (long) i);
            priority.put(m.id(), p);
            // worst held student on top: the largest key
            held.put(m.id(), new PriorityQueue<>(Comparator.comparingLong((MatchStudent s) -> key(p, fixedOrder, s)).reversed()));
        }
        Map<String, Integer> next = new HashMap<>();
        Deque<MatchStudent> free = new ArrayDeque<>(students);
        while (!free.isEmpty()) {
            MatchStudent s = free.poll();
            int i = next.getOrDefault(s.id(), 0);
            if (i >= s.choices().size()) continue; // choices exhausted: left for step two
            next.put(s.id(), i + 1);
            String mentorId = s.choices().get(i);
            MatchMentor m = mentors.get(mentorId);
            int rank = i + 1;
            if (m == null) {
                da.miss(s, mentorId, rank, Why.NOT_A_MENTOR);
                free.push(s);
                continue;
            }
            if (onlyOwnClasses && !m.classIds().contains(s.classId())) {
                da.miss(s, mentorId, rank, Why.CLASS_RULE);
                free.push(s);
                continue;
            }
            PriorityQueue<MatchStudent> q = held.get(mentorId);
            Map<String, Long> p = priority.get(mentorId);
            if (q.size() < m.capacity()) {
                q.add(s);
                da.hold(s, mentorId, rank);
            } else if (!q.isEmpty() && key(p, fixedOrder, s) < key(p, fixedOrder, q.peek())) {
                MatchStudent out = q.poll();
                da.miss(out, mentorId, da.rankOf.remove(out.id()), Why.FULL);
                da.mentorOf.remove(out.id());
                free.push(out);
                q.add(s);
                da.hold(s, mentorId, rank);
            } else {
                da.miss(s, mentorId, rank, Why.FULL);
                free.push(s);
            }
        }
        return da;
    }

    private void hold(MatchStudent s, String mentorId, int rank) {
        mentorOf.put(s.id(), mentorId);
        rankOf.put(s.id(), rank);
    }

    private void miss(MatchStudent s, String mentorId, int rank, Why why) {
        missed.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(new Missed(mentorId, rank, why));
    }

    /** Smaller is better: the mentor's own list first, then the fixed order. */
    static long key(Map<String, Long> listed, Map<String, Long> fixedOrder, MatchStudent s) {
        Long onList = listed.get(s.id());
        long band = onList == null ? Integer.MAX_VALUE : onList;
        return band * 1_000_000L + fixedOrder.get(s.id());
    }

    /** Students in an order set by their ids alone (mixed, so low ids are not favoured), 0, 1, 2, … */
    static Map<String, Long> fixedOrder(List<MatchStudent> students) {
        List<String> ids = new ArrayList<>(students.stream().map(MatchStudent::id).toList());
        ids.sort(Comparator.comparingLong((String id) -> mix(id.hashCode())).thenComparing(Comparator.naturalOrder()));
        Map<String, Long> order = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) order.putIfAbsent(ids.get(i), (long) i);
        return order;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
