package app.mentorbot.bot.modelreader;

import static app.mentorbot.bot.modelreader.FakeModelServer.completion;
import static app.mentorbot.bot.modelreader.FakeModelServer.reading;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import app.mentorbot.bot.cli.ExtractCommand;
import app.mentorbot.conversations.modelreader.ModelReader;
import app.mentorbot.conversations.modelreader.ModelReaderCounters;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.RosterJson;
import app.mentorbot.conversations.understanding.Extraction;

/**
 * {@code extract --reader rules|model|both} on the eval format, so a school can score its own model:
 * the model alone answers what it read (OTHER where it gave nothing usable); both is the bot's combination.
 */
class ExtractWithModelTest {
    private static final String CASES = """
            {"id":"c1","now":"2026-03-10T15:00:00+08:00","sender":"T01","text":"张小明今天跟我说，他已经想好了周末要做的最后一件事"}
            {"id":"c2","now":"2026-03-10T15:00:00+08:00","sender":"T01","text":"杨帆说他觉得没有人会在意他"}
            """;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FakeModelServer server = new FakeModelServer();
    private final ModelReaderCounters counters = new ModelReaderCounters();

    @AfterEach
    void stop() {
        server.close();
    }

    private List<JsonNode> extract(String reader) throws IOException {
        server.answer("最后一件事", completion(reading("TALK", "INDIVIDUAL", null, "\"S01\"", "2026-03-10", "\"PSYCH\"", "\"PSYCH\",\"SAFETY\"", null)));
        server.answer("在意", FakeModelServer.malformed());
        Roster roster = RosterJson.read(Path.of("../config/example-school.json"));
        ModelReader model = new ModelReader(HttpCompletions.of(new ModelReaderSettings(true, server.baseUrl(), "qwen", null,
                Duration.ofSeconds(30))), "qwen", counters);
        StringWriter out = new StringWriter();
        Extraction.run(roster, new StringReader(CASES), out, CaseReaders.of(reader, roster, model));
        return out.toString().lines().map(JSON::readTree).toList();
    }

    @Test
    void theRulesAloneCallNoModel() throws IOException {
        List<JsonNode> answers = extract("rules");
        assertThat(answers.get(0).path("flags").toString()).isEqualTo("[]");
        assertThat(server.requests()).isZero();
    }

    @Test
    void theModelAloneAnswersWhatItReadAndOtherWhereItGaveNothingUsable() throws IOException {
        List<JsonNode> answers = extract("model");
        assertThat(answers).extracting(a -> a.path("id").asString()).containsExactly("c1", "c2");
        assertThat(answers.get(0).path("flags").toString()).isEqualTo("[\"PSYCH\",\"SAFETY\"]");
        assertThat(answers.get(1).path("kind").asString()).isEqualTo("OTHER");
        assertThat(counters.calls()).isEqualTo(2);
        assertThat(counters.invalidAnswers()).isEqualTo(1);
    }

    @Test
    void bothCombineAsTheBotDoesAndAnUnusableAnswerLeavesTheRulesReading() throws IOException {
        List<JsonNode> answers = extract("both");
        assertThat(answers.get(0).path("kind").asString()).isEqualTo("TALK");
        assertThat(answers.get(0).path("flags").toString()).contains("SAFETY");
        assertThat(answers.get(1).path("kind").asString()).isEqualTo("TALK");
        assertThat(answers.get(1).path("students").toString()).isEqualTo("[\"S05\"]");
    }

    @Test
    void linesTheCommandCannotReadAreCountedOnStderrWithoutTheirText() throws Exception {
        String cases = "{\"id\":\"b1\",\"now\":\"2026-03-10T15:00:00:00+08:00\",\"sender\":\"T01\",\"text\":\"张小明今天上课睡觉\"}\n"
                + "{\"id\":\"b2\",\"now\":\"2026-03-10T15:00:00+08:00\",\"sender\":\"T01\",\"text\":\"张小明今天上课睡觉\"}\n";
        InputStream stdin = System.in;
        PrintStream stdout = System.out, stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        System.setIn(new ByteArrayInputStream(cases.getBytes(StandardCharsets.UTF_8)));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = ExtractCommand.run(new String[] {"--roster", "../config/example-school.json"});
        } finally {
            System.setIn(stdin);
            System.setOut(stdout);
            System.setErr(stderr);
        }
        assertThat(exit).isZero();
        List<String> answers = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(answers).hasSize(2);
        assertThat(answers.get(0)).contains("\"kind\":\"OTHER\"").contains("UNREADABLE:now");
        assertThat(answers.get(1)).contains("\"kind\":\"OBSERVATION\"").doesNotContain("UNREADABLE");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("1 line(s) could not be read").contains("UNREADABLE:now")
                .doesNotContain("张小明");
    }

    @Test
    void anUnknownReaderIsAUsageError() {
        assertThat(ExtractCommand.run(new String[] {"--roster", "../config/example-school.json", "--reader", "gpt"})).isEqualTo(2);
    }
}
