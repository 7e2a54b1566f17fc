package app.mentorbot.conversations.understanding;

import java.util.Arrays;
import java.util.function.ObjIntConsumer;

/**
 * A char trie from words to values: every word that starts at a given offset of a text is found
 * in one walk, at a cost set by the word's length and not by how many words there are. Used for
 * the name forms of a large roster and for the literal entries of the lexicon. Filled once, then
 * read only (safe to share across threads after construction).
 */
final class WordTrie<V> {
    private static final class Node<V> {
        char[] keys = new char[0];
        @SuppressWarnings("unchecked")
        Node<V>[] kids = new Node[0];
        V value;

        Node<V> child(char c) {
            int i = Arrays.binarySearch(keys, c);
            return i >= 0 ? kids[i] : null;
        }

        Node<V> childOrNew(char c) {
            int i = Arrays.binarySearch(keys, c);
            if (i >= 0) return kids[i];
            int at = -i - 1;
            char[] k = new char[keys.length + 1];
            @SuppressWarnings("unchecked")
            Node<V>[] n = new Node[kids.length + 1];
            System.arraycopy(keys, 0, k, 0, at);
            System.arraycopy(kids, 0, n, 0, at);
            k[at] = c;
            n[at] = new Node<>();
            System.arraycopy(keys, at, k, at + 1, keys.length - at);
            System.arraycopy(kids, at, n, at + 1, kids.length - at);
            keys = k;
            kids = n;
            return n[at];
        }
    }

    private final Node<V> root = new Node<>();
    /**
     * The first chars of all words (the root's keys): most offsets of a text start no word, and
     * this says so without a search. Built on first use after the last put; immutable, so a
     * racing reader sees either none (and builds its own) or a complete one.
     */
    private CharSet firstChars;
    private int size;

    /** The value stored for word, or null. */
    V get(String word) {
        Node<V> n = root;
        for (int i = 0; i < word.length() && n != null; i++) n = n.child(word.charAt(i));
        return n == null ? null : n.value;
    }

    void put(String word, V value) {
        if (word.isEmpty()) throw new IllegalArgumentException("empty word");
        Node<V> n = root;
        firstChars = null;
        for (int i = 0; i < word.length(); i++) n = n.childOrNew(word.charAt(i));
        if (n.value == null) size++;
        n.value = value;
    }

    int size() { return size; }

    /**
     * False when no word starts with the char at {@code start} (or start is the end of s). Only the
     * set's filter is asked: a char that passes it is looked up among the root's keys by the walk anyway.
     */
    boolean startsWord(CharSequence s, int start) {
        CharSet first = firstChars;
        if (first == null) firstChars = first = new CharSet(root.keys);
        return start < s.length() && first.mayContain(s.charAt(start));
    }

    /** Calls back with (value, end) for every word that starts at {@code start} of s, shortest first. */
    void matchesAt(CharSequence s, int start, ObjIntConsumer<V> found) {
        if (!startsWord(s, start)) return;
        Node<V> n = root;
        for (int i = start; i < s.length(); i++) {
            n = n.child(s.charAt(i));
            if (n == null) return;
            if (n.value != null) found.accept(n.value, i + 1);
        }
    }

    /** End of the longest word starting at {@code start}, or -1. */
    int longestAt(CharSequence s, int start) {
        if (!startsWord(s, start)) return -1;
        Node<V> n = root;
        int best = -1;
        for (int i = start; i < s.length(); i++) {
            n = n.child(s.charAt(i));
            if (n == null) break;
            if (n.value != null) best = i + 1;
        }
        return best;
    }
}
