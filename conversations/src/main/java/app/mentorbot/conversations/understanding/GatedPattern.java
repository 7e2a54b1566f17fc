package app.mentorbot.conversations.understanding;

import java.util.List;
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

    /**
     * The top-level alternatives (a|b|c), each with its own first chars; null for a pattern of fewer
     * than {@link #SPLIT_FROM}. An offset is worth the whole pattern only when one alternative that can
     * start with its char matches there: java.util.regex would try every alternative at every
     * gated offset, and a pattern of forty alternatives spent most of its time failing them one by one.
     */
    private final Alternative[] alternatives;
    private static final int SPLIT_FROM = 4;

    /** One alternative: its pattern and the chars it can start with (null = any). */
    private record Alternative(Pattern pattern, CharSet firstChars) {}

    private GatedPattern(Pattern pattern, CharSet firstChars, CharSet afterChars) {
        this.pattern = pattern;
        this.firstChars = firstChars;
        this.afterChars = afterChars;
        this.alternatives = split(pattern.pattern());
    }

    private static Alternative[] split(String regex) {
        List<String> parts = FirstChars.alternatives(regex);
        if (parts == null || parts.size() < SPLIT_FROM) return null;
        Alternative[] alts = new Alternative[parts.size()];
        for (int k = 0; k < alts.length; k++) alts[k] = new Alternative(Pattern.compile(parts.get(k)), firstChars(parts.get(k)));
        return alts;
    }

    /** Matchers of the alternatives for the text last looked at, one set per thread. */
    private final ThreadLocal<AlternativeMatchers> spareAlternatives = ThreadLocal.withInitial(AlternativeMatchers::new);

    private final class AlternativeMatchers {
        final Matcher[] matchers = new Matcher[alternatives.length];
        String text;

        boolean anyAt(String s, int i) {
            if (s != text) {
                text = s;
                for (Matcher m : matchers) if (m != null) m.reset(s);
            }
            char c = s.charAt(i);
            for (int k = 0; k < alternatives.length; k++) {
                Alternative a = alternatives[k];
                if (a.firstChars() != null && !a.firstChars().contains(c)) continue;
                Matcher m = matchers[k];
                if (m == null) {
                    m = matchers[k] = a.pattern().matcher(s);
                    m.useTransparentBounds(true).useAnchoringBounds(false);
                }
                if (m.region(i, s.length()).lookingAt()) return true;
            }
            return false;
        }
    }

    /** False when no alternative can match at offset i (true for a pattern not split). */
    private boolean someAlternativeAt(String s, int i) {
        return alternatives == null || spareAlternatives.get().anyAt(s, i);
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
        return firstChars != null || afterChars != null || alternatives != null;
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
            if (alternatives != null) {
                if (someAlternativeAt(text, i)) return true;
                continue;
            }
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
                if (!mayStartAt(s, i) || !someAlternativeAt(s, i)) continue;
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
        String group(String name) { return matched().group(name); }
        @Override public int groupCount() { return pattern.matcher("").groupCount(); }

        private Matcher matched() {
            if (m == null) throw new IllegalStateException("No match available");
            return m;
        }
    }
}
