package app.mentorbot.conversations.understanding;

/**
 * Dialect words read as Mandarin, so that every later step (names, kinds, dates, the situation
 * lists and models) sees 他没回家 where the teacher wrote 佢冇返屋企. Entries come from the lexicon's
 * {@code dialect} lists as {@code from=to} of equal length: the note keeps its length, so offsets
 * still point at what was written. At each char the longest entry wins; {@code dialect} applies to
 * every note, {@code dialect-cantonese} only to a note in which a {@code dialect-cantonese-markers}
 * word occurs (话 is 说 there and speech elsewhere). Immutable once built.
 */
final class Dialect {
    private final WordTrie<String> everywhere = new WordTrie<>();
    private final WordTrie<String> cantonese = new WordTrie<>();
    /** Searched on its own (one scan): the lexicon's shared index would read the whole note's lists on a text about to change. */
    private final GatedPattern markers;

    Dialect(Lexicon lexicon) {
        for (String e : lexicon.entries("dialect")) {
            put(everywhere, e);
            put(cantonese, e);
        }
        for (String e : lexicon.entries("dialect-cantonese")) put(cantonese, e);
        markers = GatedPattern.compile(lexicon.alternation("dialect-cantonese-markers"));
    }

    private static void put(WordTrie<String> trie, String entry) {
        int eq = entry.indexOf('=');
        trie.put(entry.substring(0, eq), entry.substring(eq + 1));
    }

    /** The Mandarin reading of chars (already simplified), in place. */
    void apply(char[] chars) {
        String text = new String(chars);
        WordTrie<String> trie = markers.foundIn(text) ? cantonese : everywhere;
        for (int i = 0; i < chars.length; ) {
            int end = trie.longestAt(text, i);
            if (end < 0) {
                i++;
                continue;
            }
            trie.get(text.substring(i, end)).getChars(0, end - i, chars, i);
            i = end;
        }
    }

    /**
     * Whether a lexicon entry of a dialect list is well formed: {@code from=to}, both sides
     * non-empty and the same length. Null when it is; otherwise what is wrong.
     */
    static String problem(String entry) {
        int eq = entry.indexOf('=');
        if (eq <= 0 || eq == entry.length() - 1) return "a dialect entry is from=to";
        if (eq != entry.length() - 1 - eq) return "both sides of a dialect entry must be the same length";
        return null;
    }
}
