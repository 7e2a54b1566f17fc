package app.mentorbot.adapters.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import com.github.tomakehurst.wiremock.WireMockServer;

import app.mentorbot.adapters.api.testing.RecordingSink;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fake Slack for the Socket Mode tests, and the adapter under test: WireMock plays the Web API
 * ({@code apps.connections.open} answers a fresh single-use ticket each time, {@code auth.test} the bot),
 * {@link FakeSlackGateway} the WebSocket gateway; the adapter hands messages to a {@link RecordingSink} and
 * backs off through a {@link RecordingBackoff}.
 */
final class FakeSlack implements AutoCloseable {
    static final String APP_TOKEN = "xapp-1-A0TESTAPP-1-test";
    static final String BOT_TOKEN = "xoxb-1-test";
    static final Duration WAIT = Duration.ofSeconds(5);
    static final Duration QUIET = Duration.ofMillis(400);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    final WireMockServer api = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    final FakeSlackGateway gateway = new FakeSlackGateway();
    final RecordingSink sink = new RecordingSink();
    final RecordingBackoff backoff = new RecordingBackoff();
    private SlackAdapter adapter;

    FakeSlack() {
        api.start();
        api.stubFor(post("/api/apps.connections.open").withHeader("Authorization", equalTo("Bearer " + APP_TOKEN))
                .willReturn(okJson(gatewayUrlAnswer(gateway.port())).withTransformers("response-template")));
        api.stubFor(post("/api/auth.test").withHeader("Authorization", equalTo("Bearer " + BOT_TOKEN))
                .willReturn(okJson("{\"ok\":true,\"url\":\"https://school.slack.com/\",\"team\":\"School\",\"user\":\"mentorbot\","
                        + "\"team_id\":\"T0SCHOOL\",\"user_id\":\"U0MENTORBOT\",\"bot_id\":\"B0MENTORBOT\",\"is_enterprise_install\":false}")));
    }

    /** Like Slack: a new single-use ticket in every URL. */
    static String gatewayUrlAnswer(int port) {
        return "{\"ok\":true,\"url\":\"ws://127.0.0.1:" + port
                + "/link?ticket={{randomValue length=24 type='ALPHANUMERIC'}}&app_id=A0TESTAPP\"}";
    }

    /** Starts the adapter against the fakes (not waiting for a link). */
    SlackAdapter start(Duration silenceTimeout) {
        adapter = new SlackAdapter(SlackOptions.of(APP_TOKEN, BOT_TOKEN)
                .withApiBaseUrl(URI.create(api.baseUrl() + "/api"))
                .withSilenceTimeout(silenceTimeout)
                .withHttpTimeout(Duration.ofSeconds(2))
                .withBackoff(backoff), Clock.systemUTC());
        adapter.start(sink);
        return adapter;
    }

    /** Starts the adapter and waits until its first link has said hello. */
    FakeSlackGateway.Link startAndConnect() throws InterruptedException {
        start(Duration.ofSeconds(30));
        FakeSlackGateway.Link link = gateway.awaitLink(WAIT);
        eventually(adapter::connected);
        return link;
    }

    SlackAdapter adapter() {
        return adapter;
    }

    /** The next frame the adapter sent on this link, as JSON. */
    JsonNode frame(FakeSlackGateway.Link link) throws InterruptedException {
        String frame = link.nextFrame(WAIT);
        assertThat(frame).as("a frame from the adapter").isNotNull();
        return JSON.readTree(frame);
    }

    static String envelopeId(String fixture) {
        return JSON.readTree(Fixtures.read(fixture)).get("envelope_id").stringValue();
    }

    static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met within " + WAIT);
            Thread.sleep(10);
        }
    }

    int openCalls() {
        return api.findAll(postRequestedFor(urlEqualTo("/api/apps.connections.open"))).size();
    }

    @Override
    public void close() throws Exception {
        if (adapter != null) adapter.stop();
        gateway.close();
        api.stop();
    }
}
