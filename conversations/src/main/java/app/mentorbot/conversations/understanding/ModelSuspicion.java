package app.mentorbot.conversations.understanding;

import java.util.List;

/**
 * What the models suspect when no list saw a risk: the riskiest sentence of a note by the sentence model
 * ({@link SituationModel#risks()}) that still reads as a risk on rereading (not denied, not explained by an accident, a
 * game or a story, not taken back), weighed together with what the whole note tells ({@link SituationModel#notes()}).
 *
 * <p>Why the whole note too: a sentence alone cannot tell "孩子这几天不想出门" after a grandfather's funeral from the same
 * words in a note where the teacher then calls the psychology teacher, nor a bloody nose a later sentence explains
 * (是跳高的时候自己磕横杆上了). The note model, trained on the training schools' whole notes, reads who called, what
 * happened next and what the teacher did about it; the sentence still names the situation the teacher is asked about.
 * Both are read; neither alone decides.
 */
final class ModelSuspicion {
    private static final GatedPattern VIRTUAL = GatedPattern.compile("游戏里|游戏中|在游戏|王者|吃鸡|和平精英|网游里");
    /** Where a game's quarrel reaches the real world: classmates, the class chat, school. */
    private static final GatedPattern REAL_WORLD = GatedPattern.compile("同学|群里|开学|放学后|在学校");

    /**
     * How likely a risk the sentence model must see for a sentence or a stretch to read as a risk on its own: a sentence
     * read again without its denials, an unanswered question about a risk, a finding that takes a signal back
     * (TakenBack). Until the thirteenth pass it alone made a suspicion; it was chosen then as follows: in steps of
     * 0.01, the lowest end of the highest plateau at which, leave one school out (ModelCrossCheck: the model trained
     * without a training school reads that school's notes), the lists and the model together still catch 99% of the
     * training schools' SAFETY notes (twenty-six schools: 0.09 and 0.10 both 1,100 of 1,110, precision 0.65 and 0.67;
     * 0.11 falls below 99% with 1,098; twenty-five schools had kept 0.11). 99% and not the 98% aimed at, since
     * the lists were tuned on these schools and catch more there than on notes never seen. Chosen again whenever schools
     * join the model's examples. Low, because a missed signal costs far more than a teacher's tap.
     */
    static final double MODEL_THRESHOLD = 0.09;

    /**
     * How sure of self-harm the model must be before its suspicion also marks PSYCH for the case conference: below it,
     * the teacher is still asked about SAFETY (recall first), but a faint read is no record of a student's mind. First chosen on
     * the training schools as they were read (PSYCH F1 0.837 → 0.893 at 0.4); leave one school out on fifty (twenty-second
     * pass, each model trained without the school it reads) PSYCH F1 0.853 at 0.4, 0.858 at 0.55, 0.860 at 0.7 and 0.85, so
     * the lower of the best two. SAFETY is not touched.
     */
    static final double SURE_OF_SELF_HARM = 0.7;

    /**
     * How strong the suspicion must be before the note is flagged SAFETY as suspected. The suspicion is the log-odds of
     * the riskiest sentence's risk plus the log-odds of the whole note's ({@link #suspicion}): two readers' evidence
     * added, so that a sentence the model is nearly sure of needs little from the rest of the note, and a faint sentence
     * needs a note that reads as a risk throughout. Chosen as the highest, in steps of 0.05, at which leave one school out
     * (both models trained without the school they read) the lists and the models together miss no more of the training
     * schools' SAFETY notes than the reader before it did.
     *
     * <p>Until the twenty-first pass the suspicion was 2 × the sentence's risk + the note's, at 0.37 (chosen by the same
     * rule on forty-two schools, 12 of 1,852 missed, 849 false alarms). On forty-six schools that sum missed 13 of 2,042
     * with 970 false alarms. The log-odds sum, with the note model weighing its features by their evidence
     * ({@link SituationModel#NOTE_EVIDENCE_SMOOTHING}), misses 13 at −5.05 (778 false alarms) and −4.95 (757), 14 at
     * −4.85 (741) and 15 at −4.75 (725). On sixty-two schools (twenty-fifth pass) the note model read all of them (sixteen
     * had been left out since the twenty-second pass, when one more signal missed at the same threshold kept them out):
     * with its examples of forty-six schools, −4.95 missed 19 of 2,793 with 1,142 false alarms; with all sixty-two, −4.95
     * misses 21 (1,065), −5.00 20 (1,072), −5.05 18 (1,083), −5.25 14 (1,135), so −5.05: one signal more and 59 false
     * alarms fewer.
     */
    static final double SUSPICION_THRESHOLD = -5.05;

    /**
     * How far below even odds (in log-odds) the note model must read a whole note before a situation the lists saw in it
     * is no suspicion: a note that reads as nothing at all, where the words the lists combined (不见了, 打起来, 天台) are
     * found harmless by a later sentence no rule knew. Chosen leave one school out on the fifty-eight training schools
     * (each note model trained without the school it reads), in whole steps, the highest that costs no signal: with the
     * note model of forty-six schools, below −8 22 of the lists' 157 false alarms went and no signal, below −7 27 and two
     * signals; with the note model of all sixty-two (twenty-fifth pass), below −7 34 of 168 and no signal, below −6 47
     * and one. Keyword signals are never weighed so.
     */
    static final double NOTHING_AT_ALL = -7;

