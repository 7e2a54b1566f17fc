package app.mentorbot.conversations.plans;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.mentorbot.conversations.plans.GuidancePlan.Line;

/**
 * A mentor's change to one line of a draft plan, in plain words: 「目标改成：数学稳定在及格线以上」,
 * 「内容加上：每周整理错题」, 「第3条改成：……」, 「每两周谈一次改成每周」, 「改成每周谈一次」, 「家长联系改成每月一次」,
 * 「家长联系改成每学期4次」. Words that are no such change leave the draft alone (they may be a note).
 */
public final class PlanEdits {
    private static final Pattern BY_NAME = Pattern.compile(
            "^(目标|内容|方式|方法|措施|时间安排|安排)(?:再)?(改成|改为|换成|加上|加|增加|添加|补充)[：:，,\\s]*(.+)$", Pattern.DOTALL);
    private static final Pattern BY_NUMBER = Pattern.compile(
            "^第?([1-4])(?:条|行|项)?(?:的?内容)?(改成|改为|换成|加上|加|增加|添加|补充)[：:，,\\s]*(.+)$", Pattern.DOTALL);
    private static final Pattern CHANGE = Pattern.compile("改成|改为|换成|调整为|调成");
    private static final Pattern PER_TERM = Pattern.compile("(?:每学期|本学期|一学期|学期)?\\s*([0-9一二两三四五六七八九十]+)\\s*次");
    private static final int MAX_WORDS = 60;

    private PlanEdits() {}

    /**
     * The draft with the change made, or empty when the words are no change of a plan.
     *
     * @param monthsInTerm what 「每月一次」 comes to in parent contacts this term
     */
    public static Optional<GuidancePlan> apply(GuidancePlan draft, String said, int monthsInTerm) {
        String t = said.strip().replaceAll("[。！!]+$", "");
        if (t.isEmpty() || t.length() > MAX_WORDS) return Optional.empty();
        Matcher m = BY_NAME.matcher(t);
        if (m.matches()) return line(draft, lineNamed(m.group(1)), m.group(2), m.group(3), monthsInTerm);
        m = BY_NUMBER.matcher(t);
        if (m.matches()) return line(draft, Line.values()[Integer.parseInt(m.group(1)) - 1], m.group(2), m.group(3), monthsInTerm);
        return schedule(draft, t, monthsInTerm);
    }

    private static Line lineNamed(String word) {
        return switch (word) {
            case "目标" -> Line.GOALS;
            case "内容" -> Line.CONTENT;
            case "时间安排", "安排" -> Line.SCHEDULE;
            default -> Line.METHODS;
        };
    }

    private static Optional<GuidancePlan> line(GuidancePlan draft, Line line, String verb, String words, int monthsInTerm) {
        if (line == Line.SCHEDULE) return scheduleWords(draft, words.contains("家长") || words.contains("家访"), words, monthsInTerm);
        List<String> items = Arrays.stream(words.split("[；;\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (items.isEmpty()) return Optional.empty();
        boolean replace = verb.startsWith("改") || verb.startsWith("换");
        if (replace) return Optional.of(draft.withLine(line, items));
        GuidancePlan changed = draft;
        for (String item : items) changed = changed.adding(line, item);
        return Optional.of(changed);
    }

    /**
     * A change of how often, said as one: 「每两周谈一次改成每周」, 「改成每周谈一次」, 「家长联系改成每月一次」. It must
     * say it changes (改成…) and what: talks (谈/聊, or nothing before 改成) or parent contacts (家长/家访).
     */
    private static Optional<GuidancePlan> schedule(GuidancePlan draft, String t, int monthsInTerm) {
        Matcher change = CHANGE.matcher(t);
        if (!change.find()) return Optional.empty();
        String before = t.substring(0, change.start());
        boolean aboutTalks = t.contains("谈") || t.contains("聊") || before.isEmpty();
        if (!aboutTalks && !t.contains("家长") && !t.contains("家访")) return Optional.empty();
        return scheduleWords(draft, t.contains("家长") || t.contains("家访"), t.substring(change.end()), monthsInTerm);
    }

    private static Optional<GuidancePlan> scheduleWords(GuidancePlan draft, boolean parents, String words, int monthsInTerm) {
        return parents ? contactsPerTerm(words, monthsInTerm).map(draft::withParentContacts) : talkDays(words).map(draft::withTalkEvery);
    }

    /** 每周 → 7, 每两周 → 14, 每月 → 30, 每10天 → 10; empty when the words say no such frequency. */
    static Optional<Integer> talkDays(String words) {
        Matcher days = Pattern.compile("每\\s*([0-9一二两三四五六七八九十]+)\\s*天").matcher(words);
        if (days.find()) return number(days.group(1)).filter(n -> n > 0 && n <= 60);
        Matcher weeks = Pattern.compile("每\\s*([0-9一二两三四五六七八九十]*)\\s*(?:个)?(?:周|星期|礼拜)").matcher(words);
        if (weeks.find()) return (weeks.group(1).isEmpty() ? Optional.of(1) : number(weeks.group(1))).filter(n -> n > 0 && n <= 8).map(n -> n * 7);
        if (words.contains("半个月")) return Optional.of(14);
        if (Pattern.compile("每\\s*(一)?\\s*个?月").matcher(words).find()) return Optional.of(30);
        if (words.contains("每天")) return Optional.of(1);
        return Optional.empty();
    }

    private static Optional<Integer> contactsPerTerm(String words, int monthsInTerm) {
        Matcher months = Pattern.compile("每\\s*([0-9一二两三四五六七八九十]*)\\s*个?月").matcher(words);
        if (months.find()) {
            int every = months.group(1).isEmpty() ? 1 : number(months.group(1)).orElse(0);
            if (every > 0) return Optional.of(Math.max(1, monthsInTerm / every));
        }
        if (words.contains("每周")) return Optional.of(monthsInTerm * 4);
        if (words.contains("两周") || words.contains("半个月")) return Optional.of(monthsInTerm * 2);
        Matcher n = PER_TERM.matcher(words);
        if (n.find()) return number(n.group(1)).filter(c -> c > 0 && c <= 40);
        return Optional.empty();
    }

    private static Optional<Integer> number(String s) {
        if (s.chars().allMatch(Character::isDigit)) return s.length() > 3 ? Optional.empty() : Optional.of(Integer.parseInt(s));
        String digits = "零一二三四五六七八九";
        if (s.equals("十")) return Optional.of(10);
        if (s.equals("两")) return Optional.of(2);
        if (s.length() == 1 && digits.contains(s)) return Optional.of(digits.indexOf(s));
        if (s.length() == 2 && s.startsWith("十") && digits.contains(s.substring(1))) return Optional.of(10 + digits.indexOf(s.substring(1)));
        if (s.length() == 2 && s.endsWith("十") && digits.contains(s.substring(0, 1))) return Optional.of(10 * digits.indexOf(s.substring(0, 1)));
        return Optional.empty();
    }
}
