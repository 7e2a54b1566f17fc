package app.mentorbot.conversations.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import app.mentorbot.conversations.matching.Placement.Missed;
import app.mentorbot.conversations.matching.Placement.Why;

/**
 * Properties of the match on schools made up from 200 seeds each (plain JUnit, seeded, so a failure names its
 * seed and repeats), and a few small schools worked by hand.
 */
class MatchingTest {
    private static final int SEEDS = 200;
    private static final GeneratedSchool.Shape TIGHT = new GeneratedSchool.Shape(4, 12, 60, 2, 6, 5, 0.3, true);
    private static final GeneratedSchool.Shape ROOMY = new GeneratedSchool.Shape(3, 10, 60, 8, 12, 5, 0.3, true);

    @Test
    void noStudentAndMentorWouldBothRatherBeTogetherThanWithWhomTheMatchGaveThem() {
        for (long seed = 0; seed < SEEDS; seed++) {
            for (boolean rule : List.of(true, false)) {
                GeneratedSchool school = GeneratedSchool.make(seed, seed % 2 == 0 ? TIGHT : ROOMY);
                MatchResult result = Matching.match(school.students(), school.mentors(), rule);
                assertNoBlockingPair(school, result, rule, "seed " + seed + ", class rule " + rule);
            }
        }
    }

    @Test
    void everyStudentHasAMentorWhenTheSeatsSuffice() {
        for (long seed = 0; seed < SEEDS; seed++) {
            GeneratedSchool school = GeneratedSchool.make(seed, ROOMY);
            assertThat(school.seats()).isGreaterThanOrEqualTo(school.students().size());
            assertThat(Matching.match(school.students(), school.mentors(), false).unplaced()).as("seed " + seed).isEmpty();
        }
    }

    @Test
    void withTheClassRuleEveryStudentHasAMentorWhenEachClassHasSeatsEnough() {
        for (long seed = 0; seed < SEEDS; seed++) {
            GeneratedSchool school = GeneratedSchool.make(seed, TIGHT);
            Map<String, Long> classSizes = school.students().stream().collect(Collectors.groupingBy(MatchStudent::classId, Collectors.counting()));
            List<MatchMentor> mentors = new java.util.ArrayList<>(school.mentors());
            classSizes.forEach((c, n) -> mentors.add(new MatchMentor("H" + c, Set.of(c), n.intValue(), List.of())));
            MatchResult result = Matching.match(school.students(), mentors, true);
            assertThat(result.unplaced()).as("seed " + seed).isEmpty();
            assertCapacitiesAndClassRule(school.students(), mentors, result, true, "seed " + seed);
        }
    }

    @Test
    void noMentorGetsMoreStudentsThanSeatsAndNobodyCrossesTheClassRule() {
        for (long seed = 0; seed < SEEDS; seed++) {
            GeneratedSchool school = GeneratedSchool.make(seed, TIGHT);
            for (boolean rule : List.of(true, false)) {
                MatchResult result = Matching.match(school.students(), school.mentors(), rule);
                assertCapacitiesAndClassRule(school.students(), school.mentors(), result, rule, "seed " + seed);
            }
        }
    }

    @Test
    void aShortfallOfSeatsLeavesExactlyThatManyStudentsWithoutAMentorAndFillsEverySeat() {
        for (long seed = 0; seed < SEEDS; seed++) {
            GeneratedSchool school = GeneratedSchool.make(seed, new GeneratedSchool.Shape(3, 5, 40, 1, 5, 3, 0.3, true));
            MatchResult result = Matching.match(school.students(), school.mentors(), false);
            int shortfall = Math.max(0, school.students().size() - school.seats());
            assertThat(result.unplaced()).as("seed " + seed).hasSize(shortfall);
            result.unplaced().forEach(id -> assertThat(result.of(id).orElseThrow().rank()).isEqualTo(Placement.NONE));
        }
    }

