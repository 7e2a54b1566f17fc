package app.mentorbot.conversations.understanding;

import java.util.regex.Pattern;

/**
 * A note that is only thanks or a greeting (好的，谢谢; 教师节快乐！也谢谢你这个小助手帮我记东西): nothing to file about a
 * student, whatever words it holds (帮我记 in thanks for the bot's help is no request to be reminded).
 */
final class Pleasantries {
    private Pleasantries() {
    }

    private static final Pattern PLEASANTRY = Pattern.compile(
            "好的|好滴|好嘞|好|谢谢您?|谢了|多谢|感谢|辛苦了|辛苦|收到了?|明白了?|知道了|记下了|记住了|嗯+|哦+|ok|OK|Ok|你好|您好|早上好|早安|"
                    + "上午好|下午好|晚上好|晚安|在吗|哈+|再见|拜拜|老师|麻烦了|麻烦你了|没事了|没问题|可以|行");

    /** The chars of the pleasantry words. */
    private static final String PLEASANTRY_CHARS = PLEASANTRY.pattern().replaceAll("[|?+()]", "");

    /**
     * A clause that thanks or greets from its opening (也谢谢你…, 感谢各位, 祝大家, 愿娃儿们暑假都平平安安, 教师节快乐, 国庆中秋双节快乐,
     * 新年好, 多亏你帮我记着, 马年大吉).
     */
    private static final Pattern THANKS_OR_GREETING = Pattern.compile(
            "(?:" + Fillers.OR_BLANK + ")*(这一?个?学期|这一年|新的一年|这段时间|一直以来|今天)?(也|还|真的|非常|特别|十分)?(谢谢|感谢|多谢|辛苦|祝|愿(?!意)|新年好|过年好|\\p{IsHan}{1,6}节快乐|新年快乐|节日快乐|(?:(?![他她孩娃很挺真])\\p{IsHan}){1,3}快乐[!！~]*$)"
                    // 这一年多亏你帮我记着: thanks for the bot's help, however it opens
                    + "|[^,.;!?。，！？]{0,6}多亏(了)?你"
                    // 新的一年还要靠你帮我记着: the bot's help asked for again, with the year's wishes
                    + "|[^,.;!?。，！？]{0,8}(靠|拜托|麻烦)你"
                    // 马年大吉, 万事如意, 端午安康: a wish
                    + "|\\p{IsHan}{1,2}年大吉|万事如意|大吉大利|身体健康|(端午|中秋|国庆|元旦|新春|春节|冬至|重阳|除夕|新年)安康"
                    // 也给自己道一声辛苦, 给自己放两天假: the wish turned on the teacher themself
                    + "|(也|还)?给自己"
                    // 哈哈: a laugh between the wishes of a dictated note
                    + "|[哈呵嘿]{2,}[!！~]*$"
                    // 高考加油, 中考加油: a cheer
                    + "|\\p{IsHan}{1,4}加油[!！~]*$"
                    // 跨年啦, 放假啦: the occasion alone, greeted
                    + "|\\p{IsHan}{1,3}啦[!！~]*$"
                    // 暑假见, 下周见: a parting
                    + "|\\p{IsHan}{1,3}见[!！~]*$");
    /** What the bot helped with, right after thanks (这学期谢谢你啦，帮我把孩子们的事记得清清楚楚): still the thanks. */
    private static final Pattern HELPED = Pattern.compile("帮我|替我|给我");
    /**
     * The bot's keeping of the records, thanked for or asked for again anywhere in a clause after thanks or wishes
     * (娃儿们的事一件件都帮我记着, 新学期孩子们的事还得靠你帮我记着, 新的一年继续帮我记到起): no task, when it names no student.
     */
    private static final Pattern KEEPING = Pattern.compile("(帮|替|给)我[^,.;!?。□]{0,8}记|(靠|拜托)你|拜托(啦|了)");

    /**
     * The longest note that may be only thanks and greetings: wishes, a word of the day and thanks for the bot's keeping
     * of the records run to fifty chars (三月三快乐！今天寨子里对歌对到天黑，热闹得很，也谢谢小助手一直帮我记着娃儿们的事。);
     * each clause is still read.
     */
    private static final int LONGEST = 60;

