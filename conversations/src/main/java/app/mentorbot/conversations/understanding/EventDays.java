package app.mentorbot.conversations.understanding;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The days of a note, once its kind is known: the day a reported exchange happened (today when unsaid), the
 * day the teacher plans a follow-up for, and the day a reminder is due. Days in someone's words, days that date
 * what was talked about (谈了昨天的事) and school events (下周月考) are told apart from the teacher's own plans.
 */
final class EventDays {
    private EventDays() {}

    /** Words that mark a planned follow-up in the clause of a future date (再跟进, 下周五交...). */
    private static final GatedPattern FOLLOW_UP = GatedPattern.compile(
            "再|跟进|提醒|回访|复查|交|约|找|检查|看看|问问|关注|继续|落实|反馈|谈|聊|家访|联系|观察|之前|以前|前");

    /**
     * The day the reported thing happened. In a narrative note a past day may belong to the story
     * (金鑫这周三小测45分。周五我找他谈了谈), so the day in the sentence that names the exchange wins
     * (the last one before the exchange word, else the first after it); failing that, the latest day told
     * before that sentence; a note that opens with its exchange and names no day for it is today's. A note
     * naming no exchange (an observation) takes its first past or today expression. Days in someone's words,
     * days that date what was talked about (谈了昨天中午的事) and a plan later today never count.
     */
    static DateResolver.TimeExpr eventTime(String s, List<DateResolver.TimeExpr> times, KindClassifier.Decision decision, LocalTime now) {
        List<DateResolver.TimeExpr> past = new ArrayList<>(), heard = new ArrayList<>();
        for (DateResolver.TimeExpr t : times) {
            if (t.role() == DateResolver.Role.FUTURE || t.deadline()) continue;
            if (laterToday(s, t)) continue;
            if (TOPIC_DAY.matcher(s.substring(t.end(), Math.min(s.length(), t.end() + 8))).lookingAt()) continue;
            if (KindClassifier.inSpeech(s, t.start()) || sentenceSpeechBefore(s, t.start())) heard.add(t);
            else past.add(t);
        }
        // an observation told by someone (宿管说汪洋昨晚没回寝室): no exchange with the student, so it happened when they say
        if (past.isEmpty() && decision.end() <= decision.start() && opensWithTeller(s)) {
            for (DateResolver.TimeExpr t : heard) if (!WEEK_ONLY.matcher(s.substring(t.start(), t.end())).matches()) return t;
        }
        if (past.isEmpty()) return null;
        if (decision.end() > decision.start()) {
            int from = Clauses.sentenceStart(s, decision.start()), to = Clauses.sentenceEnd(s, decision.start());
            DateResolver.TimeExpr before = null, after = null;
            int exchangeClause = Clauses.clauseStart(s, decision.start());
            for (DateResolver.TimeExpr t : past) {
                if (t.start() < from || t.start() >= to) continue;
                // a week with no day outside the exchange's clause dates the story, not the exchange (上周期中挂了四门，他说…)
                boolean sameClause = t.start() >= exchangeClause && t.start() < Clauses.clauseEnd(s, decision.start());
                if (!sameClause && WEEK_ONLY.matcher(s.substring(t.start(), t.end())).matches()) continue;
                if (t.start() < decision.start()) before = t;
                else if (after == null && t.start() < Clauses.clauseEnd(s, decision.start())
                        && !answersWith(s, decision, t)) after = t;   // later clauses tell the story
            }
            // a day inside the exchange's own clause dates it before any day of the story around it (…週日早上才被找到，他爸爸今天早上打电话告诉我)
            if (after != null && (before == null || before.start() < exchangeClause)) return after;
            // a dictated note: the day right after the one who acts (…然后他妈妈早上急着到学校来找我) is the exchange's
            if (after != null && after.start() - decision.start() <= 6) return after;
            if (before != null) return before;
            // the exchange's sentence names no day but a part of today already begun: today (…昨天半夜在火车站…。早上我去派出所把他接回来，路上他讲…)
            if (PartsOfTheDay.begunToday(s.substring(from, Clauses.clauseEnd(s, decision.start())), now)) return null;
            // a note that opens on the student found (□□找着了，昨晚在…) reports the finding: the night's days are its story
            if (opensOnAFinding(s, past)) return null;
            // the exchange's sentence names no day: the latest day told before it (周日没回宿舍，今天也没来。打电话给他妈妈…)
            DateResolver.TimeExpr latest = null;
            for (DateResolver.TimeExpr t : past) {
                if (t.start() < from && !WEEK_ONLY.matcher(s.substring(t.start(), t.end())).matches()) latest = t;
            }
            if (latest != null) return latest;
            // the note opens with the exchange and names no day for it: today; later days are what was told
            return null;
        }
        if (opensOnAFinding(s, past)) return null;
        // a week with no day (上周有两次…) only dates the exchange it names; an ongoing observation is dated today
        for (DateResolver.TimeExpr t : past) if (!WEEK_ONLY.matcher(s.substring(t.start(), t.end())).matches()) return t;
        return null;
    }

