package app.mentorbot.conversations.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Flags for the class head (ACADEMIC, PSYCH, FAMILY, SAFETY): one student's own state, stronger than
 * a topic, which the class head must see at the case conference. The cue
 * words come from the flag-*.txt lists of the {@link Lexicon}.
 *
 * <p>A cue counts only when it is affirmed and it is the student's. Affirmed: not negated in its
 * clause (没有被欺负, 情绪并没有很低落, 不是因为父母离婚), not the theme of a talk (如何应对考试焦虑,
 * 防欺凌主题), not a supposition (如果…, 以免…). The student's: the clause's subject is not
 * another person — a classmate (同桌父母离婚了), a parent (家长很焦虑), someone (有人被欺负) — unless
 * that person is only the agent or partner (被同学欺负, 和同学打架) or the student comes back
 * between (同桌说他…, 妈妈说孩子…). The subject is looked for in the whole sentence, since a
 * clause of reported speech (妈妈打电话来，说自己…) carries the speaker over. Low mood or withdrawal counts only when it
 * lasts (最近, 一直, 这两天...); a student the teacher marks (重点关注) is PSYCH whatever the words; stress or poor sleep
 * alone is a topic. Self-harm or suicide talk raises
 * SAFETY and PSYCH together.
 */
final class FlagDetector {
    /** A flag and the words that raised it; {@code suspected} when only a described situation did ({@link Situations}). */
    record Hit(Flag flag, int start, int end, boolean suspected) {
        Hit(Flag flag, int start, int end) {
            this(flag, start, end, false);
        }
    }

    private final Cues academic, selfHarm, safety, family, psychAlways, mood, lasting, marked, theme;
    private final Situations situations;
    private final TakenBack takenBack;
    private final ModelSuspicion suspicion;
    /**
     * How likely a family situation the family model must see in a sentence before the note is flagged FAMILY. Leave one
     * school out on fifty schools (twenty-second pass), with the note threshold below: FAMILY F1 0.821 at 0.5 and 0.6, 0.825
     * at 0.6 and 0.6, 0.830 at 0.6 and 0.5, 0.824 at 0.7 and 0.6, 0.812 at 0.4 and 0.6.
     */
    static final double FAMILY_THRESHOLD = 0.6;

    /**
     * How likely a student's ongoing low mood or anxiety the mood model must see in a sentence before the note is flagged
     * PSYCH when no mood word did. Chosen leave one school out on the training schools (PSYCH F1 0.852 → 0.864; 0.5, 0.6
     * and 0.7 tie within 0.002, the lowest kept for recall).
     */
    static final double MOOD_THRESHOLD = 0.5;

    /**
     * How likely a family in hardship the family note model must read in the whole note where nothing else found FAMILY.
     * Chosen leave one school out on the thirty training schools (every model trained without the school it reads), with
     * the student's-own check below: FAMILY F1 0.821 with no note model, 0.828 at 0.5, 0.830 at 0.6 (without the check 0.826
     * at 0.7, and 0.2 or 0.3 let in more false alarms than signals). Checked again on thirty-two schools (seventeenth pass,
     * gzh-county and xu-primary joined the examples): 0.8109 with none, 0.8228 at 0.3, 0.8222 at 0.4, 0.8207 at 0.6; a
     * tie within 0.002, so 0.6 stayed, with fewer false alarms (89 against 135). Fifty schools (twenty-second pass), with the
     * sentence threshold at 0.6: 0.830 at 0.5 against 0.825 at 0.6 (0.815 at 0.7 with the sentence threshold at 0.5).
     * Eighty-six schools (thirty-first pass, the family models reading all of them): 0.8646 at 0.4, 0.8624 at 0.5, 0.8602 at
     * 0.3, 0.8565 at 0.6, with the sentence threshold at 0.6 the best of 0.3–0.9; within about 0.002 again, so 0.5 stays,
     * with 51 fewer false alarms.
     */
    static final double FAMILY_NOTE_THRESHOLD = 0.5;
    /**
     * The same for PSYCH and the mood note model, chosen the same way: PSYCH F1 0.859 with none, 0.860 at 0.5, 0.862 at 0.6.
     * Eighty-six schools (thirty-first pass): 0.8710 at 0.6 with the sentence threshold at 0.5, 0.8715 with both at 0.6, so
     * both stay.
     */
    static final double MOOD_NOTE_THRESHOLD = 0.6;

