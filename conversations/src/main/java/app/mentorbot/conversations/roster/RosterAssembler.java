package app.mentorbot.conversations.roster;

import static app.mentorbot.conversations.roster.HeaderAliases.Field.ADMIN;
import static app.mentorbot.conversations.roster.HeaderAliases.Field.CLASS;
import static app.mentorbot.conversations.roster.HeaderAliases.Field.CLASSES;
import static app.mentorbot.conversations.roster.HeaderAliases.Field.HEAD;
import static app.mentorbot.conversations.roster.HeaderAliases.Field.HEAD_ID;
import static app.mentorbot.conversations.roster.HeaderAliases.Field.HEAD_OF;
import static app.mentorbot.conversations.roster.HeaderAliases.Field.ID;
import static app.mentorbot.conversations.roster.HeaderAliases.Field.MENTOR;
import static app.mentorbot.conversations.roster.HeaderAliases.Field.MENTOR_ID;
import static app.mentorbot.conversations.roster.HeaderAliases.Field.NAME;
import static app.mentorbot.conversations.roster.HeaderAliases.Field.PARENT_NAME;
import static app.mentorbot.conversations.roster.HeaderAliases.Field.RELATION;
import static app.mentorbot.conversations.roster.HeaderAliases.Field.STUDENT;
import static app.mentorbot.conversations.roster.HeaderAliases.Field.SUBJECT;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.mentorbot.conversations.roster.HeaderAliases.Field;
import app.mentorbot.conversations.roster.HeaderAliases.Kind;

/**
 * Turns recognised tables into a roster, or into every problem found. One pass per table in
 * dependency order (classes, teachers, class heads, students, parents); each row is checked
 * completely and problems are sorted back into file order at the end.
 *
 * <p>Each of the class and teacher tables is in one of three modes. {@code TABLE}: the file has
 * it, so every reference must name a row of it, by id or by name (a name two rows share is
 * ambiguous). {@code IMPLIED}: the file lacks it, so references create it: a class 「高二(1)班」
 * gets id "C-高二(1)班", a teacher named 刘洋 gets "T-刘洋" (or the id in a 导师工号 / 班主任工号
 * column), which re-importing the same file reproduces. {@code UNKNOWN}: the table is there but
 * unusable (a required column is missing, already reported), so references to it are not checked.
 * Who holds which id is kept by {@link IdClaims}; problems are collected by {@link RosterProblems}.
 */
final class RosterAssembler {
    private enum Mode { TABLE, IMPLIED, UNKNOWN }

    private static final Set<String> YES = Set.of("是", "y", "yes", "true", "1", "√", "✓", "✔", "对", "管理员");
    private static final Set<String> NO = Set.of("否", "n", "no", "false", "0", "×", "x", "无", "不是", "");

    private final String file;
    private final RosterProblems problems = new RosterProblems();
    private final IdClaims claims = new IdClaims(problems);
    private Mode classMode;
    private Mode teacherMode;
    private Mode studentMode;

    private final Map<String, ClassDraft> classes = new LinkedHashMap<>();
    private final Map<String, List<String>> classesByName = new HashMap<>();
    private final Map<String, TeacherDraft> teachers = new LinkedHashMap<>();
    private final Map<String, List<String>> teachersByName = new HashMap<>();
    private final Map<String, Student> students = new LinkedHashMap<>();
    private final Map<String, List<String>> studentsByName = new HashMap<>();
    private final List<Parent> parents = new ArrayList<>();

    private static final class ClassDraft {
        final String id;
        final String name;
        String headId;
        Table.Row headRow;

