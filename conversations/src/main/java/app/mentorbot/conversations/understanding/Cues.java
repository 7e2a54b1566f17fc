package app.mentorbot.conversations.understanding;

import java.util.ArrayList;
import java.util.List;

/**
 * One lexicon list, ready to search: its literal words in the lexicon's {@link CueIndex} (a java.util.regex
 * alternation of literals tries every word at every offset; the index walks each offset of a note once, for
 * all lists at a time) and its {@code re:} entries, if any, as one regular expression. A match is the leftmost
 * of either; at the same offset the longer one.
 */
final class Cues {
    private final CueIndex index;
    private final int id;

    Cues(List<String> entries, String regexPrefix, CueIndex index) {
        List<String> res = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (String e : entries) {
            if (e.startsWith(regexPrefix)) res.add(e.substring(regexPrefix.length()));
            else words.add(e);
        }
        this.index = index;
        this.id = index.register(words, res.isEmpty() ? null : GatedPattern.compile(String.join("|", res)));
    }

    /** A match: [start, end). */
    record Span(int start, int end) {}

    /** The leftmost match starting at or after {@code from}, or null. */
    Span find(CharSequence s, int from) {
        CueIndex.Hits found = index.in(s.toString(), id);
        int bestStart = -1, bestEnd = -1;
        int r = found.firstRegex(id, from);
        if (r >= 0) {
            bestStart = found.start(r);
            bestEnd = found.end(r);
        }
        int limit = bestStart < 0 ? s.length() : bestStart + 1;
        int w = found.first(id, from, limit);
        if (w >= 0 && (bestStart < 0 || found.start(w) < bestStart || found.end(w) > bestEnd)) {
            bestStart = found.start(w);
            bestEnd = found.end(w);
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