    /** Negation words; checked close before the cue (4 chars), and the strong ones up to {@link #STRONG_REACH} chars before it in the clause. */
    private static final GatedPattern NEGATION = GatedPattern.compile("没有?|不|无|未|别|并非|否认");
    /** How far before a cue a strong negation may stand in its clause (并没有因为这件事被欺负: ten chars). */
    private static final int STRONG_REACH = 14;
    private static final GatedPattern STRONG_NEGATION = GatedPattern.compile(
            "没有|并没|并未|并非|并不|不是|否认|排除|谈不上|不存在|从没|从未|从不|也没|都没|没再|不再|不会|不至于|不像|以为");
    /** Negation-looking words that do not negate what follows (忍不住哭, 不停地哭, 不知道为什么一直哭). */
    private static final GatedPattern NOT_NEGATION = GatedPattern.compile(
            "不住|不了|不禁|不停|不由|不断|不知道?|不清楚|不明白|不出|没想到|没办法|没法|没多久|没几天|没人|不少|不久|差不多|不得不|不一会|不好意思");
    private static final Pattern NOBODY = Pattern.compile("(没人|没有人|没谁)$");
    private static final GatedPattern SUPPOSITION = GatedPattern.compile("如果|(?<![主需只就不重想还])要是|万一|假如|假设|以免|避免|免得|防止|担心会|怕他会|怕她会");
    /** A parent or grandparent, also by the student's pronoun or a local word (她妈…在电话里也哭了). */
    private static final String PARENTS = "家长|妈妈|爸爸|母亲|父亲|奶奶|爷爷|外婆|外公|(他|她)(妈|爸|娘|爹|奶|爷|姥)|姥姥|姥爷|阿婆|阿公|婆婆";
    /** People other than the student whose state a clause may describe. */
    private static final GatedPattern OTHER_PERSON = GatedPattern.compile(
            "同桌|室友|舍友|朋友|好友|表哥|表姐|表弟|表妹|堂哥|堂姐|哥哥|姐姐|弟弟|妹妹|邻居|别人|有人|其他同学|别的同学|另一个同学|"
                    + "几个同学|有同学|班上同学|班里同学|同学们|隔壁班|一个女孩|一个男孩|一个女生|一个男生|主人公|主角|老师|" + PARENTS);
    private static final Pattern PARENT_PERSON = Pattern.compile(PARENTS);
    /** A guardian who speaks of themselves (妈妈打电话来，说自己最近一直很焦虑). */
    private static final Pattern GUARDIAN_OF_THEMSELVES = Pattern.compile("(" + PARENTS + ")[^.;!?。]{0,10}[说讲][^,.;!?。]{0,2}自己");
    /** A mark in figures or in words (52分, 三十二), or a pass missed (不及格, 唔合格). */
    private static final Pattern A_MARK = Pattern.compile("[0-9零一二两三四五六七八九十百]|及格|合格");
    /** The student again: a pronoun or a masked name between the other person and the cue. */
    private static final Pattern STUDENT_AGAIN = Pattern.compile("他|她|□|孩子|孩儿|娃|本人");
    /** Before the other person, these make them an agent, partner or object, not the subject. */
    private static final GatedPattern OBJECT_MARK = GatedPattern.compile("被|和|跟|与|同|给|对|把|受|让|叫|帮|找|向|遭|替");

    FlagDetector(Lexicon lexicon) {
        academic = lexicon.cues("flag-academic");
        selfHarm = lexicon.cues("flag-self-harm");
        safety = lexicon.cues("flag-safety");
        family = lexicon.cues("flag-family");
        psychAlways = lexicon.cues("flag-psych");
        mood = lexicon.cues("flag-mood");
        lasting = lexicon.cues("flag-lasting");
        marked = lexicon.cues("flag-marked");
        theme = lexicon.cues("flag-theme");
        situations = new Situations(lexicon);
        takenBack = new TakenBack(this::risky, this::listed, this::holdsKeyword);
        suspicion = new ModelSuspicion(lexicon, takenBack);
        SituationModel.startTraining();   // on its own thread: start-up goes on, the first note reading a sentence waits
    }

    /**
     * Whether a note tells of a risk (SAFETY): the lists and the risk models, without the whole-note FAMILY and PSYCH
     * models, which only ever add those two flags.
     */
    boolean safetyIn(String s) {
        return find(s, new ModelSentences(s), false, false).stream().anyMatch(h -> h.flag() == Flag.SAFETY);
    }

