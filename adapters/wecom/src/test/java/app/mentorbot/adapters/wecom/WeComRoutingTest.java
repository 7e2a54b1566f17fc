package app.mentorbot.adapters.wecom;

import static app.mentorbot.adapters.wecom.FakeAiBotGateway.fixture;
import static app.mentorbot.adapters.wecom.OfficialVectors.*;
import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import app.mentorbot.adapters.api.Delivery;
import app.mentorbot.adapters.api.OutboundMessage;
import app.mentorbot.adapters.api.testing.FakeClock;
import app.mentorbot.adapters.api.testing.RecordingSink;

/** A school with both the app and the robot: which way each message leaves. */
class WeComRoutingTest {
    private static final Duration WAIT = Duration.ofSeconds(3);
    private final WireMockServer api = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private final RecordingSink sink = new RecordingSink();
    private final WeComAiBotTest.FakeGate gate = new WeComAiBotTest.FakeGate();
    private FakeAiBotGateway gateway;
    private WeComAdapter adapter;

    @BeforeEach
    void start() throws Exception {
        api.start();
        api.stubFor(get(urlPathEqualTo("/cgi-bin/gettoken"))
                .willReturn(okJson("{\"errcode\":0,\"access_token\":\"T\",\"expires_in\":7200}")));
        api.stubFor(post(urlPathEqualTo("/cgi-bin/message/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        gateway = new FakeAiBotGateway();
        adapter = new WeComAdapter(new FakeClock(Instant.parse("2024-09-02T08:00:00Z")),
                WeComAppConfig.of(CORP_ID, 1000002, "s", TOKEN, AES_KEY).withApiBaseUrl(api.baseUrl()),
                WeComAiBotConfig.of("BOTID", "BOTSECRET").withUrl(gateway.url()).withGate(gate, Duration.ofMillis(50))
                        .withTimings(Duration.ofSeconds(30), Duration.ofMillis(500), attempt -> Duration.ofMillis(50)));
        adapter.start(sink);
    }

    @AfterEach
    void stop() {
        adapter.stop();
        gateway.close();
        api.stop();
    }

    @Test
    void a_push_goes_through_the_app_and_an_answer_to_a_robot_message_through_the_robot() throws Exception {
        FakeAiBotGateway.Connection c = gateway.nextConnection(WAIT);
        c.next("aibot_subscribe", WAIT);
        c.push(fixture("msg_callback_text", "R1", "M1"));
        sink.next(WAIT);

        assertThat(adapter.send(new OutboundMessage(1, "wecom", "zhangsan", "p", "提醒", null))).isInstanceOf(Delivery.Sent.class);
        api.verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/message/send")));

        assertThat(adapter.send(new OutboundMessage(2, "wecom", "zhangsan", "p", "已记录", "aibot:M1"))).isInstanceOf(Delivery.Sent.class);
        assertThat(c.next("aibot_respond_msg", WAIT).path("headers").path("req_id").asString()).isEqualTo("R1");
        api.verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/message/send")));
    }

    @Test
    void when_another_instance_holds_the_robot_an_answer_to_a_person_goes_through_the_app() throws Exception {
        gate.allow = false;
        int seen = gate.checks.get();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (gate.checks.get() < seen + 2 && System.nanoTime() < deadline) Thread.sleep(10); // the lease is gone now
        assertThat(adapter.send(new OutboundMessage(2, "wecom", "zhangsan", "p", "已记录", "aibot:M1"))).isInstanceOf(Delivery.Sent.class);
        api.verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/message/send")));
        // a group chat exists only on the robot: it waits
        assertThat(adapter.send(new OutboundMessage(3, "wecom", "group:wr1", null, "x", null))).isInstanceOf(Delivery.Unreachable.class);
    }
}
