package app.mentorbot.conversations.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A failing mark told in figures, whatever words stand between the test and the number: 数学单元测验只有38分,
 * 月考生物只有四十六, 期中数学为啥才52分, 每次就考四五十分, 这次摸底才五十多分（满分一百五）, 数学62（满分150）.
 * A mark fails under 60% of its scale: 100 unless the note names another (满分150, 满分一百二), or the mark itself is
 * over 100 (a 150-point paper). Not a mark: a change (进步了二十多分, 从41分考到了73分, 差三分, 扣了十分), a rank (第38名, 前50), a part of a
 * paper (作文得了22分, 听力只拿了12分), a count or a measure (只有38个人, 38度).
 */
final class FailingScores {
    private static final String NUMBER = "([0-9]{1,3}(?:\\.5)?|[零〇]|[一二三四五六七八九]?十[一二三四五六七八九]?|[二三四五六七八九][三四五六七八九]十|一百[零一二三四五六七八九十]*|[一二三四五六七八九])";
    /** The test or the subject a mark is of. */
    private static final String TEST = "数学|语文|英语|物理|化学|生物|历史|地理|政治|科学|道法|月考|期中|期末|周测|小测|单元测?验?|测验|考试|模拟考?|[一二三]模|默写|听写|联考|统考|摸底考?|成绩|分数";
    /** The test or the subject, then at most a few words, a link and the number. */
    private static final Pattern MARK = Pattern.compile(
            "(" + TEST + ")"
                    + "([^,.;!?。，；、：:\\s]{0,8}?)"
                    + "(只有|只考了?|只得了?|只拿了?|才考了?|才得了?|才|就考了?|就|也就|仅|考了?|得了?|拿了?|是)?"
                    + "(?<![0-9〇零一二三四五六七八九十百])" + NUMBER + "(多|来|几)?(分)?"
                    + "(?![0-9〇零一二三四五六七八九十百]|名|个|次|道|题|分钟|钟|天|岁|人|块|元|页|遍|米|斤|%|度|号|码|届|班|楼|点|秒|分之|多名|多个|年|周|本|套)");
    /** Where a mark's test or subject starts: where {@link #MARK} is tried. */
    private static final GatedPattern OPENING = GatedPattern.compile(TEST);
    /** Words in the stretch before the number that make it no mark of the student's own. */
    private static final Pattern NOT_A_MARK = Pattern.compile(
            "从|进步|提高|提了|涨|差|扣|加|多考|少考|少了|多了|高了|低了|前|第|排|满分|总分|作文|听力|阅读|选择|填空|大题|附加|实验|口语|卷面|这道|一道|及格线|线|平均|班均|年级均");
    private static final Pattern SCALE = Pattern.compile("满分(是|为)?" + NUMBER + "|/\\s*(150|120|100)(?![0-9])");

    private FailingScores() {}

    /** A mark needs a number a mark can be: a digit, or a Chinese number with 十, 百 or 零, or one before 分. */
    private static boolean mayHoldAMark(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' || c == '十' || c == '百' || c == '零' || c == '〇') return true;
            if (c == '分' && i > 0 && "一二三四五六七八九".indexOf(s.charAt(i - 1)) >= 0) return true;
        }
        return false;
    }

    /** Each failing mark's [start, end) in {@code s}. */
    static List<Cues.Span> in(String s) {
        if (!mayHoldAMark(s)) return List.of();
        Matcher scaleAt = SCALE.matcher(s);
        int scale = scaleAt.find() ? value(scaleAt.group(2) != null ? scaleAt.group(2) : scaleAt.group(3)) : 0;
        List<Cues.Span> out = new ArrayList<>();
        Matcher m = MARK.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
        // tried only where a test or a subject starts (the alternation tried at every offset cost 5 µs a note); each
        // start is tried on its own, so a rejected stretch does not hide a shorter one inside it (周测数学62: 数学62)
        GatedPattern.Scan opening = OPENING.scan(s);
        while (opening.find()) {
            if (!m.region(opening.start(), s.length()).lookingAt()) continue;
            boolean linked = m.group(3) != null, points = m.group(6) != null;
            // 数学58，… with nothing between: a mark only where the clause ends after it
            boolean bare = !linked && !points;
            if (bare && (!m.group(2).isEmpty() || (m.end() < s.length() && ",.;!?。，；、（( ".indexOf(s.charAt(m.end())) < 0))) continue;
            if (NOT_A_MARK.matcher(m.group(2)).find()) continue;
            int mark = value(m.group(4));   // 四五十 reads as 50, the higher
            int of = scale > 0 ? scale : mark > 100 ? 150 : 100;
            if (mark >= 0 && mark * 10 < of * 6) out.add(new Cues.Span(m.start(4), m.end()));
        }
        return out;
    }

    /** The value of a number written in figures or in Chinese (三十八, 一百五 = 150, 一百零五; a range 四五十 = 50); -1 when unread. */
    static int value(String n) {
        if (n.isEmpty()) return -1;
        if (Character.isDigit(n.charAt(0))) {
            int dot = n.indexOf('.');
            return Integer.parseInt(dot < 0 ? n : n.substring(0, dot));
        }
        int total = 0, digit = -1;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            int d = "零〇一二三四五六七八九".indexOf(c);
            if (d >= 0) {
                digit = d <= 1 ? 0 : d - 1;
            } else if (c == '十') {
                total += (digit < 0 ? 1 : digit) * 10;
                digit = -1;
            } else if (c == '百') {
                total += (digit < 0 ? 1 : digit) * 100;
                digit = -1;
                // 一百五: a lone digit after 百 is its tens
                if (i + 2 == n.length() && "一二三四五六七八九".indexOf(n.charAt(i + 1)) >= 0) return total + value(n.substring(i + 1)) * 10;
            } else {
                return -1;
            }
        }
        return total + Math.max(digit, 0);
    }
}
