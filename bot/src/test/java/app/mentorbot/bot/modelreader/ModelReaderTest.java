package app.mentorbot.bot.modelreader;

import static app.mentorbot.bot.modelreader.FakeModelServer.completion;
import static app.mentorbot.bot.modelreader.FakeModelServer.reading;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import app.mentorbot.conversations.modelreader.ModelReader;
import app.mentorbot.conversations.modelreader.ModelReaderCounters;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.RosterJson;
import app.mentorbot.conversations.understanding.Channel;
import app.mentorbot.conversations.understanding.Flag;
import app.mentorbot.conversations.understanding.Kind;
import app.mentorbot.conversations.understanding.Note;

/**
 * The second reader against a recorded server, one outcome each: only a good answer (also after a
 * reasoning model's thinking) becomes a reading; a malformed, off-schema, invented, late, busy or
 * failed one is dropped and counted. Demo school: 张小明 (S01) is a mentee of 刘洋 (T01); 李娜 (S09) is not.
 */
class ModelReaderTest {
    private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-03-10T15:00:00+08:00[Asia/Shanghai]");
    private static final String NOTE = "张小明今天跟我说，他已经想好了周末要做的最后一件事";
    private static final String SAFETY_READING = reading("TALK", "INDIVIDUAL", null, "\"S01\"", "2026-03-10", "\"PSYCH\"",
            "\"PSYCH\",\"SAFETY\"", null);

    private final FakeModelServer server = new FakeModelServer();
    private final ModelReaderCounters counters = new ModelReaderCounters();
    private final Roster roster = roster();

    @AfterEach
    void stop() {
        server.close();
    }

    private ModelReader reader(Duration timeout) {
        ModelReaderSettings settings = new ModelReaderSettings(true, server.baseUrl(), "qwen2.5-7b-instruct", "sk-school-local", timeout);
        return new ModelReader(HttpCompletions.of(settings), settings.model(), counters);
    }

    private Optional<Note> read(String text) {
        return reader(Duration.ofSeconds(30)).read(roster, "T01", text, NOW, List.of("S01"));
    }

    @Test
    void aGoodAnswerIsAReadingAndTheRequestCarriesTheSchemaTheConventionsAndTheOfferedStudents() {
        server.answer("最后一件事", completion(SAFETY_READING));

        Note n = read(NOTE).orElseThrow();

        assertThat(n.kind()).isEqualTo(Kind.TALK);
        assertThat(n.studentIds()).containsExactly("S01");
        assertThat(n.flags()).containsExactlyInAnyOrder(Flag.SAFETY, Flag.PSYCH);
        assertThat(n.date()).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(counters.calls()).isEqualTo(1);
        assertThat(counters.invalidAnswers() + counters.timeouts() + counters.failures()).isZero();

        server.server.verify(postRequestedFor(urlEqualTo(FakeModelServer.PATH)).withHeader("Authorization", equalTo("Bearer sk-school-local")));
        JsonNode body = JsonMapper.builder().build().readTree(server.server.getAllServeEvents().get(0).getRequest().getBodyAsString());
        assertThat(body.path("model").asString()).isEqualTo("qwen2.5-7b-instruct");
        assertThat(body.at("/response_format/type").asString()).isEqualTo("json_schema");
        assertThat(body.at("/response_format/json_schema/strict").asBoolean()).isTrue();
        assertThat(body.at("/response_format/json_schema/schema/required").toString()).contains("kind", "students", "flags", "followUp");
        assertThat(body.at("/messages/0/content").asString()).as("the conventions travel in the prompt")
                .contains("PARENT_CONTACT").contains("SAFETY").contains("Asia/Shanghai");
        String user = body.at("/messages/1/content").asString();
        assertThat(user).contains(NOTE).contains("2026-03-10").contains("\"S01\"").contains("张小明")
                .as("the sender's mentees are offered").contains("黄佳怡")
                .as("nobody else's students").doesNotContain("李娜");
    }

