package app.mentorbot.adapters.dingtalk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import app.mentorbot.adapters.api.InboundMessage;
import app.mentorbot.adapters.api.testing.FakeClock;
import app.mentorbot.adapters.api.testing.Patience;
import app.mentorbot.adapters.api.testing.RecordingSink;
import tools.jackson.databind.JsonNode;

/** The stream side against a fake gateway (embedded Tomcat) and a fake open-connection API (WireMock). */
class DingTalkStreamTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String OPEN = "/v1.0/gateway/connections/open";

    private final List<String> journal = new CopyOnWriteArrayList<>();
    private final List<Integer> backoffAttempts = new CopyOnWriteArrayList<>();
    private final RecordingSink sink = new RecordingSink();
    private final FakeClock clock = new FakeClock(Instant.ofEpochMilli(1690362101894L));
    private WireMockServer api;
    private FakeGateway gateway;
    private DingTalkAdapter adapter;

    @BeforeEach
    void setUp() throws Exception {
        api = new WireMockServer(options().dynamicPort());
        api.start();
        gateway = new FakeGateway(journal);
        sink.onAccept(m -> journal.add("sink:" + m.messageId()));
        api.stubFor(post(OPEN).willReturn(openAnswer()));
    }

    private ResponseDefinitionBuilder openAnswer() {
        return okJson("{\"endpoint\":\"" + gateway.endpoint() + "\",\"ticket\":\"{{randomValue type='UUID'}}\"}")
                .withTransformers("response-template");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (adapter != null) adapter.stop();
        gateway.close();
        api.stop();
    }

    private FakeGateway.Connection start(Duration silence, Duration ping) throws InterruptedException {
        DingTalkOptions o = DingTalkOptions.of("dingclient01", "s3cret-client-secret")
                .withApiBaseUrl(api.baseUrl())
                .withTimings(silence, ping, Duration.ofSeconds(3));
        adapter = new DingTalkAdapter(o, clock, attempt -> {
            backoffAttempts.add(attempt);
            return Duration.ofMillis(20);
        });
        adapter.start(sink);
        return gateway.nextConnection(WAIT);
    }

    private FakeGateway.Connection start() throws InterruptedException {
        return start(Duration.ofSeconds(30), Duration.ZERO);
    }

    private boolean connectedWithin(Duration base) throws InterruptedException {
        Instant deadline = Instant.now().plus(Patience.of(base));
        while (!adapter.connected() && Instant.now().isBefore(deadline)) Thread.sleep(10);
        return adapter.connected();
    }

    private static JsonNode dataOf(JsonNode ack) {
        return StreamFrames.JSON.readTree(ack.path("data").asString());
    }

    @Test
    void itOpensAConnectionWithItsCredentialsAndSubscriptionsThenConnectsWithTheTicket() throws Exception {
        FakeGateway.Connection c = start();

        assertThat(c.ticket).isNotBlank();
        api.verify(1, postRequestedFor(urlEqualTo(OPEN))
                .withHeader("Content-Type", WireMock.containing("application/json"))
                .withRequestBody(matchingJsonPath("$.clientId", equalTo("dingclient01")))
                .withRequestBody(matchingJsonPath("$.clientSecret", equalTo("s3cret-client-secret")))
                .withRequestBody(matchingJsonPath("$.subscriptions[?(@.type == 'CALLBACK')].topic", equalTo("/v1.0/im/bot/messages/get")))
                .withRequestBody(matchingJsonPath("$.subscriptions[?(@.type == 'EVENT')].topic", equalTo("*"))));
        // the gateway sees the socket before the client's open callback has run: wait for it, longer on a busy machine
        assertThat(connectedWithin(WAIT)).isTrue();
    }

    @Test
    void aBotMessageReachesTheSinkAndOnlyThenIsAcknowledgedWithAnEmptyResponse() throws Exception {
        FakeGateway.Connection c = start();
        c.send(Fixtures.frame("bot-text-1to1.json"));

        InboundMessage m = sink.next(WAIT);
        JsonNode ack = c.nextAck(WAIT);

        assertThat(m.messageId()).isEqualTo("msgLICYeHgY4JtMQw==");
        assertThat(m.senderId()).isEqualTo("16650698");
        assertThat(m.text()).isEqualTo("谈话记录：今天和张三聊了学习计划");
        assertThat(ack.path("code").asInt()).isEqualTo(200);
        assertThat(ack.path("headers").path("messageId").asString()).isEqualTo("212ca9d7_974_1898c159aa6_1783b");
        assertThat(ack.path("data").isString()).as("data is a JSON string").isTrue();
        assertThat(dataOf(ack).has("response")).isTrue();
        assertThat(dataOf(ack).get("response").isNull()).isTrue();
        assertThat(journal).containsSubsequence("sink:msgLICYeHgY4JtMQw==", "ack:212ca9d7_974_1898c159aa6_1783b");
    }

    @Test
    void aGroupMentionArrivesInTheGroupChat() throws Exception {
        FakeGateway.Connection c = start();
        c.send(Fixtures.frame("bot-text-group.json"));

        InboundMessage m = sink.next(WAIT);
        assertThat(m.chatId()).isEqualTo("group:cidGroup7A+x/Q==");
        assertThat(m.extras()).containsEntry(InboundMessage.GROUP, "true");
        assertThat(c.nextAck(WAIT).path("code").asInt()).isEqualTo(200);
    }

    @Test
    void aPingIsAnsweredWithItsOwnDataAndMessageId() throws Exception {
        FakeGateway.Connection c = start();
        c.send(Fixtures.frame("ping.json"));

        JsonNode ack = c.nextAck(WAIT);
        assertThat(ack.path("code").asInt()).isEqualTo(200);
        assertThat(ack.path("headers").path("messageId").asString()).isEqualTo("d1a2c3b4_ping_0001");
        assertThat(ack.path("data").asString()).isEqualTo("{\"opaque\":\"123-dsfs\"}");
        assertThat(sink.all()).isEmpty();
    }

    @Test
    void anEventIsAcknowledgedSuccess() throws Exception {
        FakeGateway.Connection c = start();
        c.send(Fixtures.frame("event-org-change.json"));

        JsonNode ack = c.nextAck(WAIT);
        assertThat(ack.path("headers").path("messageId").asString()).isEqualTo("e5f6a7b8_event_0001");
        assertThat(dataOf(ack).path("status").asString()).isEqualTo("SUCCESS");
    }

    @Test
    void anEventTheSinkCannotTakeIsAcknowledgedLaterSoDingTalkDeliversItAgain() throws Exception {
        FakeGateway.Connection c = start();
        sink.refuseAll(true);
        c.send(Fixtures.frame("event-bot-message.json"));
        assertThat(dataOf(c.nextAck(WAIT)).path("status").asString()).isEqualTo("LATER");

        sink.refuseAll(false);
        c.send(Fixtures.frame("event-bot-message.json"));
        assertThat(dataOf(c.nextAck(WAIT)).path("status").asString()).isEqualTo("SUCCESS");
        assertThat(sink.next(WAIT).messageId()).isEqualTo("msgAsEvent01==");
    }

    @Test
    void aCallbackTheSinkCannotTakeStillGetsItsAckWithAnErrorCode() throws Exception {
        FakeGateway.Connection c = start();
        sink.refuseAll(true);
        c.send(Fixtures.frame("bot-text-1to1.json"));

        JsonNode ack = c.nextAck(WAIT);
        assertThat(ack.path("code").asInt()).isEqualTo(500);
        assertThat(dataOf(ack).has("response")).isTrue();
    }

    @Test
    void aCallbackOnATopicWeDoNotHandleIsAnsweredNotFound() throws Exception {
        FakeGateway.Connection c = start();
        c.send(Fixtures.frame("callback-card.json"));

        JsonNode ack = c.nextAck(WAIT);
        assertThat(ack.path("code").asInt()).isEqualTo(404);
        assertThat(sink.all()).isEmpty();
    }

    @Test
    void aDisconnectOpensANewConnectionWithANewTicketAndDropsTheOldOne() throws Exception {
        FakeGateway.Connection first = start();
        first.send(Fixtures.frame("disconnect.json"));

        FakeGateway.Connection second = gateway.nextConnection(WAIT);
        assertThat(second.ticket).isNotBlank().isNotEqualTo(first.ticket);
        assertThat(first.closedWithin(WAIT)).isTrue();
        assertThat(first.sentAnythingWithin(Duration.ZERO)).as("no reply to disconnect").isFalse();
        api.verify(2, postRequestedFor(urlEqualTo(OPEN)));

        second.send(Fixtures.frame("bot-text-1to1.json"));
        assertThat(sink.next(WAIT).messageId()).isEqualTo("msgLICYeHgY4JtMQw==");
        assertThat(second.nextAck(WAIT).path("code").asInt()).isEqualTo(200);
        assertThat(backoffAttempts).containsExactly(1);
    }

    @Test
    void aConnectionClosedByTheGatewayIsReplacedWithANewTicket() throws Exception {
        FakeGateway.Connection first = start();
        first.send(Fixtures.frame("ping.json"));
        first.nextAck(WAIT);
        first.close();

        FakeGateway.Connection second = gateway.nextConnection(WAIT);
        assertThat(second.ticket).isNotEqualTo(first.ticket);
        api.verify(2, postRequestedFor(urlEqualTo(OPEN)));
    }

    @Test
    void aSilentConnectionIsReplaced() throws Exception {
        FakeGateway.Connection first = start(Duration.ofMillis(400), Duration.ZERO);

        FakeGateway.Connection second = gateway.nextConnection(WAIT);
        assertThat(second.ticket).isNotEqualTo(first.ticket);
        assertThat(first.closedWithin(WAIT)).isTrue();
    }

    @Test
    void pingsKeepAQuietButHealthyConnectionAlive() throws Exception {
        start(Duration.ofMillis(600), Duration.ofMillis(100));

        assertThat(gateway.anotherConnectionWithin(Duration.ofMillis(2_000))).isFalse();
        assertThat(connectedWithin(WAIT)).isTrue();
    }

    @Test
    void failedOpenAttemptsBackOffLongerEachTimeThenConnect() throws Exception {
        api.resetAll();
        String s = "open";
        api.stubFor(post(OPEN).inScenario(s).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("2"));
        api.stubFor(post(OPEN).inScenario(s).whenScenarioStateIs("2")
                .willReturn(okJson("{\"endpoint\":\"\",\"ticket\":\"\"}")).willSetStateTo("3"));
        api.stubFor(post(OPEN).inScenario(s).whenScenarioStateIs("3")
                .willReturn(aResponse().withStatus(401).withBody("{\"code\":\"invalidClientId\",\"message\":\"bad\"}")).willSetStateTo("4"));
        api.stubFor(post(OPEN).inScenario(s).whenScenarioStateIs("4").willReturn(openAnswer()));

        FakeGateway.Connection c = start();

        assertThat(c.ticket).isNotBlank();
        assertThat(backoffAttempts).containsExactly(1, 2, 3);
    }

    @Test
    void theSameMessageDeliveredTwiceIsPassedOnTwiceWithTheSameIdForThePipelineToDrop() throws Exception {
        FakeGateway.Connection c = start();
        c.send(Fixtures.frame("bot-text-1to1.json"));
        c.send(Fixtures.frame("bot-text-1to1.json"));

        assertThat(sink.next(WAIT).messageId()).isEqualTo(sink.next(WAIT).messageId()).isEqualTo("msgLICYeHgY4JtMQw==");
        c.nextAck(WAIT);
        c.nextAck(WAIT);
    }

    @Test
    void malformedFramesAreSkippedAndTheConnectionLivesOn() throws Exception {
        FakeGateway.Connection c = start();
        c.send("this is not json");
        c.send("[1,2,3]");
        c.send("{\"type\":\"CALLBACK\"}");
        c.send("{\"headers\":{\"messageId\":\"x1\"}}");
        c.send("{\"type\":\"CALLBACK\",\"headers\":{\"topic\":\"/v1.0/im/bot/messages/get\"},\"data\":\"{}\"}");
        c.send(Fixtures.frame("bot-data-not-json.json"));

        JsonNode ack = c.nextAck(WAIT);
        assertThat(ack.path("headers").path("messageId").asString()).isEqualTo("212ca9d7_974_1898c159aa6_4001a");
        assertThat(ack.path("code").asInt()).isEqualTo(400);

        c.send(Fixtures.frame("bot-text-1to1.json"));
        assertThat(sink.next(WAIT).messageId()).isEqualTo("msgLICYeHgY4JtMQw==");
        assertThat(sink.all()).hasSize(1);
        assertThat(gateway.connections).hasSize(1);
    }

    @Test
    void aMessageLargerThanTheWebSocketDefaultBufferGetsThrough() throws Exception {
        FakeGateway.Connection c = start();
        String longNote = "今天和张三谈了很久。".repeat(3_000); // 30,000 characters, ~90 KB in UTF-8
        c.send(Fixtures.frame("bot-text-1to1.json").replace("谈话记录：今天和张三聊了学习计划", longNote));

        assertThat(sink.next(WAIT).text()).isEqualTo(longNote);
        assertThat(c.nextAck(WAIT).path("code").asInt()).isEqualTo(200);
        assertThat(gateway.connections).hasSize(1);
    }

    @Test
    void theRobotsOwnMessageIsPassedOnMarkedFromBot() throws Exception {
        FakeGateway.Connection c = start();
        c.send(Fixtures.frame("bot-own-message.json"));

        assertThat(sink.next(WAIT).fromBot()).isTrue();
    }

    @Test
    void stopClosesTheConnectionAndDoesNotReconnect() throws Exception {
        FakeGateway.Connection c = start();
        adapter.stop();

        assertThat(c.closedWithin(WAIT)).isTrue();
        assertThat(gateway.anotherConnectionWithin(Duration.ofMillis(500))).isFalse();
        assertThat(adapter.connected()).isFalse();
    }

    @Test
    void aStoppedAdapterCanBeStartedAgain() throws Exception {
        start();
        adapter.stop();
        adapter.start(sink);

        FakeGateway.Connection again = gateway.nextConnection(WAIT);
        again.send(Fixtures.frame("ping.json"));
        assertThat(again.nextAck(WAIT).path("code").asInt()).isEqualTo(200);
    }
}
