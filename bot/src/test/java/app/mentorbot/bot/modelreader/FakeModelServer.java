package app.mentorbot.bot.modelreader;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * WireMock playing a school's OpenAI-compatible model server, with answers shaped as vLLM, Ollama and
 * llama.cpp send them. A note is answered by the stub whose words it contains.
 */
final class FakeModelServer implements AutoCloseable {
    static final String PATH = "/v1/chat/completions";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    final WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    FakeModelServer() {
        server.start();
    }

    String baseUrl() {
        return "http://localhost:" + server.port();
    }

    /** Requests the server saw, of any kind on any path. */
    int requests() {
        return server.getAllServeEvents().size();
    }

    /** The note containing {@code words} is answered with {@code response}. */
    void answer(String words, ResponseDefinitionBuilder response) {
        server.stubFor(post(urlEqualTo(PATH)).withRequestBody(containing(words)).willReturn(response));
    }

    /** A vLLM chat completion whose message content is {@code content}. */
    static ResponseDefinitionBuilder completion(String content) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "chatcmpl-7f3a").put("object", "chat.completion").put("created", 1773126000).put("model", "Qwen2.5-7B-Instruct");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content).putNull("refusal");
        body.putObject("usage").put("prompt_tokens", 1432).put("completion_tokens", 61).put("total_tokens", 1493);
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(JSON.writeValueAsString(body));
    }

    /** A reading as the schema asks for it. */
    static String reading(String kind, String talkType, String channel, String students, String date, String topics, String flags,
                          String followUp) {
        return "{\"kind\":\"" + kind + "\",\"talkType\":" + quoted(talkType) + ",\"channel\":" + quoted(channel)
                + ",\"students\":[" + students + "],\"date\":" + quoted(date) + ",\"topics\":[" + topics + "],\"flags\":[" + flags
                + "],\"followUp\":" + quoted(followUp) + "}";
    }

    /** A reasoning model's answer (DeepSeek-R1, QwQ behind llama.cpp): its thinking first, then the JSON. */
    static ResponseDefinitionBuilder reasoning(String json) {
        return completion("<think>\n老师说张小明已经想好了周末要做的“最后一件事”……这像是在告别，可能有轻生念头，应标记 SAFETY 和 PSYCH。\n</think>\n\n```json\n" + json + "\n```");
    }

    static ResponseDefinitionBuilder malformed() {
        return completion("{\"kind\": \"TALK\", \"students\": [\"S01\"], \"flags\": [\"SAFETY\"");   // cut off mid-answer
    }

    static ResponseDefinitionBuilder status(int status) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"busy\",\"type\":\"server_error\"}}");
    }

    static ResponseDefinitionBuilder late(ResponseDefinitionBuilder answer, Duration by) {
        return answer.withFixedDelay((int) by.toMillis());
    }

    private static String quoted(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    @Override
    public void close() {
        server.stop();
    }
}
