package app.mentorbot.conversations.understanding;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
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

    /** The caller's test for an anchor's words at [start, end): not negated, not a lesson's theme. */
    interface Check {
        boolean counts(String s, int start, int end);
    }

    private final Cues end, farewell, means, body, cut, wound, sleeves, injury, conflict, force, accident,
            coerce, valuables, humiliate, crowd, absent, unreachable, benign, fear, game, threat, evasive;

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
        evasive = lexicon.cues("situation-evasive");
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
        Spans n = new Spans(s);   // each list is searched once over the note, and only when needed
        List<Signal> out = new ArrayList<>();
        int from = 0;
        while (from < s.length()) {
            int to = Clauses.sentenceEnd(s, from);
            if (to > from) sentence(n, from, to, check, out);
            from = to + 1;
        }
        return out;
    }

    /** Anchors first; the lists that only qualify an anchor (accident, crowd, game...) are read only when one is found. */
    private void sentence(Spans n, int from, int to, Check check, List<Signal> out) {
        int all = n.text.length();
        // self-harm
        Cues.Span a = n.first(from, to, check, end, farewell, means, sleeves);
        if (a == null) {
            Cues.Span mark = n.first(from, to, check, cut);
            if (mark == null) {
                mark = n.first(from, to, check, wound);
                if (mark != null && n.has(accident, from, to)) mark = null;
            }
            if (mark != null && n.has(body, from, to)) a = mark;
        }
        if (a != null) out.add(new Signal(Kind.SELF_HARM, a.start(), a.end()));

        // fight
        // 被球砸到鼻子: a ball is no one's force
        Cues.Span f = n.first(from, to, (t, x, y) -> check.counts(t, x, y) && t.substring(x, y).indexOf('球') < 0, force);
        if (f == null) {
            Cues.Span hurt = n.first(from, to, check, injury);
            // an injury and a conflict may sit in two sentences (脸上有伤。…和对方家长一起处理); an accident named anywhere explains it
            if (hurt != null && !n.has(accident, from, to)
                    && (n.has(conflict, from, to) || (n.has(conflict, 0, all) && !n.has(accident, 0, all) && !n.has(game, 0, all)))) f = hurt;
            // an injury the student explains away while evading (说是自己磕的…眼神一直躲): the explanation is no accident
            if (f == null && hurt != null && n.has(evasive, 0, all) && !n.has(game, from, to)) f = hurt;
        }
        // play explains the force of its own clause (游戏里打了一架); a quarrel over a game ends in a real fight (为了打游戏的事吵起来，被按在地上打)
        if (f != null && !n.has(game, Math.max(from, Clauses.clauseStart(n.text, f.start())), Math.min(to, Clauses.clauseEnd(n.text, f.start())))) {
            out.add(new Signal(Kind.FIGHT, f.start(), f.end()));
        }

        // bullying
        Cues.Span b = null;
        Cues.Span c = n.first(from, to, check, coerce);
        if (c != null && n.has(valuables, from, to) && !byAuthority(n.text, from, c.start())) b = c;
        if (b == null) {
            Cues.Span h = n.first(from, to, check, humiliate);
            if (h != null && n.has(crowd, from, to) && !byAuthority(n.text, from, h.start()) && !n.has(game, from, to)) b = h;
        }
        if (b == null) b = n.first(from, to, check, fear, threat);
        if (b != null) out.add(new Signal(Kind.BULLYING, b.start(), b.end()));

        // running away
        Cues.Span r = n.first(from, to, (t, x, y) -> check.counts(t, x, y) && !familysAbsence(t, from, x), absent);
        if (r != null && (!n.has(benign, from, to) || n.has(unreachable, 0, all))) out.add(new Signal(Kind.RUNAWAY, r.start(), r.end()));
    }

    /** The matches of each list in one note, found once and looked up by sentence. */
    private static final class Spans {
        final String text;
        private final Map<Cues, List<Cues.Span>> found = new IdentityHashMap<>();

        Spans(String text) {
            this.text = text;
        }

        List<Cues.Span> of(Cues list) {
            return found.computeIfAbsent(list, l -> l.findAll(text));
        }

        boolean has(Cues list, int from, int to) {
            for (Cues.Span m : of(list)) if (m.start() >= from && m.start() < to) return true;
            return false;
        }

        /** The first span of any of the lists within [from, to) that passes the check. */
        Cues.Span first(int from, int to, Check check, Cues... lists) {
            for (Cues list : lists) {
                for (Cues.Span m : of(list)) {
                    if (m.start() >= from && m.start() < to && check.counts(text, m.start(), m.end())) return m;
                }
            }
            return null;
        }
    }

    /**
     * A family member (他爸, 她妈, 爸妈, 他哥): who the absence may be of. Whole words, not {@link KinWords}' starts: 娘 of
     * 娘俩, 姨 of 阿姨 or 家长 would take a child who left with a parent, or a dorm keeper, for the one away.
     */
    private static final String KIN = "(?:他|她|□+)?(?:爸爸?|妈妈?|爸妈|父母|父亲|母亲|哥哥?|姐姐?|弟弟|妹妹|爷爷|奶奶|外公|外婆|姥姥|姥爷|阿爸|阿妈|阿嫫|额吉)"
            // local words for a parent that are words of their own only after whose (他娘, 她爹, 孩子他老汉): 娘俩 is no mother
            + "|(?:他|她|□+)(?:娘|爹|老汉)";
    /** The last person the sentence names before the absence: a family member (group 1) or the student (他, 孩子, a masked name). */
    private static final Pattern LAST_PERSON = Pattern.compile("(" + KIN + ")|(?:□+|他|她|孩子|娃|儿子|女儿|闺女)");
    /** Between a family member and the absence: they tell it (说, 打电话来), so the absence is someone else's, the student's. */
    private static final Pattern TELLS = Pattern.compile("说|讲|称|问|反映|电话|来电|微信|消息|发现|以为|急");
    /** Just before a family member: they act on or go with the one absent (被他爸赶出去, 跟他妈去了外婆家). */
    private static final Pattern MARKS_OBJECT = Pattern.compile("[被跟和同与给找让叫把]$");

    /**
     * The one not coming home is a family member, not the student: the last person the sentence names before the absence
     * is a parent or a sibling who does not tell it (她妈没回来, 爸妈在美国开店，已经三年没回来了, 他哥昨晚上夜班没回来). A
     * parent who tells of it (他爸打电话来说昨晚没回家) speaks of the student.
     */
    private static boolean familysAbsence(String t, int sentenceFrom, int at) {
        Matcher m = LAST_PERSON.matcher(t.substring(sentenceFrom, at));
        int kinFrom = -1, kinTo = -1;
        boolean kin = false;
        while (m.find()) {
            kin = m.group(1) != null;
            kinFrom = m.start();
            kinTo = m.end();
        }
        if (!kin) return false;
        String before = t.substring(sentenceFrom, sentenceFrom + kinFrom);
        return !MARKS_OBJECT.matcher(before).find() && !TELLS.matcher(t.substring(sentenceFrom + kinTo, at)).find();
    }

    /** A teacher or parent named in the clause before the act: the one acting (老师骂了他, 被妈妈骂). */
    private static boolean byAuthority(String t, int from, int at) {
        return AUTHORITY.matcher(t.substring(Math.max(from, Clauses.clauseStart(t, at)), at)).find();
    }
}
