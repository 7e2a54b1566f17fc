package app.mentorbot.conversations.understanding;

import java.util.regex.Pattern;

/**
 * Whether a talk word names an exchange between the teacher and the student: not when another adult tells it or answers
 * the teacher, when classmates or strangers asked, when someone else praised or blamed the student, or when the student
 * said it in writing, in public or often (the kind rules' test of each talk word, {@link KindClassifier}).
 */
final class WithTheTeacher {
    private WithTheTeacher() {
    }

    /**
     * An adult other than the teacher tells it (宿管说, 听李老师说, 校医说): what follows is hearsay. A classmate
     * telling the teacher is a student talking with the teacher, so it is a talk (docs/notes.md).
     */
    private static final GatedPattern HEARSAY = GatedPattern.compile(
            "(宿管|宿管阿姨|校医|医生|保安|门卫|老师|阿姨|警察|民警|教官|司机|店主|老板|师傅|主任|校长|教练|辅导员)"
                    + "[^,.;!?。]{0,4}?(说|反映|讲|告诉我|来找我|找我|跟我说|打电话)");
    /** The student says it often or to everyone, not to the teacher (一直说自己胖, 在群里说). */
    private static final GatedPattern NOT_TO_ME = GatedPattern.compile("一直|老是?|总是?|经常|天天|群里|朋友圈|空间|微博|抖音|评论");
    /** Exchanges the teacher starts: they count even after hearsay (听宿管说…，今天问了子墨). */
    private static final GatedPattern TEACHER_STARTS = GatedPattern.compile("^(问|找|教|我|跟□|和□|给□|安慰|批评|表扬|提醒|鼓励|开导|陪)");

    /**
     * A talk word names an exchange between the teacher and the student unless it sits in someone else's account
     * (宿管说她说是自己摔的, 听李老师说他被批评了) or the student said it often or in public (一直说自己胖, 在群里说).
     */
    static boolean holds(String s, int start, int end) {
        String word = s.substring(start, end);
        // 旁边同学问，他说是猫抓的; 在火车站被找到了，说想去温州 (在网吧找到了): the student answers someone else, or those who found them
        String before = s.substring(Math.max(Clauses.sentenceStart(s, start), start - 16), start);
        if (word.startsWith("问") ? ASKED_BY_OTHERS.matcher(before).find()
                : UNADDRESSED.foundIn(word) && !ADDRESSED.foundIn(word) && ANSWERS_OTHERS.matcher(before).find()) return false;
        // 人找到了，在网吧…，他说想去广州: a child found after running away speaks to those who found them, wherever the
        // note told of the finding before (the teacher who found them says so: 我在网吧找到了他)
        if (UNADDRESSED.foundIn(word) && !ADDRESSED.foundIn(word) && FOUND_BY_OTHERS.matcher(s.substring(0, start)).find()) return false;
        // 问了宿管阿姨，她讲…; 有人喊□□…: another adult answers the teacher, or someone else calls the student
        if (UNADDRESSED.foundIn(word) && "他她".indexOf(word.charAt(0)) >= 0 && ASKED_AN_ADULT.matcher(before).find()
                || SOMEONE_ELSE_OPENS.matcher(before).find()) return false;
        // 被她点名批评了: someone else praised or criticised the student
        if (PRAISE_OR_BLAME.foundIn(word) && BY_SOMEONE_ELSE.matcher(s.substring(Clauses.clauseStart(s, start), start)).find()) return false;
        // 蒋老师和宿管把她劝下来了, 陈老师当堂批评了她, 郭老师问他，他说不疼: another adult is the one who acts in the clause,
        // and the teacher is not there
        String lead = s.substring(Clauses.clauseStart(s, start), start);
        boolean otherAdultActs = OTHER_ADULT_ACTS.matcher(lead).find() && !lead.contains("我");
        // 宿管阿姨说…，问他为什么，他说…: a question with no asker of its own inside another adult's account is theirs
        if (ASKED_HIM.matcher(word).lookingAt() && Clauses.clauseStart(s, start) == start && askedInAnAccount(s, start)) return false;
        // 下课问他说…: the teacher asked, whatever the lesson named before
        if (TEACHER_STARTS.foundIn(word) && !PRAISE_OR_BLAME.foundIn(word) && !otherAdultActs) return true;
        // what a student wrote (周记里, 作文里) or said or was asked to do before the class (课上, 班会上, 上台) is not said to the teacher
        // (听班上同学说 is a classmate telling the teacher: 班上 names whose classmates, not where it was said)
        if (UNADDRESSED.foundIn(word) && !ADDRESSED.foundIn(word) && !word.startsWith("听")
                && (WRITTEN_OR_PUBLIC.foundIn(s.substring(Clauses.sentenceStart(s, start), end)) || saidInTheClassBefore(s, start))) return false;
        // 让田野上台念了一段: the teacher gives a student a part in the class, not a word to them
        if (word.startsWith("让") || word.startsWith("叫")) {
            if (CLASS_PART.matcher(s.substring(end, Math.min(s.length(), end + 4))).find()) return false;
        }
        if (otherAdultActs) return false;
        // 普老师当堂批评了□□, 听吴老师说…，当堂批评了他: praise or blame another adult gives, named in its clause or telling
        // the sentence, unless the teacher is in the clause (我也批评了他)
        if (PRAISE_OR_BLAME.foundIn(word) && !lead.contains("我") && (ADULT.foundIn(lead)
                || HEARSAY.foundIn(s.substring(Clauses.sentenceStart(s, start), start)))) return false;
        if (TEACHER_STARTS.foundIn(word)) return true;
        // 心理老师跟□□聊了四十分钟，出来跟我说…: a clause with no subject of its own carries the sentence's, another adult
        // who talked with the student and tells the teacher
        int from = Clauses.sentenceStart(s, start);
        if (SUBJECTLESS.matcher(lead).matches() && from < Clauses.clauseStart(s, start)
                && ANOTHER_ADULT_OPENS.matcher(s.substring(from, Clauses.clauseEnd(s, from))).find()) return false;
        GatedPattern.Scan h = HEARSAY.scan(s.substring(from, end));
        if (h.find() && from + h.start() <= start) return false;
        return !(word.length() > 2 && word.endsWith("说") && NOT_TO_ME.foundIn(word));
    }

