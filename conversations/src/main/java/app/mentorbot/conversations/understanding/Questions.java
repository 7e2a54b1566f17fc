package app.mentorbot.conversations.understanding;

/**
 * A question or a request put to the bot (电话是多少, 查一下李华的记录, 还有谁没交): the note is a QUERY, unless someone
 * else's question is being reported (问我现在差多少分) or the note tells of a risk (the classifier's test).
 */
final class Questions {
    private Questions() {
    }

    /** A question to the bot. */
    private static final GatedPattern QUESTION = GatedPattern.compile("[?]\\s*$|吗\\s*$");
    /** Before 给我看: someone bringing or making their work to show the teacher (拍作业给我看, 带来给我看看), no request of the bot. */
    private static final String SHOWN = "(?<![拍交拿带来写画背做传抄改练读唱])";
    /**
     * Asking for records; only when the note does not itself report something (交一篇给我看): the classifier's test. A
     * finding (查出, 查了, 查不出毛病) asks nothing, nor does someone showing the teacher their work (拍作业给我看).
     */
    static final GatedPattern QUERY = GatedPattern.compile(
            "(?<![检调审排普复抽追核])查(?!寝|房|岗|手机|作业|体温|监控|宿舍|清|明|不|出|了|过|到)|发我|发给我|" + SHOWN + "给我看|给我发一下|让我看看|导出|列出|列一下|统计|汇总|调出|有哪些|哪几个|多少次|看一下.{0,6}记录|记录.{0,4}看看");
    /** The end of a request, a particle allowed (电话是多少来着). */
    private static final String END = "(来着|呢|啊|呀|了)?[\\s。.!！]*$";
    /** A bare request that ends on what is wanted (李华最近的记录, 浩浩这学期的谈话记录, 本学期家长联系情况) or asks who is left: a query even with 过/了. */
    private static final GatedPattern REQUEST = GatedPattern.compile(
            "(的[^,.;!?。的]{0,4}(记录|档案)|联系情况|完成情况|谈话情况)" + END + "|还有谁[^,.;!?。]{0,8}没|谁还没|哪些(学生|人)还没"
                    // 都有啥记录, 一共谈了几次, 他姥姥电话多少
                    + "|(有啥|有什么|有哪些|有没有)(记录|情况)|谁的?[^,.;!?。]{0,6}(最多|最少)" + END + "|(?<!问[^,.;!?。]{0,8})(最近|这学期|这周)(怎么样|咋样|如何)" + END + "|一共[^,.;!?。]{0,8}几(次|条|个|回)[^,.;!?。]{0,4}" + END + "|(谈|聊|联系|见|来|找)(过|了)几(次|回)" + END + "|(电话|手机|手机号)(是)?(多少|好多)" + END + "|(家长|妈妈|爸爸|奶奶|爷爷|外婆|外公)的?(电话|手机号|联系方式)" + END
                    // asking for a number or a fact: 电话是多少, 排第几, 考了几分; not a count (只有三十几分, 十几名)
                    + "|的(电话|手机号|联系方式|号码|住址|地址)(是多少|是什么|多少)?" + END + "|(是多少|多少分|第几|(?<![十二三四五六七八九百好那这])几(名|分)|哪天|哪一天)" + END);
    /** A note that opens by asking the bot to look something up: a query even when it names past talks (谈过). */
    private static final GatedPattern QUERY_LEAD = GatedPattern.compile(
            "^\\s*(请|麻烦)?(你)?(帮我|给我)?(查|列|统计|汇总|导出|调出|找出|看看|调(?=一?下))(一下|下)?");
    /** A reminder or a task before a record (提醒我交…, 完成…, 整理…): the teacher's work on it, not a look-up. */
    private static final GatedPattern TASK = GatedPattern.compile("提醒|完成|整理|填|交|写|补|收齐|上传|准备");
    /** The teacher told the figure or left the number (跟她讲了中考要考多少分, 每个人留了家长电话, 给她留了我的电话): nothing asked. */
    private static final GatedPattern TOLD_OR_LEFT = GatedPattern.compile("(讲|说|告诉)(了|清楚)|留(了|下)|存了|记下|要了");
    /** Someone asked the teacher (问我现在差多少分): the question is reported, not put to the bot. */
    static final GatedPattern ASKED_ME = GatedPattern.compile("问我|问过我|问老师|想问|来问");

