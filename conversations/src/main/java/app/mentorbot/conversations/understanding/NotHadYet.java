package app.mentorbot.conversations.understanding;

import java.util.regex.Pattern;

/** An exchange the note names that has not happened yet (还没找她谈, 没来得及谈, 正在联系他舅舅). */
final class NotHadYet {
    private static final Pattern NOT_YET = Pattern.compile("(还?没(有|来得及|顾上)?|还未|未|没敢|不敢|正在)$");
    private static final Pattern ONLY_A_LITTLE = Pattern.compile("^[^,.;!?。]{0,2}(几句|两句|多久|一会|多少)");

    private NotHadYet() {
    }

    /** Whether the talk or contact word at [start, end) has not happened (没聊几句就哭了 is a talk: it was short). */
    static boolean at(String s, int start, int end) {
        return NOT_YET.matcher(s.substring(Clauses.clauseStart(s, start), start)).find()
                && !ONLY_A_LITTLE.matcher(s.substring(end)).find();
    }
}
