package app.mentorbot.conversations.understanding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import app.mentorbot.conversations.roster.RosterJson;
import app.mentorbot.conversations.schedule.SchoolCalendar;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns each training school's reports into follow-up model examples ({@link FollowUpModel}), one file a school
 * ({@code notes-<school>.tsv}, lines {@code LABEL<TAB>start<TAB>end<TAB>masked note}): every day a report's note names
 * ahead of it (or as a deadline), PLAN when it is the note's gold follow-up, else NONE. A note whose gold kind is not a
 * report (a reminder, a question) gives none. Notes are written as the reader reads them: simplified, every student the
 * roster names masked (□); the days are the reader's own ({@link DateResolver}), so regenerate after changing either.
 *
 * <pre>
 * java -cp conversations/target/test-classes:conversations/target/classes:$(cat conversations/target/bench.cp) \
 *     app.mentorbot.conversations.understanding.FollowUpExamples corpus/rosters OUT_DIR corpus/train/*.jsonl
 * </pre>
 */
public final class FollowUpExamples {
    private FollowUpExamples() {
    }

    public static void main(String[] args) throws IOException {
        Path rosters = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        JsonMapper json = JsonMapper.builder().build();
        DateResolver dates = new DateResolver();
        for (int i = 2; i < args.length; i++) {
            Path file = Path.of(args[i]);
            String school = file.getFileName().toString().replace(".jsonl", "");
            NoteReader reader = new NoteReader(RosterJson.read(rosters.resolve(school + ".json")));
            StringBuilder tsv = new StringBuilder("# " + file + ": each day ahead in a report, PLAN when it is the gold follow-up (FollowUpExamples)\n");
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) continue;
                JsonNode note = json.readTree(line);
                JsonNode kind = note.path("gold").path("kind");
                String k = kind.isArray() ? kind.get(0).asString() : kind.asString();
                if (!k.equals("TALK") && !k.equals("PARENT_CONTACT") && !k.equals("OBSERVATION")) continue;
                LocalDate today = ZonedDateTime.parse(note.get("now").asString()).withZoneSameInstant(SchoolCalendar.ZONE).toLocalDate();
                String s = reader.masked(note.path("sender").asString(), note.get("text").asString()).replace('\t', ' ').replace('\n', ' ');
                String gold = note.path("gold").path("followUp").isString() ? note.path("gold").path("followUp").asString() : "";
                for (DateResolver.TimeExpr t : dates.find(s, today)) {
                    if (t.impossible() || t.role() != DateResolver.Role.FUTURE && !t.deadline()) continue;
                    String label = t.date().toString().equals(gold) ? "PLAN" : "NONE";
                    tsv.append(label).append('\t').append(t.start()).append('\t').append(t.end()).append('\t').append(s).append('\n');
                }
            }
            Files.writeString(out.resolve("notes-" + school + ".tsv"), tsv);
        }
    }
}
