package app.mentorbot.conversations.understanding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.Student;

/**
 * SPEC.md's order for who a name means: the sender's own mentees, then students of the classes
 * the sender teaches or heads, then the whole school; the first tier with any candidate wins.
 */
final class Tiers {
    private Tiers() {}

    static List<String> narrow(Roster roster, String senderId, Collection<String> candidates) {
        if (candidates.isEmpty()) return List.of();
        Set<String> mentees = roster.menteesOf(senderId).stream().map(Student::id).collect(Collectors.toSet());
        List<String> tier = keep(candidates, mentees);
        if (!tier.isEmpty()) return tier;
        Set<String> taught = roster.studentsTaughtBy(senderId).stream().map(Student::id).collect(Collectors.toSet());
        tier = keep(candidates, taught);
        if (!tier.isEmpty()) return tier;
        return List.copyOf(new java.util.LinkedHashSet<>(candidates));
    }

    private static List<String> keep(Collection<String> candidates, Set<String> allowed) {
        List<String> out = new ArrayList<>();
        for (String c : candidates) if (allowed.contains(c) && !out.contains(c)) out.add(c);
        return out;
    }
}
