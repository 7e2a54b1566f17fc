package app.mentorbot.conversations.understanding;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Finds the time expressions of a note and turns each into a calendar day, following the time
 * conventions of docs/notes.md (weeks run Monday to Sunday; `today` is passed in, never read from a clock).
 *
 * <p>Each expression ends up PAST, TODAY or FUTURE. Some are that by their words (昨天, 下周三,
 * 两周后); others (a bare 周五, 3月5号, 二十号) are decided by the sentence they sit in: a plan
 * marker in the clause or a deadline (…之前) makes them future, a past marker (了, 过, 已) in the
 * sentence makes them past, and with neither the sentence is a plan. Which expression becomes the
 * event date and which the follow-up is decided by the caller, who knows the note's kind.
 */
final class DateResolver {
    enum Role { PAST, TODAY, FUTURE }

    /**
     * One time expression. {@code date} is null when the words name a day that does not exist
     * (2月30日, 13月5日, 4.31): the role still follows the sentence, but no day is guessed.
     */
    record TimeExpr(int start, int end, LocalDate date, Role role, boolean deadline) {
        boolean impossible() { return date == null; }
    }

    private interface Rule {
        /** The resolved expression, or null when the match turns out not to be a date. */
        TimeExpr apply(MatchResult m, String s, LocalDate today);
    }

    /** A rule runs only on a note holding one of its trigger chars (a cheap test before the regex). */
    private record Entry(GatedPattern pattern, String triggers, Rule rule) {}

    private static final String NUM = "([0-9]{1,2}|[零一二两三四五六七八九十]{1,3})";
    private static final String DAY_CHAR = "[一二三四五六日天末1-7]";

    /** Plan words: a date in the same clause is one to come. */
    /** What the teacher does, after which voice input's 在 stands for 再 (明天在找她, 上午在约一下吕老师). */
    static final String SLIP_VERBS = "找|跟|和|聊|谈|约|联系|问|看|打|给";

    static final GatedPattern PLAN = GatedPattern.compile(
            "再(?!说)|(?<=[一二三四五六日天午上])在(?=" + SLIP_VERBS + ")|提醒(?!了|过|他|她|□)|让我(?=[^,.;!?。\\s]{0,2}(周|星期|礼拜))|打算|准备|决定|计划|之前|以前|找时间|找个时间|抽空|抽时间|改天|有空|回头|择日|(?<![需主重只想不])要(?![求钱东是死])|将|届时|记得|安排|定在|定于|约(?!束)|跟进|下次|争取|(必须|(?<![觉记懂晓值获取显使舍免难见总省怪认])得)(?=找|和|跟|去|给|联系|问|约|好好)|(?<=[他她□])(聊聊|谈谈)(?![了天])");
    /** Completion markers: a sentence holding one reports something that happened. */
    static final GatedPattern PAST = GatedPattern.compile(
            "(?<![为除约]|怎么样|咋样|如何)了(?!解)|[跟和对给向]我(说|讲|反映|倾诉|哭诉)|说完|打电话来|来电|打来|加了我|发来|(?<=[谈聊找见说打去来做沟联问流访看讲通试])过|已|刚才|刚刚|没人接|没接通|未接|打不通|未回复|没回复|没有回复|没回"
                    // verbs of receiving or noticing only ever report: 接到电话, 发现他...
                    + "|接到|收到|发现|看到|听到|得知|遇到|碰到"
                    // a thing not done is told of the days gone by (周末作业一个字都没动, 周五没来上学)
                    + "|(?<![还要别不])没有?(动|交|来|写|做|带|回|吃|去|上|考)"
                    // a parent's message or question to the teacher has reached them: 奶奶周六在微信上发语音, 外婆来接他的时候问我
                    + "|(?:" + KinWords.STARTS + "|婆|公)[^,.;!?。]{0,12}?(发语音|发微信|发短信|发消息|发信息|留言|问我|告诉我)"
                    // a guardian opening a clause with what they said (外婆说她妈妈再婚后…, 阿妈讲…), or calling the teacher
                    // (阿妈打电话给我, not 让他妈妈打电话给我): the exchange has happened. The opening is looked behind, so that
                    // the alternative is tried only where a kinship word starts, not at every 他 or name
                    + "|(?<=(?:^|[,.;!?。 ])(?:□{1,4}|他|她)?的?)(?:妈妈?|爸爸?|奶奶|爷爷|外婆|外公|姥姥|姥爷|阿妈|阿爸|阿婆|阿公|阿嬷|阿嫲|依嬷|伯伯|伯娘|舅舅|姑姑|家长)(?:说|讲)(?!好)"
                    + "|(?<![让叫请要][^,.;!?。]{0,6})(?:" + KinWords.STARTS + "|婆|公)打电话给我");

