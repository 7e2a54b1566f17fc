package app.mentorbot.conversations.understanding;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The five mentor duties a note touches, by lexicon. Deliberately narrow where a word is shared:
 * a subject name alone (物理) is not ACADEMIC, because 选物理化学 is subject choice (CAREER);
 * 考 alone is not ACADEMIC (考军校). Topics are not negated: "没有情绪问题" still touched the subject.
 */
final class TopicLexicon {
    record Hit(Topic topic, int start, int end) {}

    private static final Map<Topic, Pattern> CUES = new EnumMap<>(Topic.class);
    static {
        CUES.put(Topic.THOUGHT, Pattern.compile(
                "思想|态度|纪律|违纪|违反|校规|班规|责任心|责任感|诚信|诚实|撒谎|说谎|骗人|价值观|品德|品行|礼貌|迟到|旷课|逃课|"
                        + "作弊|抄袭|抄作业|规矩|集体荣誉|感恩|尊重|顶撞|叛逆|行为习惯|上课讲话|不服管|检讨|处分|敷衍|懒散|自律|上进心|端正|爱国"));
        CUES.put(Topic.ACADEMIC, Pattern.compile(
                "成绩|学习|作业|考试|期中|期末|月考|周考|小测|测验|测试|分数|\\d+分|考了|考得|没考好|复习|预习|听课|偏科|跟不上|不及格|"
                        + "挂科|退步|进步|名次|排名|错题|笔记|作文|做题|刷题|补课|功课|学业|厌学|背单词|知识点|提分|学不进去|默写|听写|学科|"
                        // a subject name only with a word about doing it (not 选物理, which is CAREER)
                        + "(数学|语文|英语|物理|化学|生物|历史|地理|政治|科学)[^,.;!?。]{0,2}(差|不好|薄弱|基础|题|课|考|学得|不及格)"));
        CUES.put(Topic.PSYCH, Pattern.compile(
                "情绪|压力|焦虑|很烦|心烦|孤立|紧张|心情|低落|郁闷|抑郁|自信|自卑|难过|伤心|哭|流泪|烦躁|烦恼|不开心|心理|孤独|害怕|恐惧|不想活|想死|"
                        + "自杀|自残|轻生|崩溃|失落|沮丧|心态|委屈|想不开|发脾气|暴躁|厌世|闷闷不乐|消沉|不想上学|拒学"));
        CUES.put(Topic.LIFE, Pattern.compile(
                "睡|失眠|熬夜|作息|早起|起不来|起床|手机|游戏|上网|网瘾|健康|身体|生病|发烧|感冒|咳嗽|住院|饮食|吃饭|早饭|早餐|挑食|"
                        + "视力|近视|眼睛|体能|锻炼|运动|体育|朋友|同桌|矛盾|人际|同学关系|宿舍|室友|舍友|住校|零花钱|早恋|恋爱|卫生|生活|"
                        + "离异|离婚|单亲|留守|(跟|和)[^,.;!?。]{0,5}住|一起住|住在|寄宿|家务|请假|打架"));
        CUES.put(Topic.CAREER, Pattern.compile(
                "选科|选课|选(?=物理|化学|生物|历史|地理|政治|文科|理科|技术|物化|史地)|物化生|史地政|文理分科|大学|专业|职业|"
                        + "(?<!导师)工作(?!总结)|理想|志愿|兴趣|特长|爱好|生涯|将来|未来|梦想|军校|计算机|当(医生|老师|律师|警察|工程师|兵)|"
                        + "考研|出国|留学|就业|(生涯|职业|人生|未来)规划|强基|综评|艺考|体考"));
    }

    List<Hit> find(String s) {
        List<Hit> hits = new ArrayList<>();
        for (var e : CUES.entrySet()) {
            Matcher m = e.getValue().matcher(s);
            if (m.find()) hits.add(new Hit(e.getKey(), m.start(), m.end()));
        }
        return hits;
    }
}
