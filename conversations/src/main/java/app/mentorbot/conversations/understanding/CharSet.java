package app.mentorbot.conversations.understanding;

import java.util.Arrays;

/**
 * An immutable set of chars that answers "no" for most chars from a few hundred bytes: a hashed
 * bit filter sized to the set (16 bits per member, at least 512), then, for chars that pass it, a
 * binary search of the members. The reader asks such a question at nearly every offset of a note
 * for dozens of patterns and word lists; a plain 64K-bit set per question (8 KB each) no longer
 * fitted in the cache, and the misses cost more than the tests.
 */
final class CharSet {
    private final char[] members;
    private final long[] filter;
    private final int shift;

    CharSet(char[] chars) {
        this.members = chars.clone();
        Arrays.sort(members);
        int bits = 512;
        while (bits < members.length * 16 && bits < 65536) bits <<= 1;
        this.filter = new long[bits / 64];
        this.shift = 32 - Integer.numberOfTrailingZeros(bits);
        for (char c : members) {
            int h = hash(c);
            filter[h >>> 6] |= 1L << h;
        }
    }

    /** The set of the chars whose bit is set in a 64K-bit set (as {@link FirstChars} builds them). */
    static CharSet ofBits(long[] bits) {
        StringBuilder sb = new StringBuilder();
        for (int w = 0; w < bits.length; w++) {
            for (long b = bits[w]; b != 0; b &= b - 1) sb.append((char) ((w << 6) + Long.numberOfTrailingZeros(b)));
        }
        return new CharSet(sb.toString().toCharArray());
    }

    static CharSet of(String chars) {
        return new CharSet(chars.toCharArray());
    }

    /** The members, sorted. */
    char[] members() {
        return members.clone();
    }

    boolean contains(char c) {
        int h = hash(c);
        if ((filter[h >>> 6] & (1L << h)) == 0) return false;
        return Arrays.binarySearch(members, c) >= 0;
    }

    private int hash(char c) {
        return (c * 0x9E3779B1) >>> shift;
    }
}
