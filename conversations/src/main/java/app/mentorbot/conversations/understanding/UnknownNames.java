package app.mentorbot.conversations.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Persons a note names whom no roster form matched ({@link NameMatcher} asks after the roster's own forms): a name where
 * a person stands (和张伟谈心, 陈思语最近…, 有个叫王子涵的学生) that no student has, a slip that sounds like a roster name
 * (the candidates the bot asks about), or surname + 同学 when no student has that surname. Each becomes a mention the
 * dialogue asks about ({@link Mention.How#UNKNOWN}).
 */
final class UnknownNames {
    private final Tiers tiers;
    private final Homophones homophones;
    private final ChineseNames chineseNames;

    UnknownNames(Tiers tiers, Homophones homophones, ChineseNames chineseNames) {
        this.tiers = tiers;
        this.homophones = homophones;
        this.chineseNames = chineseNames;
    }

    /** A person named after a preposition of company and before an exchange verb: 和张伟谈心, 跟陈思语聊. */
    private static final GatedPattern AFTER_WITH = GatedPattern.compile(
            "(?:和|跟|与|同|找|给|帮|陪|表扬|批评|鼓励|提醒|问|约)(\\p{IsHan}{2,4}?)"
                    + "(?=谈|聊|交流|沟通|一起|说|的妈妈|的爸爸|的家长|的奶奶|的爷爷|妈妈|爸爸|家长|奶奶|爷爷|外婆|外公|打|面谈|见面|、|和|,)");
    /** A person introduced by name (有个叫王子涵的学生): no roster student needed to be one. */
    private static final GatedPattern CALLED = GatedPattern.compile(
            "(?:叫|名叫|名字叫)(\\p{IsHan}{2,3}?)(?=的(?:学生|孩子|同学|女生|男生|小朋友|女孩|男孩|巴郎子|丫头|娃娃?|伢子?|小伙子?|姑娘|人|转学生|新生))");

    /** Where a person is introduced by name (有个叫马小龙的孩子): the name's span, start and end, one pair a person. */
    static List<int[]> introduced(String s) {
        List<int[]> out = new ArrayList<>();
        GatedPattern.Scan m = CALLED.scan(s);
        while (m.find()) out.add(new int[] {m.start(1), m.end(1)});
        return out;
    }

    /** Surname + 同学 when no roster student has that surname: 陈同学. */
    private static final GatedPattern TONGXUE = GatedPattern.compile("(\\p{IsHan}{1,2}?)同学");
    /** What follows a name that opens a clause as its subject: a telling, a family word, a day, a lesson, what they did. */
    private static final String SUBJECT_NEXT = "(?=说|跟我说|和我说|的妈妈|的爸爸|的家长|妈妈|爸爸|家长|今天|最近|这两天|这几天|昨天|昨晚|今早|早上|中午|下午|晚上|上课"
            // what the student did or scored this week (杨思琪这周三次迟到, 黄雨英语期末只考了38分)
            + "|这周|这礼拜|这星期|这学期|上周|又|连续|期中|期末|月考|语文|数学|英语|物理|化学|生物|历史|地理|政治|作业"
            // dictated: a name said on its own between pauses (那个 陈浩然 今天…); the northern X他妈, X这孩子
            + "| |他妈|他爸|她妈|她爸|这孩子"
            // what a person does (王梓轩来问我, 林丽没来, 杨秋月被叫去)
            + "|来找|来问|来办公室|没来|被叫|被老师"
            // what they failed to bring or do (张晓明没带工具), where they were (黄利在宿舍一直咳嗽)
            + "|没带|没交|没写|没做|在宿舍|在教室|在操场|在寝室)";
    /** A clause opening with a name as subject: 陈思语最近..., 张伟说... */
    private static final GatedPattern SUBJECT = GatedPattern.compileAfter(
            "(?:^|(?<=[,.;!?。 \\n])|(?<=(?:[一二三四五六七八九0-9][)）]?班|初[一二三]|高[一二三]|年级)的))(\\p{IsHan}{2,3}?)" + SUBJECT_NEXT,
            ",.;!?。 \n的");
    /**
     * The same after a dictation filler or a time of day opening the clause (那个罗蓝今天…, 今天晚上黄利…): a pattern of its
     * own, tried only where a clause opens, so that the subject's is not tried after every 天 or 是 of a note.
     */
    private static final GatedPattern SUBJECT_AFTER_OPENING = GatedPattern.compileAfter(
            "(?:^|(?<=[,.;!?。 \\n]))(?:那个|就是|然后|今天|昨天|今早|昨晚|刚才|(?:今天|昨天)?(?:上午|下午|晚上|中午|早上)|\\p{IsHan}{1,2}课(?:上|间|后|点名)?)(\\p{IsHan}{2,3}?)" + SUBJECT_NEXT,
            ",.;!?。 \n");

    private static final Set<String> NOT_PERSONS = Set.of(
            "他们", "她们", "大家", "同桌", "家长", "孩子", "老师", "全班", "学生", "同学", "班长", "我们", "你们",
            "自己", "别人", "室友", "舍友", "朋友", "父母", "妈妈", "爸爸", "奶奶", "爷爷", "小组", "全体", "所有",
            "课代表", "班主任", "心理老师", "他", "她", "其他", "别的", "有的", "部分", "时间", "个时间", "机会", "空", "时机",
            "对方", "双方");

    /** The persons a note names whom no roster form matched: an unknown name, a slip, or 陈同学 with no such surname. */
    List<Mention> find(String s, String senderId, List<Mention> found) {
        List<Mention> out = new ArrayList<>();
        // the offsets a mention found or added covers: a run tried at nearly every offset asks in a step or four
        boolean[] taken = new boolean[s.length()];
        for (Mention f : found) take(taken, f.start(), f.end());
        for (GatedPattern p : List.of(AFTER_WITH, SUBJECT, SUBJECT_AFTER_OPENING, CALLED)) {
            GatedPattern.Scan m = p.scan(s);
            while (m.find()) {
                String name = m.group(1);
                int a = m.start(1), b = m.end(1);
                if (taken(taken, a, b) || !plausiblePerson(name)) continue;
                List<String> same = tiers.narrowSlip(senderId, homophones.soundingLike(name));
                boolean surnameFirst = chineseNames.isSurname(name.substring(0, 1))
                        || (name.length() >= 3 && chineseNames.isSurname(name.substring(0, 2)));
                // 文言文, 物理题: a dictionary word that is not first of all a name is no unknown person (a roster name sounding like it still is: 和理想聊)
                String nature = NameContext.nature(name);
                // 商量好这周六: a word opening the run is no name either
                String head = NameContext.nature(name.substring(0, 2));
                boolean word = nature != null && !nature.startsWith("nr") || name.length() >= 3 && head != null && !head.startsWith("nr");
                if (!same.isEmpty() || surnameFirst && !word) {
                    out.add(new Mention(a, b, name, same, Mention.How.UNKNOWN));
                    take(taken, a, b);
                }
            }
        }
        // a run of three or four chars sounding like a full roster name is a slip even out of context
        for (int len = 4; len >= 3; len--) {
            int hanRun = 0;   // Han chars ending at i + len - 1
            for (int i = 0; i + len <= s.length(); i++) {
                if (i == 0) { hanRun = 0; for (int k = 0; k < len; k++) hanRun = isHan(s.charAt(k)) ? hanRun + 1 : 0; }
                else hanRun = isHan(s.charAt(i + len - 1)) ? hanRun + 1 : 0;
                if (hanRun < len || !homophones.mayStartLongName(s.charAt(i))) continue;   // cheapest test first
                if (taken(taken, i, i + len)) continue;
                var same = homophones.longNameSoundingLike(s, i, len);
                if (!same.isEmpty()) {
                    out.add(new Mention(i, i + len, s.substring(i, i + len), tiers.narrowSlip(senderId, same), Mention.How.UNKNOWN));
                    take(taken, i, i + len);
                }
            }
        }
        // TONGXUE may start with any char, so it is not gated: look for its word first
        GatedPattern.Scan m = TONGXUE.scan(s);
        boolean tongxue = s.contains("同学");
        while (tongxue && m.find()) {
            String surname = m.group(1);
            int a = m.start(1), b = m.end();
            if (!chineseNames.isSurname(surname) || taken(taken, a, b)) continue;
            if (a > 0 && "任如为几奈".indexOf(s.charAt(a - 1)) >= 0) continue;
            // 和同学关系都还可以, 跟同学闹别扭: a preposition before 同学, not a surname no roster student has
            if (surname.length() == 1 && "和跟与同对向给被把让叫由从帮替陪找问等".contains(surname)) continue;
            List<String> same = tiers.narrow(senderId, homophones.surnameSoundingLike(surname));
            out.add(new Mention(a, b, s.substring(a, b), same, Mention.How.UNKNOWN));
            take(taken, a, b);
        }
        return out;
    }

    /** CJK ideographs (BMP): a range test, no script table look-up. */
    private static boolean isHan(char c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF);
    }

    private static final Pattern TIME_WORD = Pattern.compile("(周|星期|礼拜)[一二三四五六日天末1-7].*|周[围到期末].*");

    private static boolean plausiblePerson(String name) {
        // 问成绩的事, 打给司机问了: a name never holds 的 or 了
        if (NOT_PERSONS.contains(name) || name.contains("老师") || name.contains("师傅") || name.contains("同学") || name.indexOf('的') >= 0 || name.indexOf('了') >= 0) return false;
        for (String w : NOT_PERSONS) if (name.startsWith(w) || name.endsWith(w)) return false;
        char c = name.charAt(0);
        // time words and demonstratives are never names
        if (TIME_WORD.matcher(name).matches()) return false;
        return "今昨明前后上下这那本每星礼刚去来我你他她它".indexOf(c) < 0 && !name.endsWith("们");
    }

    private static void take(boolean[] taken, int a, int b) {
        for (int i = a; i < b; i++) taken[i] = true;
    }

    private static boolean taken(boolean[] taken, int a, int b) {
        for (int i = a; i < b; i++) if (taken[i]) return true;
        return false;
    }
}
