package app.mentorbot.conversations.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The project's own labelled corpus (corpus/ at the repository root, see its README): two training
 * schools the reader may be tuned on and two held-out schools it never is. Every file is scored
 * in-process on each build and held to floors: the figures last reported minus {@link #SLACK},
 * so a change that makes the reader worse on notes it has not seen fails here. Raise a floor when
 * the reader improves; never lower one to make a change pass.
 *
 * <p>Held-out failures are never printed: only their scores are read, so nobody tunes on them.
 */
class CorpusQualityTest {
    private static final Path CORPUS = Path.of("../corpus");
    static final double SLACK = 0.02;

    /** Figures reported on 3 December 2026 (README, "How well it reads"), rounded down. */
    static final Map<String, Map<String, Double>> REPORTED = Map.of(
            "heldout/bj-nineyear", Map.of("record", 0.70, "kind", 0.87, "students", 0.92, "date", 0.88, "followUp", 0.95,
                    "flags", 0.84, "safetyRecall", 1.00, "safetyPrecision", 0.77),
            "heldout/hx-junior", Map.of("record", 0.84, "kind", 0.95, "students", 0.95, "date", 0.96, "followUp", 0.91,
                    "flags", 0.83, "safetyRecall", 0.93, "safetyPrecision", 0.90),
            "heldout/qs-senior", Map.of("record", 0.73, "kind", 0.84, "students", 0.93, "date", 0.95, "followUp", 0.92,
                    "flags", 0.78, "safetyRecall", 1.00, "safetyPrecision", 0.78),
            "train/cq-county", Map.of("record", 0.86, "kind", 0.96, "students", 0.96, "date", 0.96, "followUp", 0.95,
                    "flags", 0.81, "safetyRecall", 1.00, "safetyPrecision", 0.75),
            "train/gd-county", Map.of("record", 0.84, "kind", 0.95, "students", 0.91, "date", 0.94, "followUp", 0.96,
                    "flags", 0.86, "safetyRecall", 1.00, "safetyPrecision", 0.86),
            "train/hb-city", Map.of("record", 0.90, "kind", 0.98, "students", 0.95, "date", 0.98, "followUp", 0.97,
                    "flags", 0.83, "safetyRecall", 0.97, "safetyPrecision", 0.80),
            "train/lc-junior", Map.of("record", 0.91, "kind", 0.96, "students", 0.97, "date", 0.97, "followUp", 0.98,
                    "flags", 0.89, "safetyRecall", 1.00, "safetyPrecision", 0.81),
            "train/sd-county", Map.of("record", 0.92, "kind", 0.95, "students", 0.98, "date", 0.99, "followUp", 0.98,
                    "flags", 0.85, "safetyRecall", 1.00, "safetyPrecision", 0.90),
            "train/yz-senior", Map.of("record", 0.89, "kind", 0.94, "students", 0.95, "date", 0.96, "followUp", 0.96,
                    "flags", 0.88, "safetyRecall", 0.96, "safetyPrecision", 0.83),
            "train/zj-vocational", Map.of("record", 0.95, "kind", 0.97, "students", 0.99, "date", 1.00, "followUp", 0.98,
                    "flags", 0.84, "safetyRecall", 1.00, "safetyPrecision", 0.87));

    private static final Map<String, LabelledSet.Scores> scores = new LinkedHashMap<>();

    @BeforeAll
    static void scoreEveryFile() throws Exception {
        for (String file : REPORTED.keySet().stream().sorted().toList()) {
            String roster = file.substring(file.indexOf('/') + 1);
            LabelledSet.Scores s = LabelledSet.score(CORPUS.resolve(file + ".jsonl"), CORPUS.resolve("rosters/" + roster + ".json"));
            scores.put(file, s);
            System.out.println("corpus " + file + ":\n" + s.table());
            if (file.startsWith("train/")) s.failures().forEach(System.out::println);
        }
    }

    static List<Arguments> floors() {
        return REPORTED.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .flatMap(e -> e.getValue().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(f -> Arguments.of(e.getKey(), f.getKey(), f.getValue())))
                .toList();
    }

    @ParameterizedTest(name = "{0} {1} stays at or above {2} - slack")
    @MethodSource("floors")
    void noFieldDropsBelowItsReportedFigure(String file, String field, double reported) {
        assertThat(scores.get(file).get(field)).as(file + " " + field).isGreaterThanOrEqualTo(reported - SLACK);
    }
}
