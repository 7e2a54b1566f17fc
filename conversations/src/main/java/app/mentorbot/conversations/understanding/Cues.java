package app.mentorbot.conversations.understanding;

import java.util.ArrayList;
import java.util.List;

/**
 * One lexicon list, ready to search: its literal words in a {@link WordTrie} (a java.util.regex
 * alternation of literals tries every word at every offset; the trie walks each offset once) and
 * its {@code re:} entries, if any, as one regular expression. A match is the leftmost of either;
 * at the same offset the longer one.
 */
final class Cues {
    private final WordTrie<Boolean> words = new WordTrie<>();
    private final GatedPattern regex;

    Cues(List<String> entries, String regexPrefix) {
        List<String> res = new ArrayList<>();
        for (String e : entries) {
            if (e.startsWith(regexPrefix)) res.add(e.substring(regexPrefix.length()));
            else words.put(e, Boolean.TRUE);
        }
        this.regex = res.isEmpty() ? null : GatedPattern.compile(String.join("|", res));
    }

    /** A match: [start, end). */
    record Span(int start, int end) {}

    /** The leftmost match starting at or after {@code from}, or null. */
    Span find(CharSequence s, int from) {
        int bestStart = -1, bestEnd = -1;
        if (regex != null) {
            GatedPattern.Scan m = regex.scan(s);
            if (m.find(from)) {
                bestStart = m.start();
                bestEnd = m.end();
            }
        }
        int limit = bestStart < 0 ? s.length() : bestStart + 1;
        for (int i = from; i < limit; i++) {
            int e = words.longestAt(s, i);
            if (e > 0) {
                if (bestStart < 0 || i < bestStart || e > bestEnd) {
                    bestStart = i;
                    bestEnd = e;
                }
                break;
            }
        }
        return bestStart < 0 ? null : new Span(bestStart, bestEnd);
    }

    Span find(CharSequence s) {
        return find(s, 0);
    }

    /** All matches, left to right, not overlapping. */
    List<Span> findAll(CharSequence s) {
        List<Span> out = new ArrayList<>();
        int at = 0;
        Span m;
        while (at <= s.length() && (m = find(s, at)) != null) {
            out.add(m);
            at = Math.max(m.end(), m.start() + 1);
        }
        return out;
    }
}
