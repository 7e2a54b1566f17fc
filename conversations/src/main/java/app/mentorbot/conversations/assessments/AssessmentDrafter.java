package app.mentorbot.conversations.assessments;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import app.mentorbot.conversations.assessments.AssessmentDays.Stage;
import app.mentorbot.conversations.assessments.StageAssessment.AreaLine;
import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.text.Texts;
import app.mentorbot.conversations.understanding.Flag;

/**
 * Drafts a stage assessment from the period's records about a student (by anyone): per area, one line saying how
 * many records speak of it, on which days, and how many raised its flag, and a draft level by one rule:
 * <ul>
 * <li>需关注 — a record of the period flags the area and the area's latest record is flagged;</li>
 * <li>一般 — the area was flagged in the period but a later record about it was not (it may be getting better);</li>
 * <li>较好 — records speak of the area without a flag, or none speak of it (the bot knows nothing against it);</li>
 * <li>好 — only the mentor says so.</li>
 * </ul>
 * The mentor changes any of it in plain words; the drafted lines never leave the school.
 */
public final class AssessmentDrafter {
    /** The most days a line lists before 等. */
    static final int MAX_DAYS = 4;
    private final Texts texts;

    public AssessmentDrafter(Texts texts) {
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    /** A draft for the student over the stage's period up to {@code today}, from the records about them in it. */
    public StageAssessment draft(String studentId, Stage stage, LocalDate from, LocalDate today, List<Record> records) {
        List<AreaLine> lines = new ArrayList<>();
        for (Area a : Area.values()) {
            List<Record> in = records.stream().filter(a::in).toList();
            List<Record> flagged = in.stream().filter(a::flaggedIn).toList();
            Level level = flagged.isEmpty() ? Level.FAIRLY_GOOD
                    : a.flaggedIn(in.get(in.size() - 1)) ? Level.WATCH : Level.FAIR;
            lines.add(new AreaLine(a, level, line(a, in, flagged), ""));
        }
        return new StageAssessment(studentId, stage.term(), stage.name(), from, today, lines, null, null, null);
    }

    private String line(Area a, List<Record> in, List<Record> flagged) {
        String area = texts.get("assessment.areaWord." + a.name());
        if (in.isEmpty()) return texts.get("assessment.line.none", area);
        List<String> days = in.stream().map(r -> day(r.date())).distinct().toList();
        String shown = String.join("、", days.subList(0, Math.min(MAX_DAYS, days.size()))) + (days.size() > MAX_DAYS ? texts.get("assessment.line.more") : "");
        StringBuilder line = new StringBuilder(texts.get("assessment.line.records", in.size(), shown, area));
        if (!flagged.isEmpty()) {
            Set<Flag> flags = EnumSet.noneOf(Flag.class);
            flagged.forEach(r -> flags.addAll(r.flags()));
            String words = flags.stream().filter(f -> Area.of(f).orElse(null) == a)
                    .map(f -> texts.get("assessment.flag." + f.name())).collect(Collectors.joining("、"));
            line.append(texts.get("assessment.line.flagged", flagged.size(), words));
            if (!a.flaggedIn(in.get(in.size() - 1))) line.append(texts.get("assessment.line.later"));
        }
        return line.toString();
    }

    /** 10月9日. */
    public static String day(LocalDate d) {
        return d == null ? "" : d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}
