package app.mentorbot.conversations.roster;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The headers schools actually write, per table. Headers are compared after {@link #normalize}
 * ("学号*", "学号（必填）" and " 学 号 " are all 学号). Within a table the first alias listed wins
 * when a sheet has two matching columns (a student sheet with both 学号 and 编号 reads 学号).
 */
final class HeaderAliases {

    enum Kind {
        CLASSES("班级表"), TEACHERS("教师表"), STUDENTS("学生表"), PARENTS("家长表");

        final String label;

        Kind(String label) { this.label = label; }
    }

    enum Field { ID, NAME, CLASS, MENTOR, MENTOR_ID, HEAD, HEAD_ID, SUBJECT, CLASSES, HEAD_OF, ADMIN, STUDENT, RELATION, PARENT_NAME }

    /** Columns any table may carry: the school's name and chat accounts kept aside for the adapters. */
    static final List<String> SCHOOL = List.of("学校", "学校名称", "school");
    private static final Map<String, String> PLATFORMS = Map.ofEntries(
            Map.entry("钉钉id", "dingtalk"), Map.entry("钉钉", "dingtalk"), Map.entry("钉钉号", "dingtalk"),
            Map.entry("钉钉userid", "dingtalk"), Map.entry("dingtalk_user_id", "dingtalk"), Map.entry("dingtalk", "dingtalk"),
            Map.entry("企业微信id", "wecom"), Map.entry("企业微信", "wecom"), Map.entry("企业微信userid", "wecom"),
            Map.entry("企微id", "wecom"), Map.entry("wecom_user_id", "wecom"), Map.entry("wecom", "wecom"),
            Map.entry("slack_user_id", "slack"), Map.entry("slackid", "slack"), Map.entry("slack", "slack"),
            Map.entry("xmpp_jid", "xmpp"), Map.entry("jid", "xmpp"), Map.entry("xmpp", "xmpp"));
    static final Map<String, String> PLATFORM_LABELS = Map.of(
            "dingtalk", "钉钉ID", "wecom", "企业微信ID", "slack", "Slack ID", "xmpp", "XMPP JID");

    private static final Map<Kind, Map<Field, List<String>>> ALIASES = new EnumMap<>(Kind.class);

    static {
        ALIASES.put(Kind.CLASSES, fields(
                Field.ID, List.of("班级编号", "班级代码", "班号", "编号", "id"),
                Field.NAME, List.of("班级名称", "班级", "名称", "class", "name"),
                Field.HEAD, List.of("班主任", "班主任姓名", "head"),
                Field.HEAD_ID, List.of("班主任工号", "head_id")));
        ALIASES.put(Kind.TEACHERS, fields(
                Field.ID, List.of("工号", "教师编号", "教工号", "编号", "id"),
                Field.NAME, List.of("姓名", "教师姓名", "名字", "name"),
                Field.SUBJECT, List.of("学科", "任教学科", "科目", "subject"),
                Field.CLASSES, List.of("任教班级", "所教班级", "班级", "classes"),
                Field.HEAD_OF, List.of("班主任", "担任班主任", "班主任班级", "head_of"),
                Field.ADMIN, List.of("管理员", "是否管理员", "admin")));
        ALIASES.put(Kind.STUDENTS, fields(
                Field.ID, List.of("学号", "学生编号", "学籍号", "编号", "id"),
                Field.NAME, List.of("姓名", "学生姓名", "名字", "name"),
                Field.CLASS, List.of("班级", "所在班级", "班级名称", "class"),
                Field.MENTOR, List.of("导师", "导师姓名", "成长导师", "mentor"),
                Field.MENTOR_ID, List.of("导师工号", "mentor_id"),
                Field.HEAD, List.of("班主任", "班主任姓名", "head"),
                Field.HEAD_ID, List.of("班主任工号", "head_id"),
                Field.PARENT_NAME, List.of("家长姓名", "家长", "parent_name", "parent"),
                Field.RELATION, List.of("关系", "与学生关系", "家长关系", "relation")));
        ALIASES.put(Kind.PARENTS, fields(
                Field.ID, List.of("家长编号", "编号", "id"),
                Field.STUDENT, List.of("学生学号", "学号", "学生编号", "学生姓名", "学生", "student"),
                Field.RELATION, List.of("关系", "与学生关系", "relation"),
                Field.NAME, List.of("家长姓名", "姓名", "名字", "name")));
    }

    private static final Map<String, Kind> SHEET_NAMES = Map.ofEntries(
            Map.entry("班级", Kind.CLASSES), Map.entry("班级表", Kind.CLASSES), Map.entry("班级信息", Kind.CLASSES),
            Map.entry("classes", Kind.CLASSES),
            Map.entry("教师", Kind.TEACHERS), Map.entry("老师", Kind.TEACHERS), Map.entry("教职工", Kind.TEACHERS),
            Map.entry("教师表", Kind.TEACHERS), Map.entry("教师名单", Kind.TEACHERS), Map.entry("导师", Kind.TEACHERS),
            Map.entry("teachers", Kind.TEACHERS),
            Map.entry("学生", Kind.STUDENTS), Map.entry("学生名单", Kind.STUDENTS), Map.entry("学生表", Kind.STUDENTS),
            Map.entry("花名册", Kind.STUDENTS), Map.entry("学生花名册", Kind.STUDENTS), Map.entry("students", Kind.STUDENTS),
            Map.entry("家长", Kind.PARENTS), Map.entry("监护人", Kind.PARENTS), Map.entry("家长表", Kind.PARENTS),
            Map.entry("家长信息", Kind.PARENTS), Map.entry("parents", Kind.PARENTS));

    private HeaderAliases() {}

    private static Map<Field, List<String>> fields(Object... pairs) {
        Map<Field, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked") List<String> aliases = (List<String>) pairs[i + 1];
            map.put((Field) pairs[i], aliases);
        }
        return map;
    }

    /** "学号*", "学号（必填）", "学 号：" → "学号"; "Student ID" → "studentid". */
    static String normalize(String header) {
        String h = Text.key(header).replace("*", "");
        h = h.replaceFirst("\\([^()]*\\)$", "");
        return h.endsWith(":") ? h.substring(0, h.length() - 1) : h;
    }

    static Map<Field, List<String>> aliases(Kind kind) {
        return ALIASES.get(kind);
    }

    /** The platform an identity column holds ("dingtalk"...), or null. */
    static String platform(String normalizedHeader) {
        return PLATFORMS.get(normalizedHeader);
    }

    /** True when the header names any column we know, in any table. */
    static boolean known(String normalizedHeader) {
        if (normalizedHeader.isEmpty()) return false;
        if (SCHOOL.contains(normalizedHeader) || PLATFORMS.containsKey(normalizedHeader)) return true;
        for (Map<Field, List<String>> fields : ALIASES.values()) {
            for (List<String> aliases : fields.values()) {
                if (aliases.contains(normalizedHeader)) return true;
            }
        }
        return false;
    }

    /** The table a sheet (or CSV file, or JSON array) holds judging by its name, or null. */
    static Kind kindOfName(String name) {
        if (name == null) return null;
        String n = normalize(name);
        Kind exact = SHEET_NAMES.get(n);
        if (exact != null) return exact;
        if (n.contains("家长") || n.contains("监护人") || n.contains("parent")) return Kind.PARENTS;
        if (n.contains("学生") || n.contains("花名册") || n.contains("student")) return Kind.STUDENTS;
        if (n.contains("教师") || n.contains("老师") || n.contains("教职工") || n.contains("teacher")) return Kind.TEACHERS;
        if (n.contains("班级") || n.equals("class")) return Kind.CLASSES;
        return null;
    }

    /**
     * The table a header row describes, or null: parents when it points at students and has no
     * class or mentor; students when it has a student number or a mentor; teachers when it has a
     * staff number, subject or taught classes; classes when it has a class head.
     */
    static Kind kindOfHeaders(List<String> normalizedHeaders) {
        Set<String> h = Set.copyOf(normalizedHeaders);
        boolean classColumn = h.contains("班级") || h.contains("所在班级") || h.contains("class");
        boolean mentor = h.contains("导师") || h.contains("导师姓名") || h.contains("导师工号")
                || h.contains("成长导师") || h.contains("mentor") || h.contains("mentor_id");
        boolean pointsAtStudent = h.contains("关系") || h.contains("与学生关系") || h.contains("学生学号")
                || h.contains("relation") || h.contains("student");
        if (pointsAtStudent && !classColumn && !mentor) return Kind.PARENTS;
        boolean studentNumber = h.contains("学号") || h.contains("学生编号") || h.contains("学籍号");
        boolean idNameClass = (h.contains("id") || h.contains("编号")) && (h.contains("姓名") || h.contains("name")) && classColumn;
        if (studentNumber || mentor || idNameClass) return Kind.STUDENTS;
        if (h.contains("工号") || h.contains("教师编号") || h.contains("教工号") || h.contains("任教班级")
                || h.contains("所教班级") || h.contains("学科") || h.contains("任教学科") || h.contains("subject")
                || h.contains("classes")) return Kind.TEACHERS;
        if (h.contains("班主任") || h.contains("班主任姓名") || h.contains("head") || h.contains("班级名称")
                || h.contains("班级编号")) return Kind.CLASSES;
        return null;
    }
}
