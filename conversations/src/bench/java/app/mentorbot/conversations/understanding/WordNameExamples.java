package app.mentorbot.conversations.understanding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.RosterJson;
import app.mentorbot.conversations.roster.Student;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns each training school's notes into word-name model examples ({@code word-name-examples/notes-<school>.tsv}):
 * every place a student's full or given name that is also a word (高兴, 安静, 田野) stands in a note where the name rules
 * ({@link NameContext}) do not read a person, as the reader holds the note's text (simplified, before any masking), PERSON
 * when the gold names that student (among its students or the candidates it asks about), else WORD. Lines are {@code LABEL<TAB>start<TAB>end<TAB>text}.
 *
 * <pre>
 * java -cp conversations/target/test-classes:conversations/target/classes:$(cat conversations/target/bench.cp) \
 *     app.mentorbot.conversations.understanding.WordNameExamples corpus/rosters OUT_DIR corpus/train/*.jsonl
 * </pre>
 */
public final class WordNameExamples {
    private WordNameExamples() {
    }

    private record Form(String text, String studentId) {}

    public static void main(String[] args) throws IOException {
        Path rosters = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        JsonMapper json = JsonMapper.builder().build();
        Lexicon lexicon = Lexicon.builtIn();
        ChineseNames names = new ChineseNames(lexicon);
        Dialect dialect = new Dialect(lexicon);
        for (int i = 2; i < args.length; i++) {
            Path file = Path.of(args[i]);
            String school = file.getFileName().toString().replace(".jsonl", "");
            List<Form> forms = wordForms(RosterJson.read(rosters.resolve(school + ".json")), names);
            StringBuilder tsv = new StringBuilder("# " + file + ": each student's name that is also a word, PERSON where the gold names them (WordNameExamples)\n");
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) continue;
                JsonNode note = json.readTree(line);
                Set<String> named = new HashSet<>();
                for (String field : new String[] {"students", "clarify"}) note.path("gold").path(field).forEach(n -> named.add(n.asString()));
                String s = NoteText.of(note.get("text").asString(), dialect).simple.replace('\t', ' ').replace('\n', ' ');
                boolean[] taken = new boolean[s.length()];
                for (Form f : forms) {   // longest first: a full name before the given name inside it
                    for (int at = s.indexOf(f.text()); at >= 0; at = s.indexOf(f.text(), at + 1)) {
                        int end = at + f.text().length();
                        if (anyTaken(taken, at, end)) continue;
                        for (int k = at; k < end; k++) taken[k] = true;
                        // only where the name rules do not read a person: the model is asked nowhere else
                        if (NameContext.isNameContext(s, at, end, List.of())) continue;
                        boolean person = forms.stream().anyMatch(g -> g.text().equals(f.text()) && named.contains(g.studentId()));
                        tsv.append(person ? "PERSON" : "WORD").append('\t').append(at).append('\t').append(end).append('\t').append(s).append('\n');
                    }
                }
            }
            Files.writeString(out.resolve("notes-" + school + ".tsv"), tsv);
        }
    }

    /** Each student's full name and given name (two chars or more) that are words, longest first. */
    private static List<Form> wordForms(Roster roster, ChineseNames names) {
        List<Form> forms = new ArrayList<>();
        for (Student st : roster.students()) {
            String full = st.name().strip();
            if (full.length() < 2) continue;
            if (names.isWord(full)) forms.add(new Form(full, st.id()));
            String given = full.substring(names.surnameLength(full));
            if (given.length() >= 2 && !given.equals(full) && names.isWord(given)) forms.add(new Form(given, st.id()));
        }
        forms.sort((a, b) -> b.text().length() - a.text().length());
        return forms;
    }

    private static boolean anyTaken(boolean[] taken, int from, int to) {
        for (int k = from; k < to; k++) if (taken[k]) return true;
        return false;
    }
}
