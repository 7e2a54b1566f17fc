package app.mentorbot.conversations.understanding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How a parent contact happened: by phone, a home visit, online, in person. The first channel word in the note wins,
 * since later ones tend to be content ("打电话说…下次来学校"), unless it is the student's own (a post in the class group).
 * A notice sent with no channel named (发了…通知/提醒) is ONLINE by convention.
 */
final class ChannelDetector {
    record Found(Channel channel, int start, int end) {}

    private final Map<Channel, Cues> cues = new LinkedHashMap<>();
    private final GatedPattern forwarded;

    /**
     * A parent's message pasted into the note (「□□妈妈：老师，…」已回复): a contact the parent started
     * online, whatever channel the answer took. {@code parent} is the lexicon's parent-words alternation.
     */
    static GatedPattern forwardedMessage(String parent) {
        return GatedPattern.compile("(?:^|(?<=[「“\"『\\n]))\\s*(?:□+的?)?(?:他的?|她的?)?(" + parent + ")\\s*:"
                // 「老师您好，我是□□的姑姑…」, 「俺是□□她娘…」 (俺 read as 我): a message that introduces its writer
                + "|[「“\"『][^」”\"』]{0,12}?我是(?:□+)?(?:他|她)?的?(" + parent + ")");
    }

    ChannelDetector(Lexicon lexicon) {
        forwarded = forwardedMessage(lexicon.alternation("parent-words"));
        // ONLINE first: 视频通话 must not be read as a phone call
        for (Channel c : List.of(Channel.ONLINE, Channel.HOME_VISIT, Channel.PHONE, Channel.IN_PERSON)) {
            cues.put(c, lexicon.cues("channel-" + c.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        }
    }
    /** A notice, or anything sent to or by a parent (给家长发了期中成绩分析, 发给□□妈妈, 通知他婆婆, 他爸发来截图), with no channel named. */
    private static final GatedPattern NOTICE = GatedPattern.compile("发了?[^,.;!?。]{0,12}(通知|提醒)|"
            + "(给|向)[^,.;!?。]{0,10}(" + KinWords.STARTS + ")[^,.;!?。]{0,3}发(了|过|去)?(?!烧|火|脾气|抖|愁|呆|言)|"
            + "发给[^,.;!?。]{0,10}(" + KinWords.STARTS + ")|"
            // the teacher told a guardian, by no channel named (已经通知他婆婆)
            + "通知了?(□+)?(他|她)?的?(" + KinWords.STARTS + ")|"
            // a guardian who sent something (他爸发来几张截图, 妈妈发过来医院的诊断), by no channel named
            + "(" + KinWords.STARTS + ")[^,.;!?。]{0,2}发(来|过来)(?!烧|火|脾气|抖|愁|呆)");

    private static final GatedPattern PARENT_SPOKE = GatedPattern.compile(
            "(" + KinWords.STARTS + "|叔|婶)[^,.;!?。]{0,3}(说|讲|问我|告诉我|反映|表示)");

    private static final Pattern NOT_HAPPENED = Pattern.compile("(没|未|不|没有)$");

    /** A change of plan: the channel named after it is the one used (约了来学校，没来，改成电话沟通). */
    private static final GatedPattern SWITCH = GatedPattern.compile("改成|改为|改用|换成|改打|只好|只能");

    Found detect(String s) {
        GatedPattern.Scan fw = forwarded.scan(s);
        if (fw.find()) {
            Found named = first(s);
            if (named == null || named.start() > fw.start()) return new Found(Channel.ONLINE, fw.start(), fw.end());
        }
        GatedPattern.Scan sw = SWITCH.scan(s);
        if (sw.find()) {
            Found after = first(s.substring(sw.end()));
            if (after != null) return new Found(after.channel(), after.start() + sw.end(), after.end() + sw.end());
        }
        return first(s);
    }

    /** The student opens the clause, with no one else (a guardian, the family, another adult, the teacher) up to the channel word's end. */
    private static final Pattern STUDENTS_CLAUSE = Pattern.compile("\\s*□+(?![^,.;!?。]*(" + TalkWords.OTHER_PEOPLE + "|爹|家|他大|她大|我))");
    /** Someone other than the teacher posts in a group (家长群里有人讲…, 有家长在群里说…): a rumour's medium, not the contact's. */
    private static final Pattern SOMEONE_ELSES = Pattern.compile("有人|有家长|别的家长|其他家长|别人");

    /**
     * A channel word in the student's own clause (□□在班级群里发了一句…, □□□寒假钉钉消息一直没回): the student's medium, not the
     * contact's with the family, which a later clause names (打给他爸).
     */
    private static boolean studentsOwn(String s, int at, int end) {
        return STUDENTS_CLAUSE.matcher(s.substring(Clauses.clauseStart(s, at), end)).lookingAt();
    }

    private Found first(String s) {
        Found best = null;
        for (var e : cues.entrySet()) {
            Cues.Span m = e.getValue().find(s);
            // 昨天没来学校, 家长会他家没来人: a meeting that did not happen is no channel
            // and a medium inside someone's quoted words (发了一句“对不起大家，再见了”) is theirs, not the contact's
            while (m != null && (NOT_HAPPENED.matcher(s.substring(Math.max(0, m.start() - 2), m.start())).find() || studentsOwn(s, m.start(), m.end())
                    || s.substring(m.start(), m.end()).contains("群") && SOMEONE_ELSES.matcher(s.substring(Clauses.clauseStart(s, m.start()), m.end() + Math.min(4, s.length() - m.end()))).find()
                    || Clauses.quoted(s, m.start())))
                m = e.getValue().find(s, m.end());
            if (m != null && (best == null || m.start() < best.start()
                    || m.start() == best.start() && m.end() > best.end())) {
                best = new Found(e.getKey(), m.start(), m.end());
            }
        }
        if (best != null) return best;
        GatedPattern.Scan n = NOTICE.scan(s);
        if (n.find()) return new Found(Channel.ONLINE, n.start(), n.end());
        // 向东他外婆说…问我能不能帮忙看着点: a parent who speaks to the teacher with no medium named is met in person
        GatedPattern.Scan spoke = PARENT_SPOKE.scan(s);
        return spoke.find() ? new Found(Channel.IN_PERSON, spoke.start(), spoke.end()) : null;
    }
}
