package app.mentorbot.conversations.understanding;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.hankcs.hanlp.dictionary.CoreDictionary;

/**
 * Whether a word-like form (明明, 高兴) stands where a name stands. "他不太高兴" and "他明明知道"
 * are words; "明明说", "和高兴谈心", "子轩、平平和..." and a clause-opening subject followed by
 * a verb are names.
 */
final class NameContext {
    private NameContext() {}

    /** Chars that, right before the form, make it an adverb/adjective/predicate reading. */
    private static final String WORD_BEFORE = "很太不没挺真最更较蛮都也又就我他她你它得地是会能要可还却才特常非好多越超";
    private static final Pattern DEGREE_BEFORE = Pattern.compile("(特别|非常|十分|格外|相当|比较|有点|有些|越来越)$");
    private static final String NAME_BEFORE_CHARS = "和跟找给与同对把让叫问帮陪替向被带喊、";
    /** Verbs whose object is a person, before 了 and a name (问了乐乐, 踢了乐乐). */
    private static final String VERB_OF_A_PERSON = "问找叫陪帮带喊劝踢打推骂扇揍";
    private static final List<String> NAME_BEFORE_WORDS = List.of("表扬", "批评", "鼓励", "提醒", "通知", "安慰", "关心",
            "联系", "约了", "看到", "看了", "发现", "听说", "还有", "看见", "见到", "约", "收", "家访", "问下", "问一下", "找下", "找一下",
            "留意到", "注意到", "观察到", "见了", "碰到", "遇到", "叫住", "刷到", "围着",
            // force or bullying done to someone (在厕所踢乐乐, 老欺负浩浩): its object is a person
            "踢", "踹", "揍", "欺负");
    private static final List<String> NAME_AFTER = List.of("说", "跟我说", "和我说", "告诉", "的妈妈", "的爸爸", "的家长",
            "的奶奶", "的爷爷", "的外婆", "的外公", "的姥姥", "的母亲", "的父亲", "妈妈", "爸爸", "家长", "奶奶", "爷爷",
            "外婆", "外公", "姥姥", "姥爷", "母亲", "父亲", "同学", "、", "和", "跟", "与", "今天", "昨天", "前天", "最近",
            "这两天", "这几天", "这周", "这两周", "这几周", "这礼拜", "这个礼拜", "这星期", "这个星期", "上周", "提到", "分享", "人没事", "人找到", "人不见", "人还在", "上课", "主动", "又", "也", "还", "被", "在", "来", "去", "因为", "找我",
            "跟我", "和我", "给我", "向我", "对我", "这次", "本次", "这学期", "上学期", "这段时间", "这阵子", "近来", "平时",
            "一个人", "自己", "每次", "每回", "每天", "每晚", "每节", "每堂", "每周", "每个礼拜", "总是", "经常", "一直", "老是", "住校", "室友", "舍友", "那事", "那件事", "的事", "的父母", "的成绩", "的情况", "考", "数学", "语文", "英语", "物理", "化学", "生物", "历史", "地理", "政治", "体育", "美术", "音乐", "成绩", "作业", "同桌", "那个",
            // what a person owns or wears at the opening of a clause: 田野周记里写, 黎明手臂上有几道淤青
            "周记", "作文", "日记", "试卷", "卷子", "家里", "寝室", "宿舍", "本子", "书包", "座位", "手臂", "胳膊", "手腕", "手上", "脸上", "身上", "头上", "腿上", "背上", "嘴角", "眼睛", "眼眶", "鼻子", "额头", "脖子", "手背",
            // where a person sleeps or keeps things (查寝，文静床上被子叠得好好的), and the tests that are theirs (方向月考只考了三十二)
            "床上", "床铺", "抽屉", "桌上", "课桌", "柜子", "枕头", "行李箱", "月考", "期中", "期末");

    private static final Pattern LEADING_TIME = Pattern.compile(
            "\\s*([0-9]{1,2}[.月][0-9]{1,2}[日号]?)?(今天|昨天|前天|刚才|刚刚|最近|这两天|这几天|上午|下午|晚上|中午|早上|今早|昨晚|(上|这|本)?(周|星期|礼拜)[一二三四五六日天]|这[两几]?个?(礼拜|星期|周|月))?"
                    + "(上午|下午|晚上|中午|早上)?\\s*");

