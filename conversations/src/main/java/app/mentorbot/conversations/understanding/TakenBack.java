package app.mentorbot.conversations.understanding;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Whether a note takes back a safety signal it holds: a rumour (有人传他被打了) it then denies (没这回事, 其实是打球撞的);
 * a past episode (上学期被人挂到空间那件事) it says is over (已经过去, 现在是好朋友); or what the teacher found out after
 * (结果是打流感疫苗, 后来一问是约他打篮球, 问清楚了，是下楼太挤自己踩空) when what was found holds no risk of its own. Someone's
 * account is not a finding (他说是自己摔的 may be a cover story), and a finding that is itself a risk (原来是被高年级的堵了)
 * takes nothing back. A signal with nothing taken back stays.
 */
final class TakenBack {
    /** Force that did not happen (拌了几句嘴，没动手, 没打起来): a denial the rumour's reader and the model's rereading share. */
    static final String NO_FORCE = "(没|没有|冇)(动(过)?手|打起来)";
    /** Someone's word for what happened (有人传, 听说, 有同学说): the note may go on to deny it. */
    private static final GatedPattern RUMOUR = GatedPattern.compile(
            "有(人|同学|家长)[^,.;!?。]{0,6}(说|传|讲)|听说|传言|据说|谣传|在传|传说|群里传|(班|年级)[里上]传|听讲"
                    // heard from someone named between (听别的家长讲, 听班上同学说)
                    + "|听[^,.;!?。我]{1,6}(说|讲)");
    private static final GatedPattern RUMOUR_DENIED = GatedPattern.compile(
            "没这回事|没有这回事|根本没有|瞎传|乱传|谣言|不是真的|是假的|误会|搞错了|看错了|其实是|原来是|同名同姓|不是(他|她|□+)"
                    // what the teacher found, not what someone says (说是自己摔的 may be a cover story)
                    + "|(?<!说)是(他|她|□+)?[^,.;!?。]{0,6}自己(摔|撞|磕|碰)|(跟|和)别人(没|莫得|没有)关系"
                    // the force the rumour told of did not happen (拌了几句嘴，没动手)
                    + "|(?<!说)" + NO_FORCE);
    /** An episode the note places in the past (上学期, 以前, 那件事)... */
    private static final GatedPattern PAST_EPISODE = GatedPattern.compile(
            "上个?学期|去年|以前|之前|那次|那件事|那段时间|那阵子|小学|初中的时候|初一的时候|当时|前几年|[两三四五几]年前|上次|上回|上趟|前阵子|前段时间");
    /** ...and says is over (已经过去, 不会再想, 现在是好朋友). */
    private static final GatedPattern OVER_NOW = GatedPattern.compile(
            "已经(完全)?过去|都过去了|早就过去|早过去了|算(是)?过去了|(慢慢|已经)?走出来了|不会再想|不再想|没再(划|割|想|犯)|已经和好|早就和好|现在(还|仍|仍然|都)?是好朋友|还是好朋友|现在(都|已经)?好了"
                    // it has not happened since, it was dealt with, the student has moved on (以后再没有过, 已经处理完了, 现在挺好的)
                    + "|再(也)?没有?(过|发生)|处理完了|(想|讲|说)明白了|现在挺好|现在(都|已经)?(挺|很)好的|(不|没)(再)?那样想了");
    /**
     * The teacher finding out what it was: what follows is a finding, not someone's account (晚上找他核实一下 is a plan to find
     * out, and so is a check its clause plans: {@link #plannedCheck}).
     */
    private static final GatedPattern FOUND_OUT = GatedPattern.compile(
            "原来|结果是|结果发现|其实是|一问(才知道|才晓得)?是|问清楚(?!再)|(查|弄|搞)清楚了|后来(才)?发现|问了才知道|问了才晓得|核实(?!一下|下)|查了监控|看了监控|虚惊一场|是误会|搞错了|看错了"
                    // 跑过去一看, 跑去医务室一看, 推门一看, 后来才知道: the teacher went and saw, or learnt later
                    // 冲进去一看, 掀开被子一看: the teacher went in or looked under, and saw
                    + "|(跑|走|冲|凑|赶|钻|爬)?(过|进|上|下|出)去一看|上前一看|走近一看|仔细一看|(跑|走|冲|赶)去[^,.;!?。]{1,5}一看|(推门|进门|开门)一看|掀开[^,.;!?。]{0,3}一看|后来才?(知道|晓得)"
                    // the teacher looked or asked, and states what it was (问了她，是晒伤过敏; 找她看了一下，是马克笔画的); a clause opening on
                    // 结果 (我赶紧冲过去，结果两个人在比…), not the results of a test (期中结果出来了)
                    + "|(问|看|查)了(他|她|□+)?(一下|一眼)?,\\s*(就|只|也|都)?是|(?<=[,.;!?。\\s])结果(?!出来|不错|还行|很好|怎么样)");

