package app.mentorbot.conversations.leadership;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The school's weights for the annual review (config/workload.yml): points per item, so a teacher's score is
 * the sum of count × weight. An item the file leaves out weighs 0 (shown, not scored); a negative weight
 * (late reminders, overdue streaks) takes points off.
 */
public record WorkloadRules(Map<WorkloadItem, Double> weights) {
    public WorkloadRules {
        EnumMap<WorkloadItem, Double> all = new EnumMap<>(WorkloadItem.class);
        for (WorkloadItem i : WorkloadItem.values()) {
            Double w = weights.get(i);
            if (w != null && !Double.isFinite(w)) throw new IllegalArgumentException("config/workload.yml: weight of " + i.key() + " is not a number");
            all.put(i, w == null ? 0.0 : w);
        }
        weights = Collections.unmodifiableMap(all);
    }

    /** From the file's keys ({@code individual-talks: 0.5}); an unknown key fails with the list of known ones. */
    public static WorkloadRules of(Map<String, Double> byKey) {
        EnumMap<WorkloadItem, Double> weights = new EnumMap<>(WorkloadItem.class);
        if (byKey != null) byKey.forEach((k, w) -> weights.put(WorkloadItem.ofKey(k), w));
        return new WorkloadRules(weights);
    }

    public double weight(WorkloadItem item) {
        return weights.get(item);
    }
}