        ClassDraft(String id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    private record TeacherDraft(String id, String name, String subject, Set<String> classIds, boolean admin) {}

    RosterAssembler(String file) {
        this.file = file;
    }

    /** Problems found before assembly (unreadable sheets, bad JSON items) go first. */
    void problem(String where, String message) {
        problems.first(where, message);
    }

    RosterFile assemble(List<Table> tables, String school, String defaultSchool) {
        List<Table> usable = new ArrayList<>();
        for (Table t : tables) {
            if (RequiredColumns.present(t, tables, problems)) usable.add(t);
        }
        classMode = mode(tables, usable, Kind.CLASSES);
        teacherMode = mode(tables, usable, Kind.TEACHERS);
        studentMode = mode(tables, usable, Kind.STUDENTS);
        if (tables.stream().noneMatch(t -> t.kind == Kind.STUDENTS)) {
            problems.first(file, "没有找到学生名单：Excel 里请把工作表命名为「学生」，"
                    + "CSV 的表头请包含「学号」「姓名」「班级」「导师」，JSON 请提供 students");
        }

        for (Table t : of(usable, Kind.CLASSES)) t.rows.forEach(r -> readClass(t, r));
        for (Table t : of(usable, Kind.TEACHERS)) t.rows.forEach(r -> readTeacher(t, r));
        for (Table t : of(usable, Kind.CLASSES)) t.rows.forEach(r -> readClassHead(t, r));
        for (Table t : of(usable, Kind.STUDENTS)) t.rows.forEach(r -> readStudent(t, r));
        for (Table t : of(usable, Kind.PARENTS)) t.rows.forEach(r -> readParent(t, r));

        if (problems.isEmpty() && teachers.isEmpty() && students.isEmpty()) {
            problems.first(file, "文件里没有读到任何学生或教师，请检查是否选错了文件");
        }
        if (!problems.isEmpty()) return RosterFile.rejected(problems.inFileOrder());

        String name = school;
        for (Table t : tables) {
            if (name.isBlank()) name = t.school;
        }
        if (name.isBlank()) name = defaultSchool == null ? "" : defaultSchool;
        List<SchoolClass> classList = new ArrayList<>();
        for (ClassDraft c : classes.values()) classList.add(new SchoolClass(c.id, c.name, c.headId));
        List<Teacher> teacherList = new ArrayList<>();
        for (TeacherDraft t : teachers.values()) {
            teacherList.add(new Teacher(t.id, t.name, t.subject, List.copyOf(t.classIds), t.admin));
        }
        Roster roster = new Roster(name, classList, teacherList, List.copyOf(students.values()), parents);
        return RosterFile.accepted(roster, claims.identities());
    }

    // ---- tables --------------------------------------------------------------------------------

    private static Mode mode(List<Table> all, List<Table> usable, Kind kind) {
        boolean present = all.stream().anyMatch(t -> t.kind == kind);
        if (!present) return kind == Kind.STUDENTS ? Mode.UNKNOWN : Mode.IMPLIED;
        return all.stream().filter(t -> t.kind == kind).allMatch(usable::contains) ? Mode.TABLE : Mode.UNKNOWN;
    }

    private static List<Table> of(List<Table> tables, Kind kind) {
        return tables.stream().filter(t -> t.kind == kind).toList();
    }

    // ---- rows ----------------------------------------------------------------------------------

    private void readClass(Table t, Table.Row r) {
        if (r.blank(NAME)) {
            problems.missingCell(t, r, NAME);
            return;
        }
        String name = r.get(NAME);
        boolean explicit = t.has(ID) && !r.blank(ID);
        String id = explicit ? Text.id(r.get(ID)) : "C-" + Text.key(name);
        IdClaims.Holder first = claims.classHolder(id);
        if (first != null) {
            problem(r, explicit ? t.header(ID) + " " + id + " 重复（" + IdClaims.seenAt(first, t) + "已出现）"
                    : "班级「" + name + "」重复（" + IdClaims.seenAt(first, t) + "已出现）");
            return;
        }
        List<String> sameName = classesByName.get(Text.key(name));
        if (sameName != null) {
            problem(r, "班级名称「" + name + "」重复（" + IdClaims.seenAt(claims.classHolder(sameName.get(0)), t) + "已出现）");
            return;
        }
        claims.claimClass(t, r, id, name);
        classes.put(id, new ClassDraft(id, name));
        classesByName.computeIfAbsent(Text.key(name), k -> new ArrayList<>()).add(id);
    }

    private void readClassHead(Table t, Table.Row r) {
        String classId = t.has(ID) && !r.blank(ID) ? Text.id(r.get(ID)) : "C-" + Text.key(r.get(NAME));
        ClassDraft c = classes.get(classId);
        if (c == null || claims.classHolder(classId).row() != r) return;
        String head = teacher(t, r, HEAD, HEAD_ID, "班主任");
        if (head != null) claimHead(c, head, r);
    }

    private void readTeacher(Table t, Table.Row r) {
        if (r.blank(NAME)) {
            problems.missingCell(t, r, NAME);
            return;
        }
        String name = r.get(NAME);
        boolean explicit = t.has(ID) && !r.blank(ID);
        String id = explicit ? Text.id(r.get(ID)) : "T-" + Text.key(name);
        boolean added = claims.person(t, r, id, "教师", name, explicit);

        Set<String> classIds = new LinkedHashSet<>();
        List<String> taught = Text.items(r.get(CLASSES));
        for (String item : taught) {
            String classId = schoolClass(r, item);
            if (classId != null) classIds.add(classId);
        }
        boolean admin = yesNo(t, r, ADMIN);
        if (added) {
            teachers.put(id, new TeacherDraft(id, name, r.blank(SUBJECT) ? null : r.get(SUBJECT), classIds, admin));
            teachersByName.computeIfAbsent(Text.key(name), k -> new ArrayList<>()).add(id);
            claims.identities(t, r, id);
        }

        String headOf = r.get(HEAD_OF);
        if (NO.contains(Text.key(headOf))) return;
        List<String> headed = YES.contains(Text.key(headOf)) ? taught : Text.items(headOf);
        if (YES.contains(Text.key(headOf)) && taught.size() != 1) {
            problem(r, "「" + t.header(HEAD_OF) + "」写了「" + headOf + "」，请改填所带班级的名称");
            return;
        }
        for (String item : headed) {
            String classId = schoolClass(r, item);
            if (classId != null && added) claimHead(classes.get(classId), id, r);
        }
    }

    private void readStudent(Table t, Table.Row r) {
        boolean complete = true;
        for (Field f : List.of(ID, NAME, CLASS)) {
            if (r.blank(f) && !(f == CLASS && t.sheetClass != null)) {
                problems.missingCell(t, r, f);
                complete = false;
            }
        }
        String className = r.blank(CLASS) ? t.sheetClass : r.get(CLASS);
        String classId = className == null ? null : schoolClass(r, className);
        String mentorId = teacher(t, r, MENTOR, MENTOR_ID, "导师");
        String headId = teacher(t, r, HEAD, HEAD_ID, "班主任");
        if (classId != null && headId != null) claimHead(classes.get(classId), headId, r);
        if (!complete) return;

        String id = Text.id(r.get(ID));
        String name = r.get(NAME);
        if (!claims.person(t, r, id, "学生", name, true)) return;
        students.put(id, new Student(id, name, classId == null ? "" : classId, mentorId));
        studentsByName.computeIfAbsent(Text.key(name), k -> new ArrayList<>()).add(id);
        claims.identities(t, r, id);
        if (!r.blank(PARENT_NAME) || !r.blank(RELATION)) {
            String parentId = claims.nextParentId(id);
            if (claims.person(t, r, parentId, "家长", r.get(PARENT_NAME), false)) {
                parents.add(new Parent(parentId, id, r.get(RELATION), r.blank(PARENT_NAME) ? null : r.get(PARENT_NAME)));
            }
        }
    }

    private void readParent(Table t, Table.Row r) {
        if (r.blank(STUDENT)) {
            problems.missingCell(t, r, STUDENT);
            return;
        }
        String studentId = student(t, r);
        if (studentId == null) return;
        boolean explicit = t.has(ID) && !r.blank(ID);
        String id = explicit ? Text.id(r.get(ID)) : claims.nextParentId(studentId);
        String name = r.blank(NAME) ? null : r.get(NAME);
        if (!claims.person(t, r, id, "家长", name == null ? r.get(RELATION) : name, explicit)) return;
        parents.add(new Parent(id, studentId, r.get(RELATION), name));
        claims.identities(t, r, id);
    }

    // ---- references ----------------------------------------------------------------------------

    /** The id of the class a cell names (by id or by name), creating it when classes are implied; null after a problem. */
    private String schoolClass(Table.Row r, String value) {
        switch (classMode) {
            case UNKNOWN:
                return null;
            case IMPLIED: {
                List<String> ids = classesByName.get(Text.key(value));
                if (ids != null) return ids.get(0);
                String id = "C-" + Text.key(value);
                classes.put(id, new ClassDraft(id, value));
                classesByName.computeIfAbsent(Text.key(value), k -> new ArrayList<>()).add(id);
                return id;
            }
            default: {
                String id = Text.id(value);
                if (classes.containsKey(id)) return id;
                List<String> ids = classesByName.get(Text.key(value));
                if (ids == null) {
                    problem(r, "班级「" + value + "」不在班级表中");
                    return null;
                }
                return ids.get(0);
            }
        }
    }

    /**
     * The id of the teacher named in the row's name and/or id column for a role (导师, 班主任);
     * null when the cells are blank or after a problem.
     */
    private String teacher(Table t, Table.Row r, Field nameField, Field idField, String role) {
        String name = r.get(nameField);
        String givenId = Text.id(r.get(idField));
        if (name.isEmpty() && givenId.isEmpty()) return null;
        if (teacherMode == Mode.UNKNOWN) return null;
        if (teacherMode == Mode.IMPLIED) {
            String id = givenId.isEmpty() ? "T-" + Text.key(name) : givenId;
            TeacherDraft known = teachers.get(id);
            if (known == null) {
                if (name.isEmpty()) {
                    problem(r, role + "工号 " + id + " 找不到对应的姓名：没有教师表时，请填写「" + role + "」姓名");
                    return null;
                }
                if (!claims.person(t, r, id, "教师", name, !givenId.isEmpty())) return null;
                teachers.put(id, new TeacherDraft(id, name, null, new LinkedHashSet<>(), false));
                teachersByName.computeIfAbsent(Text.key(name), k -> new ArrayList<>()).add(id);
                return id;
            }
            return sameName(r, role, known, name) ? id : null;
        }
        if (!givenId.isEmpty()) {
            TeacherDraft known = teachers.get(givenId);
            if (known == null) {
                problem(r, role + "「" + givenId + "」不是教师");
                return null;
            }
            return sameName(r, role, known, name) ? givenId : null;
        }
        if (teachers.containsKey(Text.id(name))) return Text.id(name);
        List<String> ids = teachersByName.get(Text.key(name));
        if (ids == null) {
            problem(r, role + "「" + name + "」不是教师");
            return null;
        }
        if (ids.size() > 1) {
            problem(r, role + "「" + name + "」有 " + ids.size() + " 位同名教师（" + String.join("、", ids)
                    + "），请改填工号");
            return null;
        }
        return ids.get(0);
    }

    private boolean sameName(Table.Row r, String role, TeacherDraft known, String name) {
        if (name.isEmpty() || Text.key(name).equals(Text.key(known.name()))) return true;
        problem(r, role + "工号 " + known.id() + " 是「" + known.name() + "」，与" + role + "姓名「" + name + "」不一致");
        return false;
    }

    private String student(Table t, Table.Row r) {
        if (studentMode == Mode.UNKNOWN) return null;
        String value = r.get(STUDENT);
        if (students.containsKey(Text.id(value))) return Text.id(value);
        List<String> ids = studentsByName.get(Text.key(value));
        if (ids == null) {
            problem(r, "学生「" + value + "」不在学生名单中");
            return null;
        }
        if (ids.size() > 1) {
            problem(r, "学生「" + value + "」有 " + ids.size() + " 位同名学生（" + String.join("、", ids) + "），请改填学号");
            return null;
        }
        return ids.get(0);
    }

    private void claimHead(ClassDraft c, String teacherId, Table.Row r) {
        if (c == null) return;
        if (c.headId == null) {
            c.headId = teacherId;
            c.headRow = r;
        } else if (!c.headId.equals(teacherId)) {
            problem(r, "班级「" + c.name + "」的班主任前后不一致：" + c.headRow.where() + "是「"
                    + teachers.get(c.headId).name() + "」，这里是「" + teachers.get(teacherId).name() + "」");
        }
    }

    // ---- cells and problems ------------------------------------------------------------------

    private boolean yesNo(Table t, Table.Row r, Field field) {
        String key = Text.key(r.get(field));
        if (YES.contains(key)) return true;
        if (!NO.contains(key)) problem(r, "「" + t.header(field) + "」请填写「是」或「否」，而不是「" + r.get(field) + "」");
        return false;
    }

    private void problem(Table.Row r, String message) {
        problems.row(r, message);
    }
}
