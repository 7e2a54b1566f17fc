package app.mentorbot.conversations.understanding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.hankcs.hanlp.dictionary.CoreDictionary;

/**
 * What we know about Chinese personal names without a name recogniser, from the lexicon's
 * surnames.txt and names-that-are-words.txt: surnames, compound ones included (so 欧阳晓雨 splits
 * as 欧阳 + 晓雨 and "和张伟谈心" is recognisably a person even when 张伟 is not on the roster), and
 * the everyday words a name or nickname can collide with (明明 "obviously", 高兴 "glad"): such
 * forms count as names only in name context.
 */
final class ChineseNames {
    private final Lexicon lexicon;
    private final Set<String> surnames;
    private final Set<String> words;

    /** For each stretch of a listed word, the longer listed words that contain it and where: 谢天 → (谢天谢地, 0). */
    private final Map<String, List<Map.Entry<String, Integer>>> containing = new HashMap<>();

    ChineseNames(Lexicon lexicon) {
        this.lexicon = lexicon;
        this.surnames = lexicon.words("surnames");
        this.words = lexicon.words("names-that-are-words");
        for (String w : words) {
            for (int a = 0; a < w.length(); a++) {
                for (int b = a + 2; b <= w.length(); b++) {
                    if (b - a == w.length()) continue;
                    containing.computeIfAbsent(w.substring(a, b), k -> new ArrayList<>()).add(Map.entry(w, a));
                }
            }
        }
    }

    /** True when s[start,end) sits inside an occurrence of a longer listed word (谢天 in 谢天谢地). */
    private static final String PLACE_AFTER = "县港镇屯寨湾岛村";

    boolean insideLongerWord(String s, int start, int end) {
        List<Map.Entry<String, Integer>> ws = containing.get(s.substring(start, end));
        if (ws != null) {
            for (var e : ws) {
                int at = start - e.getValue();
                if (at >= 0 && s.startsWith(e.getKey(), at)) return true;
            }
        }
        // a place named after it: 凌云县城, 秀英港, 向阳镇, 平安村 (not 站, 乡: 林立站在门口, 安宁乡下的奶奶)
        if (end < s.length() && PLACE_AFTER.indexOf(s.charAt(end)) >= 0) return true;
        // an idiom or word of HanLP's core dictionary around it: 常乐 in 知足常乐, 高飞 in 远走高飞
        for (int from = Math.max(0, start - 2); from <= start; from++) {
            for (int to = end; to <= Math.min(s.length(), end + 2) && to - from <= 4; to++) {
                if (to - from > end - start && CoreDictionary.contains(s.substring(from, to))) return true;
            }
        }
        return false;
    }

    boolean isSurname(String s) {
        return surnames.contains(s);
    }

    /** Length of the surname at the start of a full name: 2 for a compound surname, else 1. */
    int surnameLength(String fullName) {
        return lexicon.surnameLength(fullName);
    }

    /**
     * True when a name form is also an everyday word and so needs name context: listed in names-that-are-words,
     * or a word of HanLP's core dictionary (周全, 时光, 夏天, 高远: a school's roster brings its own such names).
     */
    boolean isWord(String form) {
        return words.contains(form) || form.length() >= 2 && CoreDictionary.contains(form);
    }
}