    /** Whether the note model's risk of a whole note is below {@link #NOTHING_AT_ALL}. */
    static boolean readsAsNothing(double note) {
        return logOdds(note) < NOTHING_AT_ALL;
    }

    /** The suspicion of a sentence's risk in a note of the note model's risk: the sum of their log-odds. */
    static double suspicion(double sentence, double note) {
        return logOdds(sentence) + logOdds(note);
    }

    private static double logOdds(double p) {
        double q = Math.min(Math.max(p, 1e-9), 1 - 1e-9);
        return Math.log(q / (1 - q));
    }

    private final Cues accident, game, benignAbsence, unreachable;
    private final TakenBack takenBack;

    ModelSuspicion(Lexicon lexicon, TakenBack takenBack) {
        accident = lexicon.cues("situation-accident");
        game = lexicon.cues("situation-game");
        benignAbsence = lexicon.cues("situation-benign-absence");
        unreachable = lexicon.cues("situation-unreachable");
        this.takenBack = takenBack;
    }

    /** A person of any kind, named or not (他, 孩子, 有人, 哪个学生): someone a risk could be about. */
    private static final GatedPattern SOMEONE = GatedPattern.compile("他|她|孩|娃|学生|同学|人|谁|女生|男生|儿子|女儿|闺女|宝");

    /** The sentence the models suspect of a risk, or null: the riskiest that holds on rereading, if note and sentence together reach the threshold. */
    ModelSentences.Likeliest suspect(String s, ModelSentences sentences) {
        // a note that names no one (不好意思刚才发错了) holds no student's situation for the model to suspect
        if (s.indexOf(NoteText.NAME_MASK) < 0 && !SOMEONE.foundIn(s)) return null;
        // nor does one that is only thanks and wishes (新的一年还要靠你帮我记着孩子们的事): a list's signal there still counts.
        // Questions are still read: a question to the bot may tell of a risk (□□脸上的伤是谁打的？)
        if (Pleasantries.only(s)) return null;
        // a fight inside a video game (游戏里打了一架) hurts no one, whatever its words; classmates who take it to the class
        // chat or to school (在游戏里被几个同学骂，还被拉进群里…说“开学就弄你”) are no game
        List<ModelSentences.Likeliest> ranked = ModelSentences.ranked(SituationModel.risks(), sentences,
                (from, to) -> !VIRTUAL.foundIn(s.substring(from, to)) || REAL_WORLD.foundIn(s.substring(from, to)));
        if (ranked.isEmpty()) return null;
        double note = SituationModel.notes().read(sentences.whole()).risk();
        double top = ranked.get(0).guess().risk();
        // no sentence is riskier than the first: if it cannot reach the threshold, none can
        if (suspicion(top, note) < SUSPICION_THRESHOLD && !(top >= MODEL_THRESHOLD && A_NOT_A.foundIn(s))) return null;
        for (ModelSentences.Likeliest l : ranked) {
            String sentence = s.substring(l.from(), l.to());
            if (deniedOnRereading(sentence) || explained(l, sentence) || takenBack.at(s, l.from(), l.to())) continue;
            double risk = l.guess().risk();
            // 有没有不及格的？: a question put to the bot, not one the teacher asked a student
            boolean toTheBot = l.to() < s.length() && s.charAt(l.to()) == '?';
            return suspicion(risk, note) >= SUSPICION_THRESHOLD || risk >= MODEL_THRESHOLD && !toTheBot && askedUnanswered(sentence) ? l : null;
        }
        return null;
    }

    /**
     * The model read a fight in a sentence an accident or a game explains (打篮球被球砸到鼻子, 闹着玩), or an absence one a
     * reason explains while the student can be reached (请了假去医院陪他爸, 电话一直打得通): as the lists, no signal.
     */
    private boolean explained(ModelSentences.Likeliest best, String sentence) {
        // a fight or a beating the sentence explains by an accident or a game; a fight, bullying or flight in a story (电影, 情景剧)
        if ((best.guess().is(SituationModel.Label.FIGHT) || best.guess().is(SituationModel.Label.ABUSE))
                && (accident.find(sentence) != null || game.find(sentence) != null)) return true;
        if (best.guess().is(SituationModel.Label.BULLYING) && accidentAsserted(sentence)) return true;
        if (!best.guess().is(SituationModel.Label.SELF_HARM) && Fiction.STORY.foundIn(sentence)) return true;
        // a role in a play (演一个想跳楼的角色) is no one's wish; a film's suicide can still be the student's (recall first)
        if (Fiction.ROLE.foundIn(sentence)) return true;
        // a holiday (放假) sets the scene of an absence; it does not explain it
        if (best.guess().is(SituationModel.Label.RUNAWAY)) {
            String reasons = sentence.replace("放假", "");
            return benignAbsence.find(reasons) != null && unreachable.find(sentence) == null;
        }
        return false;
    }

