package app.mentorbot.conversations.understanding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ObjIntConsumer;

/**
 * All the searched lists of one lexicon at once: their literal words in one trie, each word marked with the lists that
 * hold it, and their regular expressions looked up by the char a match can start with. A note is walked once for every
 * list instead of once per list (the reader searches some sixty lists, mostly in the same note), and at each offset
 * only the lists with something that starts with its char are asked. A list joins when it is first searched
 * ({@link #register}); the index is rebuilt on the next search after one joins, which happens while readers are built,
 * not while they read. What was found in the last few texts is kept per thread, since the lists are searched one after
 * another in the same text.
 */
final class CueIndex {
    private final List<List<String>> lists = new ArrayList<>();   // by id; guarded by this
    private final List<GatedPattern> regexes = new ArrayList<>();  // by id, null for a list of words only; guarded by this
    private volatile Snapshot snapshot;
    private final PerThread<Hits[]> recent = new PerThread<>(() -> new Hits[RECENT]);
    private static final int RECENT = 4;

    /** Adds a list's literal words and its regular expression (or null); the id it returns names the list in {@link Hits}. */
    synchronized int register(List<String> words, GatedPattern regex) {
        lists.add(List.copyOf(words));
        regexes.add(regex);
        snapshot = null;
        return lists.size() - 1;
    }

    /** What every list finds at every offset of text (its longest word, its regex's match), for list {@code id} and all before it. */
    Hits in(String text, int id) {
        Snapshot snap = snapshot;
        if (snap == null || id >= snap.lists) snap = current();
        Hits[] kept = recent.get();
        for (Hits h : kept) if (h != null && h.snapshot == snap && (h.text == text || h.text.equals(text))) return h;
        Hits made = new Hits(snap, text);
        System.arraycopy(kept, 0, kept, 1, RECENT - 1);
        kept[0] = made;
        return made;
    }

    private synchronized Snapshot current() {
        if (snapshot == null) snapshot = new Snapshot(lists, regexes);
        return snapshot;
    }

    /**
     * The index of one moment's lists: a word's value is the bit set of the lists that hold it; a char's value the lists
     * (in id order) whose regular expression may start with it, those that may start with any char included.
     */
    private static final class Snapshot {
        final WordTrie<long[]> words = new WordTrie<>();
        final int lists;
        final GatedPattern[] regexes;
        final CharTable<int[]> regexStarting;
        final int[] regexAnyStart;

        Snapshot(List<List<String>> byId, List<GatedPattern> regexes) {
            lists = byId.size();
            this.regexes = regexes.toArray(new GatedPattern[0]);
            List<char[]> starts = new ArrayList<>();   // a list without a regex starts nothing
            for (GatedPattern r : this.regexes) starts.add(r == null ? new char[0] : r.startChars());
            regexStarting = CharTable.byStartChar(starts);
            regexAnyStart = CharTable.anyStart(starts);
            for (int id = 0; id < lists; id++) {
                for (String w : byId.get(id)) {
                    long[] in = words.get(w);
                    if (in == null) words.put(w, in = new long[(lists + 63) / 64]);
                    in[id >>> 6] |= 1L << id;
                }
            }
        }
    }

    /** The matches of one text: for each list, at each offset where one of its words starts the longest, and its regex's matches. */
    static final class Hits {
        private final Snapshot snapshot;
        private final String text;
        private int[] start = new int[16], end = new int[16], next = new int[16];
        private int count;
        private final int[] head, tail, regexHead, regexTail;

        private Hits(Snapshot snapshot, String text) {
            this.snapshot = snapshot;
            this.text = text;
            int lists = snapshot.lists;
            head = new int[lists];
            tail = new int[lists];
            regexHead = new int[lists];
            regexTail = new int[lists];
            Arrays.fill(head, -1);
            Arrays.fill(regexHead, -1);
            GatedPattern.Scan[] scans = new GatedPattern.Scan[lists];
            // at one offset: each list's longest word so far (-1: none yet), and which lists have one
            int[] longest = new int[lists], touched = new int[lists], touchedCount = new int[1];
            Arrays.fill(longest, -1);
            ObjIntConsumer<long[]> word = (holders, wordEnd) -> {   // shortest first, so the last is the longest
                for (int w = 0; w < holders.length; w++) {
                    for (long bits = holders[w]; bits != 0; bits &= bits - 1) {
                        int list = (w << 6) + Long.numberOfTrailingZeros(bits);
                        if (longest[list] < 0) touched[touchedCount[0]++] = list;
                        longest[list] = wordEnd;
                    }
                }
            };
            for (int i = 0; i < text.length(); i++) {
                int[] regexes = snapshot.regexStarting.get(text.charAt(i));
                for (int list : regexes == null ? snapshot.regexAnyStart : regexes) {
                    if (scans[list] == null) scans[list] = snapshot.regexes[list].scan(text);
                    int e = scans[list].endAt(i);
                    if (e >= 0) add(list, i, e, regexHead, regexTail);
                }
                touchedCount[0] = 0;
                snapshot.words.matchesAt(text, i, word);
                for (int t = 0; t < touchedCount[0]; t++) {
                    int list = touched[t];
                    add(list, i, longest[list], head, tail);
                    longest[list] = -1;
                }
            }
        }

        private void add(int list, int s, int e, int[] head, int[] tail) {
            if (count == start.length) {
                start = Arrays.copyOf(start, count * 2);
                end = Arrays.copyOf(end, count * 2);
                next = Arrays.copyOf(next, count * 2);
            }
            start[count] = s;
            end[count] = e;
            next[count] = -1;
            if (head[list] < 0) head[list] = count;
            else next[tail[list]] = count;
            tail[list] = count++;
        }

        /** The first match of list {@code id} starting in [from, limit): its index for {@link #start} and {@link #end}, or -1. */
        int first(int id, int from, int limit) {
            for (int h = head[id]; h >= 0; h = next[h]) {
                if (start[h] >= limit) return -1;
                if (start[h] >= from) return h;
            }
            return -1;
        }

        /** The first match of list {@code id}'s regular expression starting at or after {@code from}, or -1. */
        int firstRegex(int id, int from) {
            for (int h = regexHead[id]; h >= 0; h = next[h]) if (start[h] >= from) return h;
            return -1;
        }

        int start(int hit) {
            return start[hit];
        }

        int end(int hit) {
            return end[hit];
        }
    }
}
