package app.mentorbot.conversations.understanding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import app.mentorbot.conversations.roster.RosterJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Leave-one-school-out check of the situation model: for each training school, the model is trained on every example
 * file but that school's ({@code notes-<school>.tsv}), then reads that school's notes; prints, a note a line,
 * {@code school<TAB>id<TAB>gold SAFETY (1/0)<TAB>the riskiest sentence's risk}. So the model's threshold and any change to
 * it are chosen on eighteen schools it did not learn from, not on the few kept out of its examples.
 *
 * <pre>
 * java -cp conversations/target/test-classes:conversations/target/classes:$(cat conversations/target/bench.cp) \
 *     app.mentorbot.conversations.understanding.ModelCrossCheck EXAMPLE_DIR corpus/rosters corpus/train/*.jsonl
 * </pre>
 */
public final class ModelCrossCheck {
    private ModelCrossCheck() {
    }

    public static void main(String[] args) throws IOException {
        Path examples = Path.of(args[0]);
        Path rosters = Path.of(args[1]);
        List<Path> tsv;
        try (Stream<Path> files = Files.list(examples)) {
            tsv = files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList();
        }
        JsonMapper json = JsonMapper.builder().build();
        for (int i = 2; i < args.length; i++) {
            Path file = Path.of(args[i]);
            String school = file.getFileName().toString().replace(".jsonl", "");
            List<SituationModel.Example> train = new ArrayList<>();
            for (Path p : tsv) {
                if (!p.getFileName().toString().equals("notes-" + school + ".tsv")) {
                    train.addAll(SituationModel.parse(Files.readAllLines(p), SituationModel.Label.class));
                }
            }
            SituationModel model = SituationModel.train(train, SituationModel.Label.values().length, SituationModel.RISK_EPOCHS);
            NoteReader reader = new NoteReader(RosterJson.read(rosters.resolve(school + ".json")));
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) continue;
                JsonNode note = json.readTree(line);
                boolean safety = false;
                for (JsonNode f : note.path("gold").path("flags")) safety |= f.asString().equals("SAFETY");
                String text = reader.masked(note.path("sender").asString(), note.get("text").asString());
                double risk = 0;
                for (String s : RiskiestSentences.sentences(text)) risk = Math.max(risk, model.read(s).risk());
                System.out.printf("%s\t%s\t%d\t%.4f%n", school, note.get("id").asString(), safety ? 1 : 0, risk);
            }
        }
    }
}