    @Test
    void eachTagAndEachBandIsSpreadWithinOneOfTheEvenShareWhenOnlyUntaggedStudentsChoose() {
        for (long seed = 0; seed < SEEDS; seed++) {
            // roomy seats, so the seats never force a second student of a kind on a mentor
            GeneratedSchool school = GeneratedSchool.make(seed, new GeneratedSchool.Shape(3, 9, 90, 40, 40, 3, 0.5, false));
            MatchResult result = Matching.match(school.students(), school.mentors(), false);
            assertThat(result.unplaced()).isEmpty();
            Map<String, MatchStudent> byId = school.students().stream().collect(Collectors.toMap(MatchStudent::id, Function.identity()));
            for (String tag : GeneratedSchool.TAGS) {
                assertEven(school, result, s -> s.tags().contains(tag), byId, "seed " + seed + ", tag " + tag);
            }
        }
    }

    @Test
    void eachBandIsSpreadWithinOneOfTheEvenShareAmongStudentsWithoutTagsWhenNobodyChose() {
        for (long seed = 0; seed < SEEDS; seed++) {
            GeneratedSchool school = GeneratedSchool.make(seed, new GeneratedSchool.Shape(3, 9, 90, 40, 40, 0, 0.3, false));
            MatchResult result = Matching.match(school.students(), school.mentors(), false);
            Map<String, MatchStudent> byId = school.students().stream().collect(Collectors.toMap(MatchStudent::id, Function.identity()));
            for (Band band : Band.values()) {
                assertEven(school, result, s -> s.tags().isEmpty() && s.band() == band, byId, "seed " + seed + ", band " + band);
            }
        }
    }

    @Test
    void aStudentWhoseFirstChoiceWasFullLearnsTheMentorTookStudentsOnTheirOwnList() {
        List<MatchStudent> students = List.of(
                new MatchStudent("A", "C1", Set.of(), null, List.of("T1", "T2")),
                new MatchStudent("B", "C1", Set.of(), null, List.of("T1", "T2")),
                new MatchStudent("C", "C2", Set.of("父母离异"), Band.TOP, List.of("T1", "T2")));
        List<MatchMentor> mentors = List.of(
                new MatchMentor("T1", Set.of("C1"), 1, List.of("B")),
                new MatchMentor("T2", Set.of("C1", "C2"), 2, List.of()));
        MatchResult result = Matching.match(students, mentors, true);
        assertThat(result.of("B").orElseThrow()).isEqualTo(new Placement("B", "T1", 1, List.of()));
        assertThat(result.of("A").orElseThrow()).isEqualTo(new Placement("A", "T2", 2, List.of(new Missed("T1", 1, Why.FULL))));
        assertThat(result.of("C").orElseThrow()).isEqualTo(new Placement("C", "T2", 2, List.of(new Missed("T1", 1, Why.CLASS_RULE))));
    }

    @Test
    void aStudentWithNoChoiceMetIsAssignedAndOneWithNoSeatLeftIsReported() {
        List<MatchStudent> students = List.of(
                new MatchStudent("A", "C1", Set.of(), null, List.of("T1")),
                new MatchStudent("B", "C1", Set.of(), null, List.of("T1", "nobody")),
                new MatchStudent("C", "C1", Set.of(), null, List.of()));
        List<MatchMentor> mentors = List.of(new MatchMentor("T1", Set.of("C1"), 1, List.of("A")), new MatchMentor("T2", Set.of("C1"), 1, List.of()));
        MatchResult result = Matching.match(students, mentors, true);
        assertThat(result.of("A").orElseThrow().rank()).isEqualTo(1);
        Placement b = result.of("B").orElseThrow();
        Placement c = result.of("C").orElseThrow();
        assertThat(List.of(b.rank(), c.rank())).containsExactlyInAnyOrder(Placement.ASSIGNED, Placement.NONE);
        assertThat(b.missed()).containsExactly(new Missed("T1", 1, Why.FULL), new Missed("nobody", 2, Why.NOT_A_MENTOR));
        assertThat(result.unplaced()).hasSize(1);
    }

