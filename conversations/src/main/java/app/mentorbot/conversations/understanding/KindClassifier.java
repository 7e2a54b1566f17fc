package app.mentorbot.conversations.understanding;

import java.time.LocalTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides what a note is: a talk, a parent contact, an observation, a reminder, a question or
 * none of these (the kinds of docs/notes.md). Works on the masked text, where every student mention
 * is a run of {@link NoteText#NAME_MASK}, so "给□□妈妈打了电话" reads as a parent contact whoever
 * the student is.
 *
 * <p>Order matters and says why: pleasantries first (they carry no record), then questions to the
 * bot, then a note that opens with 提醒; then a note that reports something past (了/过/已, a past
 * day) is a report even when it also plans (followUp carries the plan); a note that only plans is a
 * REMINDER; what is left is a report in the present (小明数学小测62分). Among reports, the first
 * exchange named wins: a parent exchange makes a PARENT_CONTACT, a talk with a student a TALK, and
 * no exchange at all an OBSERVATION.
 */
final class KindClassifier {
    record Decision(Kind kind, int start, int end) {}

    /** A voice note's fillers and pauses (那个, 嗯, 就是, spaces). */
    /** The chars of a time said before 提醒我 (两天后提醒我, 明早八点提醒我, 下周一提醒我). */
    private static final String WHEN_CHARS = "[0-9一二三四五六七八九十两半个天周月日号点前后明今早晚上下中午底初礼拜星期末]";
    /**
     * A request to the bot opening the note, after fillers (那个 提醒我…) or a time (两天后提醒我…); 让我 before a day is a
     * dictated 提醒我 (让我礼拜四…).
     */
    private static final Pattern REMIND_LEAD = Pattern.compile(
            "(?:" + Fillers.OR_BLANK + "|[,，])*(?:" + WHEN_CHARS + "{1,8}?(?=提醒我))?(提醒|记得|别忘|不要忘|帮我记|让我(?=[^,.;!?。\\s]{0,2}(周|星期|礼拜|明天|后天|下周|下个?月|月底|今天|今晚|上午|中午|下午|晚上|\\d)))");
    private static final GatedPattern REMIND_ANY = GatedPattern.compile("提醒我|提醒一下我|到时候?提醒|记得|别忘|不要忘|帮我记");
    private static final GatedPattern PLAN = GatedPattern.compile(
            "打算|准备|预计|找时间|找个时间|约谈(?!了|过)|抽空|抽时间|改天|有空再|回头再|择日|计划(?=.{0,3}(和|跟|找|去|给|与|开|家访|组织))|安排在|定在|定于"
                    + "|(?<![需主重只想不])要(?=和|跟|找|去|给|与|开|交|把|组织|家访|联系)|再(?=找|和|跟|聊|谈|家访|联系|约|看|问)");
    /**
     * 今天得找□□□聊聊, 那个 明天得找…: the teacher's own must, opening the note after fillers, plans whatever the reasons after it
     * tell of the past (…，上个礼拜的作业就交了一半); after a report it is the report's follow-up.
     */
    private static final Pattern MUST_OPENS = Pattern.compile(
            "^(?:" + Fillers.OR_BLANK + ")*(今天|明天|今晚|下午|晚上|这周|周末)?我?还?(必须|得)(?=找|和|跟|去|给|联系|约|好好)");

    /** The parent words of the lexicon: the teacher turns to a parent (给□□爸爸, 和她妈妈, 联系了家长)... */
    private final GatedPattern toParent;
    /** ...or a parent acts towards the teacher (奶奶今天来学校了, 妈妈打电话来说). */
    private final GatedPattern fromParent;
    private final GatedPattern parentAddressesMe;
    /** A parent's message pasted into the note (「□□妈妈：…」). */
    private final GatedPattern forwarded;
    private final GatedPattern parentCameAndTalked;
    private final TopicLexicon topics;
    private final FlagDetector flags;

    KindClassifier(Lexicon lexicon, TopicLexicon topics, FlagDetector flags) {
        String parent = lexicon.alternation("parent-words");
        this.toParent = GatedPattern.compile(
                "((?<![写寄送带留交拿递])给|(?<!不想|不愿|不肯|不要)(跟|和|与|同)|加上?了?|回了|联系上?|约|拜访|见了|见到|碰上|碰到|碰见|遇到|遇见|打给|致电|通知|告知|回复|问候|慰问|问|请|连线|视频连线)了?(□+|他|她|孩子|学生)?(他|她)?的?(" + parent + ")"
                        // living with a parent, quarrelling with one or going somewhere with one is family life, not a contact
                        // (跟奶奶住, 和爸爸吵了一架, 跟他阿爸去了一趟东莞), and so is a wish not to be with one (不想跟他奶在这边)
                        + "(?![^,.;!?。]{0,3}(住|生活|长大|过日子|过(?!了|一遍)|相依|吵|闹|顶嘴|冷战|上坟|烧纸|扫墓|守灵|去了|去过|回了|回老家|走了))");
        this.fromParent = GatedPattern.compile(
                // 奶奶家 is a place, not grandmother acting; a parent who came (妈妈来了, 赶到学校) is met in person
                // 用他妈手机给我发消息: the parent's phone in the student's hand, not the parent writing
                "(?<!(?:用|拿|借|偷)(?:他|她|□{1,3})?的?)(" + parent + ")(?!家)[^,.;!?。 ]{0,8}?(打电话|打来|来电|电话|来校|来学校|到校|到学校来|来了学校|到了学校|(?<!回)来了(?!电话)|(?<!回)来的(?!电话|消息|信息|微信|时候)|来(开|参加)了?家长会|赶到(?!医院|家|派出所|现场)|赶来|发来|发消息|发信息|发微信|"
                        + "回复|回消息|回了?(微信|信息|短信|电话|消息)|回电|打(了|电话)?过来|回过来|打回来|微信上?讲|见了一?面|未回复|没回|没有回|没接|没人接|联系我|找我|来找|面谈|见面|沟通|反映|说(?!过)|表示|希望|请了?假|要求|问我|发了|"
                        + "私信|私聊|加了?我|留言|语音|视频|给我打|给我发|在群里|回了?我|拦[到住着]我|叫住我|拉[住着]我|等我|问|碰上|碰到|碰着|在办公室坐了"
                        // 家长会后□□他妈留下来: a guardian who stayed
                        + "|留下来"
                        // 他爷爷发现人不在了，打电话给我: the guardian's call in the clause after
                        + "|[^,.;!?。]{0,10}[,\\s]\\s*[^,.;!?。]{0,3}?(打电话给我|给我打了?电话|打来电话|打电话跟我|在[^,.;!?。]{0,6}见(的|了)?一?面)"
                        // 他妈从油田上赶回来接他，在宿舍楼下碰上说了几句: met by chance in the clause after the guardian's coming
                        + "|[^,.;!?。]{0,20}[,\\s]\\s*在[^,.;!?。]{1,6}(碰上|碰到|碰见|遇上|遇到)(了|说了|聊了|讲了))");
        // 严肃奶奶放学接娃儿的时候在校门口跟我说: a parent who opens the clause is its subject however long the way to me
        // a guardian opening a clause, after a filler, the student's name or a pronoun (那个□□妈妈…, 他奶奶…)
        String guardianOpens = "(?:^|(?<=[,.;!?。\\s]))(?:那个|就是|嗯|今天|昨天|刚才|早上|上午|中午|下午|晚上|放学后?|(?:周|星期|礼拜)[一二三四五六日天]|[0-9.月日号]*家长会(?:[后上]|完了?|结束后?|散了)?|\\s)*(?:□+的?)?(?:他的?|她的?)?(" + parent + ")";
        this.parentAddressesMe = GatedPattern.compileAfter(guardianOpens
                + "[^,.;!?。]{0,20}?(跟我|和我|对我|给我|向我|问我|告诉我|找我|拦[到住]我|叫住我|拉住我)", ",.;!?。 \n");
        // 舅舅来接他的时候 在校门口聊了几句, 家长会后□□舅舅留下来聊了, □□她嗲嗲今天下午到学校来…，在办公室坐了一会儿,
        // □□他爹爹今天来接他，在校门口跟我说: a guardian who came opens the sentence, and its talk has no one else to be with
        this.parentCameAndTalked = GatedPattern.compileAfter(guardianOpens
                + "[^,.;!?。他她□]{0,5}?(?:来|过来|到|送(?:他|她|□+)?(?:返校|回校|来|到校))[^。!?]{0,20}?(?:聊了|谈了|说了几句|交流了|沟通了|在办公室坐了|跟我(?:说|讲)|拉着我|跟(?:他|她)讲了)(?![他她□])", ",.;!?。 \n");
        this.forwarded = ChannelDetector.forwardedMessage(parent);
        this.topics = topics;
        this.flags = flags;
    }

    private static final GatedPattern CONTACT_OTHER = GatedPattern.compile(
            "家访|家长群|打了[^,.;!?。]{0,3}[次遍](才|都)?(接|打通|没人接|没接)|^\\s*(电话|通话|来电|回电|面谈|见面)\\s*(:|\\s(?=□))[^,.;!?。]{0,8}?(" + KinWords.STARTS + "|伯|婶)|(去|到)了□+家(?!长)|(去|到)了?□+(他|她)?的?(" + KinWords.STARTS + "|伯|叔)[^,.;!?。家]{0,2}家(?!长)|在(□+|他|她)家(坐|待|呆)了|(电话|打了?.{0,6}电话)[^,.;!?。]{0,6}(没人接|没接|未接|无人接听|打不通)|在群里.{0,6}发"
                    // the families of several students reached (分别打了两家的电话, 给他们家里一个个打了电话, 六个娃家里都打电话问了一遍)
                    + "|(?<![□他她])(给|跟|和)[^,.;!?。]{0,10}?(学生|孩子|娃|他们|她们|□+[、和跟与]□+)[^,.;!?。]{0,2}?家里?(都|一个个|挨个)?[^,.;!?。]{0,3}(打了?|发了?|通了?)(个|了)?(电话|微信|视频|消息)"
                    + "|打了[^,.;!?。]{0,2}(两|三|几|各)家的?电话|家里都打了?电话");
    /** Words after which the clause is what someone said or asked (妈妈在微信上问周末补课怎么安排): its days are theirs. */
    private static final GatedPattern SAID_OR_ASKED = GatedPattern.compile("说(?!话)|告诉我|提到|讲|问");

    /** Words that put what follows in someone's mouth: a parent named there is not contacted. */
    private static final GatedPattern SPEECH = GatedPattern.compile("说(?!话)|告诉我|提到|讲");

    Decision classify(String s, boolean namesSomeone, List<DateResolver.TimeExpr> times, LocalTime now) {
        // thanks that tell of a risk (谢谢你，他昨晚说不想活了 is not all thanks, but 谢谢你提醒我他想自杀的事 opens on thanks) are not filed away
        if (Pleasantries.only(s) && !flags.safetyIn(s)) return new Decision(Kind.OTHER, 0, s.length());
        Decision query = Questions.putToTheBot(s);
        Matcher lead = REMIND_LEAD.matcher(s);
        boolean remindLead = lead.lookingAt();   // the opening alone; 提醒我月底前收齐成长档案 sets a task, whatever record it names; ? or 吗 still asks
        if (query != null && !tellsOfARisk(s) && !(remindLead && !Questions.asksOutright(s))) return query;
        if (remindLead) return new Decision(Kind.REMINDER, lead.start(1), lead.end(1));
        // by the note's clock, the whole note is the teacher's step still to come today (下午给□□调寝室 at 13:40, nothing done after it)
        int[] clock = PartsOfTheDay.plan(s, now);
        if (clock != null) return new Decision(Kind.REMINDER, clock[0], clock[1]);
        Matcher must = MUST_OPENS.matcher(s);
        if (must.lookingAt() && !exchangeAfter(s, must.end())) return new Decision(Kind.REMINDER, must.start(2), must.end(2));
        boolean pastMarker = DateResolver.PAST.foundIn(s);   // looked up once: both tests below need it
        Once spoke = new Once(() -> studentSpokeFirst(s));   // asked by both tests below
        boolean reportsPast = pastMarker || reportsPast(s, times, spoke);
        GatedPattern.Scan q = Questions.QUERY.scan(s);
        // 电话：□□姆妈。…: a note headed by its exchange tells one had, whatever it asks of someone after
        boolean happened = pastMarker || times.stream().anyMatch(t -> t.role() == DateResolver.Role.PAST) || spoke.get()
                || HEADED_AS_REPORT.matcher(s).lookingAt();
        if (!happened && q.find() && !tellsOfARisk(s)) return new Decision(Kind.QUERY, q.start(), q.end());
        GatedPattern.Scan asked = REMIND_ANY.scan(s);
        boolean remindMe = false;
        while (!remindMe && asked.find()) remindMe = asked.group().startsWith("提醒");   // 记得提醒我: the request is the 提醒
        if (reportsPast && remindMe) {
            // 月底了，提醒我…: the past words only set the scene when no exchange is reported before the request
            String before = s.substring(0, Clauses.clauseStart(s, asked.start()));
            if (!TalkWords.TALK.foundIn(before) && firstContact(before) == null) return new Decision(Kind.REMINDER, asked.start(), asked.end());
        }
        if (!reportsPast) {
            GatedPattern.Scan r = REMIND_ANY.scan(s);
            if (r.find()) return new Decision(Kind.REMINDER, r.start(), r.end());
            for (DateResolver.TimeExpr t : times) {
                // a deadline falling today (月底前, on the last day of the month) still plans; a day in someone's words does not
                if ((t.role() == DateResolver.Role.FUTURE || t.deadline()) && !inSpeech(s, t.start()) && !askedOf(s, t.start())) {
                    return new Decision(Kind.REMINDER, t.start(), t.end());
                }
            }
            GatedPattern.Scan p = PLAN.scan(s);
            if (p.find()) return new Decision(Kind.REMINDER, p.start(), p.end());
            int[] today = EventDays.laterTodayPlan(s);
            if (today != null) return new Decision(Kind.REMINDER, today[0], today[1]);
        }
        return report(s, namesSomeone, times);
    }

    /** An exchange told after the opening clause (…，下午找了，他说…): the must was met, and the note reports it. */
    private boolean exchangeAfter(String s, int from) {
        String rest = s.substring(Math.min(s.length(), Clauses.clauseEnd(s, from) + 1));
        return TalkWords.TALK.foundIn(rest) || firstContact(rest) != null;
    }

    /**
     * A completion marker, a past day, or a today-expression in a clause that names an exchange
     * (今天下午和张小明谈心) all say the note reports something that happened. The caller has
     * already looked for a completion marker.
     */
    private boolean reportsPast(String s, List<DateResolver.TimeExpr> times, Once spoke) {
        if (HEADED_AS_REPORT.matcher(s).lookingAt()) return true;   // 谈：□□，…；约好每周二…: the heading tells an exchange had
        if (statesBeforePlanning(s, times) || parentReachedOutFirst(s, times)) return true;
        // 苏沐晨说下礼拜三想跟我聊: the student told the teacher, whatever day the words name
        if (spoke.get()) return true;
        for (DateResolver.TimeExpr t : times) {
            if (t.role() == DateResolver.Role.PAST) return true;
            if (t.role() == DateResolver.Role.TODAY && !t.deadline()) {
                String clause = Clauses.clauseAt(s, t.start());
                if (!DateResolver.PLAN.foundIn(clause)
                        && (TalkWords.TALK.foundIn(clause) || firstContact(clause) != null)) return true;
            }
        }
        return false;
    }

    /**
     * A parent or guardian reached the teacher (寒假里□□妈妈跟我视频, 小姨来校面谈) in a clause before any plan: that
     * happened, whatever the note then plans (开学前我再跟□□聊聊).
     */
    private boolean parentReachedOutFirst(String s, List<DateResolver.TimeExpr> times) {
        for (int i = 0; i < s.length(); ) {
            int end = Clauses.clauseEnd(s, i);
            String clause = s.substring(i, end);
            if (plans(clause, i, end, times) || SUPPOSITION.foundIn(clause)) return false;
            // the parent acts, not the teacher turning to them (下午跟他爸爸通个电话 may be a plan)
            if ((fromParent.foundIn(clause) || parentAddressesMe.foundIn(clause)) && !toParent.foundIn(clause)) return true;
            i = end + 1;
        }
        return false;
    }

    private static final GatedPattern SUPPOSITION = GatedPattern.compile("如果|要是|万一|假如|等");

    /** The clause [from, to) of the note plans: a coming day or deadline in it, a plan word, or a request to be reminded. */
    private static boolean plans(String clause, int from, int to, List<DateResolver.TimeExpr> times) {
        return futureIn(times, from, to) || DateResolver.PLAN.foundIn(clause) || REMIND_ANY.foundIn(clause);
    }

    /** A coming day, or a deadline, named in [from, to) of the note. */
    private static boolean futureIn(List<DateResolver.TimeExpr> times, int from, int to) {
        return times.stream().anyMatch(t -> t.start() >= from && t.start() < to && (t.role() == DateResolver.Role.FUTURE || t.deadline()));
    }

    /**
     * "李华这次月考退步很多，周五前和他家长沟通一下": a clause describing a named student's state,
     * before any planning clause, makes the note an observation that also plans (a note that
     * reports and plans keeps the kind of the report, its plan becoming the follow-up). A plan followed by its reason (两周后再找她，她最近...) stays a plan.
     */
    private boolean statesBeforePlanning(String s, List<DateResolver.TimeExpr> times) {
        int i = 0;
        boolean dictatedName = false;   // 于阳 那个 今天又没交作业: a name said on its own is the next clause's subject
        boolean named = false;          // □□最近老是趴着，作业交得零零散散: the sentence's later clauses go on about the student
        while (i < s.length()) {
            int end = Clauses.clauseEnd(s, i);
            String clause = s.substring(i, end);
            if (plans(clause, i, end, times)) return false;
            String bare = Fillers.strip(clause);
            // a time opening the clause starts another event (今天中午找□□，下午跟他爸爸通个电话)
            named = clause.indexOf(NoteText.NAME_MASK) >= 0 || named && !OPENS_WITH_TIME.matcher(bare).lookingAt();
            if ((dictatedName || named) && (!topics.find(clause).isEmpty() || flags.anyIn(clause))) {
                return true;
            }
            if (!bare.isEmpty()) dictatedName = bare.chars().allMatch(c -> c == NoteText.NAME_MASK);
            if (end < s.length() && Clauses.isSentenceBreak(s, end)) named = false;
            i = end + 1;
        }
        return false;
    }

    private static final Pattern OPENS_WITH_TIME = Pattern.compile("(今天|明天|后天|昨天|上午|中午|下午|晚上|早上|傍晚|周|下周|下礼拜|礼拜|星期)");

    /** A note headed by its kind in the teacher's shorthand (谈：□□，迟到; 电话：□□外婆。…; 电话 □□他老汉 寒假补课 已沟通): an exchange had, whatever it plans. */
    private static final Pattern HEADED_AS_REPORT = Pattern.compile("\\s*(谈|谈话|谈心|个谈|面谈|电话|通话|家访|来电)\\s*(:|\\s(?=□))");

    /**
     * Among reports, the first exchange named wins. An exchange named in a planning clause
     * (周五前和她家长沟通一下) has not happened yet, so it does not count.
     */
    private Decision report(String s, boolean namesSomeone, List<DateResolver.TimeExpr> times) {
        int[] contact = firstContact(s);
        if (contact != null && (planning(s, contact[0], times) || NotHadYet.at(s, contact[0], contact[1]))) contact = null;
        int[] talkAt = null;
        GatedPattern.Scan talk = TalkWords.TALK.scan(s);
        while (talk.find()) {
            // 发了一句“别找我”: a talk word inside quoted words is what someone wrote or said, not the exchange
            if (!planning(s, talk.start(), times) && !NotHadYet.at(s, talk.start(), talk.end()) && !Clauses.quoted(s, talk.start())
                    && WithTheTeacher.holds(s, talk.start(), talk.end())) {
                talkAt = new int[]{talk.start(), talk.end()};
                break;
            }
        }
        if (talkAt == null) talkAt = saidOnInTheChain(s, times);
        // □□他大下午打电话来，说…: a contact inside what read as the student's words is the guardian's
        if (contact != null && (talkAt == null || contact[0] <= talkAt[0]
                || contact[0] < talkAt[1] && GUARDIAN_OF.matcher(s.substring(talkAt[0], contact[0])).matches())) return new Decision(Kind.PARENT_CONTACT, contact[0], contact[1]);
        if (talkAt != null) return new Decision(Kind.TALK, talkAt[0], talkAt[1]);
        if (contact != null) return new Decision(Kind.PARENT_CONTACT, contact[0], contact[1]);
        if (namesSomeone) return new Decision(Kind.OBSERVATION, 0, 0);
        return new Decision(Kind.OTHER, 0, 0);
    }

    /**
     * The student's name, a pronoun or 的 before a contact (□□□他大下午打电话来, 早上他大打电话来): the guardian of the
     * student named or spoken of.
     */
    private static final Pattern GUARDIAN_OF = Pattern.compile("\\s*(□+(他|她)?|他|她)的?");

    /** A clause that opens on 说 with no subject of its own (…手腕上又多了几道口子，她自己拿刀刻的，说心里难受): the subject is the sentence's. */
    private static final GatedPattern BARE_SAID = GatedPattern.compile(
            "(?:^|(?<=[,\\s]))(?:今天|刚才|后来|最后|下午|中午)?(?:又|还|就|也|都|只|终于|哭着|笑着|小声|偷偷地?|低着头|红着眼圈?|支支吾吾地?)?(说|讲)(?!话|座|课|解|得|明|好|不定|实话)");
    /** The sentence opens on the student (□□, 他, 她) after fillers and a time, and no one else is named before the 说. */
    private static final Pattern STUDENT_OPENS = Pattern.compile(
            "^\\s*(?:那个|嗯+|就是|然后|\\s)*(?:[今昨前]天|[今昨]晚|早上|上午|中午|下午|晚上|刚才|这几天|最近)?[^,□他她]{0,4}?[□他她]");
    /** Someone else, or a body that speaks (厂里打了个不合格，说…; 派出所来电话，说…), may be the 说's subject. */
    private static final GatedPattern SOMEONE_ELSE = GatedPattern.compile(TalkWords.OTHER_PEOPLE
            + "|医生|校医|警|保安|老板|厂方|(?<![去到在回进])(厂里|公司|单位|店里|医院|派出所|政教处|德育处|学校|村里|社区|居委会)");

    /**
     * Chinese carries a sentence's subject over its clauses: a clause opening on a bare 说 after clauses about the
     * student is the student speaking, to the teacher unless it was written, public or told by someone else.
     */
    private static int[] saidOnInTheChain(String s, List<DateResolver.TimeExpr> times) {
        GatedPattern.Scan said = BARE_SAID.scan(s);
        while (said.find()) {
            int from = Clauses.sentenceStart(s, said.start());
            if (from == said.start() || planning(s, said.start(), times)) continue;
            String before = s.substring(from, said.start());
            if (!STUDENT_OPENS.matcher(before).find() || SOMEONE_ELSE.foundIn(before) || WithTheTeacher.WRITTEN_OR_PUBLIC.foundIn(before)) continue;
            // 他说在网上认识了一个人，说带他去广东: a 说 already told earlier in the sentence, and not to the teacher, goes on
            if (before.contains("说") || before.contains("讲")) continue;
            return new int[]{said.start(), said.end()};
        }
        return null;
    }

    private static boolean studentSpokeFirst(String s) {
        // only a match opening within the first 12 chars counts, and one that does fits in the first 60
        GatedPattern.Scan spoke = TalkWords.STUDENT_SPOKE.scan(s.length() > 60 ? s.substring(0, 60) : s);
        return spoke.find() && spoke.start() < 12;
    }

    /**
     * A note of several clauses that tells of a risk is a report, whatever question or query word it holds (他爸回来就查成绩;
     * 他跟我说不想活了，这种情况要报告吗？): a query's record keeps no flags, and the class head must hear of the risk.
     */
    private boolean tellsOfARisk(String s) {
        int first = Clauses.clauseEnd(s, 0);
        return first < s.length() && !s.substring(first + 1).isBlank() && flags.safetyIn(s);
    }

    /** True when the clause at {@code at} plans (a future day, a deadline, a plan word) and reports nothing done. */
    private static boolean planning(String s, int at, List<DateResolver.TimeExpr> times) {
        int from = Clauses.clauseStart(s, at), clauseEnd = Clauses.clauseEnd(s, at);
        // what follows a 说 is what was said: its days and plans are not the exchange's (给我发消息说…放学后收拾他)
        GatedPattern.Scan said = SAID_OR_ASKED.scan(s.substring(at, clauseEnd));
        int to = said.find() ? at + said.end() : clauseEnd;
        String before = s.substring(Math.max(from, at - 3), at);
        if (before.contains("再")) return true;   // 再找他谈一次: the next talk, not this one
        // …。下午跟两边家长说明情况: the note ends on the teacher's next step (looked for only in the note's last clause)
        if (Clauses.endsTheNote(s, clauseEnd)) {
            int[] later = EventDays.laterTodayStep(s);
            if (later != null && Clauses.clauseStart(s, later[0]) == from) return true;
        }
        // 我先找他聊聊: what the teacher will do first, unless the clause tells it done (先找他聊了聊)
        if (before.contains("先") && !DateResolver.PAST.foundIn(s.substring(from, to))) return true;
        // a dictated run-on clause: a coming day after everything it reports plans what follows it (…问了才晓得…明天我跟她妈妈打个电话)
        if (times.stream().anyMatch(t -> t.start() >= from && t.start() < at && (t.role() == DateResolver.Role.FUTURE || t.deadline())
                && !DateResolver.PAST.foundIn(s.substring(t.end(), to)))) return true;
        String clause = s.substring(from, to);
        if (DateResolver.PAST.foundIn(clause)) return false;
        // a dictated run-on clause holds the whole note: only a plan word near the exchange plans it (问她她就说 is
        // not planned by 每天早上都要她爸送 twenty chars before)
        String near = s.substring(Math.max(from, at - PLAN_REACH), to);
        // 上周五约了家长来学校: an arrangement on a past day is part of the report
        if (times.stream().anyMatch(t -> t.start() >= from && t.start() < to && t.role() == DateResolver.Role.PAST)) return false;
        return futureIn(times, from, to) || DateResolver.PLAN.foundIn(near);
    }

    /** How far before an exchange a plan word may stand and still plan it (打算下周找个时间和他好好谈谈). */
    private static final int PLAN_REACH = 15;

    /** The earliest sign of an exchange with a parent, outside reported speech; null if none. */
    int[] firstContact(String s) {
        int[] best = null;
        for (GatedPattern p : List.of(toParent, fromParent, parentAddressesMe, parentCameAndTalked, forwarded, CONTACT_OTHER)) {
            GatedPattern.Scan m = p.scan(s);
            while (m.find()) {
                if (p != CONTACT_OTHER && inSpeech(s, m.start())) continue;
                // 派出所已经联系了她婆婆, 网管一早打电话给了他家公: someone else reached the family, not the teacher
                if (p == toParent && (byAnotherParty(s, m.start()) || byTheStudent(s, m.start()))) continue;
                if (p == CONTACT_OTHER && !familyPhone(s, m.start(), m.group())) continue;
                if (best == null || m.start() < best[0]) best = new int[]{m.start(), m.end()};
                break;
            }
        }
        return best;
    }

    /** Another party who acts in the clause before a contact, with the teacher not in it (派出所已经联系了她婆婆). */
    private static final GatedPattern ANOTHER_PARTY = GatedPattern.compile(
            "(?<![在到去从跟和同找给镇县乡市区])(派出所|民警|警察|公安|网管|宿管|门卫|保安|校医|站里|表哥|表姐|同学|对方|政教处|德育处|学校|心理老师|班主任|\\p{IsHan}老师)");

    private static boolean byAnotherParty(String s, int at) {
        String lead = s.substring(Clauses.clauseStart(s, at), at);
        return ANOTHER_PARTY.foundIn(lead) && !lead.contains("我");
    }

    /** The student opens the clause and reaches their family (□□今晚在寝室给她阿婆写了一封信), with the teacher not in it. */
    private static boolean byTheStudent(String s, int at) {
        String lead = Fillers.strip(s.substring(Clauses.clauseStart(s, at), at)).strip();
        return (lead.indexOf(NoteText.NAME_MASK) == 0 || lead.startsWith("他") || lead.startsWith("她")) && !lead.contains("我");
    }

    /** □□电话一直没接, 他…电话也打不通: the student's own phone, not a call to the family. */
    private static boolean familyPhone(String s, int at, String match) {
        if (!match.contains("电话") && !match.startsWith("打了") || match.contains(":")) return true;   // 家访, 家长群, 电话：□□伯母: the family's by their words
        String before = s.substring(Math.max(0, at - 2), at);
        if (before.endsWith(String.valueOf(NoteText.NAME_MASK)) || before.equals(NoteText.NAME_MASK + "的")) return false;
        // 电话也打不通 after 他还没回宿舍: nobody of the family is named, so it is the student's phone
        return FAMILY_WORD.foundIn(s.substring(Clauses.sentenceStart(s, at), at + match.length()));
    }

    private static final GatedPattern FAMILY_WORD = GatedPattern.compile("(?<!大)家|母亲|父亲|监护人|" + KinWords.STARTS);

    /** 问我下周三的竞赛报名截止没有: the day is in a question someone asked. */
    private static boolean askedOf(String s, int at) {
        return Questions.ASKED_ME.foundIn(s.substring(Clauses.clauseStart(s, at), at));
    }

    /** True when a 说 (or similar) earlier in the same clause makes this someone's words. */
    static boolean inSpeech(String s, int at) {
        String before = s.substring(Clauses.clauseStart(s, at), at);
        return SPEECH.foundIn(before);
    }
}