    /** The flags of a note whose sentences the models may already have read ({@link KindSecondOpinion} reads it whole first). */
    List<Hit> find(String s, ModelSentences sentences) {
        return find(s, sentences, false, true);
    }

    /** Whether the note holds any flag: {@link #find} stopped at its first step that finds one (steps only ever add). */
    boolean anyIn(String s) {
        return !find(s, new ModelSentences(s), true, false).isEmpty();
    }

    /** The flags of a clause: as {@link #find}, without the models that read whole notes ({@link #anyIn} asks of clauses). */
    List<Hit> inClause(String s) {
        return find(s, new ModelSentences(s), false, false);
    }

    private List<Hit> find(String s, ModelSentences sentences, boolean firstOnly, boolean wholeNote) {
        List<Hit> hits = new ArrayList<>();
        any(s, academic, Flag.ACADEMIC, hits);
        if (hits.stream().noneMatch(h -> h.flag() == Flag.ACADEMIC)) any(s, FailingScores.in(s), Flag.ACADEMIC, hits);
        any(s, safety, Flag.SAFETY, hits);
        any(s, family, Flag.FAMILY, hits);
        any(s, psychAlways, Flag.PSYCH, hits);
        if (firstOnly && !hits.isEmpty()) return hits;
        List<int[]> goneOrEnding = new ArrayList<>();   // where a child runs away or talks of not being there
        for (Cues.Span harm : selfHarm.findAll(s)) {
            if (!counts(s, harm.start(), harm.end(), Flag.SAFETY)) continue;
            hits.add(new Hit(Flag.SAFETY, harm.start(), harm.end()));
            hits.add(new Hit(Flag.PSYCH, harm.start(), harm.end()));
            goneOrEnding.add(new int[] {harm.start(), harm.end()});
            break;
        }
        if (hits.stream().noneMatch(h -> h.flag() == Flag.SAFETY)) {
            // no keyword: the situation the note describes may still be one (recall first; the dialogue asks)
            List<Situations.Signal> signals = situations.find(s, (t, a, b) -> affirmed(t, a, false) && !hyperbole(t, a) && !takenBack(t, a) && !Fiction.told(t, a, b));
            if (wholeNote && harmlessWhole(s, sentences, signals)) signals = List.of();
            for (Situations.Signal sig : signals) {
                hits.add(new Hit(Flag.SAFETY, sig.start(), sig.end(), true));
                if (sig.kind() == Situations.Kind.SELF_HARM) hits.add(new Hit(Flag.PSYCH, sig.start(), sig.end(), true));
                if (sig.kind() == Situations.Kind.SELF_HARM || sig.kind() == Situations.Kind.RUNAWAY) {
                    goneOrEnding.add(new int[] {sig.start(), sig.end()});
                }
            }
        }
        if (firstOnly && !hits.isEmpty()) return hits;
        if (hits.stream().noneMatch(h -> h.flag() == Flag.SAFETY)) modelled(s, sentences, hits, goneOrEnding);
        if (firstOnly && !hits.isEmpty()) return hits;
        if (hits.stream().noneMatch(h -> h.flag() == Flag.FAMILY)) parentsAway(s, hits);
        if (hits.stream().noneMatch(h -> h.flag() == Flag.FAMILY)) familyModelled(s, sentences, hits, goneOrEnding);
        if (firstOnly && !hits.isEmpty()) return hits;
        // a clause asked about by the kind classifier is not a note: the note models read whole notes only
        if (wholeNote && hits.stream().noneMatch(h -> h.flag() == Flag.FAMILY)) {
            wholeNote(s, SituationModel.familyNotes(), SituationModel.family(), FAMILY_NOTE_THRESHOLD, Flag.FAMILY, sentences, hits);
        }
        Cues.Span mark = marked.find(s);
        boolean isMarked = mark != null;
        // the teacher marks the student for attention (列入重点关注): their concern is the class head's too
        if (isMarked && counts(s, mark.start(), mark.end(), Flag.PSYCH) && hits.stream().noneMatch(h -> h.flag() == Flag.PSYCH)) {
            hits.add(new Hit(Flag.PSYCH, mark.start(), mark.end()));
        }
        for (Cues.Span m : mood.findAll(s)) {
            if (!counts(s, m.start(), m.end(), Flag.PSYCH)) continue;
            String clause = Clauses.clauseAt(s, m.start());
            if (isMarked || lasting.find(clause) != null) {
                hits.add(new Hit(Flag.PSYCH, m.start(), m.end()));
                break;
            }
        }
        if (hits.stream().noneMatch(h -> h.flag() == Flag.PSYCH)) {
            // no mood word that lasts: the mood model reads each sentence (这阵子话少了很多, 饭也吃不下)
            ModelSentences.Likeliest best = ModelSentences.likeliest(SituationModel.mood(), sentences, MOOD_THRESHOLD, (from, to) -> true);
            // 妈妈打电话来，说自己最近一直很焦虑: a guardian speaking of their own state is not the student's mood
            if (best != null && affirmed(s, best.from(), false) && !takenBack(s, best.from(), best.to())
                    && !GUARDIAN_OF_THEMSELVES.matcher(s.substring(Clauses.sentenceStart(s, best.from()), best.to())).find()) {
                hits.add(new Hit(Flag.PSYCH, best.from(), best.to()));
            }
        }
        if (wholeNote && hits.stream().noneMatch(h -> h.flag() == Flag.PSYCH)) {
            wholeNote(s, SituationModel.moodNotes(), SituationModel.mood(), MOOD_NOTE_THRESHOLD, Flag.PSYCH, sentences, hits);
        }
        return hits;
    }

