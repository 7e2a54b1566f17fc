package app.mentorbot.conversations.roster;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Cleaning and comparing what people typed into roster cells. */
final class Text {
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern LIST_SEPARATORS = Pattern.compile("[、,，;；/\\s]+");

    private Text() {}

    /** A cell as a person reads it: trimmed, no-break and zero-width spaces gone; null becomes "". */
    static String clean(String s) {
        if (s == null) return "";
        return s.replace("\u0000", "").replace('\u00A0', ' ').replace('\u3000', ' ').replace("\u200B", "").replace("\uFEFF", "").strip();
    }

    /** An id as typed, with full-width letters and digits made ordinary: "Ｓ０１" is "S01". */
    static String id(String s) {
        return Normalizer.normalize(clean(s), Normalizer.Form.NFKC).strip();
    }

    /**
     * The key two spellings of one name share: full-width and half-width alike, no spaces,
     * case-insensitive, so 「高二（1）班」 and 「高二(1)班」 are one class.
     */
    static String key(String s) {
        return SPACES.matcher(Normalizer.normalize(clean(s), Normalizer.Form.NFKC)).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** Splits 「高二(1)班、高二(2)班」 (also , ， ; ； / and spaces) into its items. */
    static List<String> items(String s) {
        List<String> result = new ArrayList<>();
        for (String item : LIST_SEPARATORS.split(clean(s))) {
            if (!item.isBlank()) result.add(clean(item));
        }
        return result;
    }
}
