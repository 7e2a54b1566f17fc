package app.mentorbot.bot.platforms;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import app.mentorbot.adapters.api.Adapter;
import app.mentorbot.adapters.api.testing.Patience;
import app.mentorbot.adapters.wecom.WeComCrypto;
import app.mentorbot.bot.outbox.Adapters;
import app.mentorbot.bot.outbox.Outbox;
import app.mentorbot.bot.testing.BotTest;
import app.mentorbot.bot.testing.FakeDingTalk;
import app.mentorbot.bot.testing.FakeWeCom;
import app.mentorbot.conversations.roster.RosterJson;
import app.mentorbot.conversations.roster.RosterStore;

/**
 * The whole bot for a district where schools have their own apps: the deployment's DingTalk app (the home school
 * "main"), east's and west's own DingTalk organisations, and east's own WeCom corp (the deployment has none). The
 * rosters of east and west use the same ids, and the DingTalk user u100 is east's 刘洋 in one organisation and west's in
 * the other: the app a message comes through decides whose it is.
 */
@BotTest
@DirtiesContext
class SchoolsOwnAppsTest {
    static FakeDingTalk dingtalk;
    static final WireMockServer qyapi = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final HttpClient http = HttpClient.newHttpClient();
    private static boolean schoolsImported;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws Exception {
        dingtalk = new FakeDingTalk("dingshared", "dingeast", "dingwest");
        registry.add("mentorbot.adapters.dingtalk.enabled", () -> "true");
        registry.add("mentorbot.adapters.dingtalk.client-id", () -> "dingshared");
        registry.add("mentorbot.adapters.dingtalk.client-secret", () -> "s-shared");
        registry.add("mentorbot.adapters.dingtalk.api-base-url", dingtalk.api::baseUrl);
        registry.add("mentorbot.adapters.dingtalk.schools.east.client-id", () -> "dingeast");
        registry.add("mentorbot.adapters.dingtalk.schools.east.client-secret", () -> "s-east");
        registry.add("mentorbot.adapters.dingtalk.schools.west.client-id", () -> "dingwest");
        registry.add("mentorbot.adapters.dingtalk.schools.west.client-secret", () -> "s-west");
        FakeWeCom.register((name, value) -> {}, qyapi); // its qyapi only: the deployment's own WeCom stays off
        for (String key : List.of("corp-id", "agent-id", "secret", "token", "encoding-aes-key", "api-base-url")) {
            registry.add("mentorbot.adapters.wecom.schools.east." + key, () -> eastWeCom(key));
        }
    }

    /** East's WeCom corp: the official sample's crypto settings, on the fake qyapi. */
    private static String eastWeCom(String key) {
        return switch (key) {
            case "corp-id" -> FakeWeCom.CORP_ID;
            case "agent-id" -> "218";
            case "secret" -> "east-app-secret";
            case "token" -> FakeWeCom.TOKEN;
            case "encoding-aes-key" -> FakeWeCom.AES_KEY;
            default -> qyapi.baseUrl();
        };
    }