    /**
     * A check in [start, end) (问清楚, 核实) that its clause plans rather than reports: a plan word right before it (返学再问清楚,
     * 得核实), or a day or a plan earlier in its clause (周一到校我先找□□问清楚).
     */
    private static boolean plannedCheck(String s, int start, int end) {
        String word = s.substring(start, end);
        if (!word.startsWith("问清楚") && !word.startsWith("核实")) return false;
        if (start > 0 && "再要会去先等想得".indexOf(s.charAt(start - 1)) >= 0) return true;
        return PLANS_A_CHECK.matcher(s.substring(Clauses.clauseStart(s, start), start)).find();
    }

    private static final Pattern PLANS_A_CHECK = Pattern.compile("先|再|要|会|准备|打算|回头|明天|明早|后天|下周|周[一二三四五六日天末]|礼拜|星期|到校|返校");

    private final Predicate<String> risky;
    private final Predicate<String> listed;
    private final Predicate<String> keyword;

    /**
     * @param risky   whether a stretch of a note holds a risk of its own (the detector's lists and model)
     * @param listed  whether a stretch holds a risk by the lists alone (keywords and situations), without the model
     * @param keyword whether a stretch holds a risk keyword itself (被打, 欺负), which no play explains
     */
    TakenBack(Predicate<String> risky, Predicate<String> listed, Predicate<String> keyword) {
        this.risky = risky;
        this.listed = listed;
        this.keyword = keyword;
    }

    /** Play the teacher found (闹着玩, 闹着耍, 打闹, 笑成一团, 摆拍): force words in such a finding are a game (在抢一包辣条，笑得不得了). */
    private static final GatedPattern PLAY = GatedPattern.compile("闹着(玩|耍)|玩闹|打闹|开玩笑|在玩|(笑|乐)(得|成一团|作一团|趴)|哈哈|摆拍|在拍(抖音|快手|视频)");

    /** Whether the note takes back the signal read in [at, to) (a cue, or a whole sentence the model read). */
    boolean at(String s, int at, int to) {
        String upTo = s.substring(Clauses.sentenceStart(s, at), Math.max(at, to));
        String after = s.substring(at);
        if (RUMOUR.foundIn(upTo) && RUMOUR_DENIED.foundIn(after)) return true;
        if (PAST_EPISODE.foundIn(s.substring(Clauses.sentenceStart(s, at), Clauses.sentenceEnd(s, at))) && OVER_NOW.foundIn(after)) return true;
        return foundHarmless(s, at);
    }

    /**
     * Whether the signal at {@code at} is what the teacher went and saw (跑过去一看，□□让几个高年级的按在地上打): a look earlier
     * in its sentence, and no play in it (冲过去一看是几个男伢崽在玩警察抓小偷): the risk is what the teacher saw with their own
     * eyes, which no reading of the whole note outweighs. A finding told (原来是…, 问了才知道是…) is not seen.
     */
    static boolean seenByTheTeacher(String s, int at) {
        int looked = s.indexOf("一看", Clauses.sentenceStart(s, at));
        return looked >= 0 && looked + 2 <= at && !PLAY.foundIn(s.substring(looked + 2, Clauses.sentenceEnd(s, at)));
    }

