package app.mentorbot.conversations.understanding;

import java.util.ArrayList;
import java.util.List;

/**
 * Phrases that name all of the sender's mentees at once (我的受导生, 我带的几个学生, 我带的六个伢, 四个导生, 我这六个导生, 把四个孩子叫来):
 * a mention of every one of them.
 */
final class Collectives {
    private Collectives() {
    }

    /** The children a teacher mentors, by the words teachers call them (学生, 孩子, 娃儿, 伢, 妹子, 受导生). */
    private static final String YOUNG = "(?:学生|孩子|孩儿|娃儿|娃娃|娃|伢子|伢|妹子|崽|受导生|导生)";
    private static final GatedPattern COLLECTIVE = GatedPattern.compile(
            "(?:所有|全体|全部|每个|每位|每一个|每一位)(?:的)?(?:受导)?(?:学生|导生)|我的(?:受导)?学生|受导学生|我的受导生|我的导生"
                    // 我带的几个学生, 我带的8个孩子, 我的几个受导生: all of the sender's mentees
                    + "|我(?:带|辅导|指导)?的(?:这|那)?(?:几|[0-9]+|[一二三四五六七八九十两]+)?(?:个|位|名)?(?:受导)?" + YOUNG
                    // 我带的几个里还有谁…, 把我带的六个叫到一块: the children left unsaid (a number, as many as the sender mentors)
                    + "|我(?:带|辅导|指导)的(?:这|那)?(?:几|(?<mine>[0-9]+|[一二三四五六七八九十两]+))(?:个|位|名)"
                    + "|(?<=给|和|跟|与|把)我(?:这|那)?(?:几|[0-9]+|[一二三四五六七八九十两]+)(?:个|位|名)(?:受导)?" + YOUNG
                    // 我这六个导生
                    + "|我(?:这|那)(?:几|[0-9]+|[一二三四五六七八九十两]+)(?:个|位|名)(?:受导生|导生|受导学生)"
                    // 四个导生, 5个受导生 with no 我: all of them when the number is how many the sender mentors; so are
                    // 四个孩子 and 四个学生 the teacher acts on (把四个孩子叫来, 给四个孩子家长打电话)
                    + "|(?<count>[0-9]+|[一二三四五六七八九十两]+)(?:个|位|名)(?:受导生|导生|受导学生|(?<plain>孩子|学生|娃儿|娃|孩儿)(?<own>的)?)"
                    // the mentees all together with no number (把导生们叫到一起)
                    + "|(?<![他她□这那])(?:受导生|导生)们");
    /** Before 四个孩子, what makes them the ones the teacher acts on. */
    private static final String ACTS_ON = "把给和跟找叫与陪";

    /** The phrases of s naming all of the sender's {@code mentees}, none over a mention already {@code found}. */
    static List<Mention> find(String s, List<String> mentees, List<Mention> found) {
        if (mentees.isEmpty()) return List.of();   // a sender who mentors no one has no phrase to name
        List<Mention> out = new ArrayList<>();
        GatedPattern.Scan m = COLLECTIVE.scan(s);
        while (m.find()) {
            int a = m.start(), b = m.end();
            if (found.stream().anyMatch(f -> a < f.end() && f.start() < b)) continue;
            String count = m.group("count"), mine = m.group("mine");
            if (mine != null && DateResolver.num(mine) != mentees.size()) continue;
            // 这四个孩子 points at four named before, 我这六个导生 does not
            if (count != null && (m.start() > 0 && s.charAt(m.start() - 1) == '这' || count.length() > 3 || DateResolver.num(count) != mentees.size())) continue;
            // 收齐六个娃儿的承诺书: the children whose things they are, as many as the sender mentors
            if (m.group("plain") != null && m.group("own") == null && (m.start() == 0 || ACTS_ON.indexOf(s.charAt(m.start() - 1)) < 0)) continue;
            out.add(new Mention(m.start(), m.end(), m.group(), mentees, Mention.How.COLLECTIVE));
        }
        return out;
    }
}