    /**
     * No list and no sentence saw the flag: a model of whole notes may still read it in the note as a whole (a family's
     * hardship told over three sentences, none of which says it alone). The flag's evidence is the sentence the
     * sentence model finds likeliest, however unlikely; it must be the student's (妈妈打电话来，说自己最近一直很焦虑 is
     * the mother's state, whatever the note model reads in its words).
     */
    private static void wholeNote(String s, SituationModel notes, SituationModel bySentence, double threshold, Flag flag,
                                  ModelSentences sentences, List<Hit> hits) {
        if (notes.read(sentences.whole()).risk() < threshold) return;
        ModelSentences.Likeliest where = ModelSentences.likeliest(bySentence, sentences, 0, (from, to) -> true);
        if (where != null && studentsOwn(s, where.to(), where.to(), flag)) hits.add(new Hit(flag, where.from(), where.to()));
    }

    /**
     * The lists' situations in a note the note model reads as nothing at all (不见了二十分钟…结果她在图书室帮忙): no suspicion.
     * Not where words of ending one's life stand in a story the student wrote (主人公最后写了遗书), nor where only someone's
     * account calls the force play (被几个人按在床上打，说是闹着玩的): both stay the student's.
     */
    private static boolean harmlessWhole(String s, ModelSentences sentences, List<Situations.Signal> signals) {
        if (signals.isEmpty() || TakenBack.playOnlyInAnAccount(s)) return false;
        if (signals.stream().anyMatch(g -> Fiction.ownHarmInAWrittenStory(s, g.start(), g.end()) || TakenBack.seenByTheTeacher(s, g.start()))) return false;
        return ModelSuspicion.readsAsNothing(SituationModel.notes().read(sentences.whole()).risk());
    }

    /** No list saw a situation: the models may still suspect one ({@link ModelSuspicion}), and the teacher is asked. */
    private void modelled(String s, ModelSentences sentences, List<Hit> hits, List<int[]> goneOrEnding) {
        ModelSentences.Likeliest best = suspicion.suspect(s, sentences);
        if (best == null) return;
        hits.add(new Hit(Flag.SAFETY, best.from(), best.to(), true));
        if (best.guess().is(SituationModel.Label.SELF_HARM) && best.guess().risk() >= ModelSuspicion.SURE_OF_SELF_HARM) {
            hits.add(new Hit(Flag.PSYCH, best.from(), best.to(), true));
        }
        if (best.guess().is(SituationModel.Label.SELF_HARM) || best.guess().is(SituationModel.Label.RUNAWAY)) {
            goneOrEnding.add(new int[] {best.from(), best.to()});
        }
    }

