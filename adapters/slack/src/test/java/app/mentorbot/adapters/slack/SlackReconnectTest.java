package app.mentorbot.adapters.slack;

import static app.mentorbot.adapters.slack.FakeSlack.QUIET;
import static app.mentorbot.adapters.slack.FakeSlack.WAIT;
import static app.mentorbot.adapters.slack.FakeSlack.envelopeId;
import static app.mentorbot.adapters.slack.FakeSlack.eventually;
import static app.mentorbot.adapters.slack.FakeSlack.gatewayUrlAnswer;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.Scenario;

/**
 * The Socket Mode link's lifecycle against a {@link FakeSlack}: keeping a quiet link, replacing a silent, closed or
 * refreshed one (make before break for a refresh), backing off after failures, stopping for good.
 */
class SlackReconnectTest {
    private final FakeSlack slack = new FakeSlack();

    @AfterEach
    void stopAll() throws Exception {
        slack.close();
    }

    @Test
    void aQuietButHealthyLinkIsKeptAliveByPingsInsteadOfBeingDropped() throws Exception {
        slack.start(Duration.ofMillis(300));
        FakeSlackGateway.Link link = slack.gateway.awaitLink(WAIT);
        Thread.sleep(1_200); // four silence timeouts without a single frame; Tomcat's pongs keep it alive
        assertThat(slack.adapter().connected()).isTrue();
        assertThat(link.closed.getCount()).isEqualTo(1);
        assertThat(slack.openCalls()).isEqualTo(1);
    }

