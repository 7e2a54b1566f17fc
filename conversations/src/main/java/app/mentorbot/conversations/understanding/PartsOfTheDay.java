package app.mentorbot.conversations.understanding;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The note's clock against the parts of the day its words name; the words alone cannot tell 下午我去厂里找宿管 written at
 * 13:00, a plan, from 下午问她… written at 20:10, a report.
 * <ul>
 * <li>{@link #followUp}: a part of the day still to come, opening a clause after a report's first with nothing after it
 * told as done, is today's follow-up when the teacher acts in it (我 before or just after the time: 我上午找他,
 * 上午大课间我去找司机师傅问问; with a colleague: 下午跟校长一块去他家; on the student: 下午放学留他下来) or when someone comes to the
 * school in it, in their own words too (她妈说今天下午请假来学校一趟, 说下午就过来).</li>
 * <li>{@link #plan}: the same step opening the note, with nothing before it, is the note's plan for today.</li>
 * <li>{@link #begunToday}: a part of today already begun dates what the exchange's sentence tells (早上我去派出所把他接回来 at
 * 07:40), whatever night the story before it named.</li>
 * </ul>
 */
final class PartsOfTheDay {
    private PartsOfTheDay() {
    }

    /** A part of the day, today's (今天 or nothing before it), with a lesson or a clock time after it. */
    private static final GatedPattern PART = GatedPattern.compile(
            "(?<![昨前明后周期拜一二三四五六日天])(?:今天|今儿)?(上午|中午|下午|傍晚|晚上|今晚|晚自习|放学)"
                    + "(?:[0-9一二三四五六七八九十两]+[点:：]半?[0-9]*分?|第.节课?[后前]?|放学[后前]?|后|前)?");

    /** What may stand before the time in its clause: nothing, the teacher, today (fillers aside). */
    private static final Pattern LEAD = Pattern.compile("我?(今天|今儿)?我?");

    /** The teacher just after the time as its subject, a few words of where or when between (大课间我, 班会我; not 给我, 找我). */
    private static final Pattern TEACHER_AFTER = Pattern.compile("[^,.;!?。他她□]{0,4}?(?<![给跟和找问对向帮叫让])我");
    /** With a colleague (跟德育处一起, 和孟老师一块). */
    private static final Pattern WITH_SOMEONE = Pattern.compile("(跟|和|同|与)[^,.;!?。]{1,8}?(一起|一块)");
    /** The teacher's verb on the student right after the time (留他, 在找她, 带□□, 给□□调寝室, 大课间找□□, 分别找□□和□□): what a teacher does to or for a student. */
    private static final Pattern ON_THE_STUDENT = Pattern.compile("(大课间|课间|放学[前后]?|课后|第.节课?[前后])?(?:[在再先就]|分别|单独|一起)?(留|找|叫|带|陪|送|约|接|给)(他|她|□)");
    /** Someone telling after the time (他说…, 她讲…): what was said, so what happened, whatever the part of the day. */
    private static final Pattern TOLD = Pattern.compile("(他|她|□|孩子)[^,.;!?。]{0,2}(说|讲)(?![一明说讲])");
    /** Coming to the school. */
    private static final Pattern COMING = Pattern.compile("(?<![不没别])(来学校|到学校|来校|到校|回学校|过来|来一趟)");
    /** Told as done, anywhere after the time: 了, 过 after a verb (谈过; not 过来, 过去, going over, nor 去哪过, spending), 完 (面谈完). */
    private static final Pattern DONE = Pattern.compile("了|(?<=[谈聊找见说打来做问访看讲通试])过(?![来去])|完(?!成)");

    /**
     * Something told as done after {@code from}. A score (只考了四十七) or a state that changed (他最近又不吱声了) is what the
     * plan is about, a 了 closing a 把 clause is the plan's own end (下午找□□把欠的两份实训报告补了), and one closing a
     * question is what the teacher will ask (问问处理得咋样了): none is done. The last two only after a plan opening the note
     * ({@code opening}); later in a report, 不想来学校了 is what was told.
     */
    private static boolean doneAfter(String s, int from, boolean opening) {
        Matcher done = DONE.matcher(s).region(from, s.length());
        while (done.find()) {
            int at = done.start();
            if (s.charAt(at) != '了') return true;
            if (at > 0 && s.charAt(at - 1) == '考') continue;
            String upTo = s.substring(Math.max(Clauses.clauseStart(s, at), from), at);
            if (upTo.contains("把") && s.substring(at + 1, Clauses.clauseEnd(s, at)).isBlank()) continue;
            // 他最近又不吱声了: a state that changed, not a step done; 问问…处理得咋样了: what the teacher will ask
            if (opening && (upTo.contains("不") || upTo.endsWith("咋样") || upTo.endsWith("怎么样"))) continue;
            return true;
        }
        return false;
    }

    /** Today's time still to come that the teacher will act at, or that someone comes to the school at; null when none. */
    static DateResolver.TimeExpr followUp(String s, LocalDate today, LocalTime now) {
        int[] at = step(s, now, false);
        return at == null ? null : new DateResolver.TimeExpr(at[0], at[1], today, DateResolver.Role.TODAY, false);
    }

    /**
     * The note opens with a part of the day still to come and the teacher's step in it, nothing told as done (下午找□□聊聊寒假去哪过
     * at 08:10, 下午给□□调寝室，跟宿管说一声 at 13:40): a plan for today, the span of its time; or null.
     */
    static int[] plan(String s, LocalTime now) {
        return step(s, now, true);
    }

    /** The span of the time still to come: opening the note ({@code opening}) or a clause after its first. */
    private static int[] step(String s, LocalTime now, boolean opening) {
        GatedPattern.Scan m = PART.scan(s);
        while (m.find()) {
            int cs = Clauses.clauseStart(s, m.start()), se = Clauses.sentenceEnd(s, m.end());
            if ((cs == 0) != opening || !ahead(m.group(1), now)) continue;
            String after = s.substring(m.end(), Clauses.clauseEnd(s, m.end()));
            String rest = s.substring(m.end(), se);
            if (doneAfter(s, m.end(), opening) || TOLD.matcher(rest).find()) continue;
            if (COMING.matcher(rest).find() && !opening) return new int[] {m.start(), m.end()};
            boolean mine = s.substring(cs, m.start()).contains("我");
            String before = s.substring(Clauses.sentenceStart(s, m.start()), m.start());
            // in someone's words, what they will do, unless the teacher opens the clause (…晓雪讲她…。我下午找秋菊; in a dictated
            // note with no stops, the teacher right after the time: …他讲是弟弟先抢他手机 下午我跟心理老师讲一声, 上午大课间我去找…)
            boolean teacherAfter = TEACHER_AFTER.matcher(after).lookingAt();
            if (!mine && !teacherAfter && (before.contains("说") || before.contains("讲"))) continue;
            boolean opens = LEAD.matcher(Fillers.strip(s.substring(cs, m.start()))).matches();
            boolean teacher = mine || teacherAfter || WITH_SOMEONE.matcher(after).lookingAt() || ON_THE_STUDENT.matcher(after).lookingAt();
            if (opens && teacher) return new int[] {m.start(), m.end()};
        }
        return null;
    }

    /** A bare part of the day (早上, 下午; no day or other time word right before it: not 昨天早上, 周六下午). */
    private static final Pattern BARE = Pattern.compile("(?<![昨前明后今天日晚夜周期拜一二三四五六末早])(早上|一早|上午|中午|下午|傍晚|晚上)");

    /**
     * {@code text} names a bare part of the day that has begun at {@code now} (早上我去派出所把他接回来, 他舅舅一早来学校 at
     * 07:40): what it tells happened today, whatever day the story before it named. One that has not begun yet (晚上 at
     * 07:40) is the day before's.
     */
    static boolean begunToday(String text, LocalTime now) {
        Matcher m = BARE.matcher(text);
        while (m.find()) {
            int from = switch (m.group(1)) {
                case "早上", "一早" -> 5;
                case "上午" -> 8;
                case "中午" -> 11;
                case "下午" -> 13;
                case "傍晚" -> 17;
                default -> 18;   // 晚上
            };
            if (now.getHour() >= from) return true;
        }
        return false;
    }

    /**
     * The part of the day is still mostly to come at {@code now}: a note written in its later half more often tells what
     * was done in it (下午找他谈 at 16:40) than what will be.
     */
    private static boolean ahead(String part, LocalTime now) {
        int until = switch (part) {
            case "上午" -> 11;
            case "中午" -> 13;
            case "下午" -> 16;
            case "放学" -> 17;
            case "傍晚" -> 18;
            case "晚自习" -> 19;
            default -> 20;   // 晚上, 今晚
        };
        return now.getHour() < until;
    }
}
