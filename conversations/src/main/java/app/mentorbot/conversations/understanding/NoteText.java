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

    static NoteText of(String original) {
        String text = original == null ? "" : original;
        String converted = text.isEmpty() ? text : HanLP.convertToSimplifiedChinese(text);
        if (converted.length() != text.length()) {
            StringBuilder sb = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                String one = HanLP.convertToSimplifiedChinese(String.valueOf(text.charAt(i)));
                sb.append(one.length() == 1 ? one.charAt(0) : text.charAt(i));
            }
            converted = sb.toString();
        }
        char[] chars = converted.toCharArray();
        for (int i = 0; i < chars.length; i++) chars[i] = narrow(chars[i]);
        return new NoteText(text, new String(chars));
    }

    /** Full-width digits, letters and common punctuation to their ASCII forms; length-preserving. */
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
}