    /** The note's first clause: the student (or 人) found, with nothing before it but their name (□□找着了, 人找到了). */
    private static final Pattern FOUND_OPENING = Pattern.compile("^\\s*[^,.;!?。\\s]{0,6}(找到了|找着了)");

    /**
     * The note opens on the student found and its first clause names no day of its own: the finding is what the note reports,
     * today, and the days after it tell where the night went (红梅找着了，在佳慧家，俩人昨天放学一块儿回去写作业…).
     */
    private static boolean opensOnAFinding(String s, List<DateResolver.TimeExpr> past) {
        if (!FOUND_OPENING.matcher(s).find()) return false;
        int first = Clauses.clauseEnd(s, 0);
        for (DateResolver.TimeExpr t : past) {
            if (t.start() < first) return false;
            // a day earlier than today on which the finding or its call came (昨晚…被铁路民警拦下来了, 昨晚…派出所来的电话) dates it
            if (t.role() != DateResolver.Role.TODAY && FOUND_OR_CALLED.foundIn(Clauses.clauseAt(s, t.start()))) return false;
        }
        return true;
    }

    private static final GatedPattern FOUND_OR_CALLED = GatedPattern.compile("拦下|拦了下来|拦住|找到|找着|领回|送回|电话|来电");

    private static final Pattern ANSWERED = Pattern.compile("[说讲是](?!话)");

    /** 问了是周末跟家里去玩晒的: a day after the exchange's 说 or 是 is what was said, not when. */
    private static boolean answersWith(String s, KindClassifier.Decision decision, DateResolver.TimeExpr t) {
        if (t.start() < decision.end()) return false;
        return ANSWERED.matcher(s.substring(Math.max(decision.start(), decision.end() - 1), t.start())).find();
    }

    /** The note opens with someone telling (宿管说…, 听班主任刘老师说，…): what follows is what the teacher heard. */
    private static boolean opensWithTeller(String s) {
        GatedPattern.Scan m = SPOKEN.scan(s);
        return m.find() && m.start() < Clauses.clauseEnd(s, 0);
    }

    /** A day that dates what was talked about, not the talk (谈了昨天中午的事, 问了周五晚上的情况). */
    private static final Pattern TOPIC_DAY = Pattern.compile("[^,.;!?。的]{0,5}的(事|情况|事情|那件事)|[^,.;!?。]{0,4}那(件|次)?事");

    private static final Pattern WEEK_ONLY = Pattern.compile("(上上|上|这|本)个?一?(周|星期|礼拜)|(上|这|本)?(个|次)?(周末|礼拜天?末)");

    /** A 说 earlier in the sentence (打电话说，孩儿礼拜天没回家，…周五才找到): the day is in someone's words. */
    private static final Pattern SPEECH_THEN_DATE = Pattern.compile(".*(说(?!话)|讲(?!座|课|解|得)|告诉我|提到)[^.;!?。]*$");

    /** A 说 earlier in the same sentence (他说，昨天…) also puts a date in the student's mouth. */
    private static boolean sentenceSpeechBefore(String s, int at) {
        String before = s.substring(Clauses.sentenceStart(s, at), at);
        return (before.contains("说") || before.contains("讲") || before.contains("告诉") || before.contains("提到"))
                && SPEECH_THEN_DATE.matcher(before).matches();
    }

    private static final Pattern TIME_ALONE = Pattern.compile("\\s*(上午|中午|下午|晚上|早上|傍晚)?[0-9一二三四五六七八九十两]+[点:：]半?[0-9]*分?\\s*");