    private final List<Entry> rules = new ArrayList<>();

    DateResolver() {
        rule("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*[日号]?", (m, s, t) -> {
            LocalDate d = date(num(m.group(1)), num(m.group(2)), num(m.group(3)));
            return d == null ? impossible(m, s) : fixed(m, s, t, d);
        });
        rule("(下个?月|下一个?月)" + NUM + "[号日]", (m, s, t) -> {
            LocalDate first = t.withDayOfMonth(1).plusMonths(1);
            LocalDate d = date(first.getYear(), first.getMonthValue(), num(m.group(2)));
            return d == null ? impossible(m, s) : fixed(m, s, t, d);
        });
        rule("(上个?月)" + NUM + "[号日]", (m, s, t) -> {
            LocalDate first = t.withDayOfMonth(1).minusMonths(1);
            LocalDate d = date(first.getYear(), first.getMonthValue(), num(m.group(2)));
            return d == null ? impossible(m, s) : fixed(m, s, t, d);
        });
        rule("(这个?月|本月)" + NUM + "[号日]", (m, s, t) -> {
            LocalDate d = date(t.getYear(), t.getMonthValue(), num(m.group(2)));
            return d == null ? impossible(m, s) : fixed(m, s, t, d);
        });
        rule("(下个?月|下一个?月|本月|这个?月)?(月底|月末|底)", (m, s, t) -> {
            if (m.group(1) == null && m.group(2).equals("底")) return null;
            LocalDate base = m.group(1) != null && m.group(1).startsWith("下") ? t.withDayOfMonth(1).plusMonths(1) : t;
            return fixed(m, s, t, base.with(TemporalAdjusters.lastDayOfMonth()));
        });
        rule("(下个?月|下一个?月)初", (m, s, t) -> fixed(m, s, t, t.withDayOfMonth(1).plusMonths(1)));
        rule(NUM + "月" + NUM + "[日号]?", (m, s, t) -> {
            // 三月三, 五月五, 九月九 with no 日 or 号: a festival of the lunar calendar (壮族三月三, 端午, 重阳), no day of this one
            if (m.group(1).equals(m.group(2)) && !Character.isDigit(m.group(1).charAt(0)) && !m.group().endsWith("日") && !m.group().endsWith("号")) return null;
            int month = num(m.group(1)), day = num(m.group(2));
            if (!possible(month, day)) return impossible(m, s);
            return either(m, s, t, date(t.getYear(), month, day), date(t.getYear() - 1, month, day), date(t.getYear() + 1, month, day), Period.YEAR);
        });
        rule("(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})(?![\\d.%])(?!分|倍|小时|个|米|元|岁|公里|斤|度|级|万|秒)", (m, s, t) -> {
            int month = num(m.group(1)), day = num(m.group(2));
            // 4.31 is an impossible date; 1.75 or 3.14 are numbers, not dates at all
            if (!possible(month, day)) return month >= 1 && month <= 12 && day <= 31 && day >= 1 ? impossible(m, s) : null;
            return either(m, s, t, date(t.getYear(), month, day), date(t.getYear() - 1, month, day), date(t.getYear() + 1, month, day), Period.YEAR);
        });
        rule("(?<![月\\d.零一二两三四五六七八九十])(?:([0-9]{1,2})[号日]|([零一二两三四五六七八九十]{1,3})号)(?!楼|床|位|线|门|机|房|车|座|码|球|元|字|选手|同学)", (m, s, t) -> {
            int day = num(m.group(1) != null ? m.group(1) : m.group(2));
            if (day < 1 || day > 31) return null;   // 0号, 32号: a number, not a day
            LocalDate prev = t.withDayOfMonth(1).minusMonths(1), next = t.withDayOfMonth(1).plusMonths(1);
            return either(m, s, t, date(t.getYear(), t.getMonthValue(), day), date(prev.getYear(), prev.getMonthValue(), day),
                    date(next.getYear(), next.getMonthValue(), day), Period.MONTH);
        });
        // 每周五十 is fifty a week: a weekday is not followed by a numeral or money
        rule("(下下个?|下个?|下一个?|上上个?|上个?|上一个?|本|这个?|每)?(周|星期|礼拜)(" + DAY_CHAR + ")(?![十百千万块元0-9]|[个次回趟张本份道篇页套遍]|天(?![早晚上下中气]))", this::weekday);
        // 上周 with no day (上周和他谈过): Monday of last week, mirroring 下周 with no day → Monday of next week
        rule("(上上个?|上个?|上一个?)(周|星期|礼拜)(?![一二三四五六日天末1-7])", (m, s, t) -> {
            int weeks = m.group(1).startsWith("上上") ? 2 : 1;
            return fixed(m, s, t, t.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(weeks));
        });
        rule("(下下个?|下个?|下一个?)(周|星期|礼拜)", (m, s, t) -> {
            int weeks = m.group(1).startsWith("下下") ? 2 : 1;
            LocalDate monday = t.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(weeks);
            return fixed(m, s, t, monday);
        });
        rule("大前天|前天|昨天|昨晚|昨日|昨夜|昨早|昨儿|今天|今早|今晚|今日|今夜|今儿|今天下午|刚才|明天|明早|明晚|明日|明儿|(?<![之以])后天|大后天", (m, s, t) -> {
            String w = m.group();
            int offset = switch (w) {
                case "大前天" -> -3;
                case "前天" -> -2;
                case "明天", "明早", "明晚", "明日", "明儿" -> 1;
                case "后天" -> 2;
                case "大后天" -> 3;
                default -> w.startsWith("昨") ? -1 : 0;
            };
            return fixed(m, s, t, t.plusDays(offset));
        });
        rule("(" + NUM.substring(1, NUM.length() - 1) + "|几|半)(个)?(天|日|周|星期|礼拜|月)(后|以后|之后)", (m, s, t) ->
                fixed(m, s, t, later(t, m.group(1), m.group(3))));
        rule("(" + NUM.substring(1, NUM.length() - 1) + "|几)(个)?(天|周|星期|礼拜|月)(前|以前|之前)", (m, s, t) -> {
            LocalDate forward = later(t, m.group(1), m.group(3));
            return new TimeExpr(m.start(), m.end(), t.minusDays(forward.toEpochDay() - t.toEpochDay()), Role.PAST, false);
        });
        rule("过(" + NUM.substring(1, NUM.length() - 1) + "|几|一两)(个)?(天|周|星期|礼拜|月)", (m, s, t) ->
                fixed(m, s, t, later(t, m.group(1).equals("一两") ? "两" : m.group(1), m.group(3))));
        if (rules.size() > 64) throw new IllegalStateException("more date rules than bits in a long");
        triggered = CharTable.bitsByChar(rules.stream().map(Entry::triggers).toList());
    }