    /** A run-on note (周六补课下午高尚来办公室, 那个周全今天跟我说): a time of day or a dictation filler right before opens a clause. */
    private static final Pattern AFTER_TIME_OR_FILLER = Pattern.compile(
            "(那个|嗯+|就是|然后|今天|昨天|前天|刚才|刚刚|上午|下午|晚上|中午|早上|今早|昨晚|课间|午休|课后|的时候"
                    // before or after a routine of the day: 晚自习前常青拿着…, 放学后…
                    + "|(放学|晚自习|早自习|早读)[前后]?|(午休|熄灯|晚饭|午饭)[前后]"
                    // a lesson or a moment sets the scene too: 体育课张扬跳远时…, 六一活动时郑重被…
                    + "|课(上|堂上|间|前)?|(?<![当平有按及同准临])时"
                    // a clock time (昨晚十二点多黎明给我发微信) or a place (食堂里齐心跟别班的人吵起来) sets the scene of the clause
                    + "|[0-9一二三四五六七八九十两]+点(多|半|钟|[0-9一二三四五六七八九十]+分?)?"
                    + "|(食堂|教室|宿舍|寝室|操场|走廊|厕所|办公室|校门口|楼道|车棚|球场|图书馆|考场|实训室|机房|车间)(里|上|外|口|门口)?"
                    // a school routine (早上跑操安然没来, 升旗仪式向阳代表…领誓) sets the scene too; not 我们班 (我们班平安结束 is the class's)
                    + "|跑操|早操|课间操|升旗(仪式)?|晚点名|点名|集合"
                    // a routine just over opens the clause too: 今天补课完方正来办公室找我
                    + "|(补课|上课|下课|考试|开会|班会|集训|月考|期中考?|期末考?|测验)完"
                    // the subject or the test of a score (期中数学文静考了九十八, 英语小测安然又没及格) sets the scene too
                    + "|(期中|期末|月考|单元|模拟)?(语文|数学|英语|物理|化学|生物|历史|地理|政治|科学)(小测|测验|考试)?"
                    // a holiday just over (国庆回来江山跟我讲, 放假前…)
                    + "|(国庆|中秋|五一|元旦|寒假|暑假|放假|周末|过年)(回来|返校|以后|后|前))$");

    private static final Pattern CLASS_BEFORE = Pattern.compile("[0-9一二三四五六七八九十][)）]?班$");

    /** What may open a list item before a name: nothing, a number or a bullet (1. 2) ① -). */
    private static final Pattern LIST_ITEM = Pattern.compile("\\s*(([0-9]{1,2}|[①-⑩一二三四五六七八九十])\\s*[.、)]?|[-*•·])?\\s*");

    private static final Pattern FAMILY_OF = Pattern.compile("(他|她)(爸|妈|爹|娘|爷|奶|姥|外婆|外公|家长|家里|哥|姐|舅|姑|姨|叔|婶|们)");
    private static final Pattern THIS_ONE = Pattern.compile("这(孩子|孩儿|娃|小子|丫头|礼拜|周|星期|学期|次|回|两天|几天|阵子|段时间|个月|个礼拜|个星期|个学期)|这[两几]个?(礼拜|星期|周|月)|这[两几](次|回)|那(道|篇|张|次|件|份)");

    private static final Pattern TOLD_NEXT = Pattern.compile("(今天|昨天|最近|这两天|这几天|刚才|跟我说|和我说|跟我讲|和我讲)");

