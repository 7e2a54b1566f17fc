package app.mentorbot.conversations.roster;

import static app.mentorbot.conversations.roster.HeaderAliases.Field.ID;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import app.mentorbot.conversations.roster.HeaderAliases.Kind;

/**
 * Who holds which id in an import file, so that a second holder is a problem naming the first. Ids are
 * unique across teachers, students and parents, since a chat account maps to exactly one person; class
 * ids only among classes. A chat account (platform and user id) may belong to one person only.
 */
final class IdClaims {
    /** The first holder of an id, and where they stand. */
    record Holder(String role, String name, Table.Row row, String table) {}

    private static final Map<Kind, String> ROLES = Map.of(
            Kind.CLASSES, "班级", Kind.TEACHERS, "教师", Kind.STUDENTS, "学生", Kind.PARENTS, "家长");

    private final RosterProblems problems;
    private final Map<String, Holder> people = new HashMap<>();
    private final Map<String, Holder> classes = new HashMap<>();
    private final Map<String, Map<String, String>> identities = new LinkedHashMap<>();
    private final Map<String, Holder> identityOwners = new HashMap<>();
    private final Map<String, Integer> parentsPerStudent = new HashMap<>();

    IdClaims(RosterProblems problems) {
        this.problems = problems;
    }

    /** Records that a person holds an id; false, with the problem noted, when someone already does. */
    boolean person(Table t, Table.Row r, String id, String role, String name, boolean explicit) {
        Holder first = people.get(id);
        if (first == null) {
            people.put(id, new Holder(role, name, r, t.where));
            return true;
        }
        if (first.role().equals(role)) {
            if (explicit) {
                problems.row(r, idLabel(t, role) + " " + id + " 重复（" + seenAt(first, t) + "已出现）");
            } else {
                problems.row(r, role + "「" + name + "」重名（" + seenAt(first, t) + "已出现），请加一列"
                        + ("教师".equals(role) ? "「工号」" : "「编号」") + "区分");
            }
        } else {
            problems.row(r, idLabel(t, role) + " " + id + " 与" + first.role()
                    + (first.name() == null || first.name().isEmpty() ? "" : "「" + first.name() + "」")
                    + "的编号相同（" + first.row().where() + "），每个人的编号必须不同");
        }
        return false;
    }

    /** The row holding a class id, null when none does yet. */
    Holder classHolder(String classId) {
        return classes.get(classId);
    }

    void claimClass(Table t, Table.Row r, String classId, String name) {
        classes.put(classId, new Holder("班级", name, r, t.where));
    }

    /** P-&lt;学号&gt;-1, -2... in file order, so a re-import of the same file gives the same ids. */
    String nextParentId(String studentId) {
        int n = parentsPerStudent.merge(studentId, 1, Integer::sum);
        return "P-" + studentId + "-" + n;
    }

    /** Keeps the row's chat accounts for the person; one account naming two people is a problem. */
    void identities(Table t, Table.Row r, String personId) {
        for (Map.Entry<String, String> e : r.identities().entrySet()) {
            String platform = e.getKey();
            String userId = e.getValue();
            Holder owner = identityOwners.putIfAbsent(platform + "\u0000" + userId, new Holder("", "", r, t.where));
            if (owner != null) {
                problems.row(r, HeaderAliases.PLATFORM_LABELS.get(platform) + " " + userId + " 已用于" + seenAt(owner, t)
                        + "，一个账号只能对应一个人");
                continue;
            }
            identities.computeIfAbsent(personId, k -> new LinkedHashMap<>()).put(platform, userId);
        }
    }

    /** Person id → platform → user id, as the file gave them. */
    Map<String, Map<String, String>> identities() {
        return identities;
    }

    /** "第3行" within the same table, "教师 sheet 第3行" from another; JSON's "students[0]" gets a space before 已出现. */
    static String seenAt(Holder first, Table t) {
        String at = first.table().equals(t.where) ? first.row().line() : first.row().where();
        return at.endsWith("]") ? at + " " : at;
    }

    /** The id column's header when the table holds this role ("学号", "工号", "id"), else the usual name. */
    private static String idLabel(Table t, String role) {
        if (t.has(ID) && role.equals(ROLES.get(t.kind))) return t.header(ID);
        return switch (role) {
            case "学生" -> "学号";
            case "教师" -> "工号";
            default -> "编号";
        };
    }
}
