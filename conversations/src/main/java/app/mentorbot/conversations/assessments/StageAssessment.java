package app.mentorbot.conversations.assessments;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A mentor's stage assessment (阶段评估) of one mentee for one stage of a term: the four areas, each with its
 * level, the bot's line from the period's records (counts and dates, for the mentor only) and the mentor's own
 * sentence (the only words a family may read). {@code sendToFamily} is null until the mentor chooses; a draft has
 * no {@code savedOn}.
 */
public record StageAssessment(String studentId, String term, String stage, LocalDate from, LocalDate to, List<AreaLine> areas,
                              Boolean sendToFamily, LocalDate savedOn, String savedBy) {
    /** The longest sentence a mentor may write for an area, in characters. */
    public static final int MAX_WORDS = 80;

    /** One area: its level, the drafted line and the mentor's words ("" when none). */
    public record AreaLine(Area area, Level level, String line, String words) {
        public AreaLine {
            Objects.requireNonNull(area, "area");
            Objects.requireNonNull(level, "level");
            line = line == null ? "" : line;
            words = words == null ? "" : words;
        }
    }

    public StageAssessment {
        Objects.requireNonNull(studentId, "studentId");
        Objects.requireNonNull(stage, "stage");
        areas = List.copyOf(areas);
        if (areas.size() != Area.values().length) throw new IllegalArgumentException("an assessment has four areas, got " + areas.size());
    }

    public AreaLine area(Area a) {
        return areas.stream().filter(l -> l.area() == a).findFirst().orElseThrow();
    }

    /** Whether the mentor chose to send the feedback to the family. */
    public boolean sent() {
        return Boolean.TRUE.equals(sendToFamily);
    }

    StageAssessment withLevel(Area a, Level level) {
        return with(a, new AreaLine(a, level, area(a).line(), area(a).words()));
    }

    StageAssessment withWords(Area a, String words) {
        String w = words.strip();
        return with(a, new AreaLine(a, area(a).level(), area(a).line(), w.length() > MAX_WORDS ? w.substring(0, MAX_WORDS) : w));
    }

    public StageAssessment sending(boolean send) {
        return new StageAssessment(studentId, term, stage, from, to, areas, send, savedOn, savedBy);
    }

    public StageAssessment saved(LocalDate on, String by) {
        return new StageAssessment(studentId, term, stage, from, to, areas, sent(), on, by);
    }

    private StageAssessment with(Area a, AreaLine line) {
        List<AreaLine> changed = new ArrayList<>(areas);
        changed.replaceAll(l -> l.area() == a ? line : l);
        return new StageAssessment(studentId, term, stage, from, to, changed, sendToFamily, savedOn, savedBy);
    }
}