    /** For each char some rule needs, the rules (bits by index) it lets run: the note is read once, not once a rule. */
    private final CharTable<Long> triggered;

    private void rule(String regex, Rule r) {
        rules.add(new Entry(GatedPattern.compile(regex), triggers(regex), r));
    }

    /** The chars at least one of which every match of the rule must contain. */
    private static String triggers(String regex) {
        if (regex.startsWith("(\\d{4})")) return "0123456789";
        if (regex.contains("(后|以后|之后)")) return "后";
        if (regex.contains("(前|以前|之前)")) return "前";
        if (regex.startsWith("过")) return "过";
        if (regex.contains("(月底|月末|底)")) return "底末";
        if (regex.contains("初")) return "初";
        if (regex.contains("\\.(")) return ".";
        if (regex.contains("[号日]|")) return "号日";
        if (regex.contains("月")) return "月";
        if (regex.contains("周|星期|礼拜")) return "周期拜";
        if (regex.startsWith("大前天")) return "天晚日夜早儿才";
        return null;
    }

    List<TimeExpr> find(String s, LocalDate today) {
        List<TimeExpr> all = new ArrayList<>();
        long present = 0;
        for (int i = 0; i < s.length(); i++) {
            Long bits = triggered.get(s.charAt(i));
            if (bits != null) present |= bits;
        }
        for (int k = 0; k < rules.size(); k++) {
            Entry e = rules.get(k);
            if (e.triggers() != null && (present & 1L << k) == 0) continue;
            GatedPattern.Scan m = e.pattern().scan(s);
            while (m.find()) {
                if (masked(s, m.start(), m.end())) continue;
                TimeExpr x;
                try {
                    x = e.rule().apply(m, s, today);
                } catch (RuntimeException ex) {
                    x = null;   // an impossible number (32号) is simply not a date
                }
                if (x != null) all.add(x);
            }
        }
        all.sort(Comparator.comparingInt((TimeExpr x) -> x.end() - x.start()).reversed().thenComparingInt(TimeExpr::start));
        List<TimeExpr> chosen = new ArrayList<>();
        for (TimeExpr x : all) {
            if (chosen.stream().noneMatch(c -> x.start() < c.end() && c.start() < x.end())) chosen.add(x);
        }
        chosen.sort(Comparator.comparingInt(TimeExpr::start));
        return chosen;
    }

