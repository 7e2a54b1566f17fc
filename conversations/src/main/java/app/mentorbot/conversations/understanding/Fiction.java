package app.mentorbot.conversations.understanding;

import com.hankcs.hanlp.dictionary.CoreDictionary;

/**
 * Words of a risk that tell of nothing that happened to the student: what happens inside a story, a film or the news
 * (电影里面那个女孩最后跳楼了, 写了个童话：小狐狸离家出走), a part someone plays (演一个离家出走的女孩子), the theme of a
 * lesson (校园欺凌主题的文章, “向校园欺凌说不”主题班会), a figure of speech in quotes (小狗“离家出走”三天了) or inside a
 * longer word (跳楼价). The student who takes a story on (她也想像电影里的女孩一样…) is not in it.
 */
final class Fiction {
    private Fiction() {}

    /** A story someone tells, reads or watches: what happens in it happens to no student. */
    static final String STORIES = "电影|电视剧|网剧|小说|故事|童话|寓言|动漫|片子|新闻|报道";
    /** A role in a play: what it holds is no one's, not even a wish to die (演一个想跳楼的角色). */
    static final String ROLES = "角色|扮演|饰演|演一个|演的是|情景剧|课本剧|话剧|剧本|小品";
    /**
     * A rehearsal (排练) explains where a student was (在学校参加合唱排练), as a story would; it is no role of its own: a
     * choir's rehearsal holds no part to play (合唱队排练一直低着头…把发卡都分给别个了 is the student's).
     */
    static final GatedPattern STORY = GatedPattern.compile(STORIES + "|影片|排练|" + ROLES);
    static final GatedPattern ROLE = GatedPattern.compile(ROLES);

    private static final GatedPattern STORY_INSIDE = GatedPattern.compile("(" + STORIES + "|动画|剧)[^,.;!?。]{0,2}(里|中)");
    private static final GatedPattern WITHIN_IT = GatedPattern.compile("里面|里头|书里|片里|剧里");
    /** A story named earlier in the sentence, then 里面 (讲他看的电视剧，说里面那个男孩…). */
    private static final GatedPattern A_STORY = GatedPattern.compile(STORIES + "|动画|》");
    private static final GatedPattern TAKES_IT_ON = GatedPattern.compile("也|想|要|自己|我|像|一样");
    /** A cue that names what a lesson, an article or a talk is about (校园欺凌主题的文章, 防溺水知识): a theme. */
    private static final GatedPattern THEME_AFTER = GatedPattern.compile(
            "^[”\"’']?的?(主题|专题|知识|讲座|教育|班会|话题|的文章|的视频)|^[^,.;!?。]{0,3}的(" + STORIES + "|文章|纪录片|视频|节目|剧)");
    private static final String OPEN_QUOTES = "“\"‘'「『";
    private static final String CLOSE_QUOTES = "”\"’'」』";

    /** Whether the keyword at [at, end) of s is in a story, a role, a theme, quotes of its own or a longer word (跳楼价). */
    static boolean notReal(String s, int at, int end) {
        if (told(s, at, end)) return true;
        // 跳楼价: the cue opens a longer word of the dictionary
        return end < s.length() && CoreDictionary.contains(s.substring(at, end + 1));
    }

    /** Whether the words at [at, end) are told in a story, a role, a theme or quotes of their own. */
    static boolean told(String s, int at, int end) {
        if (THEME_AFTER.foundIn(s.substring(end, Math.min(s.length(), end + 8)))) return true;
        if (inAStory(s, at) || inAWrittenStory(s, at, end)) return true;
        // 演一个离家出走的女孩子, 情景剧里演被堵在厕所要钱的那个同学: a part in a play, whoever plays it
        if (ROLE.foundIn(s.substring(Clauses.sentenceStart(s, at), at))) return true;
        return figureOfSpeech(s, at, end);
    }

    /** Inside quotes, words that make them someone's own words, whatever stands before (她那句“不想活了”). */
    private static final GatedPattern OWN_WORDS = GatedPattern.compile("我|死|活|命|自杀|轻生|消失");
    /** Before an opening quote, what makes the quote someone's words (她说“我不想活了”, 在日记里写了“想消失”). */
    private static final GatedPattern SPEECH_BEFORE = GatedPattern.compile("说|写|讲|道|问|喊|骂|发|留言|回|:");

