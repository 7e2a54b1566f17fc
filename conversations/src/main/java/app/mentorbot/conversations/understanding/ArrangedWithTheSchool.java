package app.mentorbot.conversations.understanding;

import java.util.regex.Pattern;

/**
 * A day in someone else's words that the words right after it tie to the school (爸爸说周四来学校一起商量, 答应下周一前把
 * 作业重做一遍): the teacher will see to it that day, so it is the follow-up ({@link EventDays}).
 */
final class ArrangedWithTheSchool {
    private ArrangedWithTheSchool() {}

    /**
     * Coming to the school or to fetch the student (来学校, 来一趟, 来面谈, 来接孩子): the words both this arrangement and
     * {@link DateResolver}'s day ahead (她爸说周四下午请假来学校一趟) read.
     */
    static final String COMING_IN = "来学校|来校|到校|到学校|来一趟|过来一趟|来面谈|来办公室|来接(?:他|她|孩子|娃娃?|人)";

    /**
     * What someone else's words arrange with the school for that day: coming in (爸爸说周四来学校一起商量, 下周靠岸就来学校; a parent
     * away taking leave to come back, 妈妈说下周一请假回来; bringing the child back, 礼拜天他亲自送孩子返校)
     * staying after school (□□和□□明天放学留下来订正), or work due back (答应下周一前把作业重做一遍, 说好这周五前交检查). The
     * teacher will see to it then: the follow-up.
     */
    private static final GatedPattern WITH_THE_SCHOOL = GatedPattern.compile(
            "(?<![不没别]|不想|不肯|不愿)(" + COMING_IN + "|回来上课|请个?假回来|(送|带)(他|她|孩子|□+)?(返校|回学校|来学校)|留下来|补齐|补交|重做|重写|订正|交(?=给我|上来|检查|作业|情况说明|检讨|回执|承诺书)|交上来|交回|带回来|带回学校|要交)");
    private static final Pattern STRAIGHT_ON = Pattern.compile("\\s*(直接|就|顺便|然后)");

    /** A question (问周一要不要交校服费) or a new speaker (我说…) ends the words of the arrangement. */
    private static final GatedPattern ASKED_OR_ANSWERED = GatedPattern.compile("要不要|是不是|能不能|吗|没有|说|讲|问");

    /** The words right after a day in someone else's words arrange something with the school for it ({@link #WITH_THE_SCHOOL}). */
    static boolean after(String s, int from, int clauseEnd) {
        // 这个礼拜六请假家来，直接到学校来: a clause that goes straight on (直接, 就, 顺便) is the same arrangement
        if (clauseEnd < s.length() && ",".indexOf(s.charAt(clauseEnd)) >= 0 && STRAIGHT_ON.matcher(s).region(clauseEnd + 1, s.length()).lookingAt()) {
            clauseEnd = Clauses.clauseEnd(s, clauseEnd + 1);
        }
        String after = s.substring(from, Math.min(clauseEnd, from + 20));
        GatedPattern.Scan cut = ASKED_OR_ANSWERED.scan(after);
        if (cut.find()) after = after.substring(0, cut.start());
        return WITH_THE_SCHOOL.foundIn(after);
    }
}