    /** The opening of a clause that points back at the day just named (到时候, 到那天, 届时). */
    private static final Pattern BACK_TO_THE_DAY = Pattern.compile("\\s*(到时候?|到那时|到那天|届时|那天)");

    /** In a report, a future date counts as follow-up only when the teacher plans something there. */
    static DateResolver.TimeExpr followUpTime(String s, List<DateResolver.TimeExpr> times, LocalDate today, LocalTime now) {
        // a day with a plan word first (下个月5号再问问); failing that, a future day that names no school event
        for (boolean strict : new boolean[]{true, false}) {
            for (int k = 0; k < times.size(); k++) {
                DateResolver.TimeExpr t = times.get(k);
                if (t.role() != DateResolver.Role.FUTURE && !t.deadline()) continue;
                // 週六值班 written on a Saturday: a report's bare weekday that is today's is today, not next week's
                if (BARE_WEEKDAY.matcher(s.substring(t.start(), t.end())).matches() && t.date().equals(today.plusWeeks(1))) continue;
                // 周末别熬夜, 这个周末她留校, 答应这周末带她出去走走: a weekend is the student's or the family's time, not
                // a day the teacher sees to something (the training schools' reports never gave one as the follow-up)
                if (s.startsWith("周末", t.end() - 2)) continue;
                // 周日群里那件事: the day of what was talked about
                if (WHAT_WAS_TALKED_ABOUT.matcher(s.substring(t.end(), Math.min(s.length(), t.end() + 8))).lookingAt()) continue;
                int cs = Clauses.clauseStart(s, t.start()), ce = Clauses.clauseEnd(s, t.end());
                // 三天后还有一次小测，到时候再看看: a clause that points back at the day (到时候) is what happens on it
                if (ce < s.length() && BACK_TO_THE_DAY.matcher(s).region(ce + 1, s.length()).lookingAt()) ce = Clauses.clauseEnd(s, ce + 1);
                String clause = s.substring(cs, ce);
                // 因为月底搬家, 要是下礼拜再不过: a reason or a supposition, not a plan
                String near = s.substring(Math.max(cs, t.start() - 8), t.start());
                if (REASON_OR_IF.foundIn(near) && !TEACHERS_CONDITION.matcher(near).find()) continue;
                // 明早要是醒不过来: a day a supposition follows is no day of anyone's
                if (SUPPOSED_AFTER.matcher(s).region(t.end(), ce).lookingAt()) continue;
                // 每周二、周四: the first of the days listed
                // (中考就在明天，今天上午到校我先找她: a day in the next clause is no list)
                if (k + 1 < times.size() && times.get(k + 1).start() - t.end() <= 2 && times.get(k + 1).end() <= ce && times.get(k + 1).date() != null
                        && t.date() != null && times.get(k + 1).date().isBefore(t.date())) t = times.get(k + 1);
                // a future day names a plan unless it names a school event (下周月考, 周五放假) with no plan word
                // 家长会的通知已经发到家长群了，下周三下午三点: a clause of a day and an hour alone names when, not a step
                boolean whenAlone = s.substring(cs, t.start()).isBlank() && TIME_ALONE.matcher(s.substring(t.end(), ce)).matches();
                boolean planned = t.deadline() || FOLLOW_UP.foundIn(clause) || !strict && !whenAlone && !SCHOOL_EVENT.foundIn(clause);
                String lead = s.substring(cs, t.start());
                boolean speech = (Clauses.quoted(s, t.start()) || othersWords(lead) || STUDENT_SUBJECT.matcher(lead).lookingAt())
                        && !TEACHER_AGAIN.foundIn(clause) && !clause.contains("提醒") && !teacherNext(s, cs, t)
                        && !ArrangedWithTheSchool.after(s, t.end(), ce) && !DateResolver.teacherReplied(s, t.start());
                if (planned && !speech) return t;
            }
        }
        return laterTodayFollowUp(s, times, today, now);
    }

    /** A step later today the teacher plans (今天下午再找她, 下午找他聊聊, 下午我去宿舍 before the afternoon), or null. */
    static DateResolver.TimeExpr laterTodayFollowUp(String s, List<DateResolver.TimeExpr> times, LocalDate today, LocalTime now) {
        for (DateResolver.TimeExpr t : times) if (laterToday(s, t)) return t;
        DateResolver.TimeExpr unsaid = laterTodayUnsaid(s, today);
        return unsaid != null ? unsaid : PartsOfTheDay.followUp(s, today, now);
    }

