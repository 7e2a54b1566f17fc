package app.mentorbot.adapters.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import app.mentorbot.adapters.api.Delivery;
import app.mentorbot.adapters.api.InboundMessage;
import app.mentorbot.adapters.api.OutboundMessage;
import app.mentorbot.adapters.api.testing.RecordingSink;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The adapter against a fake Slack: WireMock for the Web API, a local WebSocket server for the gateway. */
class SlackSocketModeTest {
    static final String APP_TOKEN = "xapp-1-A0TESTAPP-1-test";
    static final String BOT_TOKEN = "xoxb-1-test";
    static final Duration WAIT = Duration.ofSeconds(5);
    static final Duration QUIET = Duration.ofMillis(400);

    private final ObjectMapper json = JsonMapper.builder().build();
    private WireMockServer slackApi;
    private FakeSlackGateway gateway;
    private RecordingSink sink;
    private RecordingBackoff backoff;
    private SlackAdapter adapter;

    @BeforeEach
    void startFakes() {
        slackApi = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        slackApi.start();
        gateway = new FakeSlackGateway();
        sink = new RecordingSink();
        backoff = new RecordingBackoff();
        slackApi.stubFor(post("/api/apps.connections.open").withHeader("Authorization", equalTo("Bearer " + APP_TOKEN))
                .willReturn(okJson(gatewayUrlAnswer(gateway.port())).withTransformers("response-template")));
        slackApi.stubFor(post("/api/auth.test").withHeader("Authorization", equalTo("Bearer " + BOT_TOKEN))
                .willReturn(okJson("{\"ok\":true,\"url\":\"https://school.slack.com/\",\"team\":\"School\",\"user\":\"mentorbot\","
                        + "\"team_id\":\"T0SCHOOL\",\"user_id\":\"U0MENTORBOT\",\"bot_id\":\"B0MENTORBOT\",\"is_enterprise_install\":false}")));
    }

    /** Like Slack: a new single-use ticket in every URL. */
    static String gatewayUrlAnswer(int port) {
        return "{\"ok\":true,\"url\":\"ws://127.0.0.1:" + port
                + "/link?ticket={{randomValue length=24 type='ALPHANUMERIC'}}&app_id=A0TESTAPP\"}";
    }

    @AfterEach
    void stopAll() throws Exception {
        if (adapter != null) adapter.stop();
        gateway.close();
        slackApi.stop();
    }

    private SlackAdapter start(Duration silenceTimeout) {
        adapter = new SlackAdapter(SlackOptions.of(APP_TOKEN, BOT_TOKEN)
                .withApiBaseUrl(URI.create(slackApi.baseUrl() + "/api"))
                .withSilenceTimeout(silenceTimeout)
                .withHttpTimeout(Duration.ofSeconds(2))
                .withBackoff(backoff), Clock.systemUTC());
        adapter.start(sink);
        return adapter;
    }

    private FakeSlackGateway.Link startAndConnect() throws InterruptedException {
        start(Duration.ofSeconds(30));
        FakeSlackGateway.Link link = gateway.awaitLink(WAIT);
        eventually(adapter::connected);
        return link;
    }

    private JsonNode frame(FakeSlackGateway.Link link) throws InterruptedException {
        String frame = link.nextFrame(WAIT);
        assertThat(frame).as("a frame from the adapter").isNotNull();
        return json.readTree(frame);
    }

    private static String envelopeId(String fixture) {
        return JsonMapper.builder().build().readTree(Fixtures.read(fixture)).get("envelope_id").stringValue();
    }

