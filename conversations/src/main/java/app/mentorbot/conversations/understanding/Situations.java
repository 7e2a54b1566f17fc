package app.mentorbot.conversations.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Safety signals read from the situation a note describes, not from a keyword. Teachers rarely
 * write 自残 or 霸凌; they write what they saw: marks on a wrist, a nosebleed after a quarrel, a
 * boy cornered in the toilet and made to pay, photos of a girl edited and spread in a group chat,
 * a child who slammed the door and has not come home with the phone off.
 *
 * <p>A situation is a combination of concept classes found in one sentence, each class a word
 * list of the {@link Lexicon} ({@code situation-*.txt}), so a new paraphrase is caught when its
 * parts are known, whatever the sentence around them:
 * <ul>
 * <li>self-harm: talk of ending or not being there (situation-end), a farewell (situation-farewell),
 *     means or heights (situation-means), a cut mark on a body part (situation-body + situation-cut),
 *     another mark on a body part with no accident named (+ situation-wound, − situation-accident),
 *     covering up in the heat (situation-sleeves);</li>
 * <li>fight: physical force (situation-force), or an injury together with conflict between people
 *     (situation-injury + situation-conflict) — unless the sentence is about play (situation-game);</li>
 * <li>bullying: threats (situation-threat), coercion with money, belongings or a cornering place (situation-coerce +
 *     situation-valuables), mocking or excluding with a crowd, the internet or repetition
 *     (situation-humiliate + situation-crowd) — not when a teacher or parent is the one acting —
 *     or fear of school, a place or certain students (situation-fear);</li>
 * <li>running away: not coming home or back (situation-absent), unless a reason explains it
 *     (situation-benign-absence) and the student can still be reached (situation-unreachable).</li>
 * </ul>
 * Every anchor must pass the caller's test (not negated, not the theme of a lesson). Unlike other
 * flags, a supposition counts (如果我不在了 is the signal) and so does another student at risk
 * (同桌老说活着没意思): the class head must hear of any child in danger. These signals are
 * indirect: the note is flagged SAFETY as 疑似 and the dialogue asks the teacher.
 */
final class Situations {
    enum Kind { SELF_HARM, FIGHT, BULLYING, RUNAWAY }

    record Signal(Kind kind, int start, int end) {}

    /** The caller's test for an anchor: affirmed in its clause and about the student. */
    interface Check {
        boolean counts(String s, int start, int end);
    }

    private final Cues end, farewell, means, body, cut, wound, sleeves, injury, conflict, force, accident,
            coerce, valuables, humiliate, crowd, absent, unreachable, benign, fear, game, threat;

    /** A teacher or a parent acting (老师骂了他, 妈妈让他交手机): discipline or family, not bullying. */
    private static final Pattern AUTHORITY = Pattern.compile("老师|班主任|校长|主任|教官|家长|爸|妈|父亲|母亲|爷爷|奶奶|外公|外婆");

    Situations(Lexicon lexicon) {
        end = lexicon.cues("situation-end");
        farewell = lexicon.cues("situation-farewell");
        means = lexicon.cues("situation-means");
        body = lexicon.cues("situation-body");
        cut = lexicon.cues("situation-cut");
        wound = lexicon.cues("situation-wound");
        sleeves = lexicon.cues("situation-sleeves");
        injury = lexicon.cues("situation-injury");
        conflict = lexicon.cues("situation-conflict");
        force = lexicon.cues("situation-force");
        accident = lexicon.cues("situation-accident");
        coerce = lexicon.cues("situation-coerce");
        valuables = lexicon.cues("situation-valuables");
        humiliate = lexicon.cues("situation-humiliate");
        crowd = lexicon.cues("situation-crowd");
        absent = lexicon.cues("situation-absent");
        unreachable = lexicon.cues("situation-unreachable");
        benign = lexicon.cues("situation-benign-absence");
        fear = lexicon.cues("situation-fear");
        game = lexicon.cues("situation-game");
        threat = lexicon.cues("situation-threat");
    }

    List<Signal> find(String s, Check check) {
        List<Signal> out = new ArrayList<>();
        boolean reachable = unreachable.find(s) == null;
        // an injury and a conflict may sit in two sentences (脸上有伤。…和对方家长一起处理); an accident named anywhere explains it
        boolean conflictInNote = conflict.find(s) != null && accident.find(s) == null && game.find(s) == null;
        int from = 0;
        while (from < s.length()) {
            int to = Clauses.sentenceEnd(s, from);
            if (to > from) sentence(s, from, to, check, reachable, conflictInNote, out);
            from = to + 1;
        }
        return out;
    }

    private void sentence(String s, int from, int to, Check check, boolean reachable, boolean conflictInNote, List<Signal> out) {
        String t = s.substring(0, to);   // offsets stay those of the note; lookbehinds see the note's start
        // self-harm
        Cues.Span a = first(t, from, check, end, farewell, means, sleeves);
        if (a == null) {
            Cues.Span mark = first(t, from, check, cut);
            if (mark == null && !has(t, from, accident)) mark = first(t, from, check, wound);
            if (mark != null && has(t, from, body)) a = mark;
        }
        if (a != null) out.add(new Signal(Kind.SELF_HARM, a.start(), a.end()));

        boolean play = has(t, from, game);
        // fight
        if (!play) {
            Cues.Span f = first(t, from, check, force);
            if (f == null && !has(t, from, accident) && (has(t, from, conflict) || conflictInNote)) f = first(t, from, check, injury);
            if (f != null) out.add(new Signal(Kind.FIGHT, f.start(), f.end()));
        }
        // bullying
        Cues.Span b = null;
        Cues.Span c = first(t, from, check, coerce);
        if (c != null && has(t, from, valuables) && !byAuthority(t, from, c.start())) b = c;
        if (b == null && !play) {
            Cues.Span h = first(t, from, check, humiliate);
            if (h != null && has(t, from, crowd) && !byAuthority(t, from, h.start())) b = h;
        }
        if (b == null) b = first(t, from, check, fear, threat);
        if (b != null) out.add(new Signal(Kind.BULLYING, b.start(), b.end()));
        // running away
        Cues.Span r = first(t, from, check, absent);
        if (r != null && (!has(t, from, benign) || !reachable)) out.add(new Signal(Kind.RUNAWAY, r.start(), r.end()));
    }

    /** The first span of any of the lists, in [from, end of t), that passes the check. */
    private static Cues.Span first(String t, int from, Check check, Cues... lists) {
        for (Cues list : lists) {
            Cues.Span m;
            int at = from;
            while ((m = list.find(t, at)) != null) {
                if (check.counts(t, m.start(), m.end())) return m;
                at = Math.max(m.end(), m.start() + 1);
            }
        }
        return null;
    }

    private static boolean has(String t, int from, Cues list) {
        return list.find(t, from) != null;
    }

    /** A teacher or parent named in the clause before the act: the one acting (老师骂了他, 被妈妈骂). */
    private static boolean byAuthority(String t, int from, int at) {
        return AUTHORITY.matcher(t.substring(Math.max(from, Clauses.clauseStart(t, at)), at)).find();
    }
}