    /** True when s[start, end) holds part of a student mention. */
    private static boolean masked(String s, int start, int end) {
        for (int i = start; i < end; i++) if (s.charAt(i) == NoteText.NAME_MASK) return true;
        return false;
    }

    // ---------------------------------------------------------------- weekdays

    private TimeExpr weekday(MatchResult m, String s, LocalDate t) {
        String prefix = m.group(1) == null ? "" : m.group(1);
        String dc = m.group(3);
        if (dc.equals("一") && m.end() < s.length() && "直起样定般切共些点次遍周天年月阵段会边律致同".indexOf(s.charAt(m.end())) >= 0) return null;
        if (prefix.isEmpty() && m.start() > 0 && "一两二三四五六七八九十几每上下这本个".indexOf(s.charAt(m.start() - 1)) >= 0) return null;
        DayOfWeek dow = switch (dc) {
            case "一", "1" -> DayOfWeek.MONDAY;
            case "二", "2" -> DayOfWeek.TUESDAY;
            case "三", "3" -> DayOfWeek.WEDNESDAY;
            case "四", "4" -> DayOfWeek.THURSDAY;
            case "五", "5" -> DayOfWeek.FRIDAY;
            case "六", "6", "末" -> DayOfWeek.SATURDAY;
            default -> DayOfWeek.SUNDAY;
        };
        LocalDate monday = t.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int weeks;
        if (prefix.startsWith("下下")) weeks = 2;
        else if (prefix.startsWith("下")) weeks = 1;
        else if (prefix.startsWith("上上")) weeks = -2;
        else if (prefix.startsWith("上")) weeks = -1;
        else if (prefix.startsWith("本") || prefix.startsWith("这")) weeks = 0;
        else if (prefix.equals("每")) return fixed(m, s, t, t.with(TemporalAdjusters.next(dow)));
        else {
            LocalDate past = t.with(TemporalAdjusters.previousOrSame(dow));
            LocalDate future = t.with(TemporalAdjusters.next(dow));
            boolean deadline = deadlineAfter(s, m.end());
            return moodIsFuture(s, m.start(), m.end(), deadline)
                    ? new TimeExpr(m.start(), m.end(), future, Role.FUTURE, deadline)
                    : new TimeExpr(m.start(), m.end(), past, past.equals(t) ? Role.TODAY : Role.PAST, false);
        }
        return fixed(m, s, t, monday.plusWeeks(weeks).plusDays(dow.getValue() - 1L));
    }

    // ---------------------------------------------------------------- helpers

    private enum Period { YEAR, MONTH }

    /** An expression whose day is fixed by its words; the role follows from the day. */
    private static TimeExpr fixed(MatchResult m, String s, LocalDate today, LocalDate d) {
        Role role = d.isBefore(today) ? Role.PAST : d.isAfter(today) ? Role.FUTURE : Role.TODAY;
        return new TimeExpr(m.start(), m.end(), d, role, deadlineAfter(s, m.end()));
    }

    /**
     * An absolute date without year (or day without month): in a report it is the latest such day
     * on or before today, in a plan the next on or after today (a plan never lands in the past).
     */
    private static TimeExpr either(MatchResult m, String s, LocalDate today, LocalDate same, LocalDate earlier, LocalDate later, Period p) {
        if (same == null) return impossible(m, s);
        boolean deadline = deadlineAfter(s, m.end());
        if (moodIsFuture(s, m.start(), m.end(), deadline)) {
            LocalDate d = same.isBefore(today) && later != null ? later : same;
            return new TimeExpr(m.start(), m.end(), d, d.equals(today) ? Role.TODAY : Role.FUTURE, deadline);
        }
        LocalDate d = same.isAfter(today) && earlier != null ? earlier : same;
        return new TimeExpr(m.start(), m.end(), d, d.equals(today) ? Role.TODAY : Role.PAST, false);
    }

