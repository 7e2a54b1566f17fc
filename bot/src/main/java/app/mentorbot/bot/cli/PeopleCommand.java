package app.mentorbot.bot.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ConfigurableApplicationContext;

import app.mentorbot.conversations.people.Person;
import app.mentorbot.conversations.roster.Parent;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.RosterStore;
import app.mentorbot.conversations.roster.SchoolClass;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.roster.Teacher;

/**
 * {@code people [--class C] [--role R]}: everyone in the roster with the id the other commands take (a parent's id
 * is often generated, such as {@code P-20260101-1}), one person a line, tab-separated under a header: teachers,
 * then students, then parents, each by id. A teacher's roles are listed together (教师、班主任、管理员);
 * {@code --role teacher} lists every teacher. {@code --class} takes a class's id or name and keeps the people of
 * that class: its teachers, head and its students' mentors, its students and their parents.
 */
public final class PeopleCommand {
    static final String HEADER = "编号\t姓名\t身份\t班级\t备注";
    private static final Map<String, String> ROLES = Map.of("teacher", "教师", "class-head", "班主任", "admin", "管理员",
            "student", "学生", "parent", "家长");
    private static final String USAGE = "usage: java -jar mentorbot.jar people [--class 班级编号或名称] [--role teacher|class-head|admin|student|parent]";

    private PeopleCommand() {}

    /**
     * One line of the list: {@code roles} are the role labels above, {@code classIds} the classes shown, {@code memberOf}
     * the classes {@code --class} finds the person in (for a teacher, also the classes of their mentees).
     */
    private record Line(int group, String id, String name, List<String> roles, Set<String> classIds, Set<String> memberOf, String note) {
        Line(int group, String id, String name, List<String> roles, Set<String> classIds, String note) {
            this(group, id, name, roles, classIds, classIds, note);
        }
    }

    public static int run(String[] args) {
        String classArg = option(args, "--class");
        String roleArg = option(args, "--role");
        if ((roleArg != null && !ROLES.containsKey(roleArg)) || Arrays.asList(args).contains("--class") && classArg == null
                || Arrays.asList(args).contains("--role") && roleArg == null) {
            System.err.println(USAGE);
            return 2;
        }
        String[] springArgs = Arrays.stream(CommandContext.springArgs(args))
                .filter(a -> !a.startsWith("--class") && !a.startsWith("--role")).toArray(String[]::new);
        try (ConfigurableApplicationContext context = CommandContext.open(springArgs)) {
            Roster roster = context.getBean(RosterStore.class).load(CommandContext.school(args, context));
            Optional<SchoolClass> schoolClass = classArg == null ? Optional.empty() : roster.classes().stream()
                    .filter(c -> c.id().equals(classArg) || c.name().equals(classArg)).findFirst();
            if (classArg != null && schoolClass.isEmpty()) {
                System.err.println("名单中没有班级 " + classArg + "（可用班级编号或名称）。");
                return 1;
            }
            String role = roleArg == null ? null : ROLES.get(roleArg);
            System.out.println(HEADER);
            lines(roster).stream()
                    .filter(l -> role == null || l.roles().contains(role))
                    .filter(l -> schoolClass.isEmpty() || l.memberOf().contains(schoolClass.get().id()))
                    .sorted((a, b) -> a.group() != b.group() ? Integer.compare(a.group(), b.group()) : a.id().compareTo(b.id()))
                    .forEach(l -> System.out.println(String.join("\t", l.id(), l.name(), String.join("、", l.roles()),
                            classNames(roster, l.classIds()), l.note())));
            return 0;
        } catch (RuntimeException e) {
            return CommandContext.fail("人员名单读取失败", e);
        }
    }

    private static List<Line> lines(Roster roster) {
        List<Line> lines = new ArrayList<>();
        for (Teacher t : roster.teachers()) {
            List<String> roles = new ArrayList<>(List.of(ROLES.get("teacher")));
            if (roster.isClassHead(t.id())) roles.add(ROLES.get("class-head"));
            if (t.admin()) roles.add(ROLES.get("admin"));
            String note = t.subject() == null || t.subject().isBlank() ? "" : "任教：" + t.subject();
            Set<String> memberOf = new LinkedHashSet<>(roster.classIdsOf(t.id()));
            roster.menteesOf(t.id()).forEach(s -> memberOf.add(s.classId()));
            lines.add(new Line(0, t.id(), t.name(), roles, roster.classIdsOf(t.id()), memberOf, note));
        }
        for (Student s : roster.students()) {
            String mentor = roster.teacher(s.mentorId()).map(m -> "导师：" + m.name() + "（" + m.id() + "）").orElse("");
            lines.add(new Line(1, s.id(), s.name(), List.of(ROLES.get("student")), Set.of(s.classId()), mentor));
        }
        for (Parent p : roster.parents()) {
            Optional<Student> child = roster.student(p.studentId());
            if (child.isEmpty()) continue;
            String name = p.name() == null || p.name().isBlank() ? Person.parentDisplayName(roster, p) : p.name();
            String note = "孩子：" + child.get().name() + "（" + child.get().id() + "）"
                    + (p.relation() == null || p.relation().isBlank() ? "" : "，关系：" + p.relation());
            lines.add(new Line(2, p.id(), name, List.of(ROLES.get("parent")), Set.of(child.get().classId()), note));
        }
        return lines;
    }

    private static String classNames(Roster roster, Set<String> classIds) {
        Set<String> names = new LinkedHashSet<>();
        classIds.stream().sorted().forEach(id -> names.add(roster.schoolClass(id).map(SchoolClass::name).orElse(id)));
        return String.join("、", names);
    }

    /** {@code --name value} or {@code --name=value}; null when absent or without a value. */
    private static String option(String[] args, String name) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith(name + "=")) return args[i].substring(name.length() + 1);
            if (args[i].equals(name)) return i + 1 < args.length && !args[i + 1].startsWith("--") ? args[i + 1] : null;
        }
        return null;
    }
}