    @Test
    void theSameSchoolGivesTheSameMatchEveryTime() {
        GeneratedSchool school = GeneratedSchool.make(7, TIGHT);
        assertThat(Matching.match(school.students(), school.mentors(), true))
                .isEqualTo(Matching.match(school.students(), school.mentors(), true));
    }

    private static void assertEven(GeneratedSchool school, MatchResult result, java.util.function.Predicate<MatchStudent> kind,
                                   Map<String, MatchStudent> byId, String what) {
        long total = school.students().stream().filter(kind).count();
        Map<String, Integer> perMentor = new HashMap<>();
        school.mentors().forEach(m -> perMentor.put(m.id(), 0));
        result.mentors().forEach((s, m) -> {
            if (kind.test(byId.get(s))) perMentor.merge(m, 1, Integer::sum);
        });
        double share = (double) total / school.mentors().size();
        perMentor.forEach((m, n) -> assertThat(Math.abs(n - share)).as(what + ", mentor " + m + " has " + n + " of " + total).isLessThan(1.0));
    }

    private static void assertCapacitiesAndClassRule(List<MatchStudent> students, List<MatchMentor> mentors, MatchResult result,
                                                     boolean rule, String what) {
        Map<String, MatchMentor> m = mentors.stream().collect(Collectors.toMap(MatchMentor::id, Function.identity()));
        result.counts().forEach((id, n) -> assertThat(n).as(what + ", " + id).isLessThanOrEqualTo(m.get(id).capacity()));
        if (!rule) return;
        Map<String, MatchStudent> s = students.stream().collect(Collectors.toMap(MatchStudent::id, Function.identity()));
        result.mentors().forEach((sid, mid) -> assertThat(m.get(mid).classIds()).as(what + ", " + sid).contains(s.get(sid).classId()));
    }

    /** A student s and a mentor m block when s ranks m above what s got, s may take m, and m has a free seat or holds someone it ranks below s. */
    private static void assertNoBlockingPair(GeneratedSchool school, MatchResult result, boolean rule, String what) {
        Map<String, MatchMentor> mentors = school.mentors().stream().collect(Collectors.toMap(MatchMentor::id, Function.identity()));
        Map<String, Long> order = DeferredAcceptance.fixedOrder(school.students());
        Map<String, List<String>> heldBy = result.mentors().entrySet().stream()
                .collect(Collectors.groupingBy(Map.Entry::getValue, Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        Map<String, MatchStudent> byId = school.students().stream().collect(Collectors.toMap(MatchStudent::id, Function.identity()));
        for (MatchStudent s : school.students()) {
            Placement p = result.of(s.id()).orElseThrow();
            int better = p.byChoice() ? p.rank() - 1 : s.choices().size();
            for (int i = 0; i < better; i++) {
                MatchMentor m = mentors.get(s.choices().get(i));
                if (m == null || rule && !m.classIds().contains(s.classId())) continue;
                List<String> held = heldBy.getOrDefault(m.id(), List.of());
                assertThat(held.size()).as(what + ": " + s.id() + " wanted " + m.id() + ", which has a free seat").isEqualTo(m.capacity());
                Map<String, Long> listed = new HashMap<>();
                for (int k = 0; k < m.preferred().size(); k++) listed.putIfAbsent(m.preferred().get(k), (long) k);
                long mine = DeferredAcceptance.key(listed, order, s);
                for (String t : held) {
                    assertThat(result.of(t).orElseThrow().byChoice()).as(what + ": " + m.id() + " full of chosen students").isTrue();
                    assertThat(DeferredAcceptance.key(listed, order, byId.get(t))).as(what + ": " + m.id() + " prefers " + s.id() + " to " + t).isLessThan(mine);
                }
            }
        }
    }
}