    /** The words that call something an accident; the accident list's settings (体育课, 篮球) are where bullying happens too. */
    private static final GatedPattern ACCIDENT_STATED = GatedPattern.compile("不小心|意外");

    /**
     * An accident the teacher states, not one someone tells (纯属意外; not 说是自己摔的): most of the model's examples of
     * other risks are labelled BULLYING, so a fight is often read as bullying, and a stated accident explains it too.
     */
    private boolean accidentAsserted(String sentence) {
        for (int from = 0; from < sentence.length(); ) {
            int to = Clauses.clauseEnd(sentence, from);
            String clause = sentence.substring(from, to);
            if (ACCIDENT_STATED.foundIn(clause) && !TakenBack.ACCOUNT.foundIn(clause)) return true;
            from = to + 1;
        }
        return false;
    }

    /** Words that deny what their clause says (手腕上没有什么伤痕, 是我看错了): the model reads words, not their denial. */
    private static final GatedPattern DENIAL = GatedPattern.compile(
            "没有|并没|并未|并非|否认|排除|看错|误会|搞错|没再|不再|和好|没事了|人没事|好好的|转学了|现在没人|从来没|从没|没这回事|瞎传|乱传|不是真的|是假的|已经没事"
                    // 拌了几句嘴，没动手: the force the words could mean did not happen
                    + "|" + TakenBack.NO_FORCE);
    /** Crying is low mood (PSYCH), not a risk of its own. */
    private static final GatedPattern CRYING = GatedPattern.compile("哭|流泪|掉眼泪|抹眼泪|眼睛红|眼圈红");

    /**
     * The model's sentence without its denied or crying clauses no longer reads as a risk: "问了他，手腕上没有什么伤痕，是我看错了"
     * is the teacher taking a worry back, and "躲在被子里哭" alone is low mood.
     */
    private static boolean deniedOnRereading(String sentence) {
        boolean deniedSomewhere = DENIAL.foundIn(asked(sentence));   // a denial that is no A-not-A question
        if (!deniedSomewhere && !CRYING.foundIn(sentence)) return false;
        StringBuilder kept = new StringBuilder();
        int from = 0;
        while (from < sentence.length()) {
            int to = Clauses.clauseEnd(sentence, from);
            String clause = sentence.substring(from, to);
            boolean denies = DENIAL.foundIn(clause) || CRYING.foundIn(clause);
            // a question whose only "denial" is its 有没有 stays, unanswered, where it asks about a risk (问她有没有想过伤害自己);
            // 问她有没有告诉妈妈 goes, as before
            boolean keptQuestion = denies && !deniedSomewhere && !CRYING.foundIn(clause)
                    && SituationModel.risks().read(clause).risk() >= MODEL_THRESHOLD;
            if (!denies || keptQuestion) kept.append(clause).append('，');
            else if (clause.length() > RUN_ON) kept.append(withoutDenials(clause)).append('，');
            from = to + 1;
        }
        return SituationModel.risks().read(kept.toString()).risk() < MODEL_THRESHOLD;
    }

    /**
     * An A-not-A question asks, it denies nothing: 问她有没有想过伤害自己 (她没回答) is the teacher's worry, not 没有; nor is 是不是
     * 真的 a 不是真的. Only an answer that denies (她说没有) takes the question back with it. Written with the same length, so
     * places in the sentence stay where they were.
     */
    private static String asked(String sentence) {
        return sentence.replace("有没有", "有或无").replace("是不是", "是或否");
    }

    private static final GatedPattern A_NOT_A = GatedPattern.compile("有没有|是不是");

    /**
     * The teacher asked about a risk and no answer denied it (问她有没有想过伤害自己，她没回答): the teacher's own worry,
     * which the sentence alone makes a suspicion, whatever the rest of the note; 她说没有 takes it back. The question's own
     * clause must read as a risk: 问学校有没有寒假托管 asks about no risk, whatever else its sentence tells.
     */
    private static boolean askedUnanswered(String sentence) {
        String asked = asked(sentence);
        if (asked.equals(sentence) || DENIAL.foundIn(asked)) return false;
        for (int from = 0; from < sentence.length(); ) {
            int to = Clauses.clauseEnd(sentence, from);
            String clause = sentence.substring(from, to);
            if (A_NOT_A.foundIn(clause) && SituationModel.risks().read(clause).risk() >= MODEL_THRESHOLD) return true;
            from = to + 1;
        }
        return false;
    }

    /** A clause longer than this is a dictated run-on: only the words right after a denial go, not the whole clause. */
    private static final int RUN_ON = 24;

    private static String withoutDenials(String clause) {
        StringBuilder kept = new StringBuilder(clause);
        for (GatedPattern p : new GatedPattern[] {DENIAL, CRYING}) {
            GatedPattern.Scan m = p.scan(clause);
            while (m.find()) for (int i = m.start(); i < Math.min(clause.length(), m.end() + 8); i++) kept.setCharAt(i, ' ');
        }
        return kept.toString();
    }
}
