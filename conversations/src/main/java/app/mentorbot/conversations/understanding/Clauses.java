package app.mentorbot.conversations.understanding;

/**
 * Clause and sentence boundaries. Most conventions (past markers, negation, reported speech)
 * are scoped to the clause a word sits in, so "今天谈了，下周三再跟进" keeps its two halves apart.
 * A dot between digits (3.5, 85.5) is not a boundary.
 */
final class Clauses {
    private Clauses() {}

    static boolean isClauseBreak(String s, int i) {
        char c = s.charAt(i);
        if (c == '.') return !(i > 0 && i + 1 < s.length() && Character.isDigit(s.charAt(i - 1)) && Character.isDigit(s.charAt(i + 1)));
        if (c == ' ' || c == '\u3000') return spokenPause(s, i);
        if (c == '后' && i > 0 && s.charAt(i - 1) == '然') return true;   // 然后 sequences what was said: dictation's only pause
        return ",、;。!?\n…~～".indexOf(c) >= 0 || c == '：' || c == ':';
    }

    /** A space between two Chinese chars: voice input writes its pauses as spaces, and a pause parts clauses. */
    private static boolean spokenPause(String s, int i) {
        return i > 0 && i + 1 < s.length() && s.charAt(i - 1) > 0x2E7F && s.charAt(i + 1) > 0x2E7F;
    }

    static boolean isSentenceBreak(String s, int i) {
        char c = s.charAt(i);
        if (c == '.') return isClauseBreak(s, i);
        return "。!?;\n".indexOf(c) >= 0;
    }

    /** Start (inclusive) of the clause containing position i. The list comma 、 does not break a clause here. */
    static int clauseStart(String s, int i) {
        int j = Math.min(i, s.length()) - 1;
        while (j >= 0 && !(isClauseBreak(s, j) && s.charAt(j) != '、')) j--;
        return j + 1;
    }

    static int clauseEnd(String s, int i) {
        int j = i;
        while (j < s.length() && !(isClauseBreak(s, j) && s.charAt(j) != '、')) j++;
        return j;
    }

    /** Nothing but blanks follows the clause ending at {@code clauseEnd}: it is the note's last. */
    static boolean endsTheNote(String s, int clauseEnd) {
        return s.substring(Math.min(clauseEnd + 1, s.length())).isBlank();
    }

    static String clauseAt(String s, int i) {
        return s.substring(clauseStart(s, i), clauseEnd(s, Math.max(i, clauseStart(s, i))));
    }

    static int sentenceStart(String s, int i) {
        int j = Math.min(i, s.length()) - 1;
        while (j >= 0 && !isSentenceBreak(s, j)) j--;
        return j + 1;
    }

    /**
     * The sentence around position i; in dictated text, whose only pauses are spaces and which often
     * runs a whole story as one sentence, the clause with its neighbours on either side instead.
     */
    static String spokenSentenceAt(String s, int i) {
        int from = sentenceStart(s, i), to = sentenceEnd(s, i);
        boolean spoken = false;
        for (int j = from; j < to && !spoken; j++) spoken = (s.charAt(j) == ' ' || s.charAt(j) == '\u3000') && spokenPause(s, j);
        if (!spoken) return s.substring(from, to);
        int cs = clauseStart(s, i), ce = clauseEnd(s, i);
        int a = cs > from ? clauseStart(s, cs - 1) : cs;
        int b = ce < to ? clauseEnd(s, ce + 1) : ce;
        return s.substring(Math.max(a, from), Math.min(b, to));
    }

    static int sentenceEnd(String s, int i) {
        int j = i;
        while (j < s.length() && !isSentenceBreak(s, j)) j++;
        return j;
    }

    /**
     * Inside quotation marks (发了一句“明天不想醒来了”, 撂话'明天接着来'): someone's words, never the teacher's plan or medium. Typed
     * quotes (' and ") open and close alike, so each one met turns them on or off.
     */
    static boolean quoted(String s, int at) {
        int open = 0;
        boolean single = false, dbl = false;
        for (int i = 0; i < at; i++) {
            char c = s.charAt(i);
            if (c == '“' || c == '「' || c == '『' || c == '‘') open++;
            else if ((c == '”' || c == '」' || c == '』' || c == '’') && open > 0) open--;
            else if (c == '\'') single = !single;
            else if (c == '"') dbl = !dbl;
        }
        return open > 0 || single || dbl;
    }
}