    /** A bare time of day the teacher acts again at (中午再找他, 下午再找他谈, 晚自习我再去宿舍看看): later today. */
    private static final GatedPattern TIME_OF_DAY_AGAIN = GatedPattern.compile(
            "(?<![昨前明后今天日晚周期拜一二三四五六])(上午|中午|下午|晚上|傍晚|晚自习|放学后?|待会儿?|一会儿?|等会儿?|等下)"
                    + "((我|课后|的时候)?(再|在(?=" + DateResolver.SLIP_VERBS + "))"
                    // 下午回来我再找他谈, 下午和心理老师一起再见她: a few words before the 再
                    + "|[^,.;!?。了过再在]{1,8}?再)");

    /**
     * A time later today opening the teacher's step in the last clause of a report (…。下午找他聊聊, …，今晚家访, …。晚上约了她妈妈):
     * the note ends on what comes next, and nothing in that clause says it was done.
     */
    private static final GatedPattern LATER_TODAY_STEP = GatedPattern.compile(
            // a few words of when or where before the teacher (上午大课间我找他聊聊, 今天上午到校我先找她)
            "(?<![昨前明后周期拜一二三四五六日天])((?:今天)?(?:上午|中午|下午|晚上)?放学[后前]?|今晚|今早|今天(?:晚上|下午|中午|上午|早上)|今天我|今天(?=[找就先])|上午|中午|下午|晚上|晚自习[前后]|晚修前)"
                    // a lesson after the time of day (下午第二节课后带她去心理室)
                    + "(第.节课?后)?([^,.;!?。了过我]{1,4}我|我)?(先|就)?"
                    + "(找(他|她|□{1,4}|两个孩子|两个人|他俩|她俩|他们|她们)(聊聊|谈谈|问问|谈(?![了过])|聊(?![了过])|细问|问(?![了过]))|陪(他|她|□{1,4})过?去|(跟|和|给)(他|她|□{1,4})[^,.;!?。了过]{0,4}?(聊聊|谈谈|联系|打个?电话|视频|通电话)|家访|约谈|约了|去(他|她|□{1,4})家[^,.;!?。了过]{0,3}(看看|家访)"
                    // a guardian to reach (中午联系她妈妈), or something the school arranges for the student (下午就给他调寝室)
                    + "|(联系|找|约)(他|她|□{1,4})[他她]?的?(" + KinWords.STARTS + ")|给(他|她|□{1,4}|孩子)(调|安排|补)"
                    // the teacher's own step, whoever it reaches (晚上打给俊熙爸爸, 晚上给两家打电话, 下午跟他额吉通个电话, 下午跟她妈见面, 下午跟两边家长说明情况, 下午我去看他, 我先找伟鸿)
                    + "|打给|(给|跟|和|与|同)[^,.;!?。了过]{1,8}?(打个?电话|通个?电话|见面|面谈|沟通|碰一下|碰个头|碰头)|(跟|和)[^,.;!?。了过]{1,6}?(说明|说一下|讲一下)"
                    // with someone or not (上午我跟心理老师过去看看, 今天下午我和心理老师去医院看她), or taking the student (下午我带她过去)
                    + "|((跟|和)[^,.;!?。了过]{1,6}?)?(一起)?过?去[^,.;!?。了过]{0,5}?(看看?(他|她|□)|转转|看看)|带(他|她|□{1,4})过?去"
                    // the teacher tells a guardian (下午通知他爸妈), or stays with the student (今晚我在值班室守着她)
                    + "|通知(他|她|□{1,4})?的?(" + KinWords.STARTS + ")|(在[^,.;!?。了过]{1,5}?)?(守着|陪着)(他|她|□)"
                    + "|(?<=[我先])找(他|她|□{1,4})"
                    // the teacher named, on the move or reaching someone, with a word that it is still to come (下午我再给他打,
                    // 下午我先去车上看看) or tonight (今晚我让宿管阿姨陪她); a bare 下午我去… may tell what was done, and the note's clock
                    // decides it (PartsOfTheDay)
                    + "|(?<=我先|我就|今晚我)(去|给|跟|和|让|送|往|带|把)|(?<=我)再(去|给|跟|和|让|送|往|带|把)"
                    // the teacher's own step in other words, with someone or not, after the ones above have had their say
                    // (下午跟政教处一起找那几个女生, 中午找他, 下午联系车站派出所)
                    + "|((跟|和|与|同)[^,.;!?。了过]{1,8}?一起)?(找|陪|带|见|联系|通知|处理)(?![了过]))");

