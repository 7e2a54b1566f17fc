package app.mentorbot.conversations.digests;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import app.mentorbot.conversations.assessments.StageAssessment;
import app.mentorbot.conversations.assessments.YearReview;
import app.mentorbot.conversations.plans.GuidancePlan;
import app.mentorbot.conversations.understanding.Flag;

/**
 * A student's growth file (成长档案): every record about them by any author, oldest first, grouped by month,
 * with how often each flag came up, the follow-ups still open, the guidance plan in force ({@code plan}, null
 * when none was set), every stage assessment (oldest first) and the year-end review draft. Parents appear by relation only.
 */
public record GrowthFile(String studentId, String name, String classId, String className, String mentorName,
                         String classHeadName, List<String> parentRelations, LocalDate today, List<Month> months,
                         Map<Flag, Integer> flagCounts, List<FollowUp> openFollowUps, GuidancePlan plan,
                         List<StageAssessment> assessments, YearReview yearReview) {
    public GrowthFile {
        parentRelations = List.copyOf(parentRelations);
        months = List.copyOf(months);
        EnumMap<Flag, Integer> counts = new EnumMap<>(Flag.class);
        flagCounts.forEach((f, n) -> { if (n > 0) counts.put(f, n); });
        flagCounts = Collections.unmodifiableMap(counts);
        openFollowUps = List.copyOf(openFollowUps);
        assessments = List.copyOf(assessments);
        mentorName = mentorName == null ? "" : mentorName;
        classHeadName = classHeadName == null ? "" : classHeadName;
        className = className == null ? "" : className;
    }

    public record Month(YearMonth month, List<Entry> entries) {
        public Month {
            entries = List.copyOf(entries);
        }
    }

    public java.util.Optional<GuidancePlan> guidancePlan() {
        return java.util.Optional.ofNullable(plan);
    }

    public int recordCount() {
        return months.stream().mapToInt(m -> m.entries().size()).sum();
    }

    public List<Entry> entries() {
        return months.stream().flatMap(m -> m.entries().stream()).toList();
    }
}
