package app.mentorbot.conversations.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** The kind classifier asks only whether a clause holds a flag; the detector then stops at its first step that finds one (the models of whole notes are not asked about a clause). */
class FlagDetectorAnyTest {
    @Test
    void askingWhetherAClauseHoldsAFlagAnswersAsFindingAllItsFlagsDoes() throws Exception {
        FlagDetector flags = new FlagDetector(Lexicon.builtIn());
        JsonMapper json = JsonMapper.builder().build();
        int clauses = 0, flagged = 0;
        try (Stream<Path> files = Files.list(Path.of("../corpus/train"))) {
            for (Path file : files.sorted().limit(6).toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (line.isBlank()) continue;
                    String text = NoteText.of(json.readTree(line).get("text").asString()).simple;
                    for (int i = 0; i < text.length(); ) {
                        int end = Clauses.clauseEnd(text, i);
                        String clause = text.substring(i, end);
                        boolean any = !flags.inClause(clause).isEmpty();
                        assertThat(flags.anyIn(clause)).as(clause).isEqualTo(any);
                        clauses++;
                        if (any) flagged++;
                        i = end + 1;
                    }
                }
            }
        }
        assertThat(clauses).isGreaterThan(2_000);
        assertThat(flagged).as("clauses with a flag").isGreaterThan(100);
    }
}