    @Test
    void aReasoningModelsThinkingAndCodeFenceAreStrippedBeforeTheAnswerIsRead() {
        server.answer("最后一件事", FakeModelServer.reasoning(SAFETY_READING));

        assertThat(read(NOTE)).get().extracting(Note::flags).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.COLLECTION)
                .contains(Flag.SAFETY);
        assertThat(counters.invalidAnswers()).isZero();
    }

    @Test
    void malformedJsonIsDroppedAndCountedAsInvalid() {
        server.answer("最后一件事", FakeModelServer.malformed());

        assertThat(read(NOTE)).isEmpty();
        assertThat(counters.invalidAnswers()).isEqualTo(1);
    }

    @Test
    void anAnswerOffTheSchemaIsDroppedEvenWhenTheServerIgnoredTheSchema() {
        server.answer("最后一件事", completion("{\"kind\":\"CHAT\",\"students\":[\"S01\"],\"flags\":[\"SAFETY\"]}"));

        assertThat(read(NOTE)).isEmpty();
        assertThat(counters.invalidAnswers()).isEqualTo(1);
    }

    @Test
    void aStudentItWasNotOfferedIsAnInventionAndTheAnswerIsDropped() {
        server.answer("最后一件事", completion(reading("TALK", "INDIVIDUAL", null, "\"S09\"", "2026-03-10", "", "\"SAFETY\"", null)));

        assertThat(read(NOTE)).isEmpty();
        assertThat(counters.invalidAnswers()).isEqualTo(1);
    }

    @Test
    void aTalkDatedTomorrowIsOutOfRangeAndTheAnswerIsDropped() {
        server.answer("最后一件事", completion(reading("TALK", "INDIVIDUAL", null, "\"S01\"", "2026-03-11", "", "", null)));

        assertThat(read(NOTE)).isEmpty();
        assertThat(counters.invalidAnswers()).isEqualTo(1);
    }

    @Test
    void anAnswerLaterThanTheTimeoutIsDroppedAndCountedAsATimeout() {
        server.answer("最后一件事", FakeModelServer.late(completion(SAFETY_READING), Duration.ofSeconds(5)));

        assertThat(reader(Duration.ofMillis(300)).read(roster, "T01", NOTE, NOW, List.of("S01"))).isEmpty();
        assertThat(counters.timeouts()).isEqualTo(1);
        assertThat(counters.invalidAnswers()).isZero();
    }

    @Test
    void aBusyServersTooManyRequestsIsAFailureNotARetry() {
        server.answer("最后一件事", FakeModelServer.status(429));

        assertThat(read(NOTE)).isEmpty();
        assertThat(counters.failures()).isEqualTo(1);
        assertThat(server.requests()).as("no retry").isEqualTo(1);
    }

    @Test
    void aServerErrorIsAFailure() {
        server.answer("最后一件事", FakeModelServer.status(500));

        assertThat(read(NOTE)).isEmpty();
        assertThat(counters.failures()).isEqualTo(1);
    }

    @Test
    void aParentContactGetsItsChannelAndFieldsThatDoNotBelongToTheKindAreDropped() {
        server.answer("妈妈", completion(reading("PARENT_CONTACT", "GROUP", "PHONE", "\"S01\"", "2026-03-10", "\"ACADEMIC\"", "", null)));

        Note n = read("张小明的妈妈下午打来，聊了孩子最近的作业").orElseThrow();
        assertThat(n.kind()).isEqualTo(Kind.PARENT_CONTACT);
        assertThat(n.channel()).isEqualTo(Channel.PHONE);
        assertThat(n.talkType()).isNull();
    }

    @Test
    void theEndpointIsFoundWhetherOrNotTheAdminWroteTheV1() {
        assertThat(new ModelReaderSettings(true, "http://10.0.0.5:8000", "m", null, null).completionsUri())
                .hasToString("http://10.0.0.5:8000/v1/chat/completions");
        assertThat(new ModelReaderSettings(true, "http://10.0.0.5:11434/v1/", "m", null, null).completionsUri())
                .hasToString("http://10.0.0.5:11434/v1/chat/completions");
        assertThat(new ModelReaderSettings(false, null, null, null, null).timeout()).isEqualTo(Duration.ofSeconds(3));
    }

    private static Roster roster() {
        try {
            return RosterJson.read(Path.of("../config/example-school.json"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
