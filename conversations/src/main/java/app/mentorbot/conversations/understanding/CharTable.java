package app.mentorbot.conversations.understanding;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * An immutable map from chars to values in an open-addressing table, at most a third full: a char that
 * is not a key costs one hashed probe, usually into an empty slot. The reader asks "what starts with this
 * char?" at nearly every offset of a note, of tables with hundreds of keys, where a binary search costs
 * eight or nine steps.
 */
final class CharTable<V> {
    private final char[] keys;
    private final Object[] values;
    private final int mask;

    /** keys[i] maps to values[i]; the keys are distinct and no value is null. */
    CharTable(char[] keys, Object[] values) {
        int cap = 16;
        while (cap < keys.length * 3) cap <<= 1;
        this.keys = new char[cap];
        this.values = new Object[cap];
        this.mask = cap - 1;
        for (int k = 0; k < keys.length; k++) {
            int h = slot(keys[k]);
            while (this.values[h] != null) h = (h + 1) & mask;
            this.keys[h] = keys[k];
            this.values[h] = values[k];
        }
    }

    /**
     * For items that may each start with some chars ({@code startChars.get(k)}: those chars, empty for none, null for
     * any), the items each char may start, in index order, the any-char items in every entry. A char not in the table
     * may start only the items of {@link #anyStart}.
     */
    static CharTable<int[]> byStartChar(List<char[]> startChars) {
        Map<Character, BitSet> starting = new HashMap<>();
        BitSet any = new BitSet();
        for (int k = 0; k < startChars.size(); k++) {
            if (startChars.get(k) == null) any.set(k);
            else for (char c : startChars.get(k)) starting.computeIfAbsent(c, x -> new BitSet()).set(k);
        }
        char[] keys = new char[starting.size()];
        Object[] values = new Object[keys.length];
        int i = 0;
        for (var e : starting.entrySet()) {
            keys[i] = e.getKey();
            e.getValue().or(any);
            values[i++] = e.getValue().stream().toArray();
        }
        return new CharTable<>(keys, values);
    }

    /**
     * For each char of some item's chars ({@code chars.get(k)}, null for none), the items (bits by index, at most 64) that
     * hold it: a text read once tells which items it has any char of.
     */
    static CharTable<Long> bitsByChar(List<String> chars) {
        Map<Character, Long> bits = new HashMap<>();
        for (int k = 0; k < chars.size(); k++) {
            if (chars.get(k) != null) for (char c : chars.get(k).toCharArray()) bits.merge(c, 1L << k, (a, b) -> a | b);
        }
        char[] keys = new char[bits.size()];
        Object[] values = new Object[keys.length];
        int i = 0;
        for (var e : bits.entrySet()) {
            keys[i] = e.getKey();
            values[i++] = e.getValue();
        }
        return new CharTable<>(keys, values);
    }

    /** The items that may start with any char (of {@link #byStartChar}'s list), in index order. */
    static int[] anyStart(List<char[]> startChars) {
        return IntStream.range(0, startChars.size()).filter(k -> startChars.get(k) == null).toArray();
    }

    private int slot(char c) {
        return (c * 0x9E3779B1 >>> 16) & mask;
    }

    /** The value of c, or null. */
    @SuppressWarnings("unchecked")
    V get(char c) {
        for (int h = slot(c); values[h] != null; h = (h + 1) & mask) if (keys[h] == c) return (V) values[h];
        return null;
    }
}