    /**
     * The char before the form, though one of {@link #WORD_BEFORE}, ends something that opens the clause: 多 ending a
     * clock time (两点多高明发来, not 多高明), or 是 ending a voice note's filler 就是 when a day, a telling, a pronoun
     * taking the form up follows it (那个就是甘甜今天跟我说; 他就是高兴 stays a word), or any 是 before a family member (就是宁静妈妈打过来,
     * 我是文明的姑姑: a guardian's message introducing its writer, 家长会是高兴阿大来的; 我是高兴的 stays a word).
     */
    private static boolean endsAnOpening(String s, int start, int end) {
        char before = s.charAt(start - 1);
        if (before == '多') return start >= 2 && s.charAt(start - 2) == '点';
        if (before == '才') return start >= 2 && s.charAt(start - 2) == '刚';   // 刚才安康他爷打电话来: a time, not 才 + a word
        if (before != '是' || start < 2) return false;
        // 我是文明的姑姑, 俺是方圆她爹 (俺 is read as 我 before names are: a guardian's message introducing its writer), 家长会是
        // 高兴阿大来的, 来的是文静她妈: who a family member belongs to, after any 是
        if (KIN.matcher(s).region(end, s.length()).lookingAt() || FAMILY_OF.matcher(s).region(end, s.length()).lookingAt()) return true;
        // 一看是安静脚上的冻疮破了: what is found is someone's body
        if (BODY.matcher(s).region(end, s.length()).lookingAt()) return true;
        if (s.charAt(start - 2) != '就') return false;
        // what follows shows a person: a day or a telling, a pronoun taking the form up (就是小雅她…), a family member (就是宁静妈妈…)
        int next = end;
        while (next < s.length() && s.charAt(next) == ' ') next++;   // 就是江山 他一直…: a voice note's pause before the pronoun
        return TOLD_NEXT.matcher(s).region(end, s.length()).lookingAt() || TAKEN_UP.matcher(s).region(next, s.length()).lookingAt();
    }

    /**
     * A two-char form inside a doubled word (AABB: 开开心心, 平平安安): its middle (开心, 平安) or either doubled half (开开, 心心),
     * what is said of someone, not a person.
     */
    static boolean inDoubling(String s, int start, int end) {
        if (end - start != 2) return false;
        if (start >= 1 && end < s.length() && s.charAt(start - 1) == s.charAt(start) && s.charAt(end) == s.charAt(end - 1)) return true;
        if (s.charAt(start) != s.charAt(start + 1)) return false;
        // the two halves make a word (开心 of 开开心心; not 婷聊 of 找婷婷聊聊, nor 浩爷 of 浩浩爷爷)
        return end + 1 < s.length() && s.charAt(end) == s.charAt(end + 1) && s.charAt(end) != s.charAt(start)
                        && CoreDictionary.contains("" + s.charAt(start) + s.charAt(end))
                || start >= 2 && s.charAt(start - 2) == s.charAt(start - 1) && s.charAt(start - 1) != s.charAt(start)
                        && CoreDictionary.contains("" + s.charAt(start - 1) + s.charAt(start));
    }

    /**
     * 小马驹, 小松鼠, 小男孩: a 小 + char form whose char begins a noun with the chars after it is the diminutive before that
     * noun (一匹小马驹), not a child's nickname (小马 for 马俊).
     */
    static boolean diminutiveOfANoun(String s, int start, int end) {
        if (end - start != 2 || s.charAt(start) != '小') return false;
        for (int to = end + 1; to <= Math.min(s.length(), end + 2); to++) {
            CoreDictionary.Attribute a = CoreDictionary.get(s.substring(start + 1, to));
            if (a != null && a.nature.length > 0 && "n".equals(String.valueOf(a.nature[0]))) return true;
        }
        return false;
    }

    private static final Pattern DEGREE_AFTER = Pattern.compile("得(很|不得了|要命)|极了");   // not 得多: 吴天明得多练练 is what he must do

    /** A degree right after a form (金贵得很, 安静极了): what is said of something, whatever the roster holds. */
    static boolean degreeAfter(String s, int end) {
        return DEGREE_AFTER.matcher(s).region(end, s.length()).lookingAt();
    }

