package app.mentorbot.conversations.matching;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How long a whole school takes to match: 3,000 students in 60 classes, 400 mentors teaching 1–3 classes with
 * 8 seats each, 5 choices per student among their class's teachers, a quarter of them tagged. Prints the times
 * of ten runs after five warm-up runs; asserts nothing (timings belong to the machine, not to a test).
 * With {@code --district}: a district's batch of 20 such schools, matched one after another.
 * Run: {@code java -cp <test classpath> app.mentorbot.conversations.matching.MatchingTiming [--district] [--any-class]} (the class rule off)
 */
public final class MatchingTiming {
    private MatchingTiming() {}

    /** One generated school: its students and mentors. */
    record School(List<MatchStudent> students, List<MatchMentor> mentors) {}

    /** A school of 3,000 students in 60 classes and 400 mentors with 8 seats, 5 choices each; {@code seed} makes it. */
    static School school(long seed) {
        Random r = new Random(seed);
        int classes = 60;
        List<MatchMentor> mentors = new ArrayList<>();
        Map<String, List<String>> teachersOf = new java.util.HashMap<>();
        for (int m = 0; m < 400; m++) {
            Set<String> cs = new HashSet<>(List.of("C" + m % classes));
            for (int k = r.nextInt(3); k > 0; k--) cs.add("C" + r.nextInt(classes));
            for (String c : cs) teachersOf.computeIfAbsent(c, x -> new ArrayList<>()).add("T" + m);
            mentors.add(new MatchMentor("T" + m, cs, 8, List.of()));
        }
        List<MatchStudent> students = new ArrayList<>();
        for (int s = 0; s < 3000; s++) {
            String c = "C" + r.nextInt(classes);
            List<String> pool = new ArrayList<>(teachersOf.get(c));
            // popular teachers: the first of a class's teachers is chosen most
            List<String> choices = new ArrayList<>();
            for (int k = 0; k < 5 && !pool.isEmpty(); k++) choices.add(pool.remove((int) (Math.pow(r.nextDouble(), 2) * pool.size())));
            Set<String> tags = r.nextInt(4) == 0 ? Set.of(GeneratedSchool.TAGS.get(r.nextInt(5))) : Set.of();
            students.add(new MatchStudent("S" + s, c, tags, Band.values()[r.nextInt(4)], choices));
        }
        return new School(students, mentors);
    }

    public static void main(String[] args) {
        boolean rule = !List.of(args).contains("--any-class");
        if (List.of(args).contains("--district")) {
            district(rule);
            return;
        }
        School school = school(42);
        for (int run = 0; run < 15; run++) {
            long t0 = System.nanoTime();
            MatchResult result = Matching.match(school.students(), school.mentors(), rule);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (run >= 5) {
                Map<Integer, Long> ranks = result.placements().stream().collect(Collectors.groupingBy(Placement::rank, Collectors.counting()));
                System.out.printf("run %d: %d ms; ranks met %s; unplaced %d%n", run - 4, ms, ranks, result.unplaced().size());
            }
        }
    }

    /**
     * A district's batch: 20 such schools (each its own seed), generated first, then matched one after another on
     * one thread. Prints the batch's time for three batches after one warm-up batch.
     */
    private static void district(boolean rule) {
        List<School> schools = new ArrayList<>();
        for (int i = 1; i <= 20; i++) schools.add(school(1000 + i));
        for (int batch = 0; batch < 4; batch++) {
            long t0 = System.nanoTime();
            long placed = 0;
            long slowest = 0;
            for (School s : schools) {
                long t = System.nanoTime();
                placed += Matching.match(s.students(), s.mentors(), rule).mentors().size();
                slowest = Math.max(slowest, System.nanoTime() - t);
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (batch > 0) System.out.printf("district batch %d: 20 schools, %d students placed, %d ms (slowest school %d ms)%n",
                    batch, placed, ms, slowest / 1_000_000);
        }
    }
}
