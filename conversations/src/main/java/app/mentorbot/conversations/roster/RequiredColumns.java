package app.mentorbot.conversations.roster;

import static app.mentorbot.conversations.roster.HeaderAliases.Field.CLASS;
import static app.mentorbot.conversations.roster.HeaderAliases.Field.ID;
import static app.mentorbot.conversations.roster.HeaderAliases.Field.MENTOR;
import static app.mentorbot.conversations.roster.HeaderAliases.Field.MENTOR_ID;
import static app.mentorbot.conversations.roster.HeaderAliases.Field.NAME;
import static app.mentorbot.conversations.roster.HeaderAliases.Field.STUDENT;

import java.util.ArrayList;
import java.util.List;

import app.mentorbot.conversations.roster.HeaderAliases.Field;
import app.mentorbot.conversations.roster.HeaderAliases.Kind;

/**
 * The columns each table of an import file must have before its rows are read: a name for classes and
 * teachers, the student for parents; id, name, class (unless the sheet is one class's) and mentor for
 * students, where a mentor id alone will not do without a teacher table to look it up in.
 */
final class RequiredColumns {
    private RequiredColumns() {}

    /** True when the table has what it needs (or no rows); otherwise every missing column is a problem. */
    static boolean present(Table t, List<Table> all, RosterProblems problems) {
        if (t.rows.isEmpty()) return true;
        List<String> missing = new ArrayList<>();
        switch (t.kind) {
            case CLASSES -> require(t, missing, NAME);
            case TEACHERS -> require(t, missing, NAME);
            case PARENTS -> require(t, missing, STUDENT);
            case STUDENTS -> {
                require(t, missing, ID);
                require(t, missing, NAME);
                if (t.sheetClass == null) require(t, missing, CLASS);
                if (!t.has(MENTOR) && !t.has(MENTOR_ID)) missing.add(t.describe(MENTOR));
                boolean teacherTable = all.stream().anyMatch(o -> o.kind == Kind.TEACHERS);
                if (!teacherTable && t.has(MENTOR_ID) && !t.has(MENTOR)) {
                    problems.table(t, "没有教师表时，只凭「" + t.header(MENTOR_ID) + "」无法知道导师是谁："
                            + "请加上教师表，或增加一列「导师」填写导师姓名");
                    return false;
                }
            }
        }
        for (String column : missing) {
            problems.table(t, (t.json ? "缺少字段" : "缺少列") + column);
        }
        return missing.isEmpty();
    }

    private static void require(Table t, List<String> missing, Field field) {
        if (!t.has(field)) missing.add(t.describe(field));
    }
}