    /** The span of the teacher's step later today that ends the note ({@link #LATER_TODAY_STEP}), or null. */
    static int[] laterTodayStep(String s) {
        // after what the note reports: a time opening a note (上午去他家家访，…) sets the scene
        return stepEndingTheNote(s, false);
    }

    /** The teacher's step later today that is the whole note (下午找□□聊聊期末复习): a plan for today, or null. */
    static int[] laterTodayPlan(String s) {
        return stepEndingTheNote(s, true);
    }

    /**
     * The teacher's step later today opening the note's last clause, not told as done (了, 过), not in someone's words:
     * the note's only clause when {@code wholeNote}, else a clause after the first (下午去他家家访，他跟外婆住 goes on to
     * tell what was found there, so its step is neither).
     */
    private static int[] stepEndingTheNote(String s, boolean wholeNote) {
        GatedPattern.Scan step = LATER_TODAY_STEP.scan(s);
        while (step.find()) {
            int cs = Clauses.clauseStart(s, step.start()), ce = Clauses.clauseEnd(s, step.end());
            String rest = s.substring(step.end(), ce);
            // the teacher may tell someone the step first (我讲下午我先去车上看看, 我跟她说今天下午我先找他谈)
            String lead = Fillers.strip(s.substring(cs, step.start()));
            boolean told = !wholeNote && !lead.isEmpty() && (TEACHER_TELLS.matcher(lead).matches() || TEACHER_SAYS.matcher(lead).matches()
                    || lead.strip().equals("说") && DateResolver.teacherReplied(s, step.start()));
            boolean last = (cs == 0) == wholeNote && (lead.isEmpty() || told) && Clauses.endsTheNote(s, ce);
            if (!last || !told && KindClassifier.inSpeech(s, step.start()) || rest.contains("了") || rest.contains("过")) continue;
            return new int[]{step.start(), step.end()};
        }
        return null;
    }

    private static DateResolver.TimeExpr laterTodayUnsaid(String s, LocalDate today) {
        int[] step = laterTodayStep(s);
        if (step != null) return new DateResolver.TimeExpr(step[0], step[1], today, DateResolver.Role.TODAY, false);
        GatedPattern.Scan m = TIME_OF_DAY_AGAIN.scan(s);
        while (m.find()) {
            // the voice slip 在 for 再 (下午在找她) reads as 再 here
            String again = "再" + s.substring(m.end(), Math.min(s.length(), m.end() + 4));
            if (KindClassifier.inSpeech(s, m.start()) || !TEACHER_AGAIN.foundIn(again)) continue;
            return new DateResolver.TimeExpr(m.start(), m.end(), today, DateResolver.Role.TODAY, false);
        }
        return null;
    }

    /** 周日群里那件事, 周五的情况: a day that names what was talked about (下周一再商量返校的事 still plans). */
    private static final Pattern WHAT_WAS_TALKED_ABOUT = Pattern.compile("[^,.;!?。的再]{0,3}(的|那件|那次)(事|情况|事情)");
    private static final Pattern BARE_WEEKDAY = Pattern.compile("(周|星期|礼拜)[一二三四五六日天]");
    private static final GatedPattern REASON_OR_IF = GatedPattern.compile("因为|由于|要是|如果|万一|假如");
    /** The teacher's own condition (我如果明天有空…), not a supposition in someone's words (跟我说要是下礼拜…). */
    private static final Pattern TEACHERS_CONDITION = Pattern.compile("我(因为|如果|要是|万一|假如)");
    private static final Pattern SUPPOSED_AFTER = Pattern.compile(".{0,2}?(要是|如果|万一|假如)");

