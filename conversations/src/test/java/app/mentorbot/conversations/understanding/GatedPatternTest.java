package app.mentorbot.conversations.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** A gated pattern finds exactly what java.util.regex finds; the gate only skips offsets. */
class GatedPatternTest {
    private static final List<String> TEXTS = List.of(
            "今天下午和□□单独谈心，他最近数学成绩下滑，晚上睡不好，下周三再跟进一下",
            "给□□□爸爸打了电话，聊了期中考试的情况，家长说孩子在家玩手机比较多",
            "上周五晚上□□□的妈妈打来电话，说孩子周末在家一直玩手机。周三我再找他聊聊。",
            "帮我查一下上个月我和哪些学生谈过话", "提醒我月底前联系家长", "好的，谢谢", "他数学考了45分?",
            "和张伟谈心，陈同学也在", "3.5分 2026-09-16 9.30 二十号", "", "了", "关系很紧张，被同学孤立了");

    private static final List<String> REGEXES = List.of(
            "再|提醒|打算|(?<![需主重只想不])要(?!求)|约(?!束)", "(?<![为除约])了(?!解)|(?<=[谈聊找])过|已",
            "[?]\\s*$|吗\\s*$", "^\\s*(请|麻烦)?(你)?(帮我|给我)?(查|列|统计)(一下|下)?", "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})",
            "(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})(?![\\d.%])", "(\\p{IsHan}{1,2}?)同学", "(?:\\Q妈妈\\E|\\Q家长\\E|家长(?!会))",
            "被[^,.;!?。]{0,6}(孤立|排挤)", "(?<!关系)(?<!关系很)紧张", "x*", "(周|星期)[一二三]?", ".{0,3}谈",
            // split into alternatives, each gated on its own (one can start anywhere)
            // plain words compared as text, before and after a pattern: the first alternative that matches still wins
            "谈|谈心|(和|跟)□+谈心|说(?!话)|电话|孤立",
            "谈心|(□|他|她)(?:[^,.;!?。妈爸]|(?!妈妈|爸爸)[妈爸]){0,8}(给我|跟我|说)|(?<!被)(表扬|批评)|问(了|过)?(他|她)?[,，]\\s*(他|她)?说(?!话)|.{0,2}谈过");

    @Test
    void anAlternativesLiteralPrefixStopsAtTheFirstOperatorAndLeavesOutACharThatMayBeAbsent() {
        assertThat(FirstChars.literalPrefix("谈一下")).isEqualTo("谈一下");
        assertThat(FirstChars.literalPrefix("提醒了?(他|她|□)")).isEqualTo("提醒");
        assertThat(FirstChars.literalPrefix("教育了")).isEqualTo("教育了");
        assertThat(FirstChars.literalPrefix("来找我[^,]")).isEqualTo("来找我");
        assertThat(FirstChars.literalPrefix("聊")).isNull();
        assertThat(FirstChars.literalPrefix("找.{0,8}谈")).isNull();
        assertThat(FirstChars.literalPrefix("谈谈{0,2}")).isNull();
        assertThat(FirstChars.literalPrefix("(?<!家长)沟通")).isNull();
        assertThat(FirstChars.literalPrefix("\\d\\d")).isNull();
    }

    @Test
    void onlyAnAlternativeWithNoOperatorIsAPlainWord() {
        assertThat(FirstChars.isLiteral("谈心")).isTrue();
        assertThat(FirstChars.isLiteral("说")).isTrue();
        assertThat(FirstChars.isLiteral("说(?!话)")).isFalse();
        assertThat(FirstChars.isLiteral("谈谈?")).isFalse();
        assertThat(FirstChars.isLiteral("\\d")).isFalse();
        assertThat(FirstChars.isLiteral("a.b")).isFalse();
        assertThat(FirstChars.isLiteral("")).isFalse();
    }

    @Test
    void findsWhatMatcherFinds() {
        for (String re : REGEXES) {
            GatedPattern g = GatedPattern.compile(re);
            for (String text : TEXTS) assertThat(gated(g, text)).as(re + " on " + text).isEqualTo(plain(re, text));
        }
    }

    @Test
    void aClauseOpeningGateFindsWhatMatcherFinds() {
        String re = "(?:^|(?<=[,.;!?。 ]))(\\p{IsHan}{2,3}?)(?=说|最近|今天)";
        GatedPattern g = GatedPattern.compileAfter(re, ",.;!?。 ");
        for (String text : TEXTS) assertThat(gated(g, text)).as(text).isEqualTo(plain(re, text));
    }

    @Test
    void patternsThatCanMatchEmptyOrStartAnywhereAreNotGated() {
        assertThat(FirstChars.of("x*")).isNull();
        assertThat(FirstChars.of(".{0,3}谈")).isNull();
        assertThat(FirstChars.of("(?i)ok")).isNull();
        assertThat(CharSet.ofBits(FirstChars.of("(?<!关系)紧张|被[^,]孤立")).contains('紧')).isTrue();
    }

    @Test
    void aPatternIsSplitOnlyAtItsOwnAlternation() {
        assertThat(FirstChars.alternatives("谈心|(他|她)(跟我|和我)说|[a|b]x|\\|y"))
                .containsExactly("谈心", "(他|她)(跟我|和我)说", "[a|b]x", "\\|y");
        assertThat(FirstChars.alternatives("(?i)ok|no")).isNull();
    }

    @Test
    void everyLexiconPatternFindsWhatMatcherFinds() {
        Lexicon lexicon = Lexicon.builtIn();
        for (String list : Lexicon.NAMES) {
            String re = lexicon.alternation(list);
            GatedPattern g = GatedPattern.compile(re);
            for (String text : TEXTS) assertThat(gated(g, text)).as(list + " on " + text).isEqualTo(plain(re, text));
        }
    }

    private static List<String> plain(String re, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(re).matcher(text);
        while (m.find()) out.add(described(m));
        return out;
    }

    /** A match with every group: where it starts and ends and what it holds (-1 and null for a group that took no part). */
    private static String described(java.util.regex.MatchResult m) {
        StringBuilder sb = new StringBuilder();
        for (int g = 0; g <= m.groupCount(); g++) sb.append(g).append('=').append(m.start(g)).append('-').append(m.end(g)).append(':').append(m.group(g)).append(' ');
        return sb.toString();
    }

    @Test
    void aSplitPatternsGroupsAreNumberedAndNamedAsTheWholePatternNumbersThem() {
        String re = "(安慰|开导)(他|她)|(?<who>□+)(跟我|和我)(说)|问(了)?(?<again>他|她)|约谈|(表扬|批评)";
        GatedPattern g = GatedPattern.compile(re);
        String text = "□□跟我说不想上学，问了她，约谈之后开导她，又表扬了";
        assertThat(gated(g, text)).isEqualTo(plain(re, text)).hasSize(5);
        GatedPattern.Scan scan = g.scan(text);
        Matcher whole = Pattern.compile(re).matcher(text);
        while (scan.find() && whole.find()) {
            assertThat(scan.group("who")).isEqualTo(whole.group("who"));
            assertThat(scan.group("again")).isEqualTo(whole.group("again"));
        }
    }

    private static List<String> gated(GatedPattern g, String text) {
        List<String> out = new ArrayList<>();
        GatedPattern.Scan m = g.scan(text);
        while (m.find()) out.add(described(m));
        return out;
    }
}