    /** True when the note is only thanks and greetings. */
    static boolean only(String s) {
        // pleasantries are short: a long note is never only thanks and greetings
        if (s.length() > LONGEST) return false;
        if (onlyPleasantryChars(s) && PLEASANTRY.matcher(s).replaceAll("").replaceAll("[\\p{P}\\p{S}\\s~]", "").isEmpty()) return true;
        if (!mayThankOrGreet(s)) return false;
        boolean any = false, opensWithWishes = false, thanked = false, aside = false, occasion = false;
        for (int from = 0; from < s.length(); ) {
            int to = Clauses.clauseEnd(s, from);
            String clause = s.substring(from, to);
            if (!clause.isBlank()) {
                String c = clause.strip();
                boolean helped = any && (HELPED.matcher(c).lookingAt() || c.indexOf('□') < 0 && KEEPING.matcher(c).find());
                boolean wishes = THANKS_OR_GREETING.matcher(c).lookingAt();
                // 除夕夜, 今天立冬, 除夕守岁: the occasion opening the note, greeted by what follows
                if (!any && !wishes && !helped && OCCASION.matcher(c).matches()) {
                    occasion = true;
                    from = to + 1;
                    continue;
                }
                if (!any) opensWithWishes = wishes || occasion;
                thanked |= helped || wishes && THANKS.matcher(c).find();
                if (!wishes && !helped) {
                    // 今天蓝天白云的, 放假这几天也歇歇, 明年接着来: a word of the day or to the bot between the wishes and the thanks
                    if (!any && !occasion || !ASIDE.matcher(c).matches()) return false;
                    aside = true;
                }
                any = true;
            }
            from = to + 1;
        }
        return any && (!aside && !occasion || opensWithWishes && thanked);
    }

    /** A festival or a solar term, perhaps with today and a few words of how it is kept (除夕夜, 今天立冬, 除夕守岁, 冬至). */
    private static final Pattern OCCASION = Pattern.compile("(今天|今儿|今晚)?(是)?(除夕|小年|冬至|立冬|立春|立夏|立秋|腊八|元宵|中秋|端午|重阳|七夕|春节|元旦|国庆|教师节|六一|儿童节|三月三|火把节|彝族年|开斋节|古尔邦节)\\p{IsHan}{0,2}[!！~]*");

    /** Thanks to the bot for its keeping of the records (谢谢你, 多亏你, 靠你帮我记着). */
    private static final Pattern THANKS = Pattern.compile("谢|多亏|靠你|拜托");
    /**
     * A short clause that names no one and sets no task (今天蓝天白云的, 心情也好, 除夕守岁, 明年接着来, 一早办公室里飘着一股香瓜味儿;
     * the children all together are no one to file: 娃儿们喝得巴适).
     */
    private static final Pattern ASIDE = Pattern.compile(
            "(?!.*(□|他|她|孩子(?!们)|娃(?![儿娃]?们)|学生(?!们)|同学(?!们)|家长|提醒|记得|别忘|开会|通知|交|找|问|电话|安排|准备|检查|收|发|写|改|考))[^,.;!?。]{1,16}[!！~]*");

    /** A cheap test before the clauses are read: thanks and greetings hold one of these chars. */
    private static boolean mayThankOrGreet(String s) {
        for (int i = 0; i < s.length(); i++) if ("谢辛祝".indexOf(s.charAt(i)) >= 0) return true;
        return s.contains("快乐") || s.contains("年好") || s.contains("多亏") || s.contains("大吉") || s.contains("安康");
    }

    /**
     * A cheap test before the two replaceAll passes: a Han char that is in no pleasantry word
     * survives both (Han chars are neither punctuation nor symbols), so the note is more than thanks.
     */
    private static boolean onlyPleasantryChars(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x4E00 && c <= 0x9FFF && PLEASANTRY_CHARS.indexOf(c) < 0) return false;
        }
        return true;
    }
}
