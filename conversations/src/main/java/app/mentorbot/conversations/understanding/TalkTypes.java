package app.mentorbot.conversations.understanding;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a talk was with one student (or several, each on their own: 分别) or with several together: words of
 * separateness or togetherness first, then who stands in the talk's clause and who is named only in another's words.
 */
final class TalkTypes {
    private TalkTypes() {
    }

    /** Each on their own (分别找了, 单独谈, 把俩人分开各说了几句). */
    private static final GatedPattern SEPARATELY = GatedPattern.compile("分别|各自|逐一|一一|挨个|逐个|单独|个别|轮流|分开各|各(?=说了|讲了|批评了|谈了|聊了)");
    /** A meeting the teacher called (开了个小会, 叫到一起, 全体导生开会); the teacher's talk right after 分别/单独… (分别找了, 单独谈). */
    private static final GatedPattern GATHERED = GatedPattern.compile("小会|开会|开了个会|叫到一起|叫到一块|叫在一起|一起叫|一起谈|一起聊|全体");
    private static final Pattern TALKED_WITH = Pattern.compile("(地|的)?(和|跟|与|给|把)?[^,.;!?。]{0,4}?(找|谈|聊|叫|约|问|交流|沟通|面谈|辅导|见)");
    private static final GatedPattern TOGETHER = GatedPattern.compile("集体|小组交流|小组|一起|一块儿|一块|一同|一道|全体|座谈|团体");
    /** Unnamed students in the plural (和几个学生聊, 找了三个同学): a group whoever is named. */
    private static final GatedPattern UNNAMED_GROUP = GatedPattern.compile(
            "(和|跟|与|同|找了?)(几|两|三|四|五|六|七|八|九|十|[2-9])(个|位|名)(学生|同学|人|孩子|女生|男生|受导生)"
                    // 另外五个人叫到一起, 找□□和他上铺一起谈: the others are there though unnamed
                    + "|(另外|其他)的?(几|两|三|四|五|六|七|八|九|十|[2-9])(个|位|名)(学生|同学|人|孩子|女生|男生)[^,.;!?。]{0,4}(一起|一块)"
                    + "|(和|跟|与)(他|她|□+)的?(上铺|下铺|同桌|室友|舍友|同学|好朋友|朋友|哥们)[^,.;!?。]{0,4}(一起|一块)|(叫|喊|召集)(到|在)一起");

    /** Words that say several people were there at once: plural pronouns, counted people, everyone. */
    private static final GatedPattern SEVERAL = GatedPattern.compile("们|俩|仨|两个|两人|二人|几个|几位|[三四五六七八九十]个|[三四五六七八九十]人|大家|各位|所有|每个人|见面会|班会|培训");

    static TalkType of(NoteReader.Reading r) {
        boolean collective = r.mentions.stream().anyMatch(m -> m.how() == Mention.How.COLLECTIVE), meeting = GATHERED.foundIn(r.s);
        GatedPattern.Scan sep = SEPARATELY.scan(r.s);
        GatedPattern.Scan tog = TOGETHER.scan(r.s);
        int people = r.students.size() + (r.clarify == null ? 0 : (int) r.mentions.stream().filter(m -> !m.pinned()).count());
        while (sep.find()) {
            // 约她下周单独补一下: a plan's 单独 says nothing of the talk that happened
            int at = sep.start();
            if (r.times.stream().anyMatch(t -> t.role() == DateResolver.Role.FUTURE
                    && Clauses.clauseStart(r.s, t.start()) == Clauses.clauseStart(r.s, at) && Math.abs(t.start() - at) <= 10)) continue;
            // 开了个小会…各自说了寒假打算: each speaking in turn at a meeting is still the meeting
            if (meeting && !TALKED_WITH.matcher(r.s).region(sep.end(), r.s.length()).lookingAt()) continue;
            r.evidence("talkType", TalkType.INDIVIDUAL.name(), sep.start(), sep.end());
            return TalkType.INDIVIDUAL;
        }
        // 说了他们两句, 让她们赶紧睡: the teacher turned to several at once, whoever the note names
        if (addressedSeveral(r.s)) return TalkType.GROUP;
        boolean unnamedGroup = UNNAMED_GROUP.foundIn(r.s);
        // one talk about a classmate (林丽说罗佳琪…), one in the talk's clause (…打架。今天找秦朗谈了), each in a sentence (□□考了41…。□□…)
        // or several named with nothing that says they were together (no 一起, 他们, 俩, 几个, no 甲和乙): one talk each
        if (people >= 2 && !collective && !meeting && !unnamedGroup
                && (othersInFirstsWords(r) || oneInTheTalksClause(r) || eachInASentenceOfTheirOwn(r) || nothingSaysTogether(r))) return TalkType.INDIVIDUAL;
        if (people >= 2 || collective || (tog.find() && people != 1) || unnamedGroup) {
            GatedPattern.Scan together = TOGETHER.scan(r.s);
            if (together.find()) r.evidence("talkType", TalkType.GROUP.name(), together.start(), together.end());
            return TalkType.GROUP;
        }
        return TalkType.INDIVIDUAL;
    }

