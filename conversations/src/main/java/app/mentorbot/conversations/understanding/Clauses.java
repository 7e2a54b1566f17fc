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
        return ",、;。!?\n…~～".indexOf(c) >= 0 || c == '：' || c == ':';
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

    static String clauseAt(String s, int i) {
        return s.substring(clauseStart(s, i), clauseEnd(s, Math.max(i, clauseStart(s, i))));
    }

    static int sentenceStart(String s, int i) {
        int j = Math.min(i, s.length()) - 1;
        while (j >= 0 && !isSentenceBreak(s, j)) j--;
        return j + 1;
    }

    static int sentenceEnd(String s, int i) {
        int j = i;
        while (j < s.length() && !isSentenceBreak(s, j)) j++;
        return j;
    }
}