    private static final GatedPattern TEACHER_SAID = GatedPattern.compile(
            "我(跟|和|对)?(他|她|□+|孩子|家长|爷爷|奶奶|外婆|外公|妈妈|爸爸)?[说讲]|(跟|和|对|告诉)(他|她|□+|孩子|家长|爷爷|奶奶|外婆|外公|妈妈|爸爸)[说讲](了|好)?|[说讲]好|约好|答应");

    /**
     * The teacher's reply right before the day (「…」已回复，说下周一找他谈; 回他说10月9号收假回来我找他): the words after it are
     * the teacher's, so their day is a plan. A guardian's reply has its subject before the verb (他爸回复说…) and is theirs.
     */
    private static final Pattern TEACHER_REPLIED = Pattern.compile(
            "(?<![\\p{IsHan}□&&[^已我]])(已经?回复?了?|我回复?了?|回复了?|回了|回了?(他|她|□+|家长|老人家?|爷爷|奶奶|外婆|外公|妈妈|爸爸))[,:\\s]*[说讲]\\s*$");

    static boolean teacherReplied(String s, int at) {
        return TEACHER_REPLIED.matcher(s.substring(Math.max(0, at - 12), at)).find();
    }

    private static final Pattern SAID_THEN = Pattern.compile("(上午|下午|中午|晚上|早上)?(跟我|和我|对我|给我)?(说|讲)(?!好|定)");

    private static final Pattern WILL_AFTER = Pattern.compile("(上午|中午|下午|晚上|早上|傍晚)?会(?![上后议前场])");

    /** Coming to the school right after a day, not told as done: 她爸说周四下午请假来学校一趟, 周一送他来, 这礼拜五提前下班来接孩子. */
    private static final Pattern COMES_AFTER = Pattern.compile(
            "(上午|中午|下午|晚上|早上|傍晚)?"
                    // 礼拜六一上岸就直接来学校, 这个礼拜六请假家来，直接到学校来: a few words of the way first, or a clause of it
                    + "([^,.;!?。]{0,6}?(?=就|直接|顺便|提前)|[^,.;!?。]{0,8}[,]\\s*(?=直接|就|顺便|然后))?"
                    + "(就|再|会|要|请假|请个假|一起|一块儿?|直接|顺便|提前下班)*"
                    + "(" + ArrangedWithTheSchool.COMING_IN + "|送(他|她|孩子)?(来|回来|回学校|返校))(?![^,.;!?。，]*[了过])");

    static boolean deadlineAfter(String s, int end) {
        return s.startsWith("前", end) || s.startsWith("之前", end) || s.startsWith("以前", end);
    }

    /** Someone the teacher has do something (让她签好字…, 叫家长…): what they are to do is ahead. */
    private static final Pattern HAS_DONE = Pattern.compile("(?<![不没别])(让|叫|要求)(他|她|□+|孩子|家长)");

    /** Plan words in the clause or a deadline → future; a past marker in the sentence → past; else a plan. */
    static boolean moodIsFuture(String s, int at, int end, boolean deadline) {
        if (deadline) return true;
        // 邓凯周五说…: a day that a report of speech follows is when it was said
        if (SAID_THEN.matcher(s).region(end, s.length()).lookingAt()) return false;
        String clause = Clauses.clauseAt(s, at);
        if (PLAN.foundIn(clause)) return true;
        // 阿嬷讲周三会来学校一趟: a day the future's 会 follows is ahead, whoever tells it (not 周三会上, a meeting)
        if (WILL_AFTER.matcher(s).region(end, s.length()).lookingAt()) return true;
        // 她爸回了，说周四下午请假来学校一趟: coming to the school on a day is ahead, whoever tells it
        if (COMES_AFTER.matcher(s).region(end, s.length()).lookingAt()) return true;
        // 提醒我：周五科学课后收他的日记，他欠了两周了: the request's own clause after its colon plans, whatever the sentence reports
        int from = Clauses.clauseStart(s, at);
        if (from > 0 && ":：".indexOf(s.charAt(from - 1)) >= 0 && PLAN.foundIn(Clauses.clauseAt(s, from - 1))) return true;
        // the teacher's own words about a day are a plan (跟奶奶说了周三晚上我找浩然谈)
        if (TEACHER_SAID.foundIn(s.substring(Clauses.clauseStart(s, at), at))) return true;
        if (teacherReplied(s, at)) return true;
        // 回了，说高三这阵子都紧，我周一带她去校医那里看看: a clause opening on the teacher and the day is the teacher's step ahead
        if (s.substring(Clauses.clauseStart(s, at), at).strip().equals("我") && !Clauses.quoted(s, at)) return true;
        // 让她签好字周一带回来: someone the teacher has do something on a school day (a weekend is the family's time)
        if ("六日天末".indexOf(s.charAt(end - 1)) < 0 && HAS_DONE.matcher(s.substring(Clauses.clauseStart(s, at), at)).find()) return true;
        // 找他聊了，周一跟他家里联系: a day opening the last clause, a next step after it, with no past marker there
        if (opensTheNextStep(s, at, end, clause)) return true;
        if (PAST.foundIn(Clauses.spokenSentenceAt(s, at))) return false;
        // 周三去冯雪家家访，她妈妈一个人带两个娃…。白玉挺懂事: a day opening a note that goes on to report sets its scene
        return !(s.substring(0, at).isBlank() && PAST.foundIn(s));
    }