    @AfterAll
    static void stopFakes() throws Exception {
        dingtalk.close();
        qyapi.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    Outbox outbox;
    @Autowired
    Adapters adapters;
    @Autowired
    RosterStore rosters;
    @Autowired
    TransactionTemplate tx;

    @BeforeEach
    void eastAndWestWithTheSameIdsAndTheSameDingTalkUser() throws Exception {
        if (schoolsImported) return;
        String example = Files.readString(Path.of("../config/example-school.json"));
        tx.executeWithoutResult(s -> {
            for (String[] school : new String[][] {{"east", "东城中学"}, {"west", "西城中学"}}) {
                rosters.replace(school[0], RosterJson.read(new ByteArrayInputStream(
                        example.replace("示范中学（演示）", school[1]).getBytes(StandardCharsets.UTF_8))));
            }
        });
        for (String[] binding : new String[][] {{"dingtalk", "u100", "east", "T01"}, {"dingtalk", "u100", "west", "T01"},
                {"dingtalk", "u200", "main", "T01"}, {"wecom", "zhang_wx", "east", "T02"},
                {"dingtalk", "u300", "east", "T03"}, {"dingtalk", "u300", "west", "T03"}}) {
            jdbc.sql("insert into platform_identity (platform, platform_user_id, school_id, person_id) values (?, ?, ?, ?)")
                    .params((Object[]) binding).update();
        }
        schoolsImported = true;
    }

    @Test
    void eachSchoolsOwnAppIsAnAdapterOfItsOwnBesideTheDeployments() {
        assertThat(adapters.all().stream().map(Adapter::platform))
                .contains("dingtalk", "dingtalk@east", "dingtalk@west", "wecom@east").doesNotContain("wecom");
        assertThat(jdbc.sql("select school_id from platform_identity where platform = 'dingtalk' and platform_user_id = 'u100' "
                + "order by 1").query(String.class).list()).as("the same user id, bound in both schools").containsExactly("east", "west");
    }

    @Test
    void aNoteThroughEastsAppIsFiledUnderEastsTeacherAndAnsweredThroughEastsApp() throws Exception {
        dingtalk.say("dingeast", "m-east-1", "u100", "今天和张小明单独谈心，聊了书法比赛后的失落，下周四再跟进", dingtalk.webhook("east"),
                clock.instant());

        LoggedRequest reply = await(postRequestedFor(urlPathEqualTo("/hook/east")), 1).get(0);
        assertThat(reply.getBodyAsString()).contains("已记录").contains("张小明");
        assertThat(jdbc.sql("select school_id || '/' || author_id from record where note like '%书法比赛%'").query(String.class).list())
                .containsExactly("east/T01");
        assertThat(jdbc.sql("select platform || ' ' || school_id || ' ' || person_id from inbound_message where platform_message_id = 'm-east-1'")
                .query(String.class).single()).isEqualTo("dingtalk@east east T01");
        assertThat(dingtalk.api.findAll(postRequestedFor(urlPathEqualTo("/hook/west")))).isEmpty();
    }

    @Test
    void aPushToEastsMentorGoesOutThroughEastsAppAndNotWests() throws Exception {
        // T03 has written nothing, so no session webhook: the push takes the robot API with east's token and robot
        outbox.push("east", "T03", "提醒你：交东城导师工作总结", false, null);

        LoggedRequest sent = await(postRequestedFor(urlPathEqualTo("/v1.0/robot/oToMessages/batchSend"))
                .withRequestBody(WireMock.containing("东城导师工作总结")), 1).get(0);
        assertThat(sent.getHeader("x-acs-dingtalk-access-token")).isEqualTo("token-dingeast");
        assertThat(sent.getBodyAsString()).contains("\"robotCode\":\"dingeast\"").contains("u300");
        assertThat(dingtalk.api.findAll(postRequestedFor(urlPathEqualTo("/v1.0/robot/oToMessages/batchSend"))
                .withRequestBody(matchingJsonPath("$.robotCode", equalTo("dingwest"))))).isEmpty();
        assertThat(jdbc.sql("select platform from outbox where body like '%东城导师工作总结%'").query(String.class).single())
                .isEqualTo("dingtalk@east");
    }

    @Test
    void theDeploymentsAppStillServesTheHomeSchoolAndReadsNoAccountOfASchoolWithItsOwnApp() throws Exception {
        dingtalk.say("dingshared", "m-shared-1", "u200", "今天和张小明单独谈心，聊了篮球赛前的紧张", dingtalk.webhook("shared"),
                clock.instant());
        dingtalk.say("dingshared", "m-shared-2", "u100", "今天和张小明单独谈心，聊了围棋比赛", dingtalk.webhook("stranger"),
                clock.instant());

        assertThat(await(postRequestedFor(urlPathEqualTo("/hook/shared")), 1).get(0).getBodyAsString()).contains("已记录");
        assertThat(await(postRequestedFor(urlPathEqualTo("/hook/stranger")), 1).get(0).getBodyAsString()).doesNotContain("已记录");
        assertThat(jdbc.sql("select school_id || '/' || author_id from record where note like '%篮球赛%'").query(String.class).list())
                .containsExactly("main/T01");
        assertThat(jdbc.sql("select count(*) from record where note like '%围棋%'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select coalesce(person_id, 'nobody') from inbound_message where platform_message_id = 'm-shared-2'")
                .query(String.class).single()).isEqualTo("nobody");
    }

    @Test
    void eastsWeComAppTakesItsCallbacksAtItsOwnPathAndFilesThemUnderEast() throws Exception {
        WeComCrypto wecom = new WeComCrypto(FakeWeCom.TOKEN, FakeWeCom.AES_KEY, FakeWeCom.CORP_ID);
        String now = String.valueOf(clock.instant().getEpochSecond());
        String encrypted = wecom.encrypt("<xml><ToUserName><![CDATA[" + FakeWeCom.CORP_ID + "]]></ToUserName><FromUserName><![CDATA["
                + "zhang_wx]]></FromUserName><CreateTime>" + now + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA["
                + "今天和张小明单独谈心，聊了合唱比赛]]></Content><MsgId>7300000000000009001</MsgId><AgentID>218</AgentID></xml>");

        assertThat(postCallback("/callbacks/wecom", wecom, encrypted, now).statusCode()).as("the deployment has no WeCom app")
                .isEqualTo(404);
        assertThat(postCallback("/callbacks/wecom/west", wecom, encrypted, now).statusCode()).isEqualTo(404);
        assertThat(postCallback("/callbacks/wecom/east", wecom, encrypted, now).statusCode()).isEqualTo(200);

        assertThat(await(qyapi, postRequestedFor(urlPathEqualTo("/cgi-bin/message/send")).withRequestBody(WireMock.containing("已记录")))
                .getBodyAsString()).contains("\"touser\":\"zhang_wx\"").contains("已记录");
        assertThat(jdbc.sql("select school_id || '/' || author_id from record where note like '%合唱比赛%'").query(String.class).list())
                .containsExactly("east/T02");
    }

    @Test
    void aBindingCodeOfEastRedeemedThroughEastsAppBindsTheAccountInEastOnDingTalkWhileWestsAppFindsNoSuchCode() throws Exception {
        Instant now = clock.instant();
        issueInEast("482915", "T04", now);

        dingtalk.say("dingwest", "m-west-bind", "u400", "绑定 482915", dingtalk.webhook("west-bind"), now);
        await(postRequestedFor(urlPathEqualTo("/hook/west-bind")), 1);
        dingtalk.say("dingeast", "m-east-bind", "u400", "绑定 482915", dingtalk.webhook("east-bind"), now);
        await(postRequestedFor(urlPathEqualTo("/hook/east-bind")), 1);

        assertThat(jdbc.sql("select platform || ' ' || school_id || ' ' || person_id from platform_identity where platform_user_id = 'u400'")
                .query(String.class).list()).containsExactly("dingtalk east T04");
    }

    @Test
    void fiveWrongCodesThroughWestsAppDoNotLockTheSameUserIdOutOfEast() throws Exception {
        Instant now = clock.instant();
        issueInEast("731406", "T05", now);
        for (int i = 0; i < 5; i++) {
            dingtalk.say("dingwest", "m-west-wrong-" + i, "u401", "绑定 10000" + i, dingtalk.webhook("west-wrong-" + i), now);
            await(postRequestedFor(urlPathEqualTo("/hook/west-wrong-" + i)), 1);
        }
        assertThat(jdbc.sql("select count(*) from binding_failure where platform_user_id = 'u401' and school_id = 'west'")
                .query(Long.class).single()).isEqualTo(5);

        dingtalk.say("dingeast", "m-east-right", "u401", "绑定 731406", dingtalk.webhook("east-right"), now);
        await(postRequestedFor(urlPathEqualTo("/hook/east-right")), 1);

        assertThat(jdbc.sql("select school_id || ' ' || person_id from platform_identity where platform_user_id = 'u401'")
                .query(String.class).list()).containsExactly("east T05");
    }

    /** A code as 「绑定码」 issues it in east for {@code person}: stored as the hash of "east:<code>". */
    private void issueInEast(String code, String person, Instant now) throws Exception {
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(("east:" + code).getBytes(StandardCharsets.UTF_8)));
        jdbc.sql("insert into binding_code (code_hash, school_id, person_id, issued_by, issued_at, expires_at) "
                        + "values (?, 'east', ?, 'T01', ?, ?)")
                .params(hash, person, Timestamp.from(now), Timestamp.from(now.plus(Duration.ofDays(7)))).update();
    }

    @Test
    void aSafetyNoteThroughEastsDingTalkReachesEastsClassHeadThroughEastsOwnWeCom() throws Exception {
        dingtalk.say("dingeast", "m-east-safety", "u100", "张小明今天在走廊哭着说不想活了，想自杀", dingtalk.webhook("east-safety"),
                clock.instant());

        // T02, east's 孙丽, heads 张小明's class and is bound on WeCom in east only
        LoggedRequest alert = await(qyapi, postRequestedFor(urlPathEqualTo("/cgi-bin/message/send"))
                .withRequestBody(WireMock.containing("紧急")));
        assertThat(alert.getBodyAsString()).contains("\"touser\":\"zhang_wx\"");
        assertThat(jdbc.sql("select platform from outbox where recipient_id = 'T02' and urgent").query(String.class).list())
                .containsOnly("wecom@east");
        assertThat(await(dingtalk.api, postRequestedFor(urlPathEqualTo("/hook/east-safety")), 1).get(0).getBodyAsString())
                .contains("孙丽");
    }

    private HttpResponse<String> postCallback(String path, WeComCrypto wecom, String encrypted, String timestamp) throws Exception {
        String nonce = "n1";
        Map<String, String> query = Map.of("msg_signature", wecom.signature(timestamp, nonce, encrypted), "timestamp", timestamp,
                "nonce", nonce);
        StringBuilder q = new StringBuilder();
        query.forEach((k, v) -> q.append(q.isEmpty() ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        String body = "<xml><ToUserName><![CDATA[" + FakeWeCom.CORP_ID + "]]></ToUserName><AgentID><![CDATA[218]]></AgentID><Encrypt><![CDATA["
                + encrypted + "]]></Encrypt></xml>";
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path + "?" + q))
                .header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<LoggedRequest> await(RequestPatternBuilder pattern, int n) throws InterruptedException {
        return await(dingtalk.api, pattern, n);
    }

    private static LoggedRequest await(WireMockServer server, RequestPatternBuilder pattern) throws InterruptedException {
        return await(server, pattern, 1).get(0);
    }

    private static List<LoggedRequest> await(WireMockServer server, RequestPatternBuilder pattern, int n) throws InterruptedException {
        long deadline = System.nanoTime() + Patience.of(Duration.ofSeconds(20)).toNanos();
        List<LoggedRequest> found;
        do {
            found = server.findAll(pattern);
            if (found.size() >= n) return found;
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("expected " + n + " request(s) like " + pattern.build() + ", got " + found.size());
    }
}
