package app.mentorbot.adapters.dingtalk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import app.mentorbot.adapters.api.Delivery;
import app.mentorbot.adapters.api.OutboundMessage;
import app.mentorbot.adapters.api.RateLimit;
import app.mentorbot.adapters.api.testing.FakeClock;
import tools.jackson.databind.JsonNode;

/** The sending side against WireMock playing api.dingtalk.com and the session webhooks. No stream is started. */
class DingTalkSendTest {
    private static final String TOKEN = "/v1.0/oauth2/accessToken";
    private static final String BATCH = "/v1.0/robot/oToMessages/batchSend";
    private static final String GROUP = "/v1.0/robot/groupMessages/send";
    private static final String HOOK = "/robot/sendBySession";

    /** The clock of the recorded messages: a minute after createAt, webhooks valid for 89 more minutes. */
    private final FakeClock clock = new FakeClock(Instant.ofEpochMilli(1690362101894L).plusSeconds(60));
    private WireMockServer api;
    private DingTalkAdapter adapter;

    @BeforeEach
    void setUp() {
        api = new WireMockServer(options().dynamicPort());
        api.start();
        adapter = new DingTalkAdapter(DingTalkOptions.of("dingclient01", "s3cret")
                .withApiBaseUrl(api.baseUrl() + "/")
                .withTimings(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofMillis(700)), clock);
        api.stubFor(post(TOKEN).willReturn(okJson("{\"accessToken\":\"tok-1\",\"expireIn\":7200}")));
        api.stubFor(post(BATCH).willReturn(okJson("{\"processQueryKey\":\"pqk\",\"invalidStaffIdList\":[],\"flowControlledStaffIdList\":[]}")));
        api.stubFor(post(GROUP).willReturn(okJson("{\"processQueryKey\":\"pqk\"}")));
        api.stubFor(post(urlPathEqualTo(HOOK)).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
    }

    @AfterEach
    void tearDown() {
        api.stop();
    }

    /** Lets the adapter see a recorded message, as the stream would hand it over, so it learns its webhook. */
    private void receive(String fixture) {
        adapter.handle(Fixtures.parsed(fixture, api.baseUrl() + HOOK + "?session=" + fixture));
    }

    private static OutboundMessage reply(String chatId, String replyTo, String text) {
        return new OutboundMessage(7, "dingtalk", chatId, null, text, replyTo);
    }

    private static OutboundMessage push(String userId, String text) {
        return new OutboundMessage(8, "dingtalk", userId, "T001", text, null);
    }

    private List<JsonNode> bodiesSentTo(String path) {
        List<JsonNode> bodies = new ArrayList<>();
        for (var request : api.findAll(postRequestedFor(urlPathEqualTo(path)))) {
            bodies.add(StreamFrames.JSON.readTree(request.getBodyAsString()));
        }
        return bodies;
    }

    @Test
    void aReplyGoesToTheMessagesSessionWebhookWithoutAToken() {
        receive("bot-text-1to1.json");

        Delivery d = adapter.send(reply("16650698", "msgLICYeHgY4JtMQw==", "已记录：张三，谈心"));

        assertThat(d).isInstanceOf(Delivery.Sent.class);
        api.verify(1, postRequestedFor(urlEqualTo(HOOK + "?session=bot-text-1to1.json"))
                .withRequestBody(equalToJson("{\"msgtype\":\"text\",\"text\":{\"content\":\"已记录：张三，谈心\"}}")));
        api.verify(0, postRequestedFor(urlEqualTo(TOKEN)));
        api.verify(0, postRequestedFor(urlEqualTo(BATCH)));
    }

    @Test
    void aReplyInAGroupGoesToThatGroupsWebhook() {
        receive("bot-text-1to1.json");
        receive("bot-text-group.json");

        assertThat(adapter.send(reply("group:cidGroup7A+x/Q==", "msgGroup0001==", "好的"))).isInstanceOf(Delivery.Sent.class);

        api.verify(1, postRequestedFor(urlEqualTo(HOOK + "?session=bot-text-group.json")));
        api.verify(0, postRequestedFor(urlEqualTo(HOOK + "?session=bot-text-1to1.json")));
    }

    @Test
    void afterTheWebhookExpiresAReplyGoesThroughBatchSendWithTheAccessToken() {
        receive("bot-text-1to1.json");
        clock.advance(Duration.ofMinutes(89));

        Delivery d = adapter.send(reply("16650698", "msgLICYeHgY4JtMQw==", "已记录"));

        assertThat(d).isInstanceOf(Delivery.Sent.class);
        api.verify(0, postRequestedFor(urlPathEqualTo(HOOK)));
        api.verify(1, postRequestedFor(urlEqualTo(TOKEN))
                .withRequestBody(equalToJson("{\"appKey\":\"dingclient01\",\"appSecret\":\"s3cret\"}")));
        api.verify(1, postRequestedFor(urlEqualTo(BATCH)).withHeader("x-acs-dingtalk-access-token", equalTo("tok-1")));
        JsonNode body = bodiesSentTo(BATCH).get(0);
        assertThat(body.path("robotCode").asString()).isEqualTo("dingclient01");
        assertThat(body.path("userIds").get(0).asString()).isEqualTo("16650698");
        assertThat(body.path("msgKey").asString()).isEqualTo("sampleText");
        assertThat(body.path("msgParam").isString()).as("msgParam is a JSON string").isTrue();
        assertThat(StreamFrames.JSON.readTree(body.path("msgParam").asString()).path("content").asString()).isEqualTo("已记录");
    }

    @Test
    void aPushToAPersonWhoRecentlyWroteUsesTheirChatsWebhook() {
        receive("bot-text-1to1.json");

        assertThat(adapter.send(push("16650698", "提醒：本周还没有谈话记录"))).isInstanceOf(Delivery.Sent.class);
        api.verify(1, postRequestedFor(urlPathEqualTo(HOOK)));
    }

    @Test
    void aPushToAGroupGoesToGroupMessagesSendWithItsOpenConversationId() {
        Delivery d = adapter.send(push("group:cidGroup7A+x/Q==", "本月学情会商纪要"));

        assertThat(d).isInstanceOf(Delivery.Sent.class);
        api.verify(1, postRequestedFor(urlEqualTo(GROUP))
                .withHeader("x-acs-dingtalk-access-token", equalTo("tok-1"))
                .withRequestBody(matchingJsonPath("$.openConversationId", equalTo("cidGroup7A+x/Q==")))
                .withRequestBody(matchingJsonPath("$.robotCode", equalTo("dingclient01")))
                .withRequestBody(matchingJsonPath("$.msgKey", equalTo("sampleText"))));
    }

    @Test
    void theAccessTokenIsFetchedOnceAndReusedUntilFiveMinutesBeforeItExpires() {
        adapter.send(push("u1", "a"));
        adapter.send(push("u2", "b"));
        clock.advance(Duration.ofSeconds(7200 - 300 - 1));
        adapter.send(push("u3", "c"));
        api.verify(1, postRequestedFor(urlEqualTo(TOKEN)));

        clock.advance(Duration.ofSeconds(2));
        adapter.send(push("u4", "d"));
        api.verify(2, postRequestedFor(urlEqualTo(TOKEN)));
    }

    @Test
    void anHttp401RefreshesTheTokenAndRetriesOnce() {
        api.stubFor(post(TOKEN).inScenario("token").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"accessToken\":\"stale\",\"expireIn\":7200}")).willSetStateTo("fresh"));
        api.stubFor(post(TOKEN).inScenario("token").whenScenarioStateIs("fresh")
                .willReturn(okJson("{\"accessToken\":\"tok-2\",\"expireIn\":7200}")));
        api.stubFor(post(BATCH).withHeader("x-acs-dingtalk-access-token", equalTo("stale"))
                .willReturn(aResponse().withStatus(401).withBody("{\"code\":\"InvalidAuthentication\",\"message\":\"token expired\"}")));