    static boolean isNameContext(String s, int start, int end, List<int[]> names) {
        char before = start > 0 ? s.charAt(start - 1) : '\0';
        if (before != '\0' && WORD_BEFORE.indexOf(before) >= 0 && !endsAnOpening(s, start, end)) return false;
        if (inDoubling(s, start, end) || diminutiveOfANoun(s, start, end)) return false;
        // 金贵得很, 安静极了: a degree after the form says how something is, not who
        if (degreeAfter(s, end)) return false;
        // 特别齐心, 非常安静: after a two-char degree adverb the form is what is said of someone
        if (DEGREE_BEFORE.matcher(s.substring(Math.max(0, start - 2), start)).find()) return false;
        // 志向高远, 心情安静: the form ends a four-character word, not a person
        if (start >= 2 && end - start == 2 && CoreDictionary.contains(s.substring(start - 2, end))) return false;
        if (before != '\0' && NAME_BEFORE_CHARS.indexOf(before) >= 0) return true;
        // 初二(5)班杜鹃: a class named right before
        if (CLASS_BEFORE.matcher(s.substring(Math.max(0, start - 8), start)).find()) return true;
        // a heading or a list item: 谈：雷霆，…; 1. 安然：月考…
        if (before == ':' || s.startsWith(":", end) && LIST_ITEM.matcher(s.substring(Clauses.clauseStart(s, start), start)).matches()) return true;
        // as long as the longest word before a name (留意到, 问一下)
        String head = s.substring(Math.max(0, start - 3), start);
        String headPast = head.endsWith("了") ? s.substring(Math.max(0, start - 4), start - 1) : "";   // 表扬了方圆
        for (String w : NAME_BEFORE_WORDS) if (head.endsWith(w) || !headPast.isEmpty() && headPast.endsWith(w)) return true;
        // 问了乐乐, 找了高兴: a verb that takes a person, done
        if (!headPast.isEmpty() && VERB_OF_A_PERSON.indexOf(headPast.charAt(headPast.length() - 1)) >= 0) return true;
        // in a list of names: another name right before or after, across a separator
        if (adjacentName(s, start, end, names)) return true;
        // a leading time word does not stop the name from opening the clause: 今天高兴上课...
        String lead = s.substring(Clauses.clauseStart(s, start), start);
        boolean clauseStart = start == 0 || Clauses.isClauseBreak(s, start - 1) || s.charAt(start - 1) == ' '
                || LEADING_TIME.matcher(lead).matches() || AFTER_TIME_OR_FILLER.matcher(lead).find();
        String tail = s.substring(end);
        // teacher's shorthand: the note opens with the name and a space (黎明 迟到 三次)
        if (s.substring(0, start).isBlank() && tail.startsWith(" ") && tail.strip().length() > 0) return true;
        if (tail.startsWith("说") || tail.startsWith("跟我说") || tail.startsWith("和我说")) return true;
        // X他妈, X她爸, X他姥姥 (the northern X's mother): a person's family; 这孩子, 这礼拜 after a clause-opening form: a person
        if (FAMILY_OF.matcher(tail).lookingAt() || clauseStart && THIS_ONE.matcher(tail).lookingAt()) return true;
        // opening a clause, or right after someone's 说 (宿管说安静晚上…), with a verb, a time or an adverb next: a subject
        String form = s.substring(start, end);
        boolean adverb = adverbForm(form, true), anyAdverb = adverbForm(form, false);
        if ((clauseStart || before == '说' || before == '讲' || before == '传' || before == '里' && s.startsWith("群里", start - 2))
                && (timeWord(form) ? relatesNext(tail) : adverb ? addressesNext(tail, form) : actsNext(tail, adjective(form)))) return true;
        // 送黎明回了家, 接安康去医院: someone taken somewhere
        if ("送接带领陪".indexOf(before) >= 0 && (tail.startsWith("回") || tail.startsWith("去") || tail.startsWith("到"))) return true;
        // 去田园家家访: someone's home
        if ((before == '去' || before == '到' || !headPast.isEmpty() && "去到".indexOf(headPast.charAt(headPast.length() - 1)) >= 0)
                && tail.startsWith("家")) return true;   // 去了黎明家 too
        // 在文雅本子里夹了一封信: where a person's things are
        if (before == '在' && OWN_PLACE.matcher(tail).lookingAt()) return true;
        // 小雅她就是…: the name, then the pronoun that takes it up, opening the clause
        if (clauseStart && !anyAdverb && TAKEN_UP.matcher(tail.stripLeading()).lookingAt()) return true;
        // 安宁这学期的谈话记录: the form owns what a stretch of time holds
        if (OWN_TIME.matcher(tail).lookingAt()) return true;
        // 批田野的周记, 看了安心的作文: a student's own written work, wherever it stands
        if (OWN_WORK.matcher(tail).lookingAt()) return true;
        // 放学后留向前聊了半小时, 留安心画画: a student kept after class for a talk or a task
        if (before == '留' && KEPT_FOR_A_TASK.matcher(tail).lookingAt()) return true;
        for (String w : NAME_AFTER) {
            // 天天在里头骂他: after a doubled adverb only a telling, the teacher or a family shows a person
            if (adverb && !(w.contains("我") || w.startsWith("的") || w.equals("说") || w.equals("告诉") || isKinship(w))) continue;
            if (tail.startsWith(w) && (clauseStart || before == '说' || before == '讲' || w.length() >= 2 && !w.startsWith("的") && isKinship(w))) return true;
        }
        // X姑姑打电话来, X的舅舅: a person's family or guardian
        if (KIN.matcher(tail).lookingAt()) return true;
        // 课间操回来郑重嘴角破了: a body part is someone's, wherever the clause opened
        if (BODY.matcher(tail).lookingAt()) return true;
        // 期中物理：楷仔92，林立88: a score after the form, in a list
        if ((before == '\0' || Clauses.isClauseBreak(s, start - 1) || before == '、' || before == ' ') && SCORE.matcher(tail).lookingAt()) return true;
        // the note opens with it (浩然作文写得越来越好了): teachers start with the student, and a thing they own or do next
        // (作文, 数学, 手机) makes it the topic, unless the form and what follows are one longer word (高峰期, 文明礼仪)
        if (s.substring(0, start).isBlank() && !timeWord(s.substring(start, end)) && ownsNext(tail)
                && !longerWord(s, start, end)) return true;
        return false;
    }