    /** 今天一早我再找她, 约了中午再打电话: a time today that a plan with 再 follows, not the day of the report. */
    private static boolean laterToday(String s, DateResolver.TimeExpr t) {
        if (t.role() != DateResolver.Role.TODAY || t.deadline()) return false;
        String rest = s.substring(t.end(), Clauses.clauseEnd(s, t.end()));
        // 我今天一早先找她, 今天上午我先找他聊聊
        boolean mine = s.substring(Clauses.clauseStart(s, t.start()), t.start()).contains("我") || MINE_NEXT.foundIn(rest);
        return (rest.contains("再") || mine && rest.contains("先") || MEANS_TO.foundIn(rest) || SLIP_AGAIN.foundIn(rest))
                && !KindClassifier.inSpeech(s, t.start());
    }

    /** 今天上午我先…: the teacher right after the day, a time of day at most between. */
    private static final GatedPattern MINE_NEXT = GatedPattern.compile("^(上午|中午|下午|晚上|傍晚|早上|一早)?我");
    /** 我上午在约一下吕老师: the slip right after the time, the teacher's 我 at most before it. */
    private static final GatedPattern SLIP_AGAIN = GatedPattern.compile("^我?在(" + DateResolver.SLIP_VERBS + ")");

    /** 今天得找他聊聊, 今晚要去宿舍看看: what the teacher means to do later today. */
    private static final GatedPattern MEANS_TO = GatedPattern.compile("^[^,.;!?。]{0,3}(得|要|准备|打算)(再)?(找|跟|和|去|给|打)");

    /** What the teacher does again (再找他, 再来咨询室), not what the student does again (周一再回学校, 约下周再比). */
    private static final GatedPattern TEACHER_AGAIN = GatedPattern.compile(
            "(再|(?<=[一二三四五六日天午上晚])在)(找|和|跟|与|聊|谈|家访|联系|约|看|问|打|来|沟通|跟进|见|复查|观察|了解|陪|给(?!我))");
    /** Words that open what someone said or asked (妈妈问这周末要不要补课): the days after them are theirs. */
    private static final GatedPattern SPOKEN = GatedPattern.compile("说(?!话)|讲(?!座|课|解|得)|告诉我|提到|问(?!题|问)");

    /** Someone's 说 right before the day, unless the teacher's (我回复说明天…): what follows is their words. */
    private static final Pattern SAID_RIGHT_BEFORE = Pattern.compile("[说讲]\\s*$");
    /** The teacher is the one who said it (我回复说, 我跟她说), not the one told (跟我说). */
    private static final Pattern TEACHER_SAID = Pattern.compile("(^|[^跟和对给向])我(回复|回|跟他|跟她|和他|和她|对他|对她)?[说讲]\\s*$");

    /**
     * The day opens what the teacher will do (明天我跟她妈妈打个电话, 明天我在去找他谈一下) at the end of a dictated run-on
     * whose clause began with the student or someone's words: the teacher's plan, unless quoted or said by another.
     */
    private static boolean teacherNext(String s, int clauseStart, DateResolver.TimeExpr t) {
        if (!s.startsWith("我", t.end()) || s.startsWith("我们", t.end()) || Clauses.quoted(s, t.start())) return false;
        String before = s.substring(Math.max(clauseStart, t.start() - 8), t.start());
        return !SAID_RIGHT_BEFORE.matcher(before).find() || TEACHER_SAID.matcher(before).find()
                || TEACHER_TELLS.matcher(s.substring(clauseStart, t.start())).matches();
    }

    /** The clause opens with the teacher telling someone, the teacher said or unsaid (跟老太太说周一我找他, 我跟她说今天下午我先找他谈). */
    private static final Pattern TEACHER_TELLS = Pattern.compile("\\s*(我就?)?(跟|和|对)[^,.;!?。说讲我]{1,8}[说讲]\\s*");
    /** The teacher saying, to no one named, what comes next (我讲下午我先去车上看看; not another's bare 说). */
    private static final Pattern TEACHER_SAYS = Pattern.compile("\\s*我就?[说讲]\\s*");

    /**
     * The day sits in someone's words: the last 说, 讲 or 问 before it in its clause is not the teacher's own
     * (爷爷问这周末要不要补课; 我跟他说周三再来 is the teacher's).
     */
    private static boolean othersWords(String lead) {
        GatedPattern.Scan m = SPOKEN.scan(lead);
        int lastEnd = -1;
        while (m.find()) lastEnd = m.end();
        // the teacher takes over after the words in a run-on note (…来问我怎么提分嗯我给她弄了个计划下周四检查)
        if (lastEnd < 0) return false;
        // 他说我要是…: a 我 right after the words is the speaker's own
        String after = lead.substring(lastEnd);
        if (after.startsWith("我")) after = after.substring(1);
        return !TEACHER_SPEAKS.foundIn(lead.substring(0, lastEnd).strip()) && !TEACHER_ACTS.matcher(after).find();
    }

