package app.mentorbot.conversations.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The words an alternative needs are read from its source, and skipping where they are missing never skips a match. */
class RequiredWordsTest {
    @Test
    void aGroupOfPlainWordsAndAnUnquantifiedRunAreNeededAfterTheOpening() {
        RequiredWords needs = RequiredWords.of("(□|他|她)(?=[^,]{0,12}[给跟])[^,]{0,12}(给我|跟我)[^,]{0,6}(说|发)消息");
        assertThat(needs).isNotNull();
        assertThat(needs.lastStart("他昨晚给我发消息")).isEqualTo(3);   // 给我 at 2, 发 at 4, 消息 at 5: the set read last ends it
        assertThat(needs.lastStart("他昨晚给我打电话")).isEqualTo(-1);   // no 说 or 发, no 消息
        assertThat(needs.lastStart("他说了消息给我")).isEqualTo(1);
    }

    @Test
    void nothingIsNeededOfLookaroundsClassesEscapesOrQuantifiedPieces() {
        assertThat(RequiredWords.of("(?<!被)(表扬|批评)?[说讲]\\d+")).isNull();
        assertThat(RequiredWords.of("了?(他|她){0,2}")).isNull();
        assertThat(RequiredWords.of("谈(?=心)")).isNull();
        assertThat(RequiredWords.of("(?i)ok")).isNull();
        assertThat(RequiredWords.of("谈心|聊")).isNull();   // a whole alternation is read alternative by alternative
        assertThat(RequiredWords.of("找.{0,8}谈").lastStart("找他谈")).isEqualTo(2);
        assertThat(RequiredWords.of("(他|她)(跟我|说(?!话))")).isNull();   // a word with an operator is not plain
    }

    @Test
    void noAlternativeOfTheTalkPatternOrAnyLexiconListMatchesWhereItsWordsAreMissing() {
        List<String> sources = new ArrayList<>(FirstChars.alternatives(TalkWords.TALK.pattern().pattern()));
        Lexicon lexicon = Lexicon.builtIn();
        for (String list : Lexicon.NAMES) {
            List<String> parts = FirstChars.alternatives(lexicon.alternation(list));
            if (parts != null) sources.addAll(parts);
        }
        Random random = new Random(5);
        int read = 0;
        for (String source : sources) {
            RequiredWords needs = RequiredWords.of(source);
            if (needs == null) continue;
            read++;
            String alphabet = source.replaceAll("[\\\\\\[\\](){}.*+?^$|!=<:,0-9]", "") + "□他她我，。";
            Pattern p = Pattern.compile(source);
            for (int n = 0; n < 400; n++) {
                StringBuilder sb = new StringBuilder();
                for (int k = random.nextInt(14); k >= 0; k--) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
                String s = sb.toString();
                int last = needs.lastStart(s);
                for (int i = 0; i < s.length(); i++) {
                    Matcher m = p.matcher(s).useTransparentBounds(true).useAnchoringBounds(false).region(i, s.length());
                    if (m.lookingAt()) assertThat(i).as(source + " at " + i + " of " + s).isLessThanOrEqualTo(last);
                }
            }
        }
        assertThat(read).as("alternatives with needed words").isGreaterThan(20);
    }
}
