package app.mentorbot.conversations.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flags for the class head (SPEC.md): one student's own state, stronger than a topic.
 *
 * <p>Every cue is checked in its clause for negation (没有被欺负, 情绪不低落) and for being the
 * theme of a talk rather than a state (如何应对考试焦虑, 防欺凌主题). Low mood counts only when it
 * lasts (最近, 一直, 这两天...) or the teacher marks it (重点关注); stress or poor sleep alone is a
 * topic. Self-harm or suicide talk raises SAFETY and PSYCH together.
 */
final class FlagDetector {
    record Hit(Flag flag, int start, int end) {}

    private static final Pattern ACADEMIC = Pattern.compile(
            "跟不上|不及格|挂科|厌学|退步(很多|明显|很大|严重|得厉害)|明显退步|大幅退步|明显下滑|下滑得?(很厉害|厉害|严重)|大幅下滑|下滑明显|"
                    + "下降(很多|明显)|明显下降|下降得?(厉害|严重)|成绩很差|倒数|学不进去|不想学习?|掉了\\d+名|掉了很多");
    private static final Pattern SELF_HARM = Pattern.compile("自残|自伤|割腕|划手|自杀|轻生|不想活|想死|跳楼|活着没意思");
    private static final Pattern SAFETY = Pattern.compile(
            "欺负|霸凌|欺凌|被孤立|排挤|被排斥|打架|斗殴|打人|被打|离家出走|出走|逃跑|失踪|威胁|勒索|敲诈|带刀|刀具");
    private static final Pattern FAMILY = Pattern.compile(
            "离异|离婚|单亲|留守|(父母|爸爸妈妈|爸妈|爸爸和妈妈)[^,.;!?。]{0,3}(在外|外出|去外地)[^,.;!?。]{0,3}(打工|务工|工作)|"
                    + "(条件|家境|经济)[^,.;!?。]{0,4}(困难|贫寒|拮据|不好)|外出打工|在外打工|去世|过世|病逝|丧(父|母|亲)|家庭困难|经济困难|"
                    + "家里困难|生活困难|贫困|低保|家暴|重组家庭|父母不在身边|孤儿|父母[^,.;!?。]{0,2}(分居|闹离婚)|坐牢|服刑|生重病|重病");
    private static final Pattern PSYCH_ALWAYS = Pattern.compile(
            "哭|流泪|掉眼泪|不想上学|不肯上学|不愿(意)?上学|拒绝上学|拒学|不来上学|不想来学校|抑郁|想不开|厌世");
    private static final Pattern MOOD = Pattern.compile(
            "情绪低落|低落|焦虑|郁闷|不开心|难过|心情不好|烦躁|失落|沮丧|消沉|闷闷不乐|情绪不好|情绪不稳|情绪波动|压抑|悲观|紧张|自卑|孤僻");
    private static final Pattern LASTING = Pattern.compile(
            "最近|一直|老是|总是|经常|好几次|这两天|这几天|这段时间|这阵子|持续|长期|近期|天天|每天|近来|连续|反复");
    private static final Pattern MARKED = Pattern.compile("重点关注|特别关注|密切关注|持续关注|多加关注");
    private static final Pattern NEGATION = Pattern.compile("没有?|不|无|未|别|并非|否认");
    private static final Pattern THEME = Pattern.compile("如何|怎么|怎样|主题|关于|讲座|预防|防止|防范|远离|班会|知识|教育");

    List<Hit> find(String s) {
        List<Hit> hits = new ArrayList<>();
        any(s, ACADEMIC, Flag.ACADEMIC, hits);
        any(s, SAFETY, Flag.SAFETY, hits);
        any(s, FAMILY, Flag.FAMILY, hits);
        any(s, PSYCH_ALWAYS, Flag.PSYCH, hits);
        Matcher harm = SELF_HARM.matcher(s);
        while (harm.find()) {
            if (!affirmed(s, harm.start())) continue;
            hits.add(new Hit(Flag.SAFETY, harm.start(), harm.end()));
            hits.add(new Hit(Flag.PSYCH, harm.start(), harm.end()));
            break;
        }
        boolean marked = MARKED.matcher(s).find();
        Matcher mood = MOOD.matcher(s);
        while (mood.find()) {
            if (!affirmed(s, mood.start())) continue;
            String clause = Clauses.clauseAt(s, mood.start());
            if (marked || LASTING.matcher(clause).find()) {
                hits.add(new Hit(Flag.PSYCH, mood.start(), mood.end()));
                break;
            }
        }
        return hits;
    }

    private static void any(String s, Pattern p, Flag f, List<Hit> hits) {
        Matcher m = p.matcher(s);
        while (m.find()) {
            if (affirmed(s, m.start())) {
                hits.add(new Hit(f, m.start(), m.end()));
                return;
            }
        }
    }

    /** Not negated in the few chars before the cue, and not the theme of a talk. */
    static boolean affirmed(String s, int at) {
        int cs = Clauses.clauseStart(s, at);
        String before = s.substring(Math.max(cs, at - 4), at).replaceAll("不住|不了|不禁|不停|不由|不断", "");
        if (NEGATION.matcher(before).find()) return false;
        return !THEME.matcher(s.substring(cs, at)).find();
    }
}
