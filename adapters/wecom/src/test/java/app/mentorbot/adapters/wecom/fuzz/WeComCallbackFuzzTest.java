package app.mentorbot.adapters.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import app.mentorbot.adapters.api.testing.FakeClock;
import app.mentorbot.adapters.api.testing.Hostile;
import app.mentorbot.adapters.api.testing.RecordingSink;

/**
 * Hostile callbacks straight into {@link WeComAdapter#handleCallback}, as the bot's controller passes them.
 * Tagged {@code fuzz}: {@code -Dfuzz.n} requests (default 10,000); {@link Smoke} runs 200 in the normal build.
 * (The bot's own fuzz test drives the same surface over real HTTP against the database.)
 */
@Tag("fuzz")
class WeComCallbackFuzzTest {
    static final String TOKEN = OfficialVectors.TOKEN;
    static final String AES_KEY = OfficialVectors.AES_KEY;
    static final String CORP_ID = OfficialVectors.CORP_ID;
    static final Set<Integer> ALLOWED = Set.of(200, 400, 403, 404, 405, 413);

    int n() {
        return Hostile.n(10_000);
    }

    long seed() {
        return Hostile.seed("WeCom callbacks (adapter)");
    }

    static class Smoke extends WeComCallbackFuzzTest {
        @Override
        int n() {
            return 200;
        }

        @Override
        long seed() {
            return Hostile.seed("WeCom callbacks (adapter)", 20_240_902L);
        }
    }

    @Test
    void everyCallbackIsAnsweredWithAnAllowedStatusAndOnlySignedMessagesReachTheSink() {
        Hostile h = new Hostile(seed());
        RecordingSink sink = new RecordingSink();
        FakeClock clock = new FakeClock(Instant.parse("2024-09-02T08:00:00Z"));
        long now = clock.instant().getEpochSecond();
        WeComAdapter adapter = new WeComAdapter(clock,
                WeComAppConfig.of(CORP_ID, 218, "secret", TOKEN, AES_KEY), null);
        adapter.start(sink);
        WeComCrypto crypto = new WeComCrypto(TOKEN, AES_KEY, CORP_ID);
        List<String> problems = new ArrayList<>();
        Map<Integer, Integer> statuses = new HashMap<>();
        int n = n();
        for (int i = 0; i < n; i++) {
            // mostly within the 5 minutes a callback may be off our clock, so the signed ones get as far as decryption
            String ts = String.valueOf(h.chance(80) ? now - 400 + h.nextInt(800) : h.nextInt(2_000_000_000));
            String nonce = h.chance(90) ? String.valueOf(h.nextInt(Integer.MAX_VALUE)) : h.text();
            String enc = crypto.encrypt("<xml><FromUserName>u" + h.nextInt(5) + "</FromUserName><CreateTime>"
                    + h.pick(List.of("1700000000", "-1", "9223372036854775807", "99999999999999999", "x", ""))
                    + "</CreateTime><MsgType>" + h.pick(List.of("text", "event", "image", "")) + "</MsgType><Content><![CDATA["
                    + h.text().replace("]]>", "").replaceAll("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\ud800-\\udfff\\ufffe\\uffff]", "")
                    + "]]></Content><MsgId>" + i + "</MsgId></xml>");
            boolean forged = h.chance(50);
            String signature = forged ? h.pick(List.of("0".repeat(40), h.text(), "", crypto.signature(ts, nonce, enc + "A")))
                    : crypto.signature(ts, nonce, enc);
            Map<String, String> query = new HashMap<>();
            if (h.chance(95)) query.put("msg_signature", signature);
            if (h.chance(95)) query.put("timestamp", ts);
            if (h.chance(95)) query.put("nonce", nonce);
            if (h.chance(5)) query.put(h.text(), h.text());
            String method = h.chance(90) ? "POST" : h.pick(List.of("GET", "PUT", "", "post", "DELETE"));
            String body = switch (h.nextInt(8)) {
                case 0 -> h.text();
                case 1 -> h.utf8Garbage(h.nextInt(500));
                case 2 -> "<xml><Encrypt>" + h.text() + "</Encrypt></xml>";
                case 3 -> h.deepJson().replace('[', '<').replace(']', '>');
                default -> "<xml><ToUserName>" + CORP_ID + "</ToUserName><Encrypt><![CDATA[" + enc + "]]></Encrypt></xml>";
            };
            if (method.equalsIgnoreCase("GET")) query.put("echostr", h.chance(50) ? enc : h.text());
            int before = sink.all().size();
            CallbackResponse r;
            try {
                r = adapter.handleCallback(method, query, h.chance(2) ? null : body);
            } catch (RuntimeException e) {
                problems.add("escaped: " + e);
                continue;
            }
            statuses.merge(r.status(), 1, Integer::sum);
            if (!ALLOWED.contains(r.status())) problems.add(r.status() + " for " + method + " " + query.keySet());
            if (r.status() != 200 && sink.all().size() != before) problems.add("a refused callback (" + r.status() + ") reached the sink");
            if (forged && sink.all().size() != before) problems.add("a forged callback reached the sink");
            if (r.body() != null && (r.body().contains("Exception") || r.body().contains("\tat "))) problems.add("stack trace in " + r.body());
        }
        System.out.printf("[fuzz] WeCom callbacks (adapter): %d requests, statuses %s, %d reached the sink%n", n, statuses, sink.all().size());
        assertThat(problems).as("WeCom callback problems").isEmpty();
        String enc = crypto.encrypt("<xml><FromUserName>zhangsan</FromUserName><CreateTime>1700000000</CreateTime>"
                + "<MsgType>text</MsgType><Content>和张小明谈心</Content><MsgId>final</MsgId></xml>");
        CallbackResponse ok = adapter.handleCallback("POST", Map.of("msg_signature", crypto.signature(String.valueOf(now), "2", enc),
                "timestamp", String.valueOf(now), "nonce", "2"), "<xml><Encrypt><![CDATA[" + enc + "]]></Encrypt></xml>");
        assertThat(ok.status()).as("an ordinary message after the fuzz run").isEqualTo(200);
    }
}