    /** Parents working in another place: 爸妈都在深圳工作, 妈妈这学期去外地上班了, 他爸爸又回深圳了, 爸妈都在澳洲. */
    private static final GatedPattern PARENTS_AT = GatedPattern.compile(
            "(爸妈|父母|爸爸妈妈|爸|妈|父亲|母亲)[^,.;!?。他她□说讲叔舅姑姨哥姐想]{0,8}?(在|去了?|到了?|回了?)([^,.;!?。\\s]{2,3}?)"
                    // 爸妈都在上海嘉定的电子厂, 她爸妈在福清工地, 他爸妈去年去了日本 一直是…: the place, then work or the clause's end
                    + "([^,.;!?。\\s]{0,8}?(厂|工地|干活|开店|摆摊)|打工|务工|工作|上班|做生意|跑项目|了|,|。|\\s|$)");

    private void parentsAway(String s, List<Hit> hits) {
        GatedPattern.Scan m = PARENTS_AT.scan(s);
        while (m.find()) {
            String place = m.group(3);
            if (!(place.startsWith("外") || place.endsWith("外") || "ns".equals(NameContext.nature(place)))) continue;
            // 出差 for a week is no family's situation; the student's own parents, affirmed
            if (!counts(s, m.start(), m.end(), Flag.FAMILY) || TRIP.foundIn(Clauses.clauseAt(s, m.start()))) continue;
            hits.add(new Hit(Flag.FAMILY, m.start(), m.end()));
            return;
        }
    }

    private static final GatedPattern TRIP = GatedPattern.compile("出差|旅游|开会|培训|探亲|过年|度假|玩");

    /**
     * No FAMILY word: the family model reads each sentence (parents working far away, a parent who 走了, a factory
     * closed with wages unpaid…). Not a suspicion to ask about: a FAMILY flag only puts the student on the case
     * conference's list. A sentence where the child runs away or talks of not being there is not read: its family
     * words (吵完出了门没回家, 不在了爸妈反而轻松) tell that risk, not a family in hardship; a hardship word (离婚, 去世,
     * 欠债) still counts there.
     */
    private void familyModelled(String s, ModelSentences sentences, List<Hit> hits, List<int[]> goneOrEnding) {
        ModelSentences.Likeliest best = ModelSentences.likeliest(SituationModel.family(), sentences, FAMILY_THRESHOLD,
                (from, to) -> goneOrEnding.stream().noneMatch(g -> g[0] < to && g[1] > from));
        if (best != null && affirmed(s, best.from(), false)) hits.add(new Hit(Flag.FAMILY, best.from(), best.to()));
    }

    private void any(String s, Cues p, Flag f, List<Hit> hits) {
        any(s, p.findAll(s), f, hits);
    }

    private void any(String s, List<Cues.Span> spans, Flag f, List<Hit> hits) {
        for (Cues.Span m : spans) {
            if (counts(s, m.start(), m.end(), f)) {
                hits.add(new Hit(f, m.start(), m.end()));
                return;
            }
        }
    }

    private boolean counts(String s, int at, int end, Flag f) {
        return affirmed(s, at) && !Fiction.notReal(s, at, end)
                && studentsOwn(s, at, end, f) && (f != Flag.SAFETY || !takenBack(s, at));
    }

    private boolean takenBack(String s, int at) {
        return takenBack.at(s, at, at);
    }

    private boolean takenBack(String s, int at, int to) {
        return takenBack.at(s, at, to);
    }

    /** A stretch that holds a risk keyword itself (被打, 欺负, 自残): the safety and self-harm lists. */
    private boolean holdsKeyword(String stretch) {
        return safety.find(stretch) != null || selfHarm.find(stretch) != null;
    }

    /** A stretch of a note that holds a risk by the keyword or the situation lists. */
    private boolean listed(String stretch) {
        return holdsKeyword(stretch) || !situations.find(stretch, (t, a, b) -> affirmed(t, a, false)).isEmpty();
    }

    /** A stretch of a note that holds a risk of its own, by the keyword lists, the situation lists or the model. */
    private boolean risky(String stretch) {
        if (listed(stretch)) return true;
        return ModelSentences.likeliest(SituationModel.risks(), new ModelSentences(stretch), ModelSuspicion.MODEL_THRESHOLD, (a, b) -> true) != null;
    }

    /** Not negated, not the theme of a talk, not a supposition. */
    boolean affirmed(String s, int at) {
        return affirmed(s, at, true);
    }

