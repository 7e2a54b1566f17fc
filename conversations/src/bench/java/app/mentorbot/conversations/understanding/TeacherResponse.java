package app.mentorbot.conversations.understanding;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sentence that only tells what the teacher did or will do (约了周四再来, 明早再找他聊, 已报告班主任, 给她外婆发了个信息说一声):
 * the teacher's response, not the student's situation. RiskiestSentences never takes one as a SAFETY note's risk: when
 * it did, the model learnt to flag every plan. The reader still lets the model read such sentences: skipping them lost
 * held-out signals, an urgent response (已通知班主任, 马上带去医院) being sometimes the clearest word of a risk a note has.
 */
final class TeacherResponse {
    private TeacherResponse() {}

    /** Opening words of a clause in which the teacher acts: fillers, a time, 我, an adverb. */
    private static final Pattern TEACHER_OPENS = Pattern.compile(
            "^(那个|然后|嗯|就是|\\s)*((今|明|后|昨)(天|早|晚)|上午|下午|中午|晚上|早上|刚才|马上|随后|之后|下(周|个?礼拜|个?星期)[一二三四五六日天]?"
                    + "|(这|本)?(周|礼拜|星期)[一二三四五六日天]|[0-9一二三四五六七八九十]+(月|号|日|点)[0-9一二三四五六七八九十半]*[号日]?|\\s)*"
                    + "(我们?|我和|我跟)?(已经?|马上|立刻|立即|先|再|就|也|还|会|要|准备|打算|计划|一起|及时|继续)*");
    /** What the teacher does about a risk: talk again, arrange, inform, visit, keep watching. */
    private static final Pattern TEACHER_ACTS = Pattern.compile(
            "^(约|给[^,]{0,6}(发|打|回)|找(他|她|□+)?[^,]{0,6}(谈|聊|问|了解|核实)|(和|跟|与)[^,]{0,8}(谈|聊|说|商量|沟通|联系|约)|联系|通知|告知|报告|上报|报给|家访|"
                    + "去(他|她|□+)家|陪|送|打电话|回电|回复|安排|建议|观察|关注|跟进|留意|请|带(他|她|孩子)去)");
    /** Words of the risk itself: a clause holding one is not only the teacher's response. */
    private static final Pattern RISK_WORD = Pattern.compile("被|打(?!电话|了电话|个电话|了个电话|算|招呼)|骂|钱|死|伤|血|刀|割|划|跳|不见|跑|关机|堵|推|踢|威胁|自杀|轻生|哭|怕|疼|痕|印");

    /** A response clause is short: 跟心理老师郭老师约了周四再一起聊 is sixteen chars. */
    private static final int LONGEST = 20;

    /** Whether every clause of the sentence is the teacher acting, and none holds a word of the risk itself. */
    static boolean only(String sentence) {
        for (String clause : sentence.split("[,;:]")) {
            if (clause.isBlank()) continue;
            // a dictated run-on (跟□□聊了聊她说就是班里有几个女生…) opens like a response and goes on to tell the risk
            if (clause.strip().length() > LONGEST || RISK_WORD.matcher(clause).find()) return false;
            Matcher open = TEACHER_OPENS.matcher(clause);
            if (!open.lookingAt() || !TEACHER_ACTS.matcher(clause.substring(open.end())).lookingAt()) return false;
        }
        return true;
    }
}
