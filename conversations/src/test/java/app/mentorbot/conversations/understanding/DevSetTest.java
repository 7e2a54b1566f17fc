package app.mentorbot.conversations.understanding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import app.mentorbot.conversations.roster.RosterJson;

/**
 * Runs the shared labelled dev set through {@link Extraction} in-process and holds each field to
 * the quality target of the issue. The metrics re-implement shared/eval/score.py exactly.
 */
class DevSetTest {
    private static final Path EVAL = Path.of("../../shared/eval");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Map<String, double[]> tally;   // field -> {right, total}
    private static Map<String, int[]> prf;        // topics/flags -> {tp, fp, fn}

    @BeforeAll
    static void score() throws Exception {
        assumeTrue(Files.isDirectory(EVAL), "shared/eval not present next to the repository");
        List<String> lines = Files.readAllLines(EVAL.resolve("dev.jsonl"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).toList();
        StringBuilder cases = new StringBuilder();
        for (String l : lines) {
            ObjectNode c = (ObjectNode) JSON.readTree(l);
            c.remove("gold");
            cases.append(JSON.writeValueAsString(c)).append('\n');
        }
        StringWriter out = new StringWriter();
        Extraction.run(RosterJson.read(EVAL.resolve("dev-roster.json")), new StringReader(cases.toString()), out);
        Map<String, JsonNode> answers = new HashMap<>();
        for (String a : out.toString().split("\n")) {
            if (a.isBlank()) continue;
            JsonNode n = JSON.readTree(a);
            answers.put(n.path("id").asString(), n);
        }
        tally = new HashMap<>();
        prf = new HashMap<>(Map.of("topics", new int[3], "flags", new int[3]));
        for (String l : lines) {
            JsonNode c = JSON.readTree(l);
            JsonNode g = c.get("gold");
            JsonNode a = answers.getOrDefault(c.get("id").asString(), JSON.createObjectNode());
            List<String> wrong = new java.util.ArrayList<>();
            Set<String> kinds = g.get("kind").isArray() ? strings(g.get("kind")) : Set.of(g.get("kind").asString());
            check("kind", kinds.contains(text(a, "kind")), wrong);
            if (g.has("clarify")) {
                check("students", isPresent(a, "clarify") && strings(a.get("clarify")).equals(strings(g.get("clarify"))), wrong);
            } else if (g.has("students")) {
                check("students", !isPresent(a, "clarify") && strings(a.get("students")).equals(strings(g.get("students"))), wrong);
            }
            for (String f : List.of("talkType", "channel", "date")) {
                if (g.has(f)) check(f, Objects.equals(text(a, f), text(g, f)), wrong);
            }
            if (!(g.has("followUp") && g.get("followUp").isNull())) {
                check("followUp", Objects.equals(text(a, "followUp"), text(g, "followUp")), wrong);
            }
            for (String f : List.of("topics", "flags")) {
                if ((f.equals("topics") && !g.has(f)) || (g.has(f) && g.get(f).isNull())) continue;
                Set<String> want = strings(g.get(f)), got = strings(a.get(f));
                int[] p = prf.get(f);
                Set<String> tp = new HashSet<>(want); tp.retainAll(got);
                p[0] += tp.size();
                p[1] += got.size() - tp.size();
                p[2] += want.size() - tp.size();
                if (!want.equals(got)) wrong.add(f);
            }
            boolean recordOk = wrong.stream().allMatch(w -> w.equals("topics") || w.equals("flags"));
            mark("record", recordOk);
        }
    }

    private static void check(String field, boolean ok, List<String> wrong) {
        mark(field, ok);
        if (!ok) wrong.add(field);
    }

    private static void mark(String field, boolean ok) {
        double[] t = tally.computeIfAbsent(field, k -> new double[2]);
        if (ok) t[0]++;
        t[1]++;
    }

    private static boolean isPresent(JsonNode a, String f) {
        return a.has(f) && !a.get(f).isNull();
    }

    private static String text(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static Set<String> strings(JsonNode arr) {
        Set<String> s = new HashSet<>();
        if (arr != null && !arr.isNull()) {
            if (arr.isArray()) arr.forEach(x -> s.add(x.asString()));
            else s.add(arr.asString());
        }
        return s;
    }

    private static double rate(String field) {
        double[] t = tally.get(field);
        return t == null || t[1] == 0 ? 1.0 : t[0] / t[1];
    }

    private static double f1(String field) {
        int[] p = prf.get(field);
        double prec = p[0] + p[1] == 0 ? 1.0 : (double) p[0] / (p[0] + p[1]);
        double rec = p[0] + p[2] == 0 ? 1.0 : (double) p[0] / (p[0] + p[2]);
        return prec + rec == 0 ? 0 : 2 * prec * rec / (prec + rec);
    }

    @Test void wholeRecordsAreRightInAtLeast95PercentOfCases() { assertThat(rate("record")).isGreaterThanOrEqualTo(0.95); }
    @Test void studentsIncludingClarifyAreRightInAtLeast98Percent() { assertThat(rate("students")).isGreaterThanOrEqualTo(0.98); }
    @Test void kindIsRightInAtLeast95Percent() { assertThat(rate("kind")).isGreaterThanOrEqualTo(0.95); }
    @Test void dateIsRightInAtLeast97Percent() { assertThat(rate("date")).isGreaterThanOrEqualTo(0.97); }
    @Test void followUpIsRightInAtLeast95Percent() { assertThat(rate("followUp")).isGreaterThanOrEqualTo(0.95); }
    @Test void topicsReachAnF1OfAtLeast085() { assertThat(f1("topics")).isGreaterThanOrEqualTo(0.85); }
    @Test void flagsReachAnF1OfAtLeast090() { assertThat(f1("flags")).isGreaterThanOrEqualTo(0.90); }
}