    /** The teacher's own look or step between an adult's account and a question (…，今天早上一看…，问他就说): the teacher asks. */
    /** A question to him or her, not to a name (今天问了子墨 is the teacher's own step). */
    private static final Pattern ASKED_HIM = Pattern.compile("问(了|过)?(他|她)");
    private static final Pattern TEACHER_BETWEEN = Pattern.compile("我|一看|看到|发现|找");

    /**
     * The sentence opens with another adult's account (宿管韩师傅说，…) and nothing of the teacher's comes between it and
     * the question: the adult asked (宿管阿姨说…都分给同寝室的人了，问他为什么，他说反正以后用不着了).
     */
    private static boolean askedInAnAccount(String s, int start) {
        int from = Clauses.sentenceStart(s, start);
        GatedPattern.Scan h = HEARSAY.scan(s.substring(from, start));
        return h.find() && !TEACHER_BETWEEN.matcher(s.substring(from + h.end(), start)).find();
    }

    /** A class event the sentence before tells of: a discussion, the news, a class meeting (班上讨论了半天, 英语课讨论了一篇新闻报道). */
    private static final GatedPattern CLASS_EVENT = GatedPattern.compile("讨论|新闻|班会");
    /** A short opening before the word, if any: the student and little else (周全说, □□发言说), no scene of its own. */
    private static final Pattern SPEAKER_ONLY = Pattern.compile("\\s*((□+|他|她)[^,.;!?。我找问跟和对]{0,4})?");

    /**
     * The student speaks right after a sentence about a class discussion or the news, opening their own sentence (晚自习放了个新闻，
     * 班上讨论了半天。周全说换他肯定不跑): said in the class, as the discussion's part, not to the teacher.
     */
    private static boolean saidInTheClassBefore(String s, int start) {
        int from = Clauses.sentenceStart(s, start);
        if (from == 0 || !SPEAKER_ONLY.matcher(s.substring(from, start)).matches()) return false;
        int before = Clauses.sentenceStart(s, from - 1);
        return CLASS_EVENT.foundIn(s.substring(before, from));
    }

