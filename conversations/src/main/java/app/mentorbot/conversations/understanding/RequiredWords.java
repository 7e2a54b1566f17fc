package app.mentorbot.conversations.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words a match of one alternative must contain after its opening, read from its source: for
 * {@code (□|他|她)(?=…)…{0,12}(给我|跟我|和我|向我|找我)[^…]{0,6}(说|发|打)} every match holds one of 给我, 跟我, 和我, 向我,
 * 找我 and one of 说, 发, 打. A pronoun opens many of the reader's alternatives and is one of a note's commonest chars;
 * when a note holds none of an alternative's needed words at or after an offset, {@link GatedPattern} skips the
 * alternative there without running it. Only what is surely needed is read: a run of plain chars with no quantifier,
 * and a group with no quantifier (or one of at least one) whose alternatives are all plain words. Lookarounds,
 * classes, escapes and quantified pieces need nothing here, and a source with inline flags or anything not read
 * needs nothing at all, so the test only ever skips an alternative that could not have matched.
 */
final class RequiredWords {
    private static final String META = "\\[](){}.*+?^$|";

    /** Each set holds words one of which every match contains; empty when nothing is surely needed. */
    private final List<String[]> sets;
    /** Per set, the chars its words start with. */
    private final CharSet[] starts;

    private RequiredWords(List<String[]> sets) {
        this.sets = sets;
        this.starts = new CharSet[sets.size()];
        for (int k = 0; k < starts.length; k++) {
            StringBuilder firsts = new StringBuilder();
            for (String w : sets.get(k)) firsts.append(w.charAt(0));
            starts[k] = CharSet.of(firsts.toString());
        }
    }

    /**
     * A piece that may run over several chars ({@code .{0,8}}, {@code [^,]{0,12}}, {@code +}, {@code *}): only an alternative
     * with one is worth the test, since a short fixed one fails as fast in the regex as the words are looked for.
     */
    private static final Pattern WIDE = Pattern.compile("[*+]|\\{\\d*,(\\d*)\\}");

    private static boolean wide(String re) {
        Matcher m = WIDE.matcher(re);
        while (m.find()) if (m.group(1) == null || m.group(1).isEmpty() || Integer.parseInt(m.group(1)) >= 4) return true;
        return false;
    }

    /** The needed words of one alternative (no top-level |), its opening piece left out; null when there are none. */
    static RequiredWords of(String alternative) {
        try {
            List<String[]> sets = wide(alternative) ? read(alternative) : List.of();
            return sets.isEmpty() ? null : new RequiredWords(sets);
        } catch (RuntimeException unread) {
            return null;
        }
    }

    /**
     * The last offset of s from which every needed set still has one of its words: no match can start after it.
     * One walk of s back from its end per set; a caller keeps it per text.
     */
    int lastStart(String s) {
        int last = Integer.MAX_VALUE;
        for (int k = 0; k < starts.length && last >= 0; k++) last = Math.min(last, lastOf(k, s));
        return last;
    }

    /** The last offset of s where a word of set k starts, or -1. */
    private int lastOf(int k, String s) {
        for (int p = s.length() - 1; p >= 0; p--) {
            if (!starts[k].contains(s.charAt(p))) continue;
            for (String w : sets.get(k)) if (s.startsWith(w, p)) return p;
        }
        return -1;
    }

    private static List<String[]> read(String re) {
        List<String[]> sets = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        int pos = 0;
        boolean first = true;
        while (pos < re.length()) {
            char c = re.charAt(pos);
            int end;
            String[] words = null;
            boolean literal = false;
            if (c == '\\') {
                end = escapeEnd(re, pos);
            } else if (c == '[') {
                end = classEnd(re, pos);
            } else if (c == '(') {
                end = groupEnd(re, pos);
                words = groupWords(re.substring(pos, end));
            } else if (c == '.' || c == '^' || c == '$') {
                end = pos + 1;
            } else if (META.indexOf(c) >= 0 || Character.isSurrogate(c)) {
                throw new IllegalArgumentException("not read");
            } else {
                end = pos + 1;
                literal = true;
            }
            int[] q = quantifier(re, end);   // {min, end}
            boolean once = q[1] == end;
            if (literal && once && !first) {
                run.append(c);
            } else {
                flush(run, sets);
                if (words != null && q[0] >= 1 && !first) sets.add(words);
            }
            first = false;
            pos = q[1];
        }
        flush(run, sets);
        return sets;
    }

    private static void flush(StringBuilder run, List<String[]> sets) {
        if (run.length() > 0) sets.add(new String[] {run.toString()});
        run.setLength(0);
    }

    /** A group's plain words ({@code (给我|跟我)}, {@code (?:说|讲)}); null for a lookaround, flags or anything else inside. */
    private static String[] groupWords(String group) {
        String inner;
        if (group.startsWith("(?:")) inner = group.substring(3, group.length() - 1);
        else if (group.startsWith("(?<") && !group.startsWith("(?<=") && !group.startsWith("(?<!")) inner = group.substring(group.indexOf('>') + 1, group.length() - 1);
        else if (group.startsWith("(?")) {
            if (!group.startsWith("(?=") && !group.startsWith("(?!") && !group.startsWith("(?<")) throw new IllegalArgumentException("flags");
            return null;
        } else inner = group.substring(1, group.length() - 1);
        String[] words = inner.split("\\|", -1);
        for (String w : words) {
            if (w.isEmpty()) return null;
            for (int i = 0; i < w.length(); i++) if (META.indexOf(w.charAt(i)) >= 0 || Character.isSurrogate(w.charAt(i))) return null;
        }
        return words;
    }

    /** {min repeats, end} of the quantifier at pos ({1, pos} when there is none). */
    private static int[] quantifier(String re, int pos) {
        if (pos >= re.length()) return new int[] {1, pos};
        char c = re.charAt(pos);
        int min, end;
        if (c == '?' || c == '*') {
            min = 0;
            end = pos + 1;
        } else if (c == '+') {
            min = 1;
            end = pos + 1;
        } else if (c == '{') {
            end = re.indexOf('}', pos) + 1;
            if (end == 0) throw new IllegalArgumentException("open quantifier");
            String body = re.substring(pos + 1, end - 1);
            min = Integer.parseInt(body.contains(",") ? body.substring(0, body.indexOf(',')) : body);
        } else {
            return new int[] {1, pos};
        }
        if (end < re.length() && (re.charAt(end) == '?' || re.charAt(end) == '+')) end++;
        return new int[] {min, end};
    }

    private static int escapeEnd(String re, int pos) {
        char n = re.charAt(pos + 1);
        if (n == 'Q') {
            int e = re.indexOf("\\E", pos);
            if (e < 0) throw new IllegalArgumentException("open quote");
            return e + 2;
        }
        if ((n == 'p' || n == 'P') && pos + 2 < re.length() && re.charAt(pos + 2) == '{') return re.indexOf('}', pos) + 1;
        if (n == 'u') return pos + 6;
        if (n == 'x') return pos + 4;
        return pos + 2;
    }

    private static int classEnd(String re, int pos) {
        int depth = 0;
        for (int i = pos; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') i++;
            else if (c == '[') depth++;
            else if (c == ']' && i > pos + 1 && !(i == pos + 2 && re.charAt(pos + 1) == '^') && --depth == 0) return i + 1;
        }
        throw new IllegalArgumentException("open class");
    }

    private static int groupEnd(String re, int pos) {
        int depth = 0;
        for (int i = pos; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') i++;
            else if (c == '[') i = classEnd(re, i) - 1;
            else if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return i + 1;
        }
        throw new IllegalArgumentException("open group");
    }
}