    @Test
    void aSilentLinkIsDroppedAndReplacedWithAFreshUrl() throws Exception {
        try (FakeSilentGateway silent = new FakeSilentGateway()) {
            slack.api.stubFor(post("/api/apps.connections.open").inScenario("silent first")
                    .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("then healthy")
                    .willReturn(okJson("{\"ok\":true,\"url\":\"ws://127.0.0.1:" + silent.port() + "/link?ticket=silent\"}")));
            slack.api.stubFor(post("/api/apps.connections.open").inScenario("silent first")
                    .whenScenarioStateIs("then healthy")
                    .willReturn(okJson(gatewayUrlAnswer(slack.gateway.port())).withTransformers("response-template")));
            slack.start(Duration.ofMillis(400));

            assertThat(silent.accepted.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            FakeSlackGateway.Link healthy = slack.gateway.awaitLink(WAIT);
            assertThat(healthy.ticket).isNotEqualTo("silent");
            eventually(slack.adapter()::connected);
            assertThat(slack.openCalls()).isEqualTo(2);
            assertThat(slack.backoff.attempts).as("a dropped link reconnects after a backoff").containsExactly(1);

            healthy.send(Fixtures.read("im-message.json"));
            assertThat(slack.sink.next(WAIT).messageId()).isEqualTo("Ev0IMMSG0001");
        }
    }

    @Test
    void refreshRequestedOpensANewUrlAtOnceThenLetsTheOldLinkGo() throws Exception {
        FakeSlackGateway.Link first = slack.startAndConnect();
        first.send(Fixtures.read("disconnect-refresh-requested.json"));

        FakeSlackGateway.Link second = slack.gateway.awaitLink(WAIT);
        assertThat(second.ticket).isNotEqualTo(first.ticket);
        assertThat(first.awaitClosed(WAIT)).as("old link closed by the adapter").isTrue();
        assertThat(slack.backoff.attempts).as("a refresh does not back off").isEmpty();
        assertThat(slack.openCalls()).isEqualTo(2);

        second.send(Fixtures.read("app-mention.json"));
        assertThat(slack.sink.next(WAIT).messageId()).isEqualTo("Ev0MENTION03");
        assertThat(slack.frame(second).get("envelope_id").stringValue()).isEqualTo(envelopeId("app-mention.json"));
    }

    @Test
    void aWarningPreparesTheNextLinkBeforeTheOldOneIsRefreshed() throws Exception {
        FakeSlackGateway.Link first = slack.startAndConnect();
        first.send(Fixtures.read("disconnect-warning.json"));

        FakeSlackGateway.Link second = slack.gateway.awaitLink(WAIT);
        assertThat(second.ticket).isNotEqualTo(first.ticket);
        assertThat(first.awaitClosed(WAIT)).isTrue();
        eventually(slack.adapter()::connected);
        // Slack's refresh_requested on the old link then changes nothing.
        assertThat(slack.gateway.pollLink(QUIET)).isNull();
        assertThat(slack.openCalls()).isEqualTo(2);
        assertThat(slack.backoff.attempts).isEmpty();
    }

    @Test
    void linkDisabledStopsTheAdapterWithoutReconnecting() throws Exception {
        FakeSlackGateway.Link link = slack.startAndConnect();
        link.send(Fixtures.read("disconnect-link-disabled.json"));

        assertThat(link.awaitClosed(WAIT)).isTrue();
        eventually(() -> !slack.adapter().connected());
        assertThat(slack.gateway.pollLink(QUIET)).isNull();
        assertThat(slack.openCalls()).isEqualTo(1);
    }

    @Test
    void aClosedLinkIsReopenedWithBackoffAndAFreshUrlEachTime() throws Exception {
        FakeSlackGateway.Link first = slack.startAndConnect();
        first.close();
        FakeSlackGateway.Link second = slack.gateway.awaitLink(WAIT);
        eventually(slack.adapter()::connected);
        second.close();
        FakeSlackGateway.Link third = slack.gateway.awaitLink(WAIT);
        eventually(slack.adapter()::connected);

        assertThat(List.of(first.ticket, second.ticket, third.ticket)).doesNotHaveDuplicates();
        assertThat(slack.openCalls()).isEqualTo(3);
        assertThat(slack.backoff.attempts).as("hello resets the backoff").containsExactly(1, 1);
        slack.api.verify(1, postRequestedFor(urlEqualTo("/api/auth.test")));
    }

    @Test
    void failingToOpenAUrlBacksOffLongerEachTimeUntilItWorks() throws Exception {
        slack.api.stubFor(post("/api/apps.connections.open").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("second").willReturn(aResponse().withStatus(503)));
        slack.api.stubFor(post("/api/apps.connections.open").inScenario("flaky").whenScenarioStateIs("second")
                .willSetStateTo("third").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
        slack.api.stubFor(post("/api/apps.connections.open").inScenario("flaky").whenScenarioStateIs("third")
                .willSetStateTo("fourth").willReturn(okJson("{\"ok\":false,\"error\":\"internal_error\"}")));
        slack.api.stubFor(post("/api/apps.connections.open").inScenario("flaky").whenScenarioStateIs("fourth")
                .willReturn(okJson(gatewayUrlAnswer(slack.gateway.port())).withTransformers("response-template")));
        slack.start(Duration.ofSeconds(30));

        slack.gateway.awaitLink(WAIT);
        eventually(slack.adapter()::connected);
        assertThat(slack.backoff.attempts).containsExactly(1, 2, 3);
        assertThat(slack.openCalls()).isEqualTo(4);
    }

    @Test
    void aGatewayThatRefusesTheUpgradeIsRetriedWithBackoff() throws Exception {
        slack.api.stubFor(post("/api/apps.connections.open").inScenario("bad url").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("good").willReturn(okJson("{\"ok\":true,\"url\":\"ws://127.0.0.1:" + slack.gateway.port() + "/nowhere?ticket=x\"}")));
        slack.api.stubFor(post("/api/apps.connections.open").inScenario("bad url").whenScenarioStateIs("good")
                .willReturn(okJson(gatewayUrlAnswer(slack.gateway.port())).withTransformers("response-template")));
        slack.start(Duration.ofSeconds(30));

        slack.gateway.awaitLink(WAIT);
        eventually(slack.adapter()::connected);
        assertThat(slack.backoff.attempts).containsExactly(1);
    }

    @Test
    void stopClosesTheLinkAndNothingReconnects() throws Exception {
        FakeSlackGateway.Link link = slack.startAndConnect();
        slack.adapter().stop();
        assertThat(link.awaitClosed(WAIT)).isTrue();
        assertThat(slack.adapter().connected()).isFalse();
        assertThat(slack.gateway.pollLink(QUIET)).isNull();
        assertThat(slack.openCalls()).isEqualTo(1);
    }
}