    /** Classmates and strangers who ask a student something, not the teacher. */
    private static final String ASKERS = "同学|同桌|室友|舍友|别人|旁人|有人|旁边的人|他们|她们|民警|警察";
    /** Right before a student's 说: someone other than the teacher (a parent too) asked, or the student was found by others. */
    private static final Pattern ANSWERS_OTHERS = Pattern.compile(
            "((" + ASKERS + "|家长|妈妈|爸爸|奶奶|爷爷)[^,.;!?。我]{0,4}问(他|她|□+)?|(被[^,.;!?。我]{0,8}|人|(?<!我)在[^,.;!?。我]{1,10})(找到|找着|拦下|领回)了?)"
                    + "[^,.;!?。我]{0,8}[,]?\\s*(他|她|□+)?(就|也|只|还)?$");
    /**
     * A child found by others, told earlier in the note: the child as the one found (□□找到了, 人在网吧找着了), found or stopped by
     * someone (被铁路民警拦了下来, 巡逻的把他拦下了), or brought back by the police or the family (派出所的人把他送回来的); not by the
     * teacher (我在网吧找到了他), and not a thing found (在她枕头底下找到的), nor a search the clause does not say whose (找到他).
     */
    private static final Pattern FOUND_BY_OTHERS = Pattern.compile(
            "(^|[,.;!?。\\s])[^,.;!?。我]{0,3}?(□+|人)[^,.;!?。我]{0,14}?(找到|找着)了"
                    + "|被[^,.;!?。我]{0,10}(找到|找着|拦下|拦住|拦了下来|发现)|把(他|她|□+)(拦下|拦住|拦了下来|送回来|领回来)"
                    + "|(民警|警察|派出所|公安|家里人|" + KinWords.STARTS + ")[^,.;!?。我]{0,10}(找到|找着|拦下|送回来|领回来)");
    /** Right before a 她说: the teacher asked another adult, who answers, called by their work and perhaps how they are addressed (宿管杨叔, 校车司机老周). */
    private static final Pattern ASKED_AN_ADULT = Pattern.compile(
            "问(了|过)?[^,.;!?。我□]{0,6}(老师|阿姨|宿管|师傅|校医|门卫|保安|医生|警察|民警|教官|班主任|司机|保洁|管理员|生活老师"
                    // an adult by how they are addressed (摆渡的老周, 食堂王姨, 门口李叔)
                    + "|老(?!师)\\p{IsHan}|\\p{IsHan}(叔|姨|伯|婶|大爷|大妈))[^,.;!?。我他她□]{0,3}[,]?\\s*$");
    /** Someone other than the teacher opens the clause (有人喊□□掉进水沟了). */
    private static final Pattern SOMEONE_ELSE_OPENS = Pattern.compile("(^|[,.;!?。])[^,.;!?。我]{0,6}(有人|别人|旁人|大家)$");
    /** Right before a 问: a classmate or a stranger asks, not the teacher. */
    private static final Pattern ASKED_BY_OTHERS = Pattern.compile("(" + ASKERS + ")[^,.;!?。我]{0,3}$");

    private static final Pattern OTHER_ADULT_ACTS = Pattern.compile(
            "^\\s*(听)?[^,.;!?。和跟与同给找对向让请托叫]{0,3}(老师|宿管|校医|班主任|保安|门卫|教官|阿姨|师傅)"
                    // a school office's adult (德育处王主任上午跟□□谈过了, 心理室韩老师今天跟她谈完)
                    + "|^\\s*[^,.;!?。和跟与同给找对向让请托叫我]{0,2}(处|室|办|中心)[^,.;!?。和跟与同给找对向让请托叫我]{0,2}(老师|主任|校长)");
    /** A clause that opens with no subject: a verb of going on (出来, 谈完) or an adverb, then the talk word. */
    private static final Pattern SUBJECTLESS = Pattern.compile("\\s*(出来|回来|之后|后来|然后|完了|谈完|聊完|下来)?(就|又|也|还|才)?\\s*");
    /** Another adult, a school office's or a psychology room's, opens the clause (心理室韩老师, 德育处王主任). */
    private static final Pattern ANOTHER_ADULT_OPENS = Pattern.compile(
            "^\\s*(昨天|今天|上午|下午|晚上|昨晚|中午)?[^,.;!?。和跟与同给找对向让请托叫我]{0,5}(老师|主任|校长|宿管|校医|班主任|医生|社工|民警|警察)"
                    + "[^,.;!?。我]{0,8}(跟|和|与|找|给)(□|他|她)");
    private static final GatedPattern PRAISE_OR_BLAME = GatedPattern.compile("^(表扬|批评|鼓励|夸)");
    /** Another adult of the school, by their work. */
    private static final GatedPattern ADULT = GatedPattern.compile("老师|班主任|校长|主任|教练|教官|师傅|宿管");
    /** 被 someone other than the teacher (被她点名批评; 被我叫住批评 is the teacher's own). */
    private static final Pattern BY_SOMEONE_ELSE = Pattern.compile("被(?!我)");
    private static final GatedPattern UNADDRESSED = GatedPattern.compile("[说讲]$");
    private static final Pattern CLASS_PART = Pattern.compile("^[^,.;!?。]{0,2}(上台|发言|念|朗读|回答|起来|读|背|讲题|上去讲|上黑板|展示|表演|示范|领读|讨论|分组|辩论)");
    private static final GatedPattern ADDRESSED = GatedPattern.compile("跟我|和我|对我|给我|找我|告诉我|问我|向我|来|谈|聊|交流|沟通|发(?!言)|私聊|^[跟和给对向][他她□]");
    static final GatedPattern WRITTEN_OR_PUBLIC = GatedPattern.compile(
            "周记|作文|日记|随笔|作业本|纸条|留言|朋友圈|空间|说说|微博|贴吧|课上|课堂|班会|上台|发言|全班|晚会|演讲|实训|举手|站起来|当众|课讲"
                    + "|班里|班上|群里|讨论"
                    // a reading report (读后感, 读书分享) is written; what the teacher overheard (听见几个小子议论) was said to others
                    + "|读后感|读书笔记|读书分享|心得|议论|听见|听到");
}