        assertThat(adapter.send(push("u1", "a"))).isInstanceOf(Delivery.Sent.class);
        assertThat(adapter.send(push("u2", "b"))).isInstanceOf(Delivery.Sent.class);

        api.verify(2, postRequestedFor(urlEqualTo(TOKEN)));
        api.verify(1, postRequestedFor(urlEqualTo(BATCH)).withHeader("x-acs-dingtalk-access-token", equalTo("stale")));
        api.verify(2, postRequestedFor(urlEqualTo(BATCH)).withHeader("x-acs-dingtalk-access-token", equalTo("tok-2")));
    }

    @Test
    void aSecond401AfterTheRefreshIsNotRetriedAgainButWaited() {
        api.stubFor(post(BATCH).willReturn(aResponse().withStatus(401).withBody("{\"code\":\"InvalidAuthentication\"}")));

        Delivery d = adapter.send(push("u1", "a"));

        assertThat(d).isInstanceOfSatisfying(Delivery.RetryLater.class, r -> assertThat(r.after()).isEqualTo(Duration.ofMinutes(5)));
        api.verify(2, postRequestedFor(urlEqualTo(BATCH)));
    }

    @Test
    void aFlowControlledUserIsRetriedLaterNotDropped() {
        api.stubFor(post(BATCH).willReturn(okJson("{\"processQueryKey\":\"p\",\"invalidStaffIdList\":[],\"flowControlledStaffIdList\":[\"u1\"]}")));

        Delivery d = adapter.send(push("u1", "a"));

        assertThat(d).isInstanceOfSatisfying(Delivery.RetryLater.class, r -> {
            assertThat(r.after()).isEqualTo(Duration.ofMinutes(1));
            assertThat(r.reason()).contains("flow control");
        });
    }

    @Test
    void anInvalidStaffIdFailsForGood() {
        api.stubFor(post(BATCH).willReturn(okJson("{\"processQueryKey\":\"p\",\"invalidStaffIdList\":[\"ghost\"],\"flowControlledStaffIdList\":[]}")));

        assertThat(adapter.send(push("ghost", "a"))).isInstanceOfSatisfying(Delivery.Failed.class,
                f -> assertThat(f.reason()).contains("ghost").contains("invalidStaffIdList"));
    }

    @Test
    void serverErrorsAndTimeoutsAreRetriedLater() {
        api.stubFor(post(BATCH).willReturn(aResponse().withStatus(503)));
        assertThat(adapter.send(push("u1", "a"))).isInstanceOf(Delivery.RetryLater.class);

        api.stubFor(post(BATCH).willReturn(okJson("{}").withFixedDelay(2_000)));
        assertThat(adapter.send(push("u1", "a"))).isInstanceOfSatisfying(Delivery.RetryLater.class,
                r -> assertThat(r.reason()).contains("unreachable"));

        api.stubFor(post(TOKEN).willReturn(aResponse().withStatus(500)));
        api.stubFor(post(BATCH).willReturn(okJson("{}")));
        adapter = new DingTalkAdapter(DingTalkOptions.of("dingclient01", "s3cret").withApiBaseUrl(api.baseUrl()), clock);
        assertThat(adapter.send(push("u1", "a"))).isInstanceOf(Delivery.RetryLater.class);
    }

    @Test
    void throttlingIsRetriedAfterWhatDingTalkAsks() {
        api.stubFor(post(BATCH).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
        assertThat(adapter.send(push("u1", "a"))).isInstanceOfSatisfying(Delivery.RetryLater.class,
                r -> assertThat(r.after()).isEqualTo(Duration.ofSeconds(30)));

        api.stubFor(post(BATCH).willReturn(aResponse().withStatus(403)
                .withBody("{\"code\":\"Forbidden.AccessDenied.QpsLimitForApi\",\"message\":\"qps limit\"}")));
        assertThat(adapter.send(push("u1", "a"))).isInstanceOfSatisfying(Delivery.RetryLater.class,
                r -> assertThat(r.after()).isEqualTo(Duration.ofMinutes(1)));
    }

    @Test
    void aRequestDingTalkRefusesForGoodFailsWithItsCode() {
        api.stubFor(post(GROUP).willReturn(aResponse().withStatus(400)
                .withBody("{\"code\":\"InvalidParameter.openConversationId\",\"message\":\"群不存在\"}")));

        assertThat(adapter.send(push("group:nosuchgroup", "a"))).isInstanceOfSatisfying(Delivery.Failed.class,
                f -> assertThat(f.reason()).isEqualTo("HTTP 400 InvalidParameter.openConversationId: 群不存在"));
    }

    @Test
    void refusedCredentialsHoldMessagesForAWhile() {
        api.stubFor(post(TOKEN).willReturn(aResponse().withStatus(400).withBody("{\"code\":\"invalidClientSecret\",\"message\":\"bad\"}")));

        assertThat(adapter.send(push("u1", "a"))).isInstanceOfSatisfying(Delivery.RetryLater.class,
                r -> assertThat(r.reason()).contains("invalidClientSecret"));
        api.verify(0, postRequestedFor(urlEqualTo(BATCH)));
    }

    @Test
    void aWebhookThatRefusesTheReplyIsDroppedAndTheRobotApiSendsIt() {
        receive("bot-text-1to1.json");
        api.stubFor(post(urlPathEqualTo(HOOK)).willReturn(okJson("{\"errcode\":300001,\"errmsg\":\"session expired\"}")));

        assertThat(adapter.send(reply("16650698", "msgLICYeHgY4JtMQw==", "a"))).isInstanceOf(Delivery.Sent.class);
        assertThat(adapter.send(reply("16650698", "msgLICYeHgY4JtMQw==", "b"))).isInstanceOf(Delivery.Sent.class);

        api.verify(1, postRequestedFor(urlPathEqualTo(HOOK)));
        api.verify(2, postRequestedFor(urlEqualTo(BATCH)));
    }

    @Test
    void aWebhookServerErrorIsRetriedLaterWithoutASecondPathThatCouldDuplicate() {
        receive("bot-text-1to1.json");
        api.stubFor(post(urlPathEqualTo(HOOK)).willReturn(aResponse().withStatus(502)));

        assertThat(adapter.send(reply("16650698", "msgLICYeHgY4JtMQw==", "a"))).isInstanceOf(Delivery.RetryLater.class);
        api.verify(0, postRequestedFor(urlEqualTo(BATCH)));
    }

    @Test
    void theSendRateIsDeclaredForTheOutbox() {
        assertThat(adapter.rateLimit()).contains(new RateLimit(20, Duration.ofMinutes(1)));
        assertThat(adapter.platform()).isEqualTo("dingtalk");
    }
}
