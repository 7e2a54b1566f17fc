package app.mentorbot.conversations.understanding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns training notes into situation-model examples ({@code LABEL<TAB>sentence}), as
 * {@code later-teachers-notes.tsv} and {@code more-teachers-notes.tsv} were made: each sentence of a
 * note with no SAFETY flag is NONE; of a SAFETY note only its riskiest sentence is kept (SELF_HARM
 * when the note also carries PSYCH, else BULLYING), picked by a model trained on the sentence-level
 * example files and every NONE sentence. The model reads one sentence at a time, and a whole SAFETY
 * note as one example taught it that a grandmother's call or a late phone is a risk; the rest of a
 * SAFETY note is left out, since it may hold part of the risk.
 *
 * <pre>
 * java -cp conversations/target/test-classes:conversations/target/classes:$(cat conversations/target/bench.cp) \
 *     app.mentorbot.conversations.understanding.RiskiestSentences corpus/train/sy-senior.jsonl ... &gt; out.tsv
 * </pre>
 */
public final class RiskiestSentences {
    private RiskiestSentences() {
    }

    public static void main(String[] files) throws IOException {
        String dir = "/understanding/situation-examples/";
        List<SituationModel.Example> base = new ArrayList<>();
        for (String f : List.of("junior-rural.tsv", "senior-city.tsv", "family-and-mood.tsv")) {
            base.addAll(SituationModel.loadFile(dir + f, SituationModel.Label.class));
        }
        for (String f : List.of("teachers-notes.tsv", "later-teachers-notes.tsv", "more-teachers-notes.tsv")) {
            for (SituationModel.Example e : SituationModel.loadFile(dir + f, SituationModel.Label.class)) if (e.label() == 0) base.add(e);
        }
        SituationModel model = SituationModel.train(base, SituationModel.Label.values().length);
        JsonMapper json = JsonMapper.builder().build();
        for (String file : files) {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.isBlank()) continue;
                JsonNode note = json.readTree(line);
                List<String> flags = new ArrayList<>();
                note.path("gold").path("flags").forEach(x -> flags.add(x.asString()));
                String text = note.get("text").asString().replace('\t', ' ');
                if (!flags.contains("SAFETY")) {
                    for (String s : text.split("[。！？!?]+")) if (s.strip().length() >= 2) System.out.println("NONE\t" + s.strip().replace("\n", " "));
                } else {
                    System.out.println((flags.contains("PSYCH") ? "SELF_HARM" : "BULLYING") + "\t" + riskiest(model, text).strip().replace("\n", " "));
                }
            }
        }
    }

    private static String riskiest(SituationModel model, String text) {
        String simple = NoteText.of(text).simple;
        String best = text;
        double risk = -1;
        for (int from = 0, to; from < simple.length(); from = to + 1) {
            to = Clauses.sentenceEnd(simple, from);
            if (to <= from) continue;
            double r = model.read(simple.substring(from, to)).risk();
            if (r > risk) {
                risk = r;
                best = simple.length() == text.length() ? text.substring(from, to) : simple.substring(from, to);
            }
        }
        return best;
    }
}
