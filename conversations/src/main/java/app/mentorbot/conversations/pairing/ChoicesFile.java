package app.mentorbot.conversations.pairing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.mentorbot.conversations.matching.Band;
import app.mentorbot.conversations.roster.Grids;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.roster.Teacher;

/**
 * Reads the choices file a class head collects (.xlsx or .csv). The student sheet has the columns 学号, 姓名,
 * 志愿1…志愿N (a teacher's 工号 or full name, 「刘洋老师」 too) and optionally 标签 (special situations, separated
 * by 、) and 层次 (尖子, 边缘, 特长, 学困). An optional teacher sheet (.xlsx) has 工号 or 姓名, 名额 (seats, overriding
 * the school's rule) and 意向学生 (students the teacher would like, by 学号 or name, most wanted first).
 * Everything is checked against the roster; every problem is listed by line.
 */
public final class ChoicesFile {
    private static final Pattern CHOICE = Pattern.compile("^志愿\\s*(\\d+)$");
    private static final Pattern LIST = Pattern.compile("[、,，;；/\\s]+");

    private ChoicesFile() {}

    public static Choices read(Path file, Roster roster) {
        try {
            return read(file.getFileName().toString(), Files.readAllBytes(file), roster);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Choices read(String fileName, byte[] bytes, Roster roster) {
        Grids.Read read = Grids.read(fileName, bytes);
        List<String> problems = new ArrayList<>(read.problems());
        List<Choices.Choice> students = new ArrayList<>();
        Map<String, Integer> seats = new HashMap<>();
        Map<String, List<String>> preferred = new HashMap<>();
        boolean sawStudents = false;
        for (Grids.Grid g : read.grids()) {
            int h = header(g);
            if (h < 0) continue;
            List<String> header = g.rows().get(h);
            if (header.stream().anyMatch(c -> CHOICE.matcher(c).matches())) {
                sawStudents = true;
                students(g, h, roster, students, problems);
            } else if (header.contains("名额") || header.contains("意向学生")) {
                teachers(g, h, roster, seats, preferred, problems);
            }
        }
        if (!sawStudents && problems.isEmpty()) problems.add(fileName + "：没有找到含「学号」和「志愿1」列的表");
        return new Choices(students, seats, preferred, problems);
    }

    private static int header(Grids.Grid g) {
        for (int i = 0; i < Math.min(10, g.rows().size()); i++) {
            List<String> row = g.rows().get(i);
            if (row.contains("学号") || row.contains("工号") || row.contains("姓名")) return i;
        }
        return -1;
    }

    private static void students(Grids.Grid g, int h, Roster roster, List<Choices.Choice> out, List<String> problems) {
        List<String> header = g.rows().get(h);
        TreeMap<Integer, Integer> choiceColumns = new TreeMap<>();
        for (int c = 0; c < header.size(); c++) {
            Matcher m = CHOICE.matcher(header.get(c));
            if (m.matches()) choiceColumns.put(Integer.parseInt(m.group(1)), c);
        }
        int id = header.indexOf("学号");
        int name = header.indexOf("姓名");
        int tags = header.indexOf("标签");
        int band = header.indexOf("层次");
        Set<String> seen = new LinkedHashSet<>();
        for (int r = h + 1; r < g.rows().size(); r++) {
            List<String> row = g.rows().get(r);
            String where = g.name() + " 第" + (r + 1) + "行";
            if (row.stream().allMatch(String::isBlank)) continue;
            Optional<Student> s = student(cell(row, id), cell(row, name), roster);
            if (s.isEmpty()) {
                problems.add(where + "：名单里找不到学生「" + (cell(row, id).isEmpty() ? cell(row, name) : cell(row, id)) + "」");
                continue;
            }
            if (!seen.add(s.get().id())) {
                problems.add(where + "：学生 " + s.get().id() + " 出现了不止一次");
                continue;
            }
            List<String> mentors = new ArrayList<>();
            for (Map.Entry<Integer, Integer> c : choiceColumns.entrySet()) {
                String ref = cell(row, c.getValue());
                if (ref.isEmpty()) continue;
                List<Teacher> found = teachers(ref, roster);
                if (found.size() == 1) {
                    if (!mentors.contains(found.get(0).id())) mentors.add(found.get(0).id());
                } else {
                    problems.add(where + "：志愿" + c.getKey() + "「" + ref + "」" + (found.isEmpty() ? "不是名单里的教师" : "有 " + found.size() + " 位同名教师，请改填工号"));
                }
            }
            Optional<Band> b = Band.of(cell(row, band));
            if (b.isEmpty() && !cell(row, band).isEmpty()) problems.add(where + "：层次「" + cell(row, band) + "」应为 尖子、边缘、特长 或 学困");
            Set<String> tagSet = new LinkedHashSet<>();
            for (String t : LIST.split(cell(row, tags))) if (!t.isBlank()) tagSet.add(t);
            out.add(new Choices.Choice(s.get().id(), mentors, tagSet, b.orElse(null)));
        }
    }

    private static void teachers(Grids.Grid g, int h, Roster roster, Map<String, Integer> seats, Map<String, List<String>> preferred,
                                 List<String> problems) {
        List<String> header = g.rows().get(h);
        int id = header.indexOf("工号");
        int name = header.indexOf("姓名");
        int quota = header.indexOf("名额");
        int wants = header.indexOf("意向学生");
        for (int r = h + 1; r < g.rows().size(); r++) {
            List<String> row = g.rows().get(r);
            String where = g.name() + " 第" + (r + 1) + "行";
            if (row.stream().allMatch(String::isBlank)) continue;
            List<Teacher> found = teachers(cell(row, id).isEmpty() ? cell(row, name) : cell(row, id), roster);
            if (found.size() != 1) {
                problems.add(where + "：找不到这位教师，或有同名教师（请填工号）");
                continue;
            }
            String teacherId = found.get(0).id();
            if (!cell(row, quota).isEmpty()) {
                try {
                    int n = Integer.parseInt(cell(row, quota));
                    if (n < 0) throw new NumberFormatException();
                    seats.put(teacherId, n);
                } catch (NumberFormatException e) {
                    problems.add(where + "：名额「" + cell(row, quota) + "」应为 0 或正整数");
                }
            }
            List<String> liked = new ArrayList<>();
            for (String ref : LIST.split(cell(row, wants))) {
                if (ref.isBlank()) continue;
                Optional<Student> s = roster.student(ref).or(() -> student("", ref, roster));
                if (s.isEmpty()) problems.add(where + "：意向学生「" + ref + "」找不到或有同名，请填学号");
                else liked.add(s.get().id());
            }
            if (!liked.isEmpty()) preferred.put(teacherId, liked);
        }
    }

    /** A student by 学号, else by a name only one student has. */
    private static Optional<Student> student(String id, String name, Roster roster) {
        if (!id.isEmpty()) return roster.student(id);
        List<Student> named = roster.students().stream().filter(s -> s.name().equals(name)).toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    /** Teachers a cell may mean: the one with that 工号, else those with that full name (「刘洋老师」 too). */
    static List<Teacher> teachers(String ref, Roster roster) {
        Optional<Teacher> byId = roster.teacher(ref);
        if (byId.isPresent()) return List.of(byId.get());
        String name = ref.replaceFirst("老师$", "");
        return roster.teachers().stream().filter(t -> t.name().equals(name)).toList();
    }

    private static String cell(List<String> row, int i) {
        return i >= 0 && i < row.size() && row.get(i) != null ? row.get(i).strip() : "";
    }
}
