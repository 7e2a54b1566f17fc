package app.mentorbot.conversations.leadership;

import java.util.Locale;

/**
 * What the workload page counts for each teacher, in its column order; {@link #key()} is the item's key in
 * config/workload.yml. The first eleven are work done, the last two results signals.
 */
public enum WorkloadItem {
    MENTEES, INDIVIDUAL_TALKS, GROUP_TALKS, PARENT_CONTACTS, HOME_VISITS, CONFERENCES, REMINDERS_ON_TIME, REMINDERS_LATE,
    PLANS, ASSESSMENTS, FOLLOW_UPS_CLOSED, FLAGS_CLEARED, OVERDUE_STREAKS;

    /** {@code individual-talks}: how the school writes the item in config/workload.yml. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The item a config key names, or an error that lists the keys there are. */
    public static WorkloadItem ofKey(String key) {
        String k = key.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (WorkloadItem i : values()) if (i.key().equals(k)) return i;
        throw new IllegalArgumentException("config/workload.yml: no workload item '" + key + "'; the items are "
                + java.util.Arrays.stream(values()).map(WorkloadItem::key).toList());
    }
}
