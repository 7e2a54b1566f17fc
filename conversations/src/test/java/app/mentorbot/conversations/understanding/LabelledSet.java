package app.mentorbot.conversations.understanding;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import app.mentorbot.conversations.roster.RosterJson;

/**
 * Scores a labelled set (cases in the extract format of docs/notes.md, each with its gold answer)
 * through {@link Extraction}, in-process, with the metrics of the evaluation's scoring script (kept
 * outside this repository) re-implemented exactly: per-field accuracy, 'record' (every non-topic,
 * non-flag field right), and micro F1 for topics and flags.
 */
final class LabelledSet {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Field → value; rates for record/kind/students/talkType/channel/date/followUp, F1 for topics/flags. */
    record Scores(Map<String, Double> values, List<String> failures) {
        double get(String field) {
            return values.getOrDefault(field, 1.0);
        }

        String table() {
            StringBuilder sb = new StringBuilder();
            values.forEach((k, v) -> sb.append(String.format("%-10s %.3f%n", k, v)));
            return sb.toString();
        }
    }

    static final List<String> FIELDS = List.of("record", "kind", "students", "talkType", "channel", "date", "followUp", "topics", "flags");

    private LabelledSet() {}

    static Scores score(Path casesFile, Path rosterFile) throws Exception {
        List<String> lines = Files.readAllLines(casesFile, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        StringBuilder cases = new StringBuilder();
        for (String l : lines) {
            ObjectNode c = (ObjectNode) JSON.readTree(l);
            c.remove("gold");
            cases.append(JSON.writeValueAsString(c)).append('\n');
        }
        StringWriter out = new StringWriter();
        Extraction.run(RosterJson.read(rosterFile), new StringReader(cases.toString()), out);
        Map<String, JsonNode> answers = new HashMap<>();
        int unreadable = 0;   // a case the reader could not read (an exception inside it) is answered OTHER with a doubt
        for (String a : out.toString().split("\n")) {
            if (a.isBlank()) continue;
            JsonNode n = JSON.readTree(a);
            answers.put(n.path("id").asString(), n);
            for (JsonNode d : n.path("doubts")) if (d.asString().startsWith(Extraction.UNREADABLE)) unreadable++;
        }
        Map<String, double[]> tally = new HashMap<>();
        Map<String, int[]> prf = new HashMap<>(Map.of("topics", new int[3], "flags", new int[3]));
        List<String> failures = new ArrayList<>();
        int[] safety = new int[3];   // SAFETY alone: caught, false alarms, missed
        for (String l : lines) {
            JsonNode c = JSON.readTree(l);
            JsonNode g = c.get("gold");
            JsonNode a = answers.getOrDefault(c.get("id").asString(), JSON.createObjectNode());
            List<String> wrong = new ArrayList<>();
            Set<String> kinds = g.get("kind").isArray() ? strings(g.get("kind")) : Set.of(g.get("kind").asString());
            check(tally, "kind", kinds.contains(text(a, "kind")), wrong);
            if (g.has("clarify")) {
                check(tally, "students", isPresent(a, "clarify") && strings(a.get("clarify")).equals(strings(g.get("clarify"))), wrong);
            } else if (g.has("students")) {
                check(tally, "students", !isPresent(a, "clarify") && strings(a.get("students")).equals(strings(g.get("students"))), wrong);
            }
            for (String f : List.of("talkType", "channel", "date")) {
                if (g.has(f)) check(tally, f, Objects.equals(text(a, f), text(g, f)), wrong);
            }
            if (!(g.has("followUp") && g.get("followUp").isNull())) {
                check(tally, "followUp", Objects.equals(text(a, "followUp"), text(g, "followUp")), wrong);
            }
            for (String f : List.of("topics", "flags")) {
                if ((f.equals("topics") && !g.has(f)) || (g.has(f) && g.get(f).isNull())) continue;
                Set<String> want = strings(g.get(f)), got = strings(a.get(f));
                int[] p = prf.get(f);
                Set<String> tp = new HashSet<>(want);
                tp.retainAll(got);
                p[0] += tp.size();
                p[1] += got.size() - tp.size();
                p[2] += want.size() - tp.size();
                if (!want.equals(got)) wrong.add(f);
            }
            boolean wantSafety = strings(g.get("flags")).contains("SAFETY"), gotSafety = strings(a.get("flags")).contains("SAFETY");
            if (wantSafety && gotSafety) safety[0]++;
            else if (gotSafety) safety[1]++;
            else if (wantSafety) safety[2]++;
            boolean recordOk = wrong.stream().allMatch(w -> w.equals("topics") || w.equals("flags"));
            mark(tally, "record", recordOk);
            if (!wrong.isEmpty()) {
                failures.add(c.get("id").asString() + " " + c.get("text").asString() + "\n  wrong: " + wrong
                        + "\n  got:  " + a + "\n  want: " + g);
            }
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (String f : FIELDS) {
            if (prf.containsKey(f)) values.put(f, f1(prf.get(f)));
            else if (tally.containsKey(f)) values.put(f, tally.get(f)[0] / tally.get(f)[1]);
        }
        values.put("safetyRecall", safety[0] + safety[2] == 0 ? 1.0 : (double) safety[0] / (safety[0] + safety[2]));
        values.put("safetyPrecision", safety[0] + safety[1] == 0 ? 1.0 : (double) safety[0] / (safety[0] + safety[1]));
        values.put("unreadable", (double) unreadable);
        return new Scores(values, failures);
    }

    private static void check(Map<String, double[]> tally, String field, boolean ok, List<String> wrong) {
        mark(tally, field, ok);
        if (!ok) wrong.add(field);
    }

    private static void mark(Map<String, double[]> tally, String field, boolean ok) {
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

    private static double f1(int[] p) {
        double prec = p[0] + p[1] == 0 ? 1.0 : (double) p[0] / (p[0] + p[1]);
        double rec = p[0] + p[2] == 0 ? 1.0 : (double) p[0] / (p[0] + p[2]);
        return prec + rec == 0 ? 0 : 2 * prec * rec / (prec + rec);
    }
}
