package app.mentorbot.conversations.assessments;

import java.time.LocalDate;
import java.util.List;

import app.mentorbot.conversations.understanding.Flag;

/**
 * A student's year-end review draft (学年总结): the goals of the plan in force (empty: no plan), the stage
 * assessments of the year, talks and contacts counted from the records, and each flag raised with whether it cleared.
 */
public record YearReview(String studentId, LocalDate from, LocalDate to, List<String> goals, List<StageAssessment> stages,
                         int individualTalks, int groupTalks, int parentContacts, List<FlagOutcome> flags) {
    public YearReview {
        goals = List.copyOf(goals);
        stages = List.copyOf(stages);
        flags = List.copyOf(flags);
    }

    /**
     * A flag raised in the year: on how many records, the last day, and whether it cleared — a stage assessment
     * after that day puts the flag's area above 需关注.
     */
    public record FlagOutcome(Flag flag, int records, LocalDate last, boolean cleared) {}
}
