package app.mentorbot.conversations.understanding;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The chars a match of a regular expression can start with, read from its source: the gate of a
 * {@link GatedPattern}. Understands the subset our patterns and lexicon entries use (literals,
 * {@code \Q…\E}, classes, groups, alternation, lookarounds, anchors, quantifiers); anything else,
 * or a pattern that can match the empty string, gives null, meaning "any char", so a pattern we
 * cannot read is simply not gated. The answer may be a superset, never a subset.
 */
final class FirstChars {
    /**
     * A piece of pattern: the chars it can start with (null = any) and whether it can match empty. A set is small
     * (a literal's one char, a class's few): sets are merged into one a sequence or an alternation owns, never into
     * an atom's, so a pattern of a thousand chars does not make a thousand 64K-bit sets.
     */
    private record First(Set<Character> chars, boolean nullable) {}

    private static final First EMPTY = new First(Set.of(), true);
    private static final String WHITESPACE = " \t\n\u000B\f\r";

    private final String re;
    private int pos;

    private FirstChars(String re) {
        this.re = re;
    }

    /** A bit set over all chars (bit c set = a match may start with c), or null when any char may start one. */
    static long[] of(String regex) {
        try {
            FirstChars p = new FirstChars(regex);
            First f = p.alternation();
            if (p.pos != regex.length() || f.nullable() || f.chars() == null) return null;
            long[] bits = new long[1024];
            for (char c : f.chars()) bits[c >>> 6] |= 1L << c;
            return bits;
        } catch (RuntimeException unsupported) {
            return null;
        }
    }

    private static final String META = "\\[](){}.*+?^$|";

    /**
     * The plain chars every match of a regex (one alternative) opens with, before any operator (a char a quantifier
     * follows is not part of it), when there are at least two; null otherwise. Seven alternatives of the talk pattern
     * open with 谈, and {@link GatedPattern} tells them apart by a startsWith without resetting a matcher for each.
     */
    static String literalPrefix(String regex) {
        int n = plainChars(regex);
        if (n < regex.length() && "?*{".indexOf(regex.charAt(n)) >= 0) n--;   // 了? may be absent
        return n >= 2 ? regex.substring(0, n) : null;
    }

    /** True when the regex is plain text (a word, no operator or escape): it matches exactly itself. */
    static boolean isLiteral(String regex) {
        return !regex.isEmpty() && plainChars(regex) == regex.length();
    }

    /** How many chars the regex opens with before its first operator, escape or surrogate. */
    private static int plainChars(String regex) {
        int n = 0;
        while (n < regex.length() && META.indexOf(regex.charAt(n)) < 0 && !Character.isSurrogate(regex.charAt(n))) n++;
        return n;
    }

    /**
     * The top-level alternatives of a pattern (a|b|c gives a, b, c), as sources each compilable
     * on its own; null when the pattern is not read here (then it is not split).
     */
    static List<String> alternatives(String regex) {
        try {
            FirstChars p = new FirstChars(regex);
            List<String> out = new ArrayList<>();
            int start = 0;
            p.sequence();
            out.add(regex.substring(start, p.pos));
            while (p.pos < regex.length() && regex.charAt(p.pos) == '|') {
                start = ++p.pos;
                p.sequence();
                out.add(regex.substring(start, p.pos));
            }
            return p.pos == regex.length() ? out : null;
        } catch (RuntimeException unsupported) {
            return null;
        }
    }

    private First alternation() {
        First acc = sequence();   // its set is its own: merged into in place
        while (pos < re.length() && re.charAt(pos) == '|') {
            pos++;
            First next = sequence();
            acc = new First(addAll(acc.chars(), next.chars()), acc.nullable() || next.nullable());
        }
        return acc;
    }

