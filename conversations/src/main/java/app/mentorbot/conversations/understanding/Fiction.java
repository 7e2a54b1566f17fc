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
    static final String ROLES = "角色|扮演|饰演|演一个|演的是|排练|情景剧|课本剧|话剧|剧本|小品";
    static final GatedPattern STORY = GatedPattern.compile(STORIES + "|影片|" + ROLES);
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

    /** Whether the cue at [at, end) of s is in a story, a role, a theme, quotes of its own or a longer word. */
    static boolean notReal(String s, int at, int end) {
        if (THEME_AFTER.foundIn(s.substring(end, Math.min(s.length(), end + 8)))) return true;
        if (inAStory(s, at)) return true;
        // 演一个离家出走的女孩子, 情景剧里演被堵在厕所要钱的那个同学: a part in a play, whoever plays it
        if (ROLE.foundIn(s.substring(Clauses.sentenceStart(s, at), at))) return true;
        // 小狗“离家出走”三天了: the words alone in quotes are a figure of speech (quoted speech holds more than the cue)
        if (at > 0 && end < s.length() && OPEN_QUOTES.indexOf(s.charAt(at - 1)) >= 0 && CLOSE_QUOTES.indexOf(s.charAt(end)) >= 0) return true;
        // 跳楼价: the cue opens a longer word of the dictionary
        if (end < s.length() && CoreDictionary.contains(s.substring(at, end + 1))) return true;
        return false;
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
