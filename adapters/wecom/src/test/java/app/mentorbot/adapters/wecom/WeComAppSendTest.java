package app.mentorbot.adapters.wecom;

import static app.mentorbot.adapters.wecom.OfficialVectors.*;
import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import app.mentorbot.adapters.api.Delivery;
import app.mentorbot.adapters.api.OutboundMessage;
import app.mentorbot.adapters.api.testing.FakeClock;
import app.mentorbot.adapters.api.testing.RecordingSink;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** message/send and gettoken against WireMock playing qyapi.weixin.qq.com, the self-built app's API. */
class WeComAppSendTest {
    private static final String TOKEN_OK = "{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"TOKEN-1\",\"expires_in\":7200}";
    private static final String SENT = "{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"\",\"invalidparty\":\"\","
            + "\"invalidtag\":\"\",\"unlicenseduser\":\"\",\"msgid\":\"m1\",\"response_code\":\"rc\"}";

    private static final WireMockServer wecom = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private final FakeClock clock = new FakeClock(Instant.parse("2024-09-02T08:00:00Z"));
    private final JsonMapper json = JsonMapper.builder().build();
    private WeComAdapter adapter;

    @BeforeAll
    static void startWireMock() {
        wecom.start();
    }

    @AfterAll
    static void stopWireMock() {
        wecom.stop();
    }

    @BeforeEach
    void start() {
        wecom.resetAll();
        adapter = adapter(Duration.ofSeconds(2));
        adapter.start(new RecordingSink());
    }

    @AfterEach
    void stop() {
        adapter.stop();
    }

    private WeComAdapter adapter(Duration timeout) {
        return new WeComAdapter(clock, WeComAppConfig.of(CORP_ID, 1000002, "the-secret", TOKEN, AES_KEY)
                .withApiBaseUrl(wecom.baseUrl()).withHttpTimeout(timeout), null);
    }

    private void tokenAnswers(String body) {
        wecom.stubFor(get(urlPathEqualTo("/cgi-bin/gettoken")).willReturn(okJson(body)));
    }

    private void sendAnswers(String body) {
        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/message/send")).willReturn(okJson(body)));
    }

    private static OutboundMessage to(String user, String text) {
        return new OutboundMessage(1, "wecom", user, "person-1", text, null);
    }

    @Test
    void a_text_goes_out_through_message_send_with_agentid_touser_and_the_cached_token() {
        tokenAnswers(TOKEN_OK);
        sendAnswers(SENT);
        assertThat(adapter.send(to("zhangsan", "已记录"))).isInstanceOf(Delivery.Sent.class);
        assertThat(adapter.send(to("lisi", "第二条"))).isInstanceOf(Delivery.Sent.class);

        wecom.verify(1, getRequestedFor(urlPathEqualTo("/cgi-bin/gettoken"))
                .withQueryParam("corpid", equalTo(CORP_ID)).withQueryParam("corpsecret", equalTo("the-secret")));
        List<LoggedRequest> sends = wecom.findAll(postRequestedFor(urlPathEqualTo("/cgi-bin/message/send"))
                .withQueryParam("access_token", equalTo("TOKEN-1")));
        assertThat(sends).hasSize(2);
        JsonNode first = json.readTree(sends.get(0).getBodyAsString());
        assertThat(first.path("touser").asString()).isEqualTo("zhangsan");
        assertThat(first.path("agentid").asLong()).isEqualTo(1000002);
        assertThat(first.path("msgtype").asString()).isEqualTo("text");
        assertThat(first.path("text").path("content").asString()).isEqualTo("已记录");
    }

    @Test
    void the_token_is_fetched_again_shortly_before_it_expires() {
        tokenAnswers(TOKEN_OK);
        sendAnswers(SENT);
        adapter.send(to("a", "1"));
        clock.advance(Duration.ofSeconds(7200 - 600));
        adapter.send(to("a", "2"));
        wecom.verify(1, getRequestedFor(urlPathEqualTo("/cgi-bin/gettoken")));
        clock.advance(Duration.ofSeconds(400)); // 7000 s after the fetch: within the 5-minute margin
        adapter.send(to("a", "3"));
        wecom.verify(2, getRequestedFor(urlPathEqualTo("/cgi-bin/gettoken")));
    }