    private First sequence() {
        Set<Character> chars = new HashSet<>();
        boolean nullable = true;
        while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
            First t = term();
            if (nullable) {
                chars = addAll(chars, t.chars());
                nullable = t.nullable();
            }
        }
        return new First(chars, nullable);
    }

    private First term() {
        First a = atom();
        if (pos < re.length()) {
            char q = re.charAt(pos);
            if (q == '?' || q == '*') {
                pos++;
                a = new First(a.chars(), true);
            } else if (q == '+') {
                pos++;
            } else if (q == '{') {
                int close = re.indexOf('}', pos);
                String min = re.substring(pos + 1, close).split(",", -1)[0].strip();
                if (Integer.parseInt(min) == 0) a = new First(a.chars(), true);
                pos = close + 1;
            } else {
                return a;
            }
            if (pos < re.length() && (re.charAt(pos) == '?' || re.charAt(pos) == '+')) pos++;   // lazy or possessive
        }
        return a;
    }

    private First atom() {
        char c = re.charAt(pos);
        switch (c) {
            case '(': {
                boolean zeroWidth = false;
                if (re.startsWith("(?:", pos)) pos += 3;
                else if (re.startsWith("(?=", pos) || re.startsWith("(?!", pos)) { pos += 3; zeroWidth = true; }
                else if (re.startsWith("(?<=", pos) || re.startsWith("(?<!", pos)) { pos += 4; zeroWidth = true; }
                else if (re.startsWith("(?<", pos)) pos = re.indexOf('>', pos) + 1;   // named group
                else if (re.startsWith("(?", pos)) throw new IllegalArgumentException("flags");
                else pos++;
                First inner = alternation();
                expect(')');
                return zeroWidth ? EMPTY : inner;
            }
            case '[':
                return new First(charClass(), false);
            case '.':
                pos++;
                return new First(null, false);
            case '^': case '$':
                pos++;
                return EMPTY;
            case '\\':
                return escape();
            default:
                if ("*+?{}|)".indexOf(c) >= 0) throw new IllegalArgumentException("unexpected " + c);
                pos++;
                return new First(Set.of(c), false);
        }
    }

    private First escape() {
        char e = re.charAt(pos + 1);
        pos += 2;
        switch (e) {
            case 'Q': {
                int end = re.indexOf("\\E", pos);
                if (end < 0) end = re.length();
                String quoted = re.substring(pos, end);
                pos = Math.min(re.length(), end + 2);
                return quoted.isEmpty() ? EMPTY : new First(Set.of(quoted.charAt(0)), false);
            }
            case 'd': return new First(range('0', '9'), false);
            case 's': return new First(chars(WHITESPACE), false);
            case 'n': return new First(Set.of('\n'), false);
            case 't': return new First(Set.of('\t'), false);
            case 'p': case 'P':
                if (pos < re.length() && re.charAt(pos) == '{') pos = re.indexOf('}', pos) + 1;
                else pos++;
                return new First(null, false);
            default:
                if (Character.isLetterOrDigit(e)) throw new IllegalArgumentException("escape \\" + e);
                return new First(Set.of(e), false);   // an escaped metachar: \. \? \(
        }
    }

    /** A [...] class; a negated or nested one counts as any char. */
    private Set<Character> charClass() {
        pos++;
        boolean negated = pos < re.length() && re.charAt(pos) == '^';
        if (negated) pos++;
        Set<Character> set = new HashSet<>();
        boolean any = negated;
        boolean first = true;
        while (re.charAt(pos) != ']' || first) {
            first = false;
            char c = re.charAt(pos);
            if (c == '[' || re.startsWith("&&", pos)) throw new IllegalArgumentException("nested class");
            char lo;
            if (c == '\\') {
                char e = re.charAt(pos + 1);
                pos += 2;
                if (e == 'd') { set.addAll(range('0', '9')); continue; }
                if (e == 's') { set.addAll(chars(WHITESPACE)); continue; }
                if (e == 'p' || e == 'P') { pos = re.indexOf('}', pos) + 1; any = true; continue; }
                if (e == 'n') lo = '\n';
                else if (e == 't') lo = '\t';
                else if (Character.isLetterOrDigit(e)) throw new IllegalArgumentException("escape \\" + e);
                else lo = e;
            } else {
                lo = c;
                pos++;
            }
            if (re.charAt(pos) == '-' && re.charAt(pos + 1) != ']') {
                char hi = re.charAt(pos + 1);
                if (hi == '\\') throw new IllegalArgumentException("escaped range end");
                pos += 2;
                set.addAll(range(lo, hi));
            } else {
                set.add(lo);
            }
        }
        pos++;
        return any ? null : set;
    }

    private void expect(char c) {
        if (pos >= re.length() || re.charAt(pos) != c) throw new IllegalArgumentException("expected " + c);
        pos++;
    }

    private static Set<Character> range(char lo, char hi) {
        Set<Character> s = new HashSet<>();
        for (int c = lo; c <= hi; c++) s.add((char) c);
        return s;
    }

    private static Set<Character> chars(String cs) {
        Set<Character> s = new HashSet<>();
        for (int i = 0; i < cs.length(); i++) s.add(cs.charAt(i));
        return s;
    }

    /** {@code into} with {@code more} added, in place ({@code into} is a sequence's or an alternation's own); null = any. */
    private static Set<Character> addAll(Set<Character> into, Set<Character> more) {
        if (into == null || more == null) return null;
        into.addAll(more);
        return into;
    }
}
