package app.mentorbot.conversations.understanding;

import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regular expression that is only tried where a match can start. java.util.regex tries every
 * branch of an alternation (再|提醒|打算|…) at every offset of the note, and that was most of the
 * reader's time; here the set of possible first chars ({@link FirstChars}) skips the offsets
 * that cannot start a match at the cost of one array read each. Matches are exactly those of
 * {@link Matcher#find()}: an attempt at offset i is a {@code lookingAt} on the region [i, end)
 * with transparent, non-anchoring bounds, which sees lookbehinds and ^/$ as the whole text does.
 */
final class GatedPattern {
    private final Pattern pattern;
    /** Possible first chars of a match; null when any char may start one. */
    private final CharSet firstChars;
    /** Chars a match must follow (or else start the text); null when it may follow anything. */
    private final CharSet afterChars;

    private GatedPattern(Pattern pattern, CharSet firstChars, CharSet afterChars) {
        this.pattern = pattern;
        this.firstChars = firstChars;
        this.afterChars = afterChars;
    }

    static GatedPattern compile(String regex) {
        return new GatedPattern(Pattern.compile(regex), firstChars(regex), null);
    }

    /**
     * For a pattern that can start with any char but only at the start of the text or right after
     * one of {@code precedingChars} (a clause-opening subject): those offsets are the only ones tried.
     * The caller vouches that the pattern says so itself ({@code (?:^|(?<=[…]))}).
     */
    static GatedPattern compileAfter(String regex, String precedingChars) {
        return new GatedPattern(Pattern.compile(regex), firstChars(regex), CharSet.of(precedingChars));
    }

    private static CharSet firstChars(String regex) {
        long[] bits = FirstChars.of(regex);
        return bits == null ? null : CharSet.ofBits(bits);
    }

    private boolean gated() {
        return firstChars != null || afterChars != null;
    }

    /** False when no match can start at offset i of s. */
    private boolean mayStartAt(String s, int i) {
        return (firstChars == null || firstChars.contains(s.charAt(i)))
                && (afterChars == null || i == 0 || afterChars.contains(s.charAt(i - 1)));
    }

    Pattern pattern() {
        return pattern;
    }

    /** A scan over s, match by match, like {@code pattern().matcher(s)} with {@code find()}. */
    Scan scan(CharSequence s) {
        return new Scan(s.toString());
    }

    /** True when the pattern occurs anywhere in s. */
    boolean foundIn(CharSequence s) {
        if (!gated()) return pattern.matcher(s).find();
        String text = s.toString();
        int len = text.length();
        Matcher m = null;
        for (int i = 0; i < len; i++) {
            if (!mayStartAt(text, i)) continue;
            if (m == null) m = spareMatcher.get().reset(text);
            if (m.region(i, len).lookingAt()) return true;
        }
        return false;
    }

    /**
     * One matcher per thread for {@link #foundIn}, which is done with it before it returns (and
     * calls nothing that could use it meanwhile), so most look-ups allocate nothing.
     */
    private final ThreadLocal<Matcher> spareMatcher = ThreadLocal.withInitial(() -> {
        Matcher m = pattern().matcher("");
        m.useTransparentBounds(true).useAnchoringBounds(false);
        return m;
    });

    /** s with every match replaced by a literal replacement, like {@code Matcher.replaceAll}. */
    String replaceAll(String s, String replacement) {
        Scan m = scan(s);
        if (!m.find()) return s;
        StringBuilder sb = new StringBuilder(s.length());
        int copied = 0;
        do {
            sb.append(s, copied, m.start()).append(replacement);
            copied = m.end();
        } while (m.find());
        return sb.append(s, copied, s.length()).toString();
    }

    /** Matches of one text, left to right; also the current match's groups. */
    final class Scan implements MatchResult {
        private final String s;
        /** Made at the first offset worth an attempt: most scans of a short note never need one. */
        private Matcher m;
        private int next;

        private Scan(String s) {
            this.s = s;
        }

        /** The next match, as {@link Matcher#find()} would find it. */
        boolean find() {
            if (!gated()) return matcher().find();
            int len = s.length();
            for (int i = next; i < len; i++) {
                if (!mayStartAt(s, i)) continue;
                Matcher at = matcher().region(i, len);
                if (at.lookingAt()) {
                    next = at.end() == at.start() ? at.end() + 1 : at.end();
                    return true;
                }
            }
            next = len + 1;
            return false;
        }

        /** The leftmost match starting at or after {@code from}, as {@link Matcher#find(int)} would find it. */
        boolean find(int from) {
            if (!gated()) return matcher().find(from);
            if (from < 0 || from > s.length()) throw new IndexOutOfBoundsException("Illegal start index");
            next = from;
            return find();
        }

        private Matcher matcher() {
            if (m == null) {
                m = pattern.matcher(s);
                if (gated()) m.useTransparentBounds(true).useAnchoringBounds(false);
            }
            return m;
        }

        @Override public int start() { return matched().start(); }
        @Override public int start(int group) { return matched().start(group); }
        @Override public int end() { return matched().end(); }
        @Override public int end(int group) { return matched().end(group); }
        @Override public String group() { return matched().group(); }
        @Override public String group(int group) { return matched().group(group); }
        @Override public int groupCount() { return pattern.matcher("").groupCount(); }

        private Matcher matched() {
            if (m == null) throw new IllegalStateException("No match available");
            return m;
        }
    }
}
