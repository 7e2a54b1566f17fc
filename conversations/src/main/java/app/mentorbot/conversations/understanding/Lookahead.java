package app.mentorbot.conversations.understanding;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The look-ahead that follows a one-char opening in many of the reader's alternatives,
 * {@code (□|他|她)(?=[^,.;!?。]{0,12}[给跟和向找])…}: "within n chars of this clause comes one of these". It is tested
 * here in plain code before the alternative is tried, since a pronoun opens many alternatives and is one of the commonest
 * chars of a note; java.util.regex would reset its matcher and walk the look-ahead for each of them. The test gives the
 * look-ahead's own answer (a literal after the gap, as in {@code (?=[^,.;!?。]{0,6}发来)}, is tested by its first char
 * only, which is still a condition the alternative needs), so skipping the alternative when it fails changes no match.
 */
final class Lookahead {
    private static final String PLAIN = "[^()\\[\\]\\\\|+*?.{}^$]";
    private static final Pattern SHAPE = Pattern.compile(
            "^\\((?:" + PLAIN + "\\|)*" + PLAIN + "\\)\\(\\?=\\[\\^([^\\]\\\\\\-\\[&^]+)\\]\\{(\\d+),(\\d+)\\}(?:\\[([^\\]\\\\\\-\\[&^]+)\\]|(" + PLAIN + "))");

    private final CharSet stops;
    private final CharSet needed;
    private final int min, max;

    private Lookahead(CharSet stops, CharSet needed, int min, int max) {
        this.stops = stops;
        this.needed = needed;
        this.min = min;
        this.max = max;
    }

    /** The look-ahead of an alternative of that shape; null for any other alternative. */
    static Lookahead of(String alternative) {
        Matcher m = SHAPE.matcher(alternative);
        if (!m.find()) return null;
        String need = m.group(4) != null ? m.group(4) : m.group(5);
        if ((m.group(1) + need).chars().anyMatch(c -> Character.isSurrogate((char) c))) return null;
        return new Lookahead(CharSet.of(m.group(1)), CharSet.of(need), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    /**
     * False when the look-ahead after a one-char opening at offset i fails: no needed char comes after min to max
     * chars (code points, as the regex counts them) none of which is a stop.
     */
    boolean mayMatchAt(String s, int i) {
        int j = i + 1;
        for (int k = 0; k <= max && j < s.length(); k++) {
            char c = s.charAt(j);
            if (k >= min && needed.contains(c)) return true;
            if (stops.contains(c)) return false;
            j += Character.isHighSurrogate(c) && j + 1 < s.length() && Character.isLowSurrogate(s.charAt(j + 1)) ? 2 : 1;
        }
        return false;
    }
}
