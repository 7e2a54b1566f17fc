package app.mentorbot.bot.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import app.mentorbot.conversations.matching.Band;
import app.mentorbot.conversations.matching.MatchMentor;
import app.mentorbot.conversations.matching.MatchResult;
import app.mentorbot.conversations.matching.MatchStudent;
import app.mentorbot.conversations.matching.Matching;
import app.mentorbot.conversations.pairing.Proposal;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.SchoolClass;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.roster.Teacher;

/**
 * How long the proposal page (导师分配方案) takes to render for a whole school: 3,000 students in 60 classes, 400
 * mentors teaching 1–3 classes with 8 seats, 5 choices each, a quarter tagged, matched as `match` does. Renders the
 * admin's view (every student, each row with its move form, and without the forms as once all is confirmed) and a class
 * head's (one class), each five times to warm
 * up and then twenty times; prints the median, the fastest and slowest, and the page's size. Asserts nothing.
 * Run: {@code java -cp bot/target/test-classes:bot/target/classes:<test classpath> app.mentorbot.bot.web.PairingPageTiming}
 */
public final class PairingPageTiming {
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "欧阳", "司马"};
    private static final String GIVEN = "明华伟芳娜静磊洋勇艳杰娟涛超秀霞平刚桂英";
    private static final List<String> TAGS = List.of("家境贫寒", "行为不良", "心理封闭", "学习困难", "父母离异");

    private PairingPageTiming() {}

    public static void main(String[] args) {
        Random r = new Random(42);
        int classes = 60;
        List<SchoolClass> schoolClasses = new ArrayList<>();
        List<Teacher> teachers = new ArrayList<>();
        List<MatchMentor> mentors = new ArrayList<>();
        Map<String, List<String>> teachersOf = new HashMap<>();
        for (int m = 0; m < 400; m++) {
            Set<String> cs = new LinkedHashSet<>(List.of("C" + m % classes));
            for (int k = r.nextInt(3); k > 0; k--) cs.add("C" + r.nextInt(classes));
            for (String c : cs) teachersOf.computeIfAbsent(c, x -> new ArrayList<>()).add("T" + m);
            teachers.add(new Teacher("T" + m, name(r), "语文", List.copyOf(cs), false));
            mentors.add(new MatchMentor("T" + m, cs, 8, List.of()));
        }
        for (int c = 0; c < classes; c++) schoolClasses.add(new SchoolClass("C" + c, "高" + (c / 20 + 1) + "(" + (c % 20 + 1) + ")班", "T" + c));
        List<Student> students = new ArrayList<>();
        List<MatchStudent> choosing = new ArrayList<>();
        for (int s = 0; s < 3000; s++) {
            String c = "C" + r.nextInt(classes);
            List<String> pool = new ArrayList<>(teachersOf.get(c));
            List<String> choices = new ArrayList<>();
            for (int k = 0; k < 5 && !pool.isEmpty(); k++) choices.add(pool.remove((int) (Math.pow(r.nextDouble(), 2) * pool.size())));
            Set<String> tags = r.nextInt(4) == 0 ? Set.of(TAGS.get(r.nextInt(TAGS.size()))) : Set.of();
            String id = String.format("S%04d", s);
            students.add(new Student(id, name(r), c, null));
            choosing.add(new MatchStudent(id, c, tags, Band.values()[r.nextInt(4)], choices));
        }
        Roster roster = new Roster("基准中学", schoolClasses, teachers, students, List.of());
        MatchResult result = Matching.match(choosing, mentors, true);
        Map<String, MatchStudent> byId = new HashMap<>();
        choosing.forEach(s -> byId.put(s.id(), s));
        List<Proposal.Row> rows = result.placements().stream().map(p -> new Proposal.Row(p.studentId(), p.mentorId(), p.rank(), p.missed(),
                byId.get(p.studentId()).tags(), byId.get(p.studentId()).band(), null, false)).toList();
        Map<String, Integer> seats = new HashMap<>();
        mentors.forEach(m -> seats.put(m.id(), m.capacity()));
        Proposal proposal = new Proposal(1, Instant.parse("2026-03-10T07:00:00Z"), true, seats, rows);

        Set<String> everyone = new HashSet<>(students.stream().map(Student::id).toList());
        Set<String> oneClass = new HashSet<>(students.stream().filter(s -> s.classId().equals("C0")).map(Student::id).toList());
        String query = "?viewer=T0&exp=1900000000&sig=" + "a".repeat(43);
        time("admin, whole school, with move forms", proposal, roster, everyone, query, true);
        time("admin, whole school, no forms (all confirmed)", proposal, roster, everyone, query, false);
        time("class head, one class, with move forms", proposal, roster, oneClass, query, true);
    }

    private static void time(String what, Proposal p, Roster roster, Set<String> shown, String query, boolean moves) {
        long[] ms = new long[20];
        int size = 0;
        for (int run = 0; run < 25; run++) {
            long t0 = System.nanoTime();
            String html = PairingHtml.render(p, roster, shown, "/pages/pairing/1.xlsx" + query, moves ? "/pages/pairing/1/move" + query : null, null);
            long took = System.nanoTime() - t0;
            size = html.length();
            if (run >= 5) ms[run - 5] = took / 1_000;
        }
        Arrays.sort(ms);
        System.out.printf("%s (%d students): median %.1f ms, fastest %.1f ms, slowest %.1f ms; page %,d characters%n", what, shown.size(),
                ms[ms.length / 2] / 1000.0, ms[0] / 1000.0, ms[ms.length - 1] / 1000.0, size);
    }

    private static String name(Random r) {
        return SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN.charAt(r.nextInt(GIVEN.length())) + (r.nextBoolean() ? "" : GIVEN.charAt(r.nextInt(GIVEN.length())));
    }
}
