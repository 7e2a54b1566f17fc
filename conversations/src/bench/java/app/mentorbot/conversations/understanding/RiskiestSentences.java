package app.mentorbot.conversations.understanding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.RosterJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns each training school's notes into situation-model examples ({@code LABEL<TAB>sentence}), one file a school
 * ({@code notes-<school>.tsv}): each sentence of a note with no SAFETY flag is NONE; of a SAFETY note only its riskiest
 * sentence is kept, never one that only tells what the teacher did about it ({@link TeacherResponse}), labelled SELF_HARM
 * when the note also carries PSYCH, else BULLYING as a stand-in for any other risk (labelling
 * each by the kind of risk the hand-written sets' model reads in it lost signals, leave one school out), picked by a model
 * trained on the hand-written example files and every NONE sentence. The model reads one sentence at a time, and a whole SAFETY note
 * as one example taught it that a grandmother's call or a late phone is a risk; the rest of a SAFETY note is left
 * out, since it may hold part of the risk. Sentences are written as the reader's model reads them: simplified, with
 * every student the school's roster names masked (□), so that a name's characters are never learnt as a risk.
 *
 * <p>With {@code --notes} first, each note whole for the note model ({@code note-examples/notes-<school>.tsv}), labelled
 * SAFETY or NONE as its gold flags say.
 *
 * <p>With {@code --family-notes} or {@code --mood-notes} first, each note whole for the family or mood note model
 * ({@code family-note-examples/}, {@code mood-note-examples/}), FAMILY or PSYCH as its gold flags say, else NONE.
 *
 * <p>With {@code --kinds} first, each note whole for the kind model ({@code kind-examples/notes-<school>.tsv}), labelled
 * with its gold kind (the first, where the gold allows several).
 *
 * <p>With {@code --family} first, the same for the family model ({@code family-examples/notes-<school>.tsv}): each
 * sentence of a note with no FAMILY flag is NONE; of a FAMILY note its most family-like sentence is FAMILY, picked by
 * a model trained on the hand-written family files and every NONE sentence.
 *
 * <pre>
 * java -cp conversations/target/test-classes:conversations/target/classes:$(cat conversations/target/bench.cp) \
 *     app.mentorbot.conversations.understanding.RiskiestSentences [--family|--mood|--notes|--family-notes|--mood-notes|--kinds] corpus/rosters OUT_DIR corpus/train/*.jsonl \
 *     conversations/src/test/resources/understanding/narrative.jsonl
 * </pre>
 */
public final class RiskiestSentences {
    private RiskiestSentences() {
    }

    /**
     * Which model the examples are for: its command-line option (none for the risk model), its folder, its hand-written
     * files, the flag that makes a note's sentence positive, its labels, and whether each note is one example whole.
     */
    private record Target(String option, String dir, List<String> handWritten, String flag, Class<? extends Enum<?>> labels, boolean whole) {
        String label(Masked n) {
            return flag.equals("FAMILY") ? "FAMILY" : flag.equals("PSYCH") ? "PSYCH" : n.flags.contains("PSYCH") ? "SELF_HARM" : "BULLYING";
        }
    }

    private static final Target RISKS = new Target(null, "situation-examples", List.of("junior-rural.tsv", "senior-city.tsv", "family-and-mood.tsv"),
            "SAFETY", SituationModel.Label.class, false);

    private static final List<Target> BY_OPTION = List.of(
            new Target("--family", "family-examples", List.of("many-regions.tsv", "teachers-notes.tsv"), "FAMILY", SituationModel.FamilyLabel.class, false),
            new Target("--mood", "mood-examples", List.of(), "PSYCH", SituationModel.MoodLabel.class, false),
            // whole notes: nothing to pick, each note is one example, its flag or NONE (the kind model's: its gold kind)
            new Target("--notes", "note-examples", List.of(), "SAFETY", SituationModel.NoteLabel.class, true),
            new Target("--family-notes", "family-note-examples", List.of(), "FAMILY", SituationModel.FamilyLabel.class, true),
            new Target("--mood-notes", "mood-note-examples", List.of(), "PSYCH", SituationModel.MoodLabel.class, true),
            new Target("--kinds", "kind-examples", List.of(), "", Kind.class, true));

    public static void main(String[] args) throws IOException {
        Target target = BY_OPTION.stream().filter(t -> t.option().equals(args[0])).findFirst().orElse(RISKS);
        String[] files = target == RISKS ? args : java.util.Arrays.copyOfRange(args, 1, args.length);
        Path rosters = Path.of(files[0]);
        Path out = Path.of(files[1]);
        JsonMapper json = JsonMapper.builder().build();
        Map<String, School> schools = new LinkedHashMap<>();
        for (int i = 2; i < files.length; i++) {
            Path file = Path.of(files[i]);
            String school = file.getFileName().toString().replace(".jsonl", "");
            // a corpus school's roster is in the rosters folder; a test set's beside it (narrative.jsonl, narrative-roster.json)
            Path own = rosters.resolve(school + ".json");
            Roster roster = RosterJson.read(Files.exists(own) ? own : file.resolveSibling(school + "-roster.json"));
            NoteReader reader = new NoteReader(roster);
            List<Masked> notes = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) continue;
                JsonNode note = json.readTree(line);
                List<String> flags = new ArrayList<>();
                note.path("gold").path("flags").forEach(x -> flags.add(x.asString()));
                String text = reader.masked(note.path("sender").asString(), note.get("text").asString());
                JsonNode kind = note.path("gold").path("kind");
                notes.add(new Masked(text.replace('\t', ' ').replace('\n', ' '), flags, kind.isArray() ? kind.get(0).asString() : kind.asString()));
            }
            schools.put(school, new School(files[i], notes));
        }
        if (target.whole()) {
            wholeNotes(schools, out, target);
            return;
        }
        List<SituationModel.Example> base = new ArrayList<>();
        for (String f : target.handWritten()) base.addAll(handWritten(target, f));
        for (School school : schools.values()) {
            for (Masked n : school.notes) if (!n.has(target)) for (String s : sentences(n.text)) base.add(new SituationModel.Example(0, s));
            // no hand-written examples: every sentence of a flagged note stands for it, to pick the likeliest by
            if (target.handWritten().isEmpty()) {
                for (Masked n : school.notes) if (n.has(target)) for (String s : sentences(n.text)) base.add(new SituationModel.Example(1, s));
            }
        }
        SituationModel model = SituationModel.train(base, target.labels().getEnumConstants().length);
        Files.createDirectories(out);
        for (Map.Entry<String, School> school : schools.entrySet()) {
            StringBuilder tsv = new StringBuilder("# " + school.getValue().path
                    + ": each sentence of a note without " + target.flag() + " as NONE; of a " + target.flag()
                    + " note its likeliest sentence (RiskiestSentences)\n");
            for (Masked n : school.getValue().notes) {
                if (!n.has(target)) {
                    for (String s : sentences(n.text)) tsv.append("NONE\t").append(s).append('\n');
                } else {
                    tsv.append(target.label(n)).append('\t').append(riskiest(model, n.text)).append('\n');
                }
            }
            Files.writeString(out.resolve("notes-" + school.getKey() + ".tsv"), tsv);
        }
    }

    private static void wholeNotes(Map<String, School> schools, Path out, Target target) throws IOException {
        Files.createDirectories(out);
        for (Map.Entry<String, School> school : schools.entrySet()) {
            boolean byKind = target.flag().isEmpty();
            StringBuilder tsv = new StringBuilder("# " + school.getValue().path + ": each note whole, "
                    + (byKind ? "with its gold kind" : target.flag() + " or NONE as its gold flags say") + " (RiskiestSentences " + target.option() + ")\n");
            for (Masked n : school.getValue().notes) {
                String label = byKind ? n.kind : n.has(target) ? target.flag() : "NONE";
                tsv.append(label).append('\t').append(n.text.strip()).append('\n');
            }
            Files.writeString(out.resolve("notes-" + school.getKey() + ".tsv"), tsv);
        }
    }

    private record Masked(String text, List<String> flags, String kind) {
        boolean has(Target target) {
            return flags.contains(target.flag());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<SituationModel.Example> handWritten(Target target, String file) {
        return SituationModel.loadFile("/understanding/" + target.dir() + "/" + file, (Class) target.labels());
    }

    private record School(String path, List<Masked> notes) {}

    /** A note's sentences as the reader's model reads them (sentence ends as {@link Clauses#sentenceEnd}). */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (int from = 0, to; from < text.length(); from = to + 1) {
            to = Clauses.sentenceEnd(text, from);
            if (to > from && text.substring(from, to).strip().length() >= 2) out.add(text.substring(from, to).strip());
        }
        return out;
    }

    private static String riskiest(SituationModel model, String text) {
        String best = text.strip();
        double risk = -1;
        List<String> all = sentences(text);
        List<String> candidates = all.stream().filter(s -> !TeacherResponse.only(s)).toList();
        for (String s : candidates.isEmpty() ? all : candidates) {
            double r = model.read(s).risk();
            if (r > risk) {
                risk = r;
                best = s;
            }
        }
        return best;
    }
}