    private static final Pattern OWN_PLACE = Pattern.compile("的?(本子|作业本|书包|座位|桌子|课桌|抽屉|作业|周记|日记|作文|试卷|手机|柜子|衣柜|储物柜|箱子|行李箱|枕头|被子|床铺|床)(里|上|中|下|底下)");
    private static final Pattern OWN_WORK = Pattern.compile("的(周记|日记|随笔|作文|试卷|卷子|作业本|错题本|检讨书?|反思|成长档案|谈话记录|记录)");
    private static final Pattern KEPT_FOR_A_TASK = Pattern.compile("(下来)?(聊|谈|说|讲|问|画|写|补|订正|背|读|做|练|把)");
    private static final Pattern OWN_TIME = Pattern.compile("(这|上|本)(一?学期|一?学年|一年|个月)的");
    private static final Pattern TAKEN_UP = Pattern.compile("(他|她)(?!们|妈|爸|家|的)");

    private static final Pattern KIN = Pattern.compile("的?(妈妈|爸爸|家长|奶奶|爷爷|外婆|外公|姥姥|姥爷|母亲|父亲|父母|舅舅|舅妈|姑姑|姑父|"
            + "姨妈|小姨|姨父|叔叔|婶婶|伯伯|继父|继母|后妈|监护人|阿嬷|阿嬤|阿嫲|阿公|阿婆|阿爷|依嬷|依公|姥娘|"
            // the local guardians of the reader's own list (秋菊娭毑, 向前的婆婆, 阿依阿妈)
            + "婆婆|家婆|娭毑|嬷嬷|阿达|阿大|阿嫫|阿普|阿爸|阿妈|额吉|阿帕|阿塔|佬佬|嬢嬢|孃孃|老汉|姆妈|阿奶|阿娘|阿爹|阿姆)");
    private static final Pattern BODY = Pattern.compile("的?[左右]?(嘴角|嘴唇|眼眶|眼角|额头|脸上|脸颊|手腕|手臂|胳膊|手背|手上|手指|手掌|手心|肩膀|脖子|后背|膝盖|鼻子|头上|腿上|小腿|背上|脚上|脚踝|耳朵|下巴)");
    /** A score after a name in a list, in digits or, dictated, in characters (文斌二十九 安然八十八, 向阳满分). */
    private static final Pattern SCORE = Pattern.compile("([0-9]{1,3}(\\.[0-9])?|[零一二两三四五六七八九十百]{1,5})分?(?=[,.;:、 。]|$)|满分");