    /** The teacher's word or order to several (说了他们几句, 批评了她们, 让他们把床铺好), outside what someone said. */
    private static final GatedPattern TO_SEVERAL = GatedPattern.compile(
            "(说了|批评了?|训了|教育了|提醒了|(?<![不没别□他她])让|(?<![□他她])叫)(他们|她们|他俩|她俩|俩人|两个人)(?![班家的爸妈])");
    /** A step still to come before it in its clause (明天叫两个人一起说清楚, 下午我让他们两个当面把话讲开). */
    private static final Pattern STILL_TO_COME = Pattern.compile("明天|明早|下午|晚上|待会|等会|回头|再|要|准备|打算|下周|下礼拜|周[一二三四五六日]");

    private static boolean addressedSeveral(String s) {
        GatedPattern.Scan m = TO_SEVERAL.scan(s);
        while (m.find()) {
            if (STILL_TO_COME.matcher(s.substring(Clauses.clauseStart(s, m.start()), m.start())).find()) continue;
            if (outsideWords(s, m.start())) return true;
        }
        return false;
    }

    /**
     * The offset is not in what someone told: no telling before it in its sentence, or the teacher acting after the
     * words ends them (…说袁鑫跟人打起来了，我赶紧过去，一看是俩人在摔跤玩).
     */
    private static boolean outsideWords(String s, int at) {
        String before = s.substring(Clauses.sentenceStart(s, at), at);
        GatedPattern.Scan said = SAYS.scan(before);
        int last = -1;
        while (said.find()) last = said.end();
        return last < 0 || before.indexOf('我', last) >= 0;
    }

    private static boolean nothingSaysTogether(NoteReader.Reading r) {
        return !TOGETHER.foundIn(r.s) && !severalOutsideWords(r.s) && !namesJoined(r);
    }

    /**
     * A word of several people outside what someone said: 唐磊跟我说，食堂里有几个高二的… names the others the student told of
     * (the bullies, mostly), not who the teacher talked with.
     */
    private static boolean severalOutsideWords(String s) {
        GatedPattern.Scan m = SEVERAL.scan(s);
        while (m.find()) if (outsideWords(s, m.start())) return true;
        return false;
    }


    /** Two students named as one subject or object (何志强和江山, 带巧玲、晓红去): they were there together. */
    private static boolean namesJoined(NoteReader.Reading r) {
        for (int i = 1; i < r.mentions.size(); i++) {
            Mention a = r.mentions.get(i - 1), b = r.mentions.get(i);
            // 收了佳乐和刘洋的错题本: their things, not the two of them
            if (a.candidates().equals(b.candidates()) || b.start() - a.end() != 1 || r.s.startsWith("的", b.end())) continue;
            if ("和跟与同及、".indexOf(r.s.charAt(a.end())) >= 0) return true;
        }
        return false;
    }

    /**
     * Several students, each named in a sentence (or a list item) of their own, and no word of togetherness: one
     * talk each (期末成绩出来了。□□历史考了41…说了他两句；□□考得不错…).
     */
    private static boolean eachInASentenceOfTheirOwn(NoteReader.Reading r) {
        if (TOGETHER.foundIn(r.s)) return false;
        Map<Integer, Set<String>> bySentence = new HashMap<>();
        for (Mention m : r.mentions) {
            bySentence.computeIfAbsent(Clauses.sentenceStart(r.s, m.start()), k -> new HashSet<>()).addAll(m.candidates());
        }
        return bySentence.size() >= 2 && bySentence.values().stream().allMatch(ids -> ids.size() == 1);
    }

    /** The clause that names the talk (找秦朗谈了) names exactly one student, and no word of togetherness. */
    private static boolean oneInTheTalksClause(NoteReader.Reading r) {
        if (r.decision.end() <= r.decision.start()) return false;
        int cs = Clauses.clauseStart(r.s, r.decision.start()), ce = Clauses.clauseEnd(r.s, r.decision.start());
        if (TOGETHER.foundIn(r.s.substring(cs, ce))) return false;
        Set<String> in = new LinkedHashSet<>();
        // 诗怡的同桌晓丽来找我: a student named as whose classmate the speaker is, is not in the talk
        for (Mention m : r.mentions) if (m.start() >= cs && m.end() <= ce && !r.s.startsWith("的", m.end())) in.addAll(m.candidates());
        return in.size() == 1;
    }

    /** Someone telling (说, 讲, 告诉我): not the teacher scolding (说了他俩几句). */
    private static final GatedPattern SAYS = GatedPattern.compile("说(?!话|了(他|她|□))|讲(?!座|课|解|得)|告诉我|反映|发消息|发来|问我");

    /** Every student after the first is named only in what the first said (林丽说罗佳琪…, 孙悦来找我，说班里有人…冯强). */
    private static boolean othersInFirstsWords(NoteReader.Reading r) {
        if (r.mentions.size() < 2) return false;
        Mention first = r.mentions.get(0);
        int sentenceEnd = Clauses.sentenceEnd(r.s, first.end());
        GatedPattern.Scan says = SAYS.scan(r.s.substring(first.end(), sentenceEnd));
        if (!says.find() || says.start() > 12) return false;
        int speechFrom = first.end() + says.end();
        for (Mention m : r.mentions.subList(1, r.mentions.size())) {
            if (m.candidates().equals(first.candidates())) continue;
            if (m.start() < speechFrom) return false;
        }
        return true;
    }
}
