package app.mentorbot.conversations.duties;

/**
 * The school's rules for mentors (defaults as most schools write them; config/duties.yml changes them).
 *
 * @param groupTalksPerWeek        group talks each mentor holds with their mentees every school week
 * @param individualTalkDays       longest gap, in counting days, between individual talks with a mentee
 * @param parentContactsPerTerm    contacts with each mentee's parents per term (a home visit counts)
 * @param studentReports           whether mentees report to their mentor (needs student accounts)
 * @param studentReportDays        how often they report, in counting days
 * @param conferencesPerMonth      case conferences (学情会商) per class per month, run by the class head
 * @param dueSoonDays              how many days ahead "due soon" starts
 */
public record DutyRules(int groupTalksPerWeek, int individualTalkDays, int parentContactsPerTerm,
                        boolean studentReports, int studentReportDays, int conferencesPerMonth, int dueSoonDays) {
    public DutyRules {
        if (individualTalkDays <= 0) throw new IllegalArgumentException("individualTalkDays must be positive");
        if (dueSoonDays < 0) throw new IllegalArgumentException("dueSoonDays must not be negative");
    }

    public static DutyRules defaults() {
        return new DutyRules(1, 14, 2, false, 15, 1, 3);
    }
}