    static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met within " + WAIT);
            Thread.sleep(10);
        }
    }

    private int openCalls() {
        return slackApi.findAll(postRequestedFor(urlEqualTo("/api/apps.connections.open"))).size();
    }

    @Test
    void startingDoesNotBlockAndOpensAUrlWithTheAppTokenInTheHeader() throws Exception {
        long before = System.nanoTime();
        start(Duration.ofSeconds(30));
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofMillis(500));

        FakeSlackGateway.Link link = gateway.awaitLink(WAIT);
        eventually(adapter::connected);
        assertThat(link.ticket).hasSize(24);
        slackApi.verify(1, postRequestedFor(urlEqualTo("/api/apps.connections.open"))
                .withHeader("Authorization", equalTo("Bearer " + APP_TOKEN)));
        // The token travels in the header only, never in the body.
        assertThat(slackApi.findAll(postRequestedFor(urlEqualTo("/api/apps.connections.open"))).get(0).getBodyAsString())
                .doesNotContain("xapp");
        assertThat(link.nothingReceived()).as("hello needs no answer").isTrue();
    }

    @Test
    void aDirectMessageReachesTheSinkAsTheSendersChatAndIsAckedOnlyAfterwards() throws Exception {
        FakeSlackGateway.Link link = startAndConnect();
        AtomicBoolean ackedBeforeSink = new AtomicBoolean();
        sink.onAccept(m -> {
            try {
                Thread.sleep(150); // an ack sent before the sink was called would reach the gateway meanwhile
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ackedBeforeSink.set(!link.nothingReceived());
        });

        link.send(Fixtures.read("im-message.json"));

        InboundMessage m = sink.next(WAIT);
        assertThat(m.platform()).isEqualTo("slack");
        assertThat(m.messageId()).isEqualTo("Ev0IMMSG0001");
        assertThat(m.chatId()).as("a 1:1 chat id is the sender's user id").isEqualTo("U0TEACHER1");
        assertThat(m.senderId()).isEqualTo("U0TEACHER1");
        assertThat(m.text()).isEqualTo("谈话记录: 李华 今天情绪低落, 已沟通");
        assertThat(m.sentAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 200_000));
        assertThat(m.extras()).doesNotContainKey(InboundMessage.GROUP).containsEntry("channel", "D0DMTEACH1");
        assertThat(m.fromBot()).isFalse();

        JsonNode ack = frame(link);
        assertThat(ack.properties()).hasSize(1);
        assertThat(ack.get("envelope_id").stringValue()).isEqualTo(envelopeId("im-message.json"));
        assertThat(ackedBeforeSink).as("the sink ran before the ack was sent").isFalse();
    }

    @Test
    void aRedeliveredEventReachesTheSinkWithTheSameMessageIdAndEachEnvelopeIsAcked() throws Exception {
        FakeSlackGateway.Link link = startAndConnect();
        link.send(Fixtures.read("im-message.json"));
        link.send(Fixtures.read("im-message-retry.json"));

        assertThat(sink.next(WAIT).messageId()).isEqualTo("Ev0IMMSG0001");
        assertThat(sink.next(WAIT).messageId()).as("the pipeline dedupes; the adapter passes it on").isEqualTo("Ev0IMMSG0001");
        assertThat(frame(link).get("envelope_id").stringValue()).isEqualTo(envelopeId("im-message.json"));
        assertThat(frame(link).get("envelope_id").stringValue()).isEqualTo(envelopeId("im-message-retry.json"));
    }

    @Test
    void aMentionInAChannelBecomesAGroupMessageWithoutTheBotMention() throws Exception {
        FakeSlackGateway.Link link = startAndConnect();
        link.send(Fixtures.read("app-mention.json"));

        InboundMessage m = sink.next(WAIT);
        assertThat(m.messageId()).isEqualTo("Ev0MENTION03");
        assertThat(m.chatId()).isEqualTo("group:C0CLASS7A");
        assertThat(m.senderId()).isEqualTo("U0HEAD7A");
        assertThat(m.text()).isEqualTo("本周7A班谈话汇总");
        assertThat(m.extras()).containsEntry(InboundMessage.GROUP, "true");
        assertThat(frame(link).get("envelope_id").stringValue()).isEqualTo(envelopeId("app-mention.json"));
    }

    @Test
    void ownAndIrrelevantEnvelopesAreAckedButNeverReachTheSink() throws Exception {
        FakeSlackGateway.Link link = startAndConnect();
        eventually(() -> adapter.botUserId() != null);
        List<String> fixtures = List.of("own-message-bot-id.json", "own-message-user-only.json", "bot-message-subtype.json",
                "message-changed.json", "channel-message-without-mention.json", "slash-command.json");
        for (String f : fixtures) link.send(Fixtures.read(f));

        List<String> acked = new ArrayList<>();
        for (int i = 0; i < fixtures.size(); i++) acked.add(frame(link).get("envelope_id").stringValue());
        assertThat(acked).containsExactlyElementsOf(fixtures.stream().map(SlackSocketModeTest::envelopeId).toList());
        assertThat(sink.drain()).isEmpty();
        slackApi.verify(1, postRequestedFor(urlEqualTo("/api/auth.test")).withHeader("Authorization", equalTo("Bearer " + BOT_TOKEN)));
    }

    @Test
    void malformedFramesAreLoggedAndSkippedAndTheLinkKeepsWorking() throws Exception {
        FakeSlackGateway.Link link = startAndConnect();
        link.send("this is not json");
        link.send("[1,2,3]");
        link.send("{}");
        link.send("{\"type\":\"events_api\"");
        link.send(Fixtures.read("events-api-without-event.json"));
        link.send("{\"envelope_id\":\"c0ffee00-0000-0000-0000-00000000000c\",\"type\":\"events_api\",\"payload\":\"oops\"}");
        link.send(Fixtures.read("im-message.json"));

        assertThat(frame(link).get("envelope_id").stringValue()).as("malformed envelope with an id is acked, not redelivered forever")
                .isEqualTo(envelopeId("events-api-without-event.json"));
        assertThat(frame(link).get("envelope_id").stringValue()).isEqualTo("c0ffee00-0000-0000-0000-00000000000c");
        assertThat(sink.next(WAIT).messageId()).isEqualTo("Ev0IMMSG0001");
        assertThat(frame(link).get("envelope_id").stringValue()).isEqualTo(envelopeId("im-message.json"));
        assertThat(openCalls()).as("no reconnect was needed").isEqualTo(1);
        assertThat(adapter.connected()).isTrue();
    }

    @Test
    void anEnvelopeTheSinkRefusesIsNotAckedSoSlackRedeliversIt() throws Exception {
        FakeSlackGateway.Link link = startAndConnect();
        sink.refuseNext(1);
        link.send(Fixtures.read("im-message.json"));
        assertThat(link.nextFrame(QUIET)).as("no ack for a refused envelope").isNull();

        link.send(Fixtures.read("im-message-retry.json"));
        assertThat(sink.next(WAIT).messageId()).isEqualTo("Ev0IMMSG0001");
        assertThat(frame(link).get("envelope_id").stringValue()).isEqualTo(envelopeId("im-message-retry.json"));
        assertThat(adapter.connected()).isTrue();
    }

    @Test
    void framesLargerThanTomcatsDefaultBufferArrive() throws Exception {
        FakeSlackGateway.Link link = startAndConnect();
        String longNote = "很长的谈话记录。".repeat(4_000); // ~100 KB of UTF-8, beyond the 8 KiB default
        JsonNode envelope = json.readTree(Fixtures.read("im-message.json"));
        ((tools.jackson.databind.node.ObjectNode) envelope.get("payload").get("event")).put("text", longNote);
        link.send(envelope.toString());

        assertThat(sink.next(WAIT).text()).isEqualTo(longNote);
        assertThat(frame(link).get("envelope_id").stringValue()).isEqualTo(envelopeId("im-message.json"));
    }

    @Test
    void aPingFromTheGatewayIsAnsweredWithAPong() throws Exception {
        FakeSlackGateway.Link link = startAndConnect();
        link.ping();
        eventually(() -> link.pongs.get() == 1);
    }

    @Test
    void aQuietButHealthyLinkIsKeptAliveByPingsInsteadOfBeingDropped() throws Exception {
        start(Duration.ofMillis(300));
        FakeSlackGateway.Link link = gateway.awaitLink(WAIT);
        Thread.sleep(1_200); // four silence timeouts without a single frame; Tomcat's pongs keep it alive
        assertThat(adapter.connected()).isTrue();
        assertThat(link.closed.getCount()).isEqualTo(1);
        assertThat(openCalls()).isEqualTo(1);
    }

    @Test
    void aSilentLinkIsDroppedAndReplacedWithAFreshUrl() throws Exception {
        try (FakeSilentGateway silent = new FakeSilentGateway()) {
            slackApi.stubFor(post("/api/apps.connections.open").inScenario("silent first")
                    .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("then healthy")
                    .willReturn(okJson("{\"ok\":true,\"url\":\"ws://127.0.0.1:" + silent.port() + "/link?ticket=silent\"}")));
            slackApi.stubFor(post("/api/apps.connections.open").inScenario("silent first")
                    .whenScenarioStateIs("then healthy")
                    .willReturn(okJson(gatewayUrlAnswer(gateway.port())).withTransformers("response-template")));
            start(Duration.ofMillis(400));

            assertThat(silent.accepted.await(WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)).isTrue();
            FakeSlackGateway.Link healthy = gateway.awaitLink(WAIT);
            assertThat(healthy.ticket).isNotEqualTo("silent");
            eventually(adapter::connected);
            assertThat(openCalls()).isEqualTo(2);
            assertThat(backoff.attempts).as("a dropped link reconnects after a backoff").containsExactly(1);

            healthy.send(Fixtures.read("im-message.json"));
            assertThat(sink.next(WAIT).messageId()).isEqualTo("Ev0IMMSG0001");
        }
    }

    @Test
    void refreshRequestedOpensANewUrlAtOnceThenLetsTheOldLinkGo() throws Exception {
        FakeSlackGateway.Link first = startAndConnect();
        first.send(Fixtures.read("disconnect-refresh-requested.json"));

        FakeSlackGateway.Link second = gateway.awaitLink(WAIT);
        assertThat(second.ticket).isNotEqualTo(first.ticket);
        assertThat(first.awaitClosed(WAIT)).as("old link closed by the adapter").isTrue();
        assertThat(backoff.attempts).as("a refresh does not back off").isEmpty();
        assertThat(openCalls()).isEqualTo(2);

        second.send(Fixtures.read("app-mention.json"));
        assertThat(sink.next(WAIT).messageId()).isEqualTo("Ev0MENTION03");
        assertThat(frame(second).get("envelope_id").stringValue()).isEqualTo(envelopeId("app-mention.json"));
    }

    @Test
    void aWarningPreparesTheNextLinkBeforeTheOldOneIsRefreshed() throws Exception {
        FakeSlackGateway.Link first = startAndConnect();
        first.send(Fixtures.read("disconnect-warning.json"));

        FakeSlackGateway.Link second = gateway.awaitLink(WAIT);
        assertThat(second.ticket).isNotEqualTo(first.ticket);
        assertThat(first.awaitClosed(WAIT)).isTrue();
        eventually(adapter::connected);
        // Slack's refresh_requested on the old link then changes nothing.
        assertThat(gateway.pollLink(QUIET)).isNull();
        assertThat(openCalls()).isEqualTo(2);
        assertThat(backoff.attempts).isEmpty();
    }

    @Test
    void linkDisabledStopsTheAdapterWithoutReconnecting() throws Exception {
        FakeSlackGateway.Link link = startAndConnect();
        link.send(Fixtures.read("disconnect-link-disabled.json"));

        assertThat(link.awaitClosed(WAIT)).isTrue();
        eventually(() -> !adapter.connected());
        assertThat(gateway.pollLink(QUIET)).isNull();
        assertThat(openCalls()).isEqualTo(1);
    }

    @Test
    void aClosedLinkIsReopenedWithBackoffAndAFreshUrlEachTime() throws Exception {
        FakeSlackGateway.Link first = startAndConnect();
        first.close();
        FakeSlackGateway.Link second = gateway.awaitLink(WAIT);
        eventually(adapter::connected);
        second.close();
        FakeSlackGateway.Link third = gateway.awaitLink(WAIT);
        eventually(adapter::connected);

        assertThat(List.of(first.ticket, second.ticket, third.ticket)).doesNotHaveDuplicates();
        assertThat(openCalls()).isEqualTo(3);
        assertThat(backoff.attempts).as("hello resets the backoff").containsExactly(1, 1);
        slackApi.verify(1, postRequestedFor(urlEqualTo("/api/auth.test")));
    }

    @Test
    void failingToOpenAUrlBacksOffLongerEachTimeUntilItWorks() throws Exception {
        slackApi.stubFor(post("/api/apps.connections.open").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("second").willReturn(aResponse().withStatus(503)));
        slackApi.stubFor(post("/api/apps.connections.open").inScenario("flaky").whenScenarioStateIs("second")
                .willSetStateTo("third").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
        slackApi.stubFor(post("/api/apps.connections.open").inScenario("flaky").whenScenarioStateIs("third")
                .willSetStateTo("fourth").willReturn(okJson("{\"ok\":false,\"error\":\"internal_error\"}")));
        slackApi.stubFor(post("/api/apps.connections.open").inScenario("flaky").whenScenarioStateIs("fourth")
                .willReturn(okJson(gatewayUrlAnswer(gateway.port())).withTransformers("response-template")));
        start(Duration.ofSeconds(30));

        gateway.awaitLink(WAIT);
        eventually(adapter::connected);
        assertThat(backoff.attempts).containsExactly(1, 2, 3);
        assertThat(openCalls()).isEqualTo(4);
    }

    @Test
    void aGatewayThatRefusesTheUpgradeIsRetriedWithBackoff() throws Exception {
        slackApi.stubFor(post("/api/apps.connections.open").inScenario("bad url").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("good").willReturn(okJson("{\"ok\":true,\"url\":\"ws://127.0.0.1:" + gateway.port() + "/nowhere?ticket=x\"}")));
        slackApi.stubFor(post("/api/apps.connections.open").inScenario("bad url").whenScenarioStateIs("good")
                .willReturn(okJson(gatewayUrlAnswer(gateway.port())).withTransformers("response-template")));
        start(Duration.ofSeconds(30));

        gateway.awaitLink(WAIT);
        eventually(adapter::connected);
        assertThat(backoff.attempts).containsExactly(1);
    }

    @Test
    void stopClosesTheLinkAndNothingReconnects() throws Exception {
        FakeSlackGateway.Link link = startAndConnect();
        adapter.stop();
        assertThat(link.awaitClosed(WAIT)).isTrue();
        assertThat(adapter.connected()).isFalse();
        assertThat(gateway.pollLink(QUIET)).isNull();
        assertThat(openCalls()).isEqualTo(1);
    }

    @Test
    void aReplyToAMessageInAThreadGoesIntoThatThread() throws Exception {
        slackApi.stubFor(post("/api/chat.postMessage").willReturn(okJson("{\"ok\":true,\"channel\":\"C0CLASS7A\",\"ts\":\"1700000201.000500\"}")));
        FakeSlackGateway.Link link = startAndConnect();
        link.send(Fixtures.read("app-mention-in-thread.json"));
        InboundMessage m = sink.next(WAIT);
        assertThat(m.extras()).containsEntry("threadTs", "1700000150.000350");

        Delivery d = adapter.send(new OutboundMessage(41, "slack", m.chatId(), null, "已记录: 张伟", m.messageId()));
        Delivery push = adapter.send(new OutboundMessage(42, "slack", m.chatId(), null, "本周汇总", null));

        assertThat(d).isInstanceOf(Delivery.Sent.class);
        assertThat(push).isInstanceOf(Delivery.Sent.class);
        slackApi.verify(postRequestedFor(urlEqualTo("/api/chat.postMessage")).withRequestBody(equalToJson(
                "{\"channel\":\"C0CLASS7A\",\"text\":\"已记录: 张伟\",\"thread_ts\":\"1700000150.000350\"}")));
        slackApi.verify(postRequestedFor(urlEqualTo("/api/chat.postMessage")).withRequestBody(equalToJson(
                "{\"channel\":\"C0CLASS7A\",\"text\":\"本周汇总\"}")));
    }
}