    /** The question or request the note puts to the bot, as a QUERY decision, or null. */
    static KindClassifier.Decision putToTheBot(String s) {
        GatedPattern.Scan question = QUESTION.scan(s);
        if (question.find() && !reportedQuestion(s, question.start())) return new KindClassifier.Decision(Kind.QUERY, question.start(), question.end());
        GatedPattern.Scan request = REQUEST.scan(s);
        // 下个月8号之前提醒我交期中谈话记录, 月底前完成受导学生的家访记录: the record a task names is not asked for
        if (request.find() && !reportedQuestion(s, request.start()) && !TASK.foundIn(s.substring(Clauses.sentenceStart(s, request.start()), request.start()))
                && !TOLD_OR_LEFT.foundIn(s.substring(Clauses.clauseStart(s, request.start()), request.start())))
            return new KindClassifier.Decision(Kind.QUERY, request.start(), request.end());
        GatedPattern.Scan ql = QUERY_LEAD.scan(s);
        if (ql.find() && ql.group(4) != null && (ql.group(3) != null || ql.group(5) != null))
            return new KindClassifier.Decision(Kind.QUERY, ql.start(4), ql.end(4));
        return onlyAsks(s);
    }

    /** A sentence that ends as a question: a question mark, or a particle that asks (吗, 没有; 闹着玩呢 tells). */
    private static final GatedPattern ENDS_ASKING = GatedPattern.compile("([?]|吗|没有)[\\s。.!?]*$");
    /**
     * A question word near the end of a sentence's last clause (谈过几次, 都谈了啥, 有谁掉出前三十名了), not inside quoted
     * words: 好几次 and 那几个 count, not ask, and 谁都, 没啥 or 什么也 is no question, nor 为谁 (为谁是狼吵起来了: a reason).
     */
    private static final GatedPattern ASKS_NEAR_THE_END = GatedPattern.compile(
            "((?<!为)谁(?![都也])|哪(个|几|些|位)|(?<![好十二三四五六七八九那这])几(次|回|名)|(?<!没|没得|没有|不出|不到)啥|(?<!没|没得|没有|不出|不到)什么(?![都也])|多少|有没有|怎么样|咋样)[^,.;!?。\"'“”「」]{0,10}[\\s。.!?]*$");
    /** A request to the bot that ends its sentence (成绩帮我调一下, 把他的记录给我看看); 检查一下 is the teacher's own check. */
    private static final GatedPattern ASKED_OF_THE_BOT = GatedPattern.compile(
            "(帮我|给我)(调|查|列|找)[^,.;!?。]{0,8}[\\s。.!]*$|(" + SHOWN + "给我看看|(?<![检复核审])(调|查)一下)[\\s。.!]*$|^\\s*(调|查|列)(一下|下)");
    /**
     * Words that report someone's question or words, or make the question what the teacher will find out (问了他有没有吃饭,
     * 她说没什么, 提醒我找他聊聊寒假过得怎么样), or that others argue or wonder over (路上还在争那个球该算谁的): not the
     * teacher asking the bot.
     */
    private static final GatedPattern REPORTING = GatedPattern.compile("问|说|讲|告诉|看看|聊聊|谈谈|了解|提醒|知道|晓得|争|吵|商量|讨论|猜");

    /**
     * Every sentence of the note asks the bot something or asks it to look something up, and none tells what happened:
     * a query, whatever past words its questions hold (韩雪梅上学期谈过几次？都谈了啥). A note that also reports (她说…,
     * 今天找他聊了) is no query.
     */
    private static KindClassifier.Decision onlyAsks(String s) {
        KindClassifier.Decision first = null;
        for (int from = 0; from < s.length(); ) {
            int to = Clauses.sentenceEnd(s, from);
            String sentence = s.substring(from, Math.min(to + 1, s.length()));
            if (!sentence.isBlank()) {
                GatedPattern.Scan why = asking(sentence);
                if (why == null) {
                    why = ASKED_OF_THE_BOT.scan(sentence);
                    if (!why.find()) return null;
                }
                if (first == null) first = new KindClassifier.Decision(Kind.QUERY, from + why.start(), from + why.end());
            }
            from = to + 1;
        }
        return first;
    }

    /** Where the sentence asks (its end, else a question word near its end), unless it reports someone's question or words; or null. */
    private static GatedPattern.Scan asking(String sentence) {
        GatedPattern.Scan asks = ENDS_ASKING.scan(sentence);
        if (!asks.find()) {
            asks = ASKS_NEAR_THE_END.scan(sentence);
            if (!asks.find()) return null;
        }
        return REPORTING.foundIn(sentence.substring(0, asks.start())) ? null : asks;
    }

    /** The note ends on a question mark or 吗 ({@link #QUESTION}; not {@link #ENDS_ASKING}, which takes 没有 too): it asks outright. */
    static boolean asksOutright(String s) {
        return QUESTION.foundIn(s);
    }

    private static boolean reportedQuestion(String s, int at) {
        return ASKED_ME.foundIn(s.substring(Clauses.sentenceStart(s, at), Math.min(s.length(), at + 1)));
    }
}
