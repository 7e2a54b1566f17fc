package app.mentorbot.conversations.assessments;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mentor's change to a draft assessment, in plain words: a level (「学业改成一般」, 「心理状态改为需关注」,
 * 「生活：较好」) or their own sentence for an area (「心理：最近情绪稳定多了」, 「思想表现：积极参加班级活动」).
 * Words that are neither leave the draft alone (they may be a note).
 */
public final class AssessmentEdits {
    private static final String AREA = "(思想表现|思想|学业成绩|学业|学习|心理状态|心理|情绪|生活习惯|生活)";
    private static final Pattern LEVEL = Pattern.compile(
            "^" + AREA + "(?:的?(?:等级|评价|评级))?(?:改成|改为|换成|调成|调为|调整为|定为|定成|写成|是|为|[：:])\\s*(\\S{1,4})$");
    private static final Pattern WORDS = Pattern.compile("^" + AREA + "[：:]\\s*(.+)$", Pattern.DOTALL);

    private AssessmentEdits() {}

    /** The draft with the change made, or empty when the words are no change of an assessment. */
    public static Optional<StageAssessment> apply(StageAssessment draft, String said) {
        String t = said.strip().replaceAll("[。！!]+$", "");
        Matcher m = LEVEL.matcher(t);
        if (m.matches()) {
            Optional<Area> area = Area.named(m.group(1));
            Optional<Level> level = Level.named(m.group(2));
            if (area.isPresent() && level.isPresent()) return Optional.of(draft.withLevel(area.get(), level.get()));
        }
        Matcher w = WORDS.matcher(t);
        if (w.matches() && !w.group(2).isBlank()) {
            String words = w.group(2);
            return Area.named(w.group(1)).map(a -> draft.withWords(a, words));
        }
        return Optional.empty();
    }
}
