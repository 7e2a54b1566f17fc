package app.mentorbot.conversations.understanding;

import java.util.List;

/**
 * The hashed character 1-, 2- and 3-grams of a stretch of a note, salted by which stretch it is (the characters before a
 * day or a name, after it, the thing itself), so that the same characters on either side are different features. The
 * small models that read a place in a note ({@link FollowUpModel}, {@link WordNameModel}) share it.
 */
final class StretchGrams {
    private StretchGrams() {
    }

    /** Adds the grams of {@code t} as the {@code stretch}-th stretch to {@code out}, as indices into a model's weights. */
    static void add(String t, int stretch, List<Integer> out) {
        for (int i = 0; i < t.length(); i++) {
            int h = 0x9E3779B9 * stretch;
            for (int len = 1; len <= 3 && i + len <= t.length(); len++) {
                h = (h ^ t.charAt(i + len - 1)) * 0x01000193;
                int mixed = (h ^ (h >>> 15)) * 0x2C1B3C6D;
                out.add((mixed ^ (mixed >>> 12) ^ len) & SituationModel.MASK);
            }
        }
    }
}