    /** The word after the form is a common noun (作文, 手机, 数学): what the person owns or does. */
    private static boolean ownsNext(String tail) {
        String t = tail.stripLeading();
        if (t.startsWith("的")) t = t.substring(1);
        if (t.isEmpty() || t.charAt(0) == NoteText.NAME_MASK || Clauses.isClauseBreak(t, 0)) return false;
        for (int n = Math.min(4, t.length()); n >= 2; n--) {
            CoreDictionary.Attribute a = CoreDictionary.get(t.substring(0, n));
            if (a == null || a.nature.length == 0) continue;
            return String.valueOf(a.nature[0]).equals("n");
        }
        return false;
    }

    /** The form and the one or two characters after it are a dictionary word: 高峰期, 文明礼貌. */
    private static boolean longerWord(String s, int start, int end) {
        for (int n = 1; n <= 2 && end + n <= s.length(); n++) {
            if (CoreDictionary.contains(s.substring(start, end + n))) return true;
        }
        return false;
    }

    /**
     * The word after the form is a verb, a time or an adverb (田园涂的…, 向阳昨晚…, 乐乐找到了, 高兴一直…), by the most
     * frequent part of speech of the longest word of HanLP's core dictionary that starts there: the form is what
     * acts, a person. A directional complement (安静下来, 高兴起来) after an adjective keeps it an adjective; after
     * anything else (金鑫回来上课了) it is a verb of its own.
     */
    private static boolean actsNext(String tail, boolean adjective) {
        String t = tail.stripLeading();
        if (t.isEmpty() || t.charAt(0) == NoteText.NAME_MASK || Clauses.isClauseBreak(t, 0)) return false;
        if (SCHOOL_TIME.matcher(t).lookingAt() || TIME_OF_DAY.matcher(t).lookingAt()) return true;   // 林立晚自习后来找我, 常青今早到校了
        for (int n = Math.min(4, t.length()); n >= 1; n--) {
            String word = t.substring(0, n);
            CoreDictionary.Attribute a = CoreDictionary.get(word);
            if (a == null || a.nature.length == 0) continue;
            if (COMPLEMENT.matcher(word).matches()) return !adjective;
            String nature = String.valueOf(a.nature[0]);
            return nature.startsWith("v") && !nature.equals("vn") || nature.equals("t") || nature.equals("d") || nature.equals("p");
        }
        return false;
    }

    /** A word's most frequent part of speech in HanLP's core dictionary (t, ns, a, v...), or null for an unknown word. */
    static String nature(String word) {
        CoreDictionary.Attribute a = CoreDictionary.get(word);
        return a == null || a.nature.length == 0 ? null : String.valueOf(a.nature[0]);
    }

    /** 安静, 高兴, 明明: a form that is first of all an adjective, a state or an adverb. */
    private static boolean adjective(String form) {
        String nature = nature(form);
        return nature != null && (nature.startsWith("a") || nature.equals("z") || nature.equals("d"));
    }

    /** 夏天, 黎明, 白天: a form that is first of all a time word opens clauses as a time (夏天到了), so a verb after it proves nothing. */
    private static boolean timeWord(String form) {
        return "t".equals(nature(form));
    }

    private static final Pattern TIME_OF_DAY = Pattern.compile("上午|下午|晚上|中午|早上|今天|昨天|前天|刚才|刚刚|每天|今早|昨晚");
    private static final Pattern SCHOOL_TIME = Pattern.compile("晚自习|早自习|早读|课间|午休|早操|放学|上课|下课|自习课|体育课|班会|上[^，。,.；;\\s]{1,3}课");

    /** After a form that is first of all a time word, only a preposition or an adverb shows a person (黎明给我发微信). */
    private static boolean relatesNext(String tail) {
        String t = tail.stripLeading();
        if (TIME_OF_DAY.matcher(t).lookingAt() || SCHOOL_TIME.matcher(t).lookingAt()) return true;   // 金秋上午跑来: a time after a time is a person's
        for (int n = Math.min(4, t.length()); n >= 1; n--) {
            CoreDictionary.Attribute a = CoreDictionary.get(t.substring(0, n));
            if (a == null || a.nature.length == 0) continue;
            String nature = String.valueOf(a.nature[0]);
            return nature.equals("p") || nature.equals("d");
        }
        return false;
    }