    /** After the signal, the teacher found out what it was, and what was found holds no risk. */
    private boolean foundHarmless(String s, int at) {
        GatedPattern.Scan found = FOUND_OUT.scan(s.substring(at));
        boolean any;
        // 周一到校我先找□□问清楚: a check the teacher plans has found nothing yet
        while ((any = found.find()) && plannedCheck(s, at + found.start(), at + found.end())) {}
        if (!any) return false;
        int from = at + found.end();
        String finding = s.substring(from, Clauses.sentenceEnd(s, from));
        // 说是排球社垫球垫的，教练也证实了: a confirmation closing its sentence confirms what came before it
        if (CONFIRMATION_ONLY.matcher(finding).matches()) finding = s.substring(Math.max(at, Clauses.sentenceStart(s, from)), at + found.start());
        return !finding.isBlank() && (!riskyOnce(finding) || playFound(finding) && !keyword.test(finding)
                || safeNow(s, from, finding) && !listed.test(finding)
                || ALARMED.foundIn(s.substring(0, at + found.start())) && !listed.test(finding));
    }

    /**
     * The teacher's own alarm before the finding (我心一紧，跑上去一看，他在收被子): the teacher feared a risk and went to see,
     * so what they found answers it, whatever the model makes of its words, unless the lists see a risk in it
     * (跑过去一看，□□让几个高年级的按在地上打).
     */
    private static final GatedPattern ALARMED = GatedPattern.compile(
            "心(里|头)?(一紧|一沉|一慌|一揪|咯噔)|心一下子?(揪|提|悬|紧|沉)|心提到嗓子眼|咯噔一下|吓(了)?一(大)?跳|吓得我|吓坏了|吓死我了");

    /**
     * The teacher states, in the finding, that the student is safe (后来才晓得她去她嬢嬢家了，手机没电，…人好好的): the model's faint
     * reading of the finding's words (手机没电) no longer counts against it; a risk the lists see in it still does.
     */
    private static final GatedPattern SAFE_NOW = GatedPattern.compile(
            "人(都|也)?好好的|人(都|也)?没事|虚惊一场|一场虚惊|平平安安|安全到家|已经到家了|(?<=[,.;!?。\\s])没事了?(?=[,.;!?。\\s]|$)");

    /** The finding, or the sentence right after it (…孩子电话一直打得通。虚惊一场。), states the student is safe. */
    private static boolean safeNow(String s, int from, String finding) {
        if (SAFE_NOW.foundIn(finding)) return true;
        int next = Clauses.sentenceEnd(s, from) + 1;
        return next < s.length() && SAFE_NOW.foundIn(s.substring(next, Clauses.sentenceEnd(s, next)));
    }

    /**
     * Someone's account: an accident a student or a parent tells (说是自己摔的) may be a cover story, and play in it
     * (说是闹着玩的) is only their word, not what the teacher found.
     */
    static final GatedPattern ACCOUNT = GatedPattern.compile("说|讲|称|解释|声称|坚持|非说|咬定");

    /** Play the note tells only in someone's account (被几个人按在床上打，说是闹着玩的): their word, which takes nothing back. */
    static boolean playOnlyInAnAccount(String s) {
        GatedPattern.Scan play = PLAY.scan(s);
        while (play.find()) {
            if (ACCOUNT.foundIn(s.substring(Clauses.clauseStart(s, play.start()), play.start()))) return true;
        }
        return false;
    }

    private static boolean playFound(String finding) {
        GatedPattern.Scan play = PLAY.scan(finding);
        return play.find() && !ACCOUNT.foundIn(finding.substring(0, play.start()));
    }

    /** What is left after a confirmation word when it closes its sentence (教练也证实了). */
    private static final Pattern CONFIRMATION_ONLY = Pattern.compile("[了的。,.!\\s]*");

    private record Judged(String finding, boolean risky) {}

    /**
     * The last finding this detector judged on this thread: each cue of a note before the same finding asks about it
     * again. Per detector, since a school's own lists may judge the same words otherwise.
     */
    private final ThreadLocal<Judged> last = new ThreadLocal<>();

    private boolean riskyOnce(String finding) {
        Judged j = last.get();
        if (j != null && j.finding().equals(finding)) return j.risky();
        boolean r = risky.test(finding);
        last.set(new Judged(finding, r));
        return r;
    }
}
