package app.mentorbot.conversations.understanding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.Student;

/**
 * The order in which a name is looked for: the sender's own mentees, then students of the classes
 * the sender teaches or heads, then the whole school; the first tier with any candidate wins.
 * Each student's mentor and class are indexed once, so narrowing costs nothing per school size.
 */
final class Tiers {
    private final Roster roster;
    private final Map<String, Student> students = new HashMap<>();
    private final Map<String, List<String>> menteeIds = new HashMap<>();
    private final Map<String, Set<String>> classesOf = new ConcurrentHashMap<>();

    Tiers(Roster roster) {
        this.roster = roster;
        for (Student s : roster.students()) {
            students.put(s.id(), s);
            if (s.mentorId() != null) menteeIds.computeIfAbsent(s.mentorId(), k -> new ArrayList<>()).add(s.id());
        }
        menteeIds.replaceAll((k, v) -> List.copyOf(v));
    }

    /** The sender's mentees, in roster order. */
    List<String> menteesOf(String senderId) {
        return menteeIds.getOrDefault(senderId, List.of());
    }

    /**
     * For a surname alone (李同学, 小李): the sender's mentees and the students of the classes they head
     * are one tier, so a class head is asked which 李 rather than given their own mentee; then as {@link #narrow}.
     */
    List<String> narrowSurname(String senderId, Collection<String> candidates) {
        List<String> own = new ArrayList<>();
        for (String c : candidates) {
            Student s = students.get(c);
            boolean heads = s != null && roster.schoolClass(s.classId()).map(k -> senderId.equals(k.headTeacherId())).orElse(false);
            if (s != null && (senderId.equals(s.mentorId()) || heads) && !own.contains(c)) own.add(c);
        }
        return own.isEmpty() ? narrow(senderId, candidates) : own;
    }

    /**
     * For a name on no roster that sounds like some (a voice-input slip: 林力 for 林立 or 林丽): everyone who sounds
     * the same, since the slip says nothing about which was meant; the sender's mentees and the students of the
     * classes they teach or head first.
     */
    List<String> narrowSlip(String senderId, Collection<String> candidates) {
        Set<String> classes = classesOf.computeIfAbsent(senderId, roster::classIdsOf);
        List<String> near = new ArrayList<>(), far = new ArrayList<>();
        for (String c : new LinkedHashSet<>(candidates)) {
            Student s = students.get(c);
            (s != null && (senderId.equals(s.mentorId()) || classes.contains(s.classId())) ? near : far).add(c);
        }
        near.addAll(far);
        return List.copyOf(near);
    }

    List<String> narrow(String senderId, Collection<String> candidates) {
        if (candidates.isEmpty()) return List.of();
        List<String> tier = new ArrayList<>();
        for (String c : candidates) {
            Student s = students.get(c);
            if (s != null && senderId.equals(s.mentorId()) && !tier.contains(c)) tier.add(c);
        }
        if (!tier.isEmpty()) return tier;
        Set<String> classes = classesOf.computeIfAbsent(senderId, roster::classIdsOf);
        for (String c : candidates) {
            Student s = students.get(c);
            if (s != null && classes.contains(s.classId()) && !tier.contains(c)) tier.add(c);
        }
        if (!tier.isEmpty()) return tier;
        return List.copyOf(new LinkedHashSet<>(candidates));
    }
}