    /**
     * 天天, 常常, 明明: a doubled form that is first of all an adverb or a measure opens clauses before a verb as a word
     * (天天吵, 天天担心, 天天在里面), so a verb after it proves nothing; nor does a pronoun after any adverb (刚刚他回过来了,
     * 马上他就…), doubled ({@code doubledOnly}) or not.
     */
    private static boolean adverbForm(String form, boolean doubledOnly) {
        if (form.length() != 2) return false;
        boolean doubled = form.charAt(0) == form.charAt(1);
        if (doubledOnly && !doubled) return false;
        CoreDictionary.Attribute a = CoreDictionary.get(form);
        if (a == null) return false;
        for (var n : a.nature) {
            String nature = String.valueOf(n);
            if (nature.equals("d") || doubled && (nature.equals("q") || nature.equals("z"))) return true;
        }
        return false;
    }

    private static final Pattern ADDRESSES = Pattern.compile("(跟|和|给|对|向|找)我");

    /**
     * After a doubled adverb-like form, only a time (明明今天没来) or a turn to the teacher (明明跟我…) shows a person; not a
     * time after a doubled unit of time, which goes on saying when (天天晚上刷快手, 天天上课睡觉: every day).
     */
    private static boolean addressesNext(String tail, String form) {
        String t = tail.stripLeading();
        if (ADDRESSES.matcher(t).lookingAt()) return true;
        if ("天年月周日夜晚早".indexOf(form.charAt(0)) >= 0) return false;
        if (SCHOOL_TIME.matcher(t).lookingAt()) return true;
        for (int n = Math.min(4, t.length()); n >= 1; n--) {
            CoreDictionary.Attribute a = CoreDictionary.get(t.substring(0, n));
            if (a == null || a.nature.length == 0) continue;
            return String.valueOf(a.nature[0]).equals("t");
        }
        return false;
    }

    private static final Pattern COMPLEMENT = Pattern.compile("(下|上|起|出|过|回|进)(来|去)|下");

    /** Loads HanLP's core dictionary (a few hundred milliseconds) while the reader is built, not at a note. */
    static void warmUp() {
        CoreDictionary.contains("热身");
    }

    private static boolean isKinship(String w) {
        return List.of("妈妈", "爸爸", "家长", "奶奶", "爷爷", "外婆", "外公", "姥姥", "姥爷", "母亲", "父亲").contains(w);
    }

    private static boolean adjacentName(String s, int start, int end, List<int[]> names) {
        for (int[] n : names) {
            String between = n[1] <= start ? s.substring(n[1], start) : n[0] >= end ? s.substring(end, n[0]) : null;
            if (between != null && between.length() == 1 && "、, 和跟与及".indexOf(between.charAt(0)) >= 0) return true;
            // dictated lists run names together (刘梓涵黎明何宇航徐佳琪文雅): right after a name that itself follows another
            if (n[1] == start && names.stream().anyMatch(m -> m[1] == n[0] || m[1] + 1 == n[0] && "、, 和跟与及".indexOf(s.charAt(m[1])) >= 0)) return true;
        }
        return false;
    }

    /** Fillers a dictated note may open with before its subject. */
    private static final Pattern OPENING_FILLER = Pattern.compile("\\s*((" + Fillers.WORDS + ")\\s*)*");
    private static final Pattern PRONOUN = Pattern.compile("[他她]");

    /**
     * The name opens the note (after fillers) and a 他 or 她 later refers back to it (乐天上个礼拜状态特别不对…他用不着了,
     * 齐心的QQ空间下午全清空了…她追了两年): the note's first words are its subject, a person. 夏天到了，提醒我… has no one to refer back.
     */
    static boolean opensANoteAboutThem(String s, int start, int end) {
        Matcher filler = OPENING_FILLER.matcher(s);
        return start == (filler.lookingAt() ? filler.end() : 0) && PRONOUN.matcher(s).region(end, s.length()).find();
    }
}