    @Test
    void an_expired_token_42001_is_refreshed_and_the_send_retried_once() {
        wecom.stubFor(get(urlPathEqualTo("/cgi-bin/gettoken")).inScenario("t").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(TOKEN_OK)).willSetStateTo("second"));
        wecom.stubFor(get(urlPathEqualTo("/cgi-bin/gettoken")).inScenario("t").whenScenarioStateIs("second")
                .willReturn(okJson(TOKEN_OK.replace("TOKEN-1", "TOKEN-2"))));
        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/message/send")).withQueryParam("access_token", equalTo("TOKEN-1"))
                .willReturn(okJson("{\"errcode\":42001,\"errmsg\":\"access_token expired\"}")));
        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/message/send")).withQueryParam("access_token", equalTo("TOKEN-2"))
                .willReturn(okJson(SENT)));

        assertThat(adapter.send(to("a", "x"))).isInstanceOf(Delivery.Sent.class);
        wecom.verify(2, getRequestedFor(urlPathEqualTo("/cgi-bin/gettoken")));
        wecom.verify(2, postRequestedFor(urlPathEqualTo("/cgi-bin/message/send")));
    }

    @Test
    void an_invalid_token_40014_that_stays_invalid_is_retried_only_once_then_retry_later() {
        tokenAnswers(TOKEN_OK);
        sendAnswers("{\"errcode\":40014,\"errmsg\":\"invalid access_token\"}");
        assertThat(adapter.send(to("a", "x"))).isInstanceOf(Delivery.RetryLater.class);
        wecom.verify(2, postRequestedFor(urlPathEqualTo("/cgi-bin/message/send")));
        wecom.verify(2, getRequestedFor(urlPathEqualTo("/cgi-bin/gettoken")));
    }

    @Test
    void the_frequency_limit_45009_answers_retry_later_with_a_growing_backoff() {
        tokenAnswers(TOKEN_OK);
        sendAnswers("{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}");
        Delivery first = adapter.send(to("a", "x"));
        Delivery second = adapter.send(to("b", "x"));
        assertThat(first).isInstanceOfSatisfying(Delivery.RetryLater.class, r -> {
            assertThat(r.after()).isGreaterThanOrEqualTo(Duration.ofSeconds(60));
            assertThat(r.reason()).contains("45009");
        });
        assertThat(((Delivery.RetryLater) second).after()).isGreaterThan(((Delivery.RetryLater) first).after());
        sendAnswers(SENT);
        assertThat(adapter.send(to("c", "x"))).isInstanceOf(Delivery.Sent.class);
        sendAnswers("{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}");
        assertThat(((Delivery.RetryLater) adapter.send(to("d", "x"))).after()).isEqualTo(((Delivery.RetryLater) first).after());
    }

    @Test
    void an_untrusted_ip_60020_fails_with_a_reason_an_admin_can_act_on() {
        tokenAnswers(TOKEN_OK);
        sendAnswers("{\"errcode\":60020,\"errmsg\":\"not allow to access from your ip\"}");
        assertThat(adapter.send(to("a", "x"))).isInstanceOfSatisfying(Delivery.Failed.class,
                f -> assertThat(f.reason()).contains("60020").contains("企业可信IP").contains("IP"));
    }

    @Test
    void an_untrusted_ip_at_gettoken_fails_the_same_way_and_a_bad_secret_says_so() {
        tokenAnswers("{\"errcode\":60020,\"errmsg\":\"not allow to access from your ip\"}");
        assertThat(adapter.send(to("a", "x"))).isInstanceOfSatisfying(Delivery.Failed.class,
                f -> assertThat(f.reason()).contains("60020"));
        tokenAnswers("{\"errcode\":40001,\"errmsg\":\"invalid credential\"}");
        assertThat(adapter.send(to("a", "x"))).isInstanceOfSatisfying(Delivery.Failed.class,
                f -> assertThat(f.reason()).contains("secret"));
        wecom.verify(0, postRequestedFor(urlPathEqualTo("/cgi-bin/message/send")));
    }

    @Test
    void server_errors_429_and_timeouts_answer_retry_later() {
        tokenAnswers(TOKEN_OK);
        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/message/send")).willReturn(serverError()));
        assertThat(adapter.send(to("a", "x"))).isInstanceOf(Delivery.RetryLater.class);

        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/message/send")).willReturn(status(429).withHeader("Retry-After", "7")));
        assertThat(adapter.send(to("a", "x"))).isInstanceOfSatisfying(Delivery.RetryLater.class,
                r -> assertThat(r.after()).isEqualTo(Duration.ofSeconds(7)));

        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/message/send")).willReturn(okJson(SENT).withFixedDelay(1500)));
        WeComAdapter impatient = adapter(Duration.ofMillis(300));
        assertThat(impatient.send(to("a", "x"))).isInstanceOfSatisfying(Delivery.RetryLater.class,
                r -> assertThat(r.reason()).contains("unreachable"));
        impatient.stop();

        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/message/send")).willReturn(ok("<html>gateway</html>")));
        assertThat(adapter.send(to("a", "x"))).isInstanceOf(Delivery.RetryLater.class);
        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/message/send")).willReturn(okJson("{\"errcode\":-1,\"errmsg\":\"system busy\"}")));
        assertThat(adapter.send(to("a", "x"))).isInstanceOf(Delivery.RetryLater.class);
    }

    @Test
    void the_api_being_down_answers_retry_later_not_an_exception() {
        WeComAdapter nowhere = new WeComAdapter(clock, WeComAppConfig.of(CORP_ID, 1, "s", TOKEN, AES_KEY)
                .withApiBaseUrl("http://127.0.0.1:1").withHttpTimeout(Duration.ofSeconds(1)), null);
        assertThat(nowhere.send(to("a", "x"))).isInstanceOf(Delivery.RetryLater.class);
        nowhere.stop();
    }

    @Test
    void an_invalid_or_unknown_recipient_fails_for_good() {
        tokenAnswers(TOKEN_OK);
        sendAnswers(SENT.replace("\"invaliduser\":\"\"", "\"invaliduser\":\"ghost\""));
        assertThat(adapter.send(to("ghost", "x"))).isInstanceOfSatisfying(Delivery.Failed.class,
                f -> assertThat(f.reason()).contains("ghost"));
        sendAnswers("{\"errcode\":81013,\"errmsg\":\"user & party & tag all invalid\"}");
        assertThat(adapter.send(to("ghost", "x"))).isInstanceOf(Delivery.Failed.class);
        sendAnswers("{\"errcode\":40003,\"errmsg\":\"invalid userid\"}");
        assertThat(adapter.send(to("ghost", "x"))).isInstanceOfSatisfying(Delivery.Failed.class,
                f -> assertThat(f.reason()).contains("40003"));
    }

    @Test
    void a_text_longer_than_2048_bytes_goes_out_in_pieces_that_each_fit() {
        tokenAnswers(TOKEN_OK);
        sendAnswers(SENT);
        String longText = "家访记录。".repeat(300); // 4500 bytes
        assertThat(adapter.send(to("a", longText))).isInstanceOf(Delivery.Sent.class);
        List<LoggedRequest> sends = wecom.findAll(postRequestedFor(urlPathEqualTo("/cgi-bin/message/send")));
        assertThat(sends).hasSize(3);
        StringBuilder joined = new StringBuilder();
        for (LoggedRequest r : sends) {
            String content = json.readTree(r.getBodyAsString()).path("text").path("content").asString();
            assertThat(content.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048);
            joined.append(content);
        }
        assertThat(joined.toString()).isEqualTo(longText);
    }

    @Test
    void more_than_30_messages_a_minute_to_one_member_wait_instead_of_being_dropped_by_wecom() {
        tokenAnswers(TOKEN_OK);
        sendAnswers(SENT);
        for (int i = 0; i < 30; i++) assertThat(adapter.send(to("busy", "m" + i))).isInstanceOf(Delivery.Sent.class);
        assertThat(adapter.send(to("busy", "m31"))).isInstanceOfSatisfying(Delivery.RetryLater.class,
                r -> assertThat(r.after()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(61)));
        assertThat(adapter.send(to("other", "hi"))).isInstanceOf(Delivery.Sent.class);
        wecom.verify(31, postRequestedFor(urlPathEqualTo("/cgi-bin/message/send")));
        clock.advance(Duration.ofSeconds(61));
        assertThat(adapter.send(to("busy", "m31"))).isInstanceOf(Delivery.Sent.class);
    }

    @Test
    void the_app_alone_cannot_reach_a_robot_group_chat() {
        assertThat(adapter.send(new OutboundMessage(1, "wecom", "group:wrXYZ", null, "x", null)))
                .isInstanceOf(Delivery.Failed.class);
        wecom.verify(0, postRequestedFor(urlPathEqualTo("/cgi-bin/message/send")));
    }

    @Test
    void the_adapter_declares_a_rate_limit_for_the_outbox() {
        assertThat(adapter.rateLimit()).isPresent();
        assertThat(adapter.platform()).isEqualTo("wecom");
    }
}
