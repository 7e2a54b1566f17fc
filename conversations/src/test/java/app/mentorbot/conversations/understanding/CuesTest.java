package app.mentorbot.conversations.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * A list searched through the lexicon's shared index finds what a search of that list alone finds: at the leftmost
 * offset where one of its words or its regular expression matches, the longer of the two.
 */
class CuesTest {
    private static final List<String> TEXTS = List.of(
            "今天下午和□□单独谈心，他最近数学成绩下滑，晚上睡不好，下周三再跟进一下",
            "□□妈妈打来电话，说孩子周末在家一直玩手机，不想上学了，觉得活着没意思",
            "课间□□被几个男生堵在厕所要钱，脸上有伤，说是自己摔的，手腕上一道一道的",
            "昨晚□□没回宿舍，电话关机，到现在还联系不上。她把东西都送给了同桌，说以后用不着了",
            "体育课打篮球撞到鼻子流血了，去了医务室", "", "了", "好的，谢谢", "月考数学45分，英语不及格，想以后当医生");

    @Test
    void everyListFindsWhatASearchOfItAloneFinds() {
        Lexicon lexicon = Lexicon.builtIn();
        for (String name : Lexicon.NAMES) {
            if (!name.startsWith("flag-") && !name.startsWith("situation-") && !name.startsWith("topic-") && !name.startsWith("channel-")) continue;
            Cues cues = lexicon.cues(name);
            for (String text : TEXTS) {
                assertThat(spans(cues.findAll(text))).as(name + " on " + text).isEqualTo(alone(lexicon.entries(name), text));
                // the same text in another string: found again, the same
                assertThat(spans(cues.findAll(new String(text.toCharArray())))).as(name).isEqualTo(alone(lexicon.entries(name), text));
            }
        }
    }

    @Test
    void aFindFromAnOffsetSkipsWhatStartsBeforeIt() {
        Lexicon lexicon = Lexicon.builtIn();
        Cues injury = lexicon.cues("situation-injury");
        String word = lexicon.entries("situation-injury").stream().filter(e -> !e.startsWith("re:")).findFirst().orElseThrow();
        String text = "今天" + word + "，下午又" + word;
        Cues.Span first = injury.find(text);
        assertThat(first).isNotNull();
        Cues.Span second = injury.find(text, first.end());
        assertThat(second).isNotNull();
        assertThat(second.start()).isEqualTo(text.lastIndexOf(word));
        assertThat(injury.find(text, second.end())).isNull();
    }

    private static List<String> spans(List<Cues.Span> found) {
        List<String> out = new ArrayList<>();
        for (Cues.Span s : found) out.add(s.start() + "-" + s.end());
        return out;
    }

    /** The list's own search, offset by offset: leftmost first, the longer of a word and the regex there, no overlaps. */
    private static List<String> alone(List<String> entries, String text) {
        List<String> words = new ArrayList<>(), res = new ArrayList<>();
        for (String e : entries) if (e.startsWith("re:")) res.add(e.substring(3)); else words.add(e);
        Matcher regex = res.isEmpty() ? null : Pattern.compile(String.join("|", res)).matcher(text);
        if (regex != null) regex.useTransparentBounds(true).useAnchoringBounds(false);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < text.length(); ) {
            int end = -1;
            if (regex != null && regex.region(i, text.length()).lookingAt()) end = regex.end();
            for (String w : words) if (text.startsWith(w, i) && i + w.length() > end) end = i + w.length();
            if (end < 0) {
                i++;
                continue;
            }
            out.add(i + "-" + end);
            i = Math.max(end, i + 1);
        }
        return out;
    }
}
