package app.mentorbot.conversations.understanding;

import com.hankcs.hanlp.HanLP;

/**
 * A note as the readers see it: simplified characters, ASCII digits and punctuation, and the
 * same length as the original, so that every offset found here is also an offset into what the
 * teacher wrote (Evidence must point at the original). HanLP converts some phrases with a change
 * of length (網際網路 → 互联网); when that happens we fall back to converting char by char.
 */
final class NoteText {
    /** Marks a char that belongs to a recognised student mention, so lexicons do not read names as words. */
    static final char NAME_MASK = '□';

    final String original;
    final String simple;

    private NoteText(String original, String simple) {
        this.original = original;
        this.simple = simple;
    }

    /** Each char's simplified form, looked up in HanLP once per JVM; 0 = not looked up yet. */
    private static final char[] SIMPLE_CHAR = new char[Character.MAX_VALUE + 1];

    private static char simpleChar(char c) {
        char known = SIMPLE_CHAR[c];
        if (known != 0) return known;
        String one = HanLP.convertToSimplifiedChinese(String.valueOf(c));
        char v = one.length() == 1 ? one.charAt(0) : c;
        SIMPLE_CHAR[c] = v;   // a benign race: every thread computes the same value
        return v;
    }

    /** The note read with the built-in dialect lists. */
    static NoteText of(String original) {
        return of(original, BuiltInDialect.INSTANCE);
    }

    private static final class BuiltInDialect {
        static final Dialect INSTANCE = new Dialect(Lexicon.builtIn());
    }

    static NoteText of(String original, Dialect dialect) {
        String text = original == null ? "" : original;
        // most notes are already simplified: only a note with a traditional char goes through HanLP's phrase conversion
        boolean traditional = false;
        for (int i = 0; i < text.length() && !traditional; i++) {
            char c = text.charAt(i);
            traditional = c >= 0x3400 && simpleChar(c) != c;
        }
        String converted = !traditional ? text : HanLP.convertToSimplifiedChinese(text);
        if (converted.length() != text.length()) {
            StringBuilder sb = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) sb.append(simpleChar(text.charAt(i)));
            converted = sb.toString();
        }
        char[] chars = converted.toCharArray();
        for (int i = 0; i < chars.length; i++) chars[i] = narrow(chars[i]);
        dialect.apply(chars);   // 佢冇返屋企 → 他没回家里 (the dialect lists)
        // the Wuhan 港 for 讲 after a person (跟我港, 我跟她港), never in 香港 or 港口
        for (int i = 1; i < chars.length; i++) if (chars[i] == '港' && "我他她你".indexOf(chars[i - 1]) >= 0) chars[i] = '讲';
        return new NoteText(text, new String(chars));
    }

    /** Full-width digits, letters and common punctuation to their ASCII forms, length-preserving. */
    private static char narrow(char c) {
        if (c >= '０' && c <= '９') return (char) ('0' + (c - '０'));
        if (c >= 'Ａ' && c <= 'Ｚ') return (char) ('A' + (c - 'Ａ'));
        if (c >= 'ａ' && c <= 'ｚ') return (char) ('a' + (c - 'ａ'));
        return switch (c) {
            case '\u3000', '\t', '\u00a0' -> ' ';
            case '．' -> '.';
            case '：' -> ':';
            case '－' -> '-';
            case '／' -> '/';
            case '？' -> '?';
            case '！' -> '!';
            case '；' -> ';';
            case '，' -> ',';
            case '（' -> '(';
            case '）' -> ')';
            default -> c;
        };
    }

    int length() { return simple.length(); }

    /** Loads HanLP's conversion dictionary now (reader construction) rather than on the first note. */
    static void warmUp() {
        of("學習");
    }
}