    /** "多得要死", "累得想死": a degree, not a wish; "作业写不完我要死了哈哈哈": a complaint laughed off in the same breath. */
    private static boolean hyperbole(String s, int at) {
        // 得 as a degree (累得), not the 得 of a verb (觉得活着没意思, 记得, 懂得, 显得)
        if (at > 0 && s.charAt(at - 1) == '得' && (at < 2 || "觉记懂显获使值晓舍认取".indexOf(s.charAt(at - 2)) < 0)) return true;
        // 这个实验做得我要死了: the degree's 得 with the one it weighs on between
        if (at > 1 && "我他她人".indexOf(s.charAt(at - 1)) >= 0 && s.charAt(at - 2) == '得' && s.startsWith("要死", at)) return true;
        int end = Clauses.sentenceEnd(s, at);
        return s.startsWith("要死了", at) && s.substring(at, end).contains("哈哈");
    }

    private boolean affirmed(String s, int at, boolean suppositionNegates) {
        int cs = Clauses.clauseStart(s, at);
        // 没人被欺负, 现在没人找他要钱了: nobody is the one acted on (没人 stays a non-negation elsewhere: 没人接)
        if (NOBODY.matcher(s.substring(cs, at)).find()) return false;
        String before = NOT_NEGATION.replaceAll(s.substring(cs, at), "__");
        String near = before.substring(Math.max(0, before.length() - 4));
        if (NEGATION.foundIn(near)) return false;
        // a dictated run-on is one clause: a negation far before the cue (屋头莫得人了…想从桥上跳下去) is about something else
        if (STRONG_NEGATION.foundIn(before.substring(Math.max(0, before.length() - STRONG_REACH)))) return false;
        if (suppositionNegates && SUPPOSITION.foundIn(before)) return false;
        return theme.find(ASKING_WHAT_HAPPENED.matcher(before).replaceAll("__")) == null;
    }

    /** 问他怎么回事, 问她怎么了: asking what happened, not how to handle a theme (怎么应对欺凌). */
    private static final Pattern ASKING_WHAT_HAPPENED = Pattern.compile("怎么(回事|了|样|搞的?|弄的?)");

    /**
     * The person is the one spoken to, opening someone's words ('老师,我有时候真的想死'; 她说:妈,我…): whose the words
     * are is the speaker's, not theirs.
     */
    private static boolean addressed(String s, int start, int end) {
        if (end >= s.length() || !Clauses.isClauseBreak(s, end) || start == 0) return false;
        return "“\"‘'「『:：说讲喊问".indexOf(s.charAt(start - 1)) >= 0;
    }

    /** The cue describes the student, not a classmate or a parent who is the clause's subject. */
    private static boolean studentsOwn(String s, int at, int end, Flag f) {
        // the sentence, not the clause: "妈妈打电话来，说自己最近一直很焦虑" is still the mother speaking of herself
        int cs = Clauses.sentenceStart(s, at);
        String before = s.substring(cs, at);
        GatedPattern.Scan o = OTHER_PERSON.scan(before);
        int oStart = -1, oEnd = -1;
        while (o.find()) if (!addressed(before, o.start(), o.end())) { oStart = o.start(); oEnd = o.end(); }
        if (oStart < 0) return true;
        String other = before.substring(oStart, oEnd);
        boolean parent = PARENT_PERSON.matcher(other).matches();
        // a family's hardship or loss is the student's, whoever in the family it is said of
        if (f == Flag.FAMILY && parent) return true;
        // a failing mark is a student's: a parent or a teacher who tells of it or asks about it sat no test (听普老师说…只考了三十二);
        // other words of struggle stay the subject's (她讲什么外婆都听不懂 is the grandmother's)
        if (f == Flag.ACADEMIC && (parent || other.equals("老师")) && A_MARK.matcher(s.substring(at, end)).find()) return true;
        // the mark must govern the person within its own clause: 来找我，说同桌… is not 找同桌
        int leadFrom = Math.max(Math.max(0, oStart - 6), Clauses.clauseStart(before, oStart));
        String lead = before.substring(leadFrom, oStart);
        if (OBJECT_MARK.foundIn(lead)) return true;
        // 他同桌 / □的妈妈: the other person named by the student's relation is still the subject
        String between = before.substring(oEnd);
        if (STUDENT_AGAIN.matcher(between).find()) return true;
        // 同桌欺负他: the student is the one acted on
        if (f == Flag.SAFETY) {
            String after = s.substring(end, Math.min(s.length(), end + 2));
            if (STUDENT_AGAIN.matcher(after).lookingAt()) return true;
        }
        return false;
    }
}