    /**
     * Something to be done after a day that opens its clause (周一跟他家里联系, 周五交给我, 周三中午给他开小灶, 周五复诊): more than
     * a time of day (6月26日下午两点 is when, not what), and no 才 or 被 that tells it already happened (周日上午才被他舅舅找到).
     */
    private static final Pattern STEP = Pattern.compile(
            "[\\s,，]*(上午|中午|下午|晚上|早上|傍晚|放学后?|第.节课?后?|[0-9一二三四五六七八九十两]+点半?)*+(?![^才被]*[才被])[\\p{IsHan}]");

    /**
     * The day opens the note's last clause, which holds no past marker and tells a next step (the teacher's, the student's
     * or a parent's: 周五交给我, 周一送他回来): the note ends on what comes next. A day opening an earlier clause (周六去罗俊家家访，他爸喝了酒…) sets the scene of a report.
     */
    private static boolean opensTheNextStep(String s, int at, int end, String clause) {
        int from = Clauses.clauseStart(s, at), to = Clauses.clauseEnd(s, at);
        return s.substring(from, at).isBlank() && Clauses.endsTheNote(s, to)
                && !PAST.foundIn(clause) && !clause.contains("时") && STEP.matcher(s).region(end, to).lookingAt();
    }

    private static LocalDate later(LocalDate t, String amount, String unit) {
        if (amount.equals("半")) return unit.equals("月") ? t.plusDays(15) : t.plusDays(3);
        int n = amount.equals("几") ? 3 : num(amount);
        return switch (unit) {
            case "天", "日" -> t.plusDays(n);
            case "月" -> t.plusMonths(n);
            default -> t.plusWeeks(n);
        };
    }

    /** A date the calendar cannot have in any year (2月30日, 4.31, 13月5日); 2月29日 is possible. */
    private static boolean possible(int month, int day) {
        return month >= 1 && month <= 12 && day >= 1 && day <= Month.of(month).maxLength();
    }

    /** An impossible date: its role by the sentence, no day guessed. */
    private static TimeExpr impossible(MatchResult m, String s) {
        boolean deadline = deadlineAfter(s, m.end());
        Role role = moodIsFuture(s, m.start(), m.end(), deadline) ? Role.FUTURE : Role.PAST;
        return new TimeExpr(m.start(), m.end(), null, role, deadline);
    }

    private static LocalDate date(int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1 || day > 31) return null;
        LocalDate first = LocalDate.of(year, month, 1);
        return day > first.lengthOfMonth() ? null : first.withDayOfMonth(day);
    }

    /** Arabic or Chinese numerals up to 99: 5, 十, 十五, 二十, 二十一, 两. */
    static int num(String s) {
        if (s.chars().allMatch(Character::isDigit)) return Integer.parseInt(s);
        String digits = "零一二三四五六七八九";
        s = s.replace('两', '二');
        int ten = s.indexOf('十');
        if (ten < 0) {
            int v = 0;
            for (char c : s.toCharArray()) v = v * 10 + digits.indexOf(c);
            return v;
        }
        int tens = ten == 0 ? 1 : digits.indexOf(s.charAt(ten - 1));
        int ones = ten == s.length() - 1 ? 0 : digits.indexOf(s.charAt(ten + 1));
        return tens * 10 + ones;
    }
}
