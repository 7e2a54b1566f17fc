package app.mentorbot.conversations.understanding;

import java.util.regex.Pattern;

/**
 * The words voice input puts between a teacher's thoughts (那个, 嗯, 就是, 然后): one list for every reader that looks past
 * them, so a note that opens 那个 嗯 李华今天… is read the same by the kind, the names and the days.
 */
final class Fillers {
    private Fillers() {}

    /** The fillers as an alternation, each its own repeats (嗯嗯, 啊啊). */
    static final String WORDS = "那个|嗯+|呃+|啊+|哦+|就是|然后";

    /** A filler or a blank (voice input writes its pauses as spaces). */
    static final String OR_BLANK = WORDS + "|\\s";

    private static final Pattern ANY = Pattern.compile(OR_BLANK);

    /** The text without its fillers and blanks. */
    static String strip(CharSequence s) {
        return ANY.matcher(s).replaceAll("");
    }
}