    /**
     * 小狗“离家出走”三天了: a few words in quotes, not someone's words, are a figure of speech. The quote holds the cue and
     * at most a few chars more, and no word of speech or writing stands right before it.
     */
    private static boolean figureOfSpeech(String s, int at, int end) {
        int open = -1, close = -1;
        for (int i = at - 1; i >= Math.max(0, at - 3); i--) if (OPEN_QUOTES.indexOf(s.charAt(i)) >= 0) { open = i; break; }
        for (int i = end; i < Math.min(s.length(), end + 3); i++) if (CLOSE_QUOTES.indexOf(s.charAt(i)) >= 0) { close = i; break; }
        if (open < 0 || close < 0) return false;
        if (OWN_WORDS.foundIn(s.substring(open, close))) return false;
        return !SPEECH_BEFORE.foundIn(s.substring(Math.max(0, open - 3), open));
    }

    /** A story someone wrote or tells, named before the words in their sentence (作文写了个童话，小狐狸…; 写了篇小说，主人公…). */
    private static final GatedPattern WROTE_A_STORY = GatedPattern.compile("(写|编|讲)(了|的是)?一?[个篇段部]?[^,.;!?。]{0,3}(童话|小说|故事)");
    /** ...or after them in their clause (写了一个小女孩离家出走进城找妈妈的故事). */
    private static final GatedPattern STORY_AFTER = GatedPattern.compile("^[^,.;!?。]{0,14}的(童话|小说|故事)");
    /** Words of ending one's life or hurting oneself: in a story a student writes they may still be the student's own. */
    private static final GatedPattern OWN_HARM = GatedPattern.compile("死|活|命|自杀|轻生|消失|跳|割|划|伤害|结束|遗书");

    /**
     * Running away, bullying or a fight in a story a student wrote or tells (作文写了个童话，小狐狸冬天离家出走去找妈妈; 《小乌龟离家出走记》;
     * 写了一个小女孩离家出走进城找妈妈的故事) happens to its characters. Not words of ending one's life or hurting oneself: a
     * student's story may be a farewell of their own (recall first).
     */
    private static boolean inAWrittenStory(String s, int at, int end) {
        return !OWN_HARM.foundIn(s.substring(at, end)) && writtenStoryAround(s, at, end);
    }

    /**
     * Words of ending one's life or hurting oneself in a story a student wrote (主人公最后写了遗书): theirs, perhaps, however
     * harmless the rest of the note reads.
     */
    static boolean ownHarmInAWrittenStory(String s, int at, int end) {
        return OWN_HARM.foundIn(s.substring(at, end)) && writtenStoryAround(s, at, end);
    }

    private static boolean writtenStoryAround(String s, int at, int end) {
        String before = s.substring(Clauses.sentenceStart(s, at), at);
        // inside a title: 《 with no 》 after it
        if (before.lastIndexOf('《') > before.lastIndexOf('》')) return true;
        GatedPattern.Scan story = WROTE_A_STORY.scan(before);
        int last = -1;
        while (story.find()) last = story.end();
        if (last >= 0 && !TAKES_IT_ON.foundIn(before.substring(last))) return true;
        return STORY_AFTER.foundIn(s.substring(end, Clauses.clauseEnd(s, end)));
    }

    private static boolean inAStory(String s, int at) {
        int from = Clauses.sentenceStart(s, at);
        // 在看《少年的你》，跟我讲里面被欺负的那个女生; 讲他看的电视剧，说里面那个男孩离家出走: what is inside a work named before
        GatedPattern.Scan within = WITHIN_IT.scan(s.substring(from, at));
        while (within.find()) if (A_STORY.foundIn(s.substring(from, from + within.start()))) return true;
        GatedPattern.Scan m = STORY_INSIDE.scan(s.substring(from, at));
        int last = -1;
        while (m.find()) last = m.end();
        return last >= 0 && !TAKES_IT_ON.foundIn(s.substring(from + last, at));
    }
}
