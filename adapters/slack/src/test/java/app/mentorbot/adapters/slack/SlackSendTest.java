package app.mentorbot.adapters.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import app.mentorbot.adapters.api.Delivery;
import app.mentorbot.adapters.api.OutboundMessage;
import app.mentorbot.adapters.api.RateLimit;

/** chat.postMessage against WireMock: what each Slack answer becomes for the outbox. */
class SlackSendTest {
    private WireMockServer slackApi;
    private SlackAdapter adapter;

    @BeforeEach
    void setUp() {
        slackApi = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        slackApi.start();
        adapter = new SlackAdapter(SlackOptions.of(FakeSlack.APP_TOKEN, FakeSlack.BOT_TOKEN)
                .withApiBaseUrl(URI.create(slackApi.baseUrl() + "/api/"))
                .withHttpTimeout(Duration.ofMillis(500)), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        adapter.stop();
        slackApi.stop();
    }

    private void answer(ResponseDefinitionBuilder response) {
        slackApi.stubFor(post("/api/chat.postMessage").willReturn(response));
    }

    private Delivery sendTo(String chatId) {
        return adapter.send(new OutboundMessage(7, "slack", chatId, "teacher-1", "已记录: 李华 谈话", null));
    }

    @Test
    void aPushToAPersonPostsToTheirUserIdWithTheBotTokenAsJson() {
        answer(okJson("{\"ok\":true,\"channel\":\"D0DMTEACH1\",\"ts\":\"1700000300.000100\",\"message\":{}}"));

        assertThat(sendTo("U0TEACHER1")).isEqualTo(Delivery.sent());

        slackApi.verify(1, postRequestedFor(urlEqualTo("/api/chat.postMessage"))
                .withHeader("Authorization", equalTo("Bearer " + FakeSlack.BOT_TOKEN))
                .withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8"))
                .withRequestBody(equalToJson("{\"channel\":\"U0TEACHER1\",\"text\":\"已记录: 李华 谈话\"}")));
    }

    @Test
    void aGroupChatPostsToTheChannel() {
        answer(okJson("{\"ok\":true,\"channel\":\"C0CLASS7A\",\"ts\":\"1700000300.000100\"}"));

        assertThat(sendTo("group:C0CLASS7A")).isEqualTo(Delivery.sent());

        slackApi.verify(postRequestedFor(urlEqualTo("/api/chat.postMessage"))
                .withRequestBody(equalToJson("{\"channel\":\"C0CLASS7A\",\"text\":\"已记录: 李华 谈话\"}")));
    }

    @Test
    void http429HonoursRetryAfter() {
        answer(aResponse().withStatus(429).withHeader("Retry-After", "7"));

        assertThat(sendTo("U0TEACHER1")).isInstanceOfSatisfying(Delivery.RetryLater.class, r -> {
            assertThat(r.after()).isEqualTo(Duration.ofSeconds(7));
            assertThat(r.reason()).contains("ratelimited");
        });
    }

    @Test
    void http429WithoutRetryAfterStillWaitsASecond() {
        answer(aResponse().withStatus(429));

        assertThat(sendTo("U0TEACHER1")).isEqualTo(new Delivery.RetryLater(Duration.ofSeconds(1), "chat.postMessage: ratelimited (HTTP 429)"));
    }

    @Test
    void okFalseRatelimitedIsRetriedLater() {
        answer(okJson("{\"ok\":false,\"error\":\"ratelimited\"}"));

        assertThat(sendTo("U0TEACHER1")).isInstanceOfSatisfying(Delivery.RetryLater.class,
                r -> assertThat(r.after()).isPositive());
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void serverErrorsAreRetriedLater(int status) {
        answer(aResponse().withStatus(status).withBody("upstream trouble"));

        assertThat(sendTo("U0TEACHER1")).isInstanceOfSatisfying(Delivery.RetryLater.class,
                r -> assertThat(r.reason()).contains("HTTP " + status));
    }

    @ParameterizedTest
    @ValueSource(strings = {"internal_error", "fatal_error", "service_unavailable", "request_timeout"})
    void transientSlackErrorsAreRetriedLater(String error) {
        answer(okJson("{\"ok\":false,\"error\":\"" + error + "\"}"));

        assertThat(sendTo("U0TEACHER1")).isInstanceOf(Delivery.RetryLater.class);
    }

    @Test
    void aTimeoutIsRetriedLater() {
        answer(okJson("{\"ok\":true}").withFixedDelay(2_000));

        long start = System.nanoTime();
        assertThat(sendTo("U0TEACHER1")).isInstanceOf(Delivery.RetryLater.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_500));
    }

    @Test
    void aDroppedConnectionIsRetriedLater() {
        answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertThat(sendTo("U0TEACHER1")).isInstanceOf(Delivery.RetryLater.class);
    }

    @Test
    void anUnreadableAnswerIsRetriedLater() {
        answer(aResponse().withStatus(200).withBody("<html>maintenance</html>"));

        assertThat(sendTo("U0TEACHER1")).isInstanceOf(Delivery.RetryLater.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"channel_not_found", "not_in_channel", "invalid_auth", "account_inactive", "is_archived",
            "msg_too_long", "missing_scope", "token_revoked"})
    void permanentSlackErrorsFailWithTheReason(String error) {
        answer(okJson("{\"ok\":false,\"error\":\"" + error + "\"}"));

        assertThat(sendTo("U0GONE")).isEqualTo(new Delivery.Failed("chat.postMessage: " + error));
    }

    @Test
    void otherClientErrorsFail() {
        answer(aResponse().withStatus(404));

        assertThat(sendTo("U0TEACHER1")).isEqualTo(new Delivery.Failed("chat.postMessage: HTTP 404"));
    }

    @Test
    void anEmptyGroupChatIdFailsWithoutCallingSlack() {
        assertThat(sendTo("group:")).isInstanceOf(Delivery.Failed.class);
        assertThat(slackApi.getAllServeEvents()).isEmpty();
    }

    @Test
    void aSlackThatIsNotThereIsRetriedLaterNotThrown() {
        slackApi.stop();

        assertThat(sendTo("U0TEACHER1")).isInstanceOf(Delivery.RetryLater.class);
    }

    @Test
    void theOutboxIsToldAboutOneMessageASecond() {
        assertThat(adapter.rateLimit()).contains(new RateLimit(1, Duration.ofSeconds(1)));
        assertThat(adapter.platform()).isEqualTo("slack");
    }
}
