package app.mentorbot.adapters.wecom;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** WeCom counts text limits in UTF-8 bytes (a Chinese character is 3); cut only between code points. */
final class Utf8 {
    private Utf8() {}

    static int length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Pieces of at most {@code maxBytes} each, preferring to cut after a line break. */
    static List<String> split(String text, int maxBytes) {
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (length(rest) > maxBytes) {
            int cut = prefixChars(rest, maxBytes);
            int newline = rest.lastIndexOf('\n', cut - 1);
            if (newline >= cut / 2) cut = newline + 1;
            parts.add(rest.substring(0, cut));
            rest = rest.substring(cut);
        }
        if (!rest.isEmpty() || parts.isEmpty()) parts.add(rest);
        return parts;
    }

    /** The text cut to at most {@code maxBytes}, ending in "…" when cut. */
    static String truncate(String text, int maxBytes) {
        if (length(text) <= maxBytes) return text;
        return text.substring(0, prefixChars(text, maxBytes - 3)) + "…";
    }

    /** How many chars of {@code s} fit in {@code maxBytes}, never splitting a surrogate pair. */
    private static int prefixChars(String s, int maxBytes) {
        int bytes = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + n > maxBytes) break;
            bytes += n;
            i += Character.charCount(cp);
        }
        return Math.max(i, 1);
    }
}
