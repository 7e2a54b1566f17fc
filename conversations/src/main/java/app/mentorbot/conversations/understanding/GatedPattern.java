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

    /** The top-level alternatives (a|b|c), each tried where it can start ({@link Alternatives}); null for a short or unread pattern. */
    private final Alternatives alternatives;

    /** Words every match of an unsplit pattern needs after its opening ({@link RequiredWords}); null when none are known. */
    private final RequiredWords needs;

    private GatedPattern(Pattern pattern, CharSet firstChars, CharSet afterChars) {
        this.pattern = pattern;
        this.firstChars = firstChars;
        this.afterChars = afterChars;
        this.alternatives = Alternatives.split(pattern.pattern());
        this.needs = alternatives == null ? RequiredWords.of(pattern.pattern()) : null;
        this.groupCount = pattern.matcher("").groupCount();
    }

    private final int groupCount;

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

    static CharSet firstChars(String regex) {
        long[] bits = FirstChars.of(regex);
        return bits == null ? null : CharSet.ofBits(bits);
    }

    private boolean gated() {
        return firstChars != null || afterChars != null || alternatives != null;
    }

    /** False when a match may not start at offset i of s for the char before it. */
    private boolean follows(String s, int i) {
        return afterChars == null || i == 0 || afterChars.contains(s.charAt(i - 1));
    }

    /** False when no match can start at offset i of s. */
    private boolean mayStartAt(String s, int i) {
        return (firstChars == null || firstChars.contains(s.charAt(i)))
                && (afterChars == null || i == 0 || afterChars.contains(s.charAt(i - 1)));
    }

    Pattern pattern() {
        return pattern;
    }

    /** The chars a match can start with, sorted; null when it may start with any. */
    char[] startChars() {
        return firstChars == null ? null : firstChars.members();
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
        Alternatives.Matchers alts = alternatives == null ? null : alternatives.matchers();
        int last = Integer.MIN_VALUE;   // for an unsplit pattern's needed words, read at the first offset its gate lets through
        for (int i = 0; i < len; i++) {
            if (alts != null ? !follows(text, i) : !mayStartAt(text, i)) continue;   // the alternatives' table knows their first chars
            if (alts != null) {
                if (alts.firstAt(text, i) >= 0) return true;
                continue;
            }
            if (last == Integer.MIN_VALUE) last = needs == null ? len : needs.lastStart(text);
            if (i > last) return false;
            if (m == null) m = spareMatcher.get().on(text);
            if (m.region(i, len).lookingAt()) return true;
        }
        return false;
    }

    /**
     * One matcher of the whole pattern per thread, for {@link #foundIn} and {@link Scan#endAt}, which are done with it
     * before they return (and call nothing that could use it meanwhile), so most look-ups allocate nothing. It is
     * reset to a text only when it is used on another text.
     */
    private final PerThread<SpareMatcher> spareMatcher = new PerThread<>(SpareMatcher::new);

    private final class SpareMatcher {
        private final Matcher m = pattern.matcher("").useTransparentBounds(true).useAnchoringBounds(false);
        private String text = "";

        Matcher on(String s) {
            if (text != s) {
                m.reset(s);
                text = s;
            }
            return m;
        }
    }

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

    /**
     * Matches of one text, left to right; also the current match's groups. For a split pattern the match
     * is the matching alternative's, its groups numbered as the whole pattern numbers them.
     */
    final class Scan implements MatchResult {
        private final String s;
        /** Made at the first offset worth an attempt: most scans of a short note never need one. */
        private Matcher m;
        /**
         * A split pattern's current match: alternative {@code alt} matched [altStart, altEnd). Its groups are
         * read only when asked for (most callers want the span alone), by matching the alternative there again.
         */
        private int alt = -1;
        private int altStart, altEnd;
        private MatchResult altGroups;
        /** A gated whole-pattern match, copied from this thread's spare matcher (which the next attempt reuses). */
        private MatchResult wholeGroups;
        private int next;
        /** This thread's spare matchers, looked up once per scan: a scan stays on the thread that made it. */
        private Alternatives.Matchers threadAlternatives;
        private SpareMatcher threadSpare;

        private Scan(String s) {
            this.s = s;
        }

        /** The next match, as {@link Matcher#find()} would find it. */
        boolean find() {
            if (!gated()) {
                wholeGroups = null;
                return matcher().find();
            }
            int len = s.length();
            Alternatives.Matchers alts = alternatives == null ? null : alternatives();
            alt = -1;
            altGroups = null;
            wholeGroups = null;
            for (int i = next; i < len; i++) {
                if (alts != null ? !follows(s, i) : !mayStartAt(s, i)) continue;
                if (alts == null && i > lastStart()) break;
                int start, end;
                if (alts != null) {
                    int k = alts.firstAt(s, i);
                    if (k < 0) continue;
                    alt = k;
                    start = altStart = alts.start;
                    end = altEnd = alts.end;
                } else {
                    Matcher whole = spare().region(i, len);
                    if (!whole.lookingAt()) continue;
                    wholeGroups = whole.toMatchResult();
                    start = whole.start();
                    end = whole.end();
                }
                next = end == start ? end + 1 : end;
                return true;
            }
            next = len + 1;
            return false;
        }

        /** The leftmost match starting at or after {@code from}, as {@link Matcher#find(int)} would find it. */
        boolean find(int from) {
            if (!gated()) {
                wholeGroups = null;
                return matcher().find(from);
            }
            if (from < 0 || from > s.length()) throw new IndexOutOfBoundsException("Illegal start index");
            next = from;
            return find();
        }

        /**
         * End of the match that starts at offset i, the one {@link #find()} would find there, or -1, for a caller that
         * has already found that a match may start with s[i] ({@link #startChars()}). Leaves no current match (for an
         * index that asks every offset of a text once).
         */
        int endAt(int i) {
            alt = -1;
            if (!follows(s, i)) return -1;
            if (alternatives != null) {
                Alternatives.Matchers alts = alternatives();
                int k = alts.firstAt(s, i);
                return k < 0 ? -1 : alts.end;
            }
            if (i > lastStart()) return -1;
            Matcher whole = spare().region(i, s.length());
            return whole.lookingAt() ? whole.end() : -1;
        }

        /** For an unsplit pattern, the last offset a match can start at for the words it needs; read once per scan. */
        private int lastStart() {
            if (lastStart == UNREAD) lastStart = needs == null ? Integer.MAX_VALUE : needs.lastStart(s);
            return lastStart;
        }

        private static final int UNREAD = Integer.MIN_VALUE;
        private int lastStart = UNREAD;

        private Alternatives.Matchers alternatives() {
            if (threadAlternatives == null) threadAlternatives = alternatives.matchers();
            return threadAlternatives;
        }

        private Matcher spare() {
            if (threadSpare == null) threadSpare = spareMatcher.get();
            return threadSpare.on(s);
        }

        private Matcher matcher() {
            if (m == null) {
                m = pattern.matcher(s);
                m.useTransparentBounds(true).useAnchoringBounds(false);   // no effect on a find() over the whole text
            }
            return m;
        }

        @Override public int start() { return alt >= 0 ? altStart : matched().start(); }
        @Override public int end() { return alt >= 0 ? altEnd : matched().end(); }
        @Override public String group() { return alt >= 0 ? s.substring(altStart, altEnd) : matched().group(); }
        @Override public int groupCount() { return groupCount; }

        @Override public int start(int group) {
            int g = local(group);
            return g < 0 ? -1 : matched().start(g);
        }

        @Override public int end(int group) {
            int g = local(group);
            return g < 0 ? -1 : matched().end(g);
        }

        @Override public String group(int group) {
            int g = local(group);
            return g < 0 ? null : matched().group(g);
        }

        /** A named group: asked of the whole pattern, matched again where the alternative matched. */
        String group(String name) {
            if (alt < 0 && wholeGroups == null) return ((Matcher) matched()).group(name);
            Matcher whole = matcher().region(start(), s.length());
            if (!whole.lookingAt()) throw new IllegalStateException("alternative and pattern disagree");
            return whole.group(name);
        }

        /** The whole pattern's group number as the current match numbers it; -1 when that group is another alternative's. */
        private int local(int group) {
            if (group < 0 || group > groupCount) throw new IndexOutOfBoundsException("No group " + group);
            if (alt < 0 || group == 0) return group;
            int g = group - alternatives.groupsBefore(alt);
            return g >= 1 && g <= matched().groupCount() ? g : -1;
        }

        private MatchResult matched() {
            if (alt >= 0) {
                if (altGroups == null) altGroups = alternatives().groupsAt(alt, s, altStart);
                return altGroups;
            }
            if (wholeGroups != null) return wholeGroups;
            if (m == null) throw new IllegalStateException("No match available");
            return m;
        }
    }
}
