package app.mentorbot.conversations.understanding;

import java.util.Arrays;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The top-level alternatives of a {@link GatedPattern} (a|b|c), each with its own first chars. An offset is worth the
 * whole pattern only when one alternative that can start with its char matches there: java.util.regex would try every
 * alternative at every gated offset, and a pattern of forty alternatives spent most of its time failing them one by one.
 * An alternative that is a plain word (谈心) is compared as text, with no matcher at all.
 */
final class Alternatives {
    private static final int SPLIT_FROM = 4;

    /**
     * One alternative: its pattern, the chars it can start with (null = any), the literal text every match of it starts
     * with when that is longer than one char (谈心, 提醒 of 提醒了?(他|她); null otherwise), the look-ahead after its opening
     * char (null when it has none), how many capturing groups the alternatives before it have (its group g is the
     * whole pattern's group g + groupsBefore), and the alternative itself when it is a plain word (null otherwise).
     */
    private record Alternative(Pattern pattern, CharSet firstChars, String prefix, Lookahead lookahead, RequiredWords needs, int groupsBefore,
                               String literal) {}

    private final Alternative[] alternatives;
    /**
     * For each char, the alternatives (indices, in order) that may start with it; alternatives that may
     * start with any char are in every entry and in {@link #anyStart}, the answer for chars not in the table.
     */
    private final CharTable<int[]> startingWith;
    private final int[] anyStart;
    /** Matchers of the alternatives, one set per thread, each reset to a text only when it is used on it. */
    private final PerThread<Matchers> spare = new PerThread<>(Matchers::new);

    private Alternatives(Alternative[] alternatives) {
        this.alternatives = alternatives;
        List<char[]> starts = Arrays.stream(alternatives).map(a -> a.firstChars() == null ? null : a.firstChars().members()).toList();
        this.anyStart = CharTable.anyStart(starts);
        this.startingWith = CharTable.byStartChar(starts);
    }

    /** The regex's alternatives; null for a pattern of fewer than {@link #SPLIT_FROM} or one {@link FirstChars} does not read. */
    static Alternatives split(String regex) {
        List<String> parts = FirstChars.alternatives(regex);
        if (parts == null || parts.size() < SPLIT_FROM) return null;
        Alternative[] alts = new Alternative[parts.size()];
        int groups = 0;
        for (int k = 0; k < alts.length; k++) {
            String part = parts.get(k);
            Pattern p = Pattern.compile(part);
            alts[k] = new Alternative(p, GatedPattern.firstChars(part), FirstChars.literalPrefix(part), Lookahead.of(part), RequiredWords.of(part),
                    groups, FirstChars.isLiteral(part) ? part : null);
            groups += p.matcher("").groupCount();
        }
        return new Alternatives(alts);
    }

    /** How many capturing groups the alternatives before alternative k have. */
    int groupsBefore(int k) {
        return alternatives[k].groupsBefore();
    }

    /** This thread's matchers. */
    Matchers matchers() {
        return spare.get();
    }

    final class Matchers {
        private final Matcher[] matchers = new Matcher[alternatives.length];
        private final String[] texts = new String[alternatives.length];
        /** Per alternative with needed words, the text its {@link #lastStarts} entry was read from. */
        private final String[] needTexts = new String[alternatives.length];
        private final int[] lastStarts = new int[alternatives.length];
        /** The span of the last match {@link #firstAt} found. */
        int start, end;

        /**
         * The first alternative that matches at offset i, or -1; {@link #start} and {@link #end} then hold its match.
         * That is the alternative the whole pattern would take there: the ones before it cannot start with s[i] or
         * do not match.
         */
        int firstAt(String s, int i) {
            int[] candidates = startingWith.get(s.charAt(i));
            if (candidates == null) candidates = anyStart;
            for (int k : candidates) {
                Alternative a = alternatives[k];
                if (a.literal() != null) {   // a word: no matcher, no region to reset
                    if (!s.startsWith(a.literal(), i)) continue;
                    start = i;
                    end = i + a.literal().length();
                    return k;
                }
                if (a.prefix() != null && !s.startsWith(a.prefix(), i)) continue;
                if (a.lookahead() != null && !a.lookahead().mayMatchAt(s, i)) continue;
                if (a.needs() != null) {
                    if (needTexts[k] != s) {
                        lastStarts[k] = a.needs().lastStart(s);
                        needTexts[k] = s;
                    }
                    if (i > lastStarts[k]) continue;
                }
                Matcher m = on(k, s);
                if (m.region(i, s.length()).lookingAt()) {
                    start = m.start();
                    end = m.end();
                    return k;
                }
            }
            return -1;
        }

        /** The groups of alternative k matched at offset i of s (where it is known to match). */
        MatchResult groupsAt(int k, String s, int i) {
            Matcher m = on(k, s);
            if (!m.region(i, s.length()).lookingAt()) throw new IllegalStateException("alternative no longer matches");
            return m.toMatchResult();
        }

        private Matcher on(int k, String s) {
            Matcher m = matchers[k];
            if (m == null) {
                m = matchers[k] = alternatives[k].pattern().matcher(s);
                m.useTransparentBounds(true).useAnchoringBounds(false);
                texts[k] = s;
            } else if (texts[k] != s) {
                m.reset(s);
                texts[k] = s;
            }
            return m;
        }
    }
}
