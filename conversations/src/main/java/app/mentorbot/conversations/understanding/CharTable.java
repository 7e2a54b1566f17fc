package app.mentorbot.conversations.understanding;

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
