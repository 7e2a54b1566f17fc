package app.mentorbot.bot.platforms;

import app.mentorbot.bot.testing.FakeWeCom;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import app.mentorbot.adapters.wecom.ConnectionGate;
import app.mentorbot.adapters.wecom.WeComCrypto;
import app.mentorbot.bot.leases.Leases;
import app.mentorbot.bot.testing.BotTest;

/**
 * The whole bot with the WeCom app on, over real HTTP: WeCom's encrypted callback for a teacher's note comes in
 * at /callbacks/wecom, is answered at once, runs through the pipeline, and the reply leaves through message/send
 * on WireMock playing qyapi.weixin.qq.com. Crypto settings are the official WXBizMsgCrypt sample's.
 */
@BotTest
@DirtiesContext
class WeComEndToEndTest {
    static final String TOKEN = FakeWeCom.TOKEN;
    static final String AES_KEY = FakeWeCom.AES_KEY;
    static final String CORP_ID = FakeWeCom.CORP_ID;
    static final WireMockServer qyapi = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        FakeWeCom.register(registry, qyapi);
    }

    @AfterAll
    static void stopWireMock() {
        qyapi.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Leases leases;

    @Autowired
    Clock clock;

    private final WeComCrypto wecom = new WeComCrypto(TOKEN, AES_KEY, CORP_ID);

    @Test
    void the_official_url_verification_request_signed_now_is_answered_with_the_plain_echostr() throws Exception {
        String echostr = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
        String now = now();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(url(Map.of("msg_signature", wecom.signature(now, "263014780", echostr),
                "timestamp", now, "nonce", "263014780", "echostr", echostr))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("1616140317555161061");
    }

    @Test
    void a_correctly_signed_callback_stamped_in_2001_is_refused_and_files_nothing() throws Exception {
        jdbc.sql("insert into platform_identity (platform, platform_user_id, school_id, person_id) values ('wecom', 'lisi_wx', 'main', 'T03') "
                + "on conflict do nothing").update();
        String encrypted = wecom.encrypt("<xml><ToUserName><![CDATA[" + CORP_ID + "]]></ToUserName><FromUserName><![CDATA[lisi_wx]]></FromUserName>"
                + "<CreateTime>1000000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[今天和王子轩单独谈心]]></Content>"
                + "<MsgId>7300000000000002001</MsgId><AgentID>218</AgentID></xml>");
        HttpResponse<String> r = postCallback(encrypted, "1000000000");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("5 minutes");
        Thread.sleep(300);
        assertThat(jdbc.sql("select count(*) from inbound_message where platform = 'wecom' and sender_ref = 'lisi_wx'").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from record where author_id = 'T03'").query(Long.class).single()).isZero();
    }

    @Test
    void a_teachers_note_from_wecom_is_recorded_once_and_confirmed_through_message_send() throws Exception {
        jdbc.sql("insert into platform_identity (platform, platform_user_id, school_id, person_id) values ('wecom', 'zhangsan_wx', 'main', 'T01')")
                .update();
        String note = "今天下午和张小明单独谈心，数学下滑，下周三再跟进";
        String inner = "<xml><ToUserName><![CDATA[" + CORP_ID + "]]></ToUserName><FromUserName><![CDATA[zhangsan_wx]]></FromUserName>"
                + "<CreateTime>" + now() + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + note
                + "]]></Content><MsgId>7300000000000000001</MsgId><AgentID>218</AgentID></xml>";
        String encrypted = wecom.encrypt(inner);

        long start = System.nanoTime();
        HttpResponse<String> first = postCallback(encrypted);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEmpty();
        assertThat(postCallback(encrypted).statusCode()).as("WeCom's retry of the same message").isEqualTo(200);

        List<LoggedRequest> sends = awaitSends(1);
        String sent = sends.get(0).getBodyAsString();
        assertThat(sent).contains("\"touser\":\"zhangsan_wx\"").contains("\"agentid\":218").contains("已记录");

        Map<String, Object> row = jdbc.sql("""
                select r.kind, r.author_id, m.platform, m.sender_ref, m.status
                from record r join inbound_message m on m.id = r.source_message_id
                where m.platform = 'wecom'""").query().singleRow();
        assertThat(row).containsEntry("kind", "TALK").containsEntry("author_id", "T01")
                .containsEntry("sender_ref", "zhangsan_wx").containsEntry("status", "DONE");
        Thread.sleep(500);
        assertThat(jdbc.sql("select count(*) from inbound_message where platform = 'wecom'").query(Long.class).single()).isEqualTo(1L);
        assertThat(qyapi.findAll(postRequestedFor(urlPathEqualTo("/cgi-bin/message/send")))).hasSize(1);
    }

    @Test
    void a_forged_callback_gets_403_and_garbage_gets_400_over_http() throws Exception {
        String encrypted = wecom.encrypt("<xml><FromUserName>x</FromUserName><MsgType>text</MsgType><Content>hi</Content><MsgId>1</MsgId></xml>");
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(url(Map.of("msg_signature", "0".repeat(40), "timestamp", "1", "nonce", "2")))
                .header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofString(outer(encrypted))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);

        HttpResponse<String> garbage = http.send(HttpRequest.newBuilder(url(Map.of("msg_signature", "a", "timestamp", "1", "nonce", "2")))
                .header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofString("<xml><oops")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).doesNotContain("Exception");

        HttpResponse<String> huge = http.send(HttpRequest.newBuilder(url(Map.of("msg_signature", "a", "timestamp", "1", "nonce", "2")))
                .header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofString("x".repeat(200_000))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(huge.statusCode()).isEqualTo(400);
    }

    @Test
    void only_one_instance_holds_the_robots_lease_until_it_lets_go() {
        String name = ConnectionGate.leaseName("aib-e2e");
        ConnectionGate a = WeComWiring.leaseGate(() -> leases, name, "instance-a", Duration.ofSeconds(30));
        ConnectionGate b = WeComWiring.leaseGate(() -> leases, name, "instance-b", Duration.ofSeconds(30));
        assertThat(a.holdOrAcquire()).isTrue();
        assertThat(b.holdOrAcquire()).isFalse();
        assertThat(a.holdOrAcquire()).as("renewal by the holder").isTrue();
        a.release();
        assertThat(b.holdOrAcquire()).isTrue();
        assertThat(a.holdOrAcquire()).isFalse();
    }

    private HttpResponse<String> postCallback(String encrypted) throws Exception {
        return postCallback(encrypted, now());
    }

    private String now() {
        return String.valueOf(clock.instant().getEpochSecond());
    }

    private HttpResponse<String> postCallback(String encrypted, String timestamp) throws Exception {
        String nonce = "abc123";
        return http.send(HttpRequest.newBuilder(url(Map.of("msg_signature", wecom.signature(timestamp, nonce, encrypted),
                        "timestamp", timestamp, "nonce", nonce)))
                .header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofString(outer(encrypted))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private List<LoggedRequest> awaitSends(int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<LoggedRequest> sends;
        do {
            sends = qyapi.findAll(postRequestedFor(urlPathEqualTo("/cgi-bin/message/send")));
            if (sends.size() >= n) return sends;
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("message/send called " + sends.size() + " times, expected " + n);
    }

    private static String outer(String encrypted) {
        return "<xml><ToUserName><![CDATA[" + CORP_ID + "]]></ToUserName><AgentID><![CDATA[218]]></AgentID><Encrypt><![CDATA["
                + encrypted + "]]></Encrypt></xml>";
    }

    private URI url(Map<String, String> query) {
        StringBuilder q = new StringBuilder();
        query.forEach((k, v) -> q.append(q.isEmpty() ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return URI.create("http://127.0.0.1:" + port + "/callbacks/wecom?" + q);
    }
}