    private static final Pattern TEACHER_ACTS = Pattern.compile("(?<![跟和给找问对向让叫])我");

    /** A clause whose subject is the student and not the teacher (他周末要回去照顾): the student's own plan. */
    private static final Pattern STUDENT_SUBJECT = Pattern.compile("\\s*(他|她|□+|孩子|娃娃?|孩儿)(?![^,.;!?。]*(我|让|叫))");

    /** What the school does on a day, not the teacher: a future day before one of these is not a plan of the teacher's. */
    private static final GatedPattern SCHOOL_EVENT = GatedPattern.compile(
            "考|测|放假|开学|返校|比赛|运动会|体检|生日|出成绩|开课|上课|过年|过节|假期|春节|国庆|中秋|元旦|端午|清明|开会|家长会");
    /** The teacher's own words (我说, 跟他说好, 我让他): a plan, not someone's report. */
    private static final GatedPattern TEACHER_SPEAKS = GatedPattern.compile(
            // 我跟他妈说明天一早我先去找政教处: the teacher telling a guardian, whoever the guardian is
            "(?<![跟和对给向])我(跟|和|对)?((他|她|□+)的?)?(孩子|家长|(" + KinWords.STARTS + ")[^,.;!?。说讲]{0,2})?(说|讲(?![课座解题]))|[说讲]好|说定|让(他|她|□)"
                    // a clause that opens with the teacher addressing someone (跟奶奶说了周三晚上我找浩然谈)
                    + "|^(跟|和|对|给)(他|她|□+|孩子|家长|爷爷|奶奶|妈妈|爸爸|外婆|外公)[^,.;!?。]{0,3}[说讲]"
                    // the teacher telling a guardian by a local word (我跟阿嬷说明天下午我去厝里看看)
                    + "|(?<![跟和对给向])我(跟|和|对)[^,.;!?。说讲我]{1,6}[说讲](?!过)");

    /** A reminder decided by its request (提醒, 让我), not by a day it names. */
    private static final Pattern REQUEST = Pattern.compile("提醒|让我|记得|帮我记");
    private static final Pattern LATER_TODAY_LEAD = Pattern.compile("\\s*我?(上午|中午|下午|晚上|傍晚|今晚|放学后?|第.节课后)");

    /** A reminder is due at its first future (or deadline) day, else at a day named as today. */
    static DateResolver.TimeExpr dueTime(String s, KindClassifier.Decision decision, List<DateResolver.TimeExpr> times, LocalDate today, LocalTime now) {
        // 让我今天下午放学找□□说一下，…要在周一领奖: today named right after the request is the day asked for
        for (DateResolver.TimeExpr t : times) {
            if (t.role() == DateResolver.Role.TODAY && t.start() >= decision.end() && t.start() <= decision.end() + 2) return t;
        }
        // 让我下午第二节课后带他去找心理老师: a time of day right after the request is later today
        if (REQUEST.matcher(s.substring(decision.start(), decision.end())).matches()) {
            Matcher later = LATER_TODAY_LEAD.matcher(s).region(decision.end(), s.length());
            if (later.lookingAt()) return new DateResolver.TimeExpr(later.start(1), later.end(1), today, DateResolver.Role.TODAY, false);
        }
        // 这周三到周五我不在学校，提醒我下周一…: the day after the request is the one asked for
        for (DateResolver.TimeExpr t : times) {
            if (t.start() >= decision.start() && (t.role() == DateResolver.Role.FUTURE || t.deadline())) return t;
        }
        for (DateResolver.TimeExpr t : times) {
            if (t.role() == DateResolver.Role.FUTURE || t.deadline()) return t;
        }
        for (DateResolver.TimeExpr t : times) {
            if (t.role() == DateResolver.Role.TODAY) return t;
        }
        int[] plan = laterTodayPlan(s);
        if (plan == null) plan = PartsOfTheDay.plan(s, now);
        return plan == null ? null : new DateResolver.TimeExpr(plan[0], plan[1], today, DateResolver.Role.TODAY, false);
    }
}
