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
     * The root's children in an open-addressing table: most offsets of a text start no word, and the
     * root has hundreds of keys, so the first step of a walk is one hashed probe instead of a binary
     * search. Built on first use after the last put; immutable, so a racing reader sees either none
     * (and builds its own) or a complete one.
     */
    private CharTable<Node<V>> firstStep;
    private int size;

    /** The root's child for the char at {@code start} of s: the node of the words starting there, or null. */
    private Node<V> first(CharSequence s, int start) {
        if (start >= s.length()) return null;
        CharTable<Node<V>> t = firstStep;
        if (t == null) firstStep = t = new CharTable<>(root.keys, root.kids);
        return t.get(s.charAt(start));
    }

    /** The value stored for word, or null. */
    V get(String word) {
        Node<V> n = root;
        for (int i = 0; i < word.length() && n != null; i++) n = n.child(word.charAt(i));
        return n == null ? null : n.value;
    }

    void put(String word, V value) {
        if (word.isEmpty()) throw new IllegalArgumentException("empty word");
        Node<V> n = root;
        firstStep = null;
        for (int i = 0; i < word.length(); i++) n = n.childOrNew(word.charAt(i));
        if (n.value == null) size++;
        n.value = value;
    }

    int size() { return size; }

    /** False when no word starts with the char at {@code start} (or start is the end of s). */
    boolean startsWord(CharSequence s, int start) {
        return first(s, start) != null;
    }

    /** Calls back with (value, end) for every word that starts at {@code start} of s, shortest first. */
    void matchesAt(CharSequence s, int start, ObjIntConsumer<V> found) {
        Node<V> n = first(s, start);
        for (int i = start + 1; n != null; i++) {
            if (n.value != null) found.accept(n.value, i);
            if (i >= s.length()) return;
            n = n.child(s.charAt(i));
        }
    }

    /** End of the longest word starting at {@code start}, or -1. */
    int longestAt(CharSequence s, int start) {
        Node<V> n = first(s, start);
        int best = -1;
        for (int i = start + 1; n != null; i++) {
            if (n.value != null) best = i;
            if (i >= s.length()) break;
            n = n.child(s.charAt(i));
        }
        return best;
    }
}
