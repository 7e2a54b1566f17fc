package app.mentorbot.bot.fuzz;

import static app.mentorbot.bot.fuzz.BotFuzz.NOTE;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.mentorbot.adapters.api.testing.Hostile;
import app.mentorbot.adapters.wecom.WeComCrypto;
import app.mentorbot.bot.testing.FakeWeCom;

/**
 * The WeCom callback surface of {@link BotFuzz} ({@code /callbacks/wecom}, the app's encrypted callbacks): forged and
 * replayed signatures, garbage, undecryptable or foreign ciphertext, hostile inner XML (entities, depth, size),
 * events, other methods, URL checks, oversized bodies, replays and valid messages with hostile content. Only the
 * statuses WeCom expects come back, nothing refused is stored, and a normal WeCom note is still filed afterwards.
 */
final class WeComCallbackFuzz {
    static final String TOKEN = FakeWeCom.TOKEN;
    static final String AES_KEY = FakeWeCom.AES_KEY;
    static final String CORP_ID = FakeWeCom.CORP_ID;
    static final Set<Integer> WECOM_STATUSES = Set.of(200, 400, 403, 404, 405, 413);

    private final BotFuzz fuzz;
    private final WeComCrypto wecom = new WeComCrypto(TOKEN, AES_KEY, CORP_ID);

    WeComCallbackFuzz(BotFuzz fuzz) {
        this.fuzz = fuzz;
    }

    /** Forged, replayed, garbage, hostile, oversized and valid callbacks, one at a time. */
    void run() throws Exception {
        Hostile h = new Hostile(fuzz.seed("WeCom callbacks"));
        int n = fuzz.n();
        fuzz.jdbc.sql("insert into platform_identity (platform, platform_user_id, school_id, person_id) values "
                + "('wecom', 'fuzz_t01', 'main', 'T01'), ('wecom', 'fuzz_t02', 'main', 'T02'), ('wecom', 'fuzz_p01', 'main', 'P01') "
                + "on conflict do nothing").update();
        List<String> users = List.of("fuzz_t01", "fuzz_t02", "fuzz_p01", "stranger_wx");
        long before = fuzz.count("select count(*) from inbound_message where platform = 'wecom'");
        Set<String> acceptedIds = new HashSet<>();
        List<String> sentMsgIds = new ArrayList<>();
        Map<String, Integer> byKind = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int kind = h.nextInt(14);
            String ts = String.valueOf(fuzz.clock.instant().getEpochSecond()); // a callback stamped further than 5 minutes off is refused
            String nonce = String.valueOf(h.nextInt(1_000_000_000));
            String what;
            int status;
            boolean mayStore = false;
            String msgId = null;
            switch (kind) {
                case 0, 1 -> { // forged signature on a well-made message
                    what = "forged";
                    String enc = wecom.encrypt(inner(h.pick(users), h.text(), "F" + i));
                    String good = wecom.signature(ts, nonce, enc);
                    String sig = h.pick(List.of("0".repeat(40), good.substring(0, 39) + (good.endsWith("0") ? "1" : "0"),
                            new WeComCrypto("guess", AES_KEY, CORP_ID).signature(ts, nonce, enc), h.text(), ""));
                    status = postCallback(Map.of("msg_signature", sig, "timestamp", ts, "nonce", nonce), outer(enc));
                    if (status != 403 && status != 400) problems.add("forged callback answered " + status);
                }
                case 2 -> { // a valid signature for other timestamp / nonce (replayed signature)
                    what = "replayed signature";
                    String enc = wecom.encrypt(inner(h.pick(users), h.text(), "R" + i));
                    status = postCallback(Map.of("msg_signature", wecom.signature(ts, nonce, enc), "timestamp", String.valueOf(Long.parseLong(ts) + 1), "nonce", nonce), outer(enc));
                    if (status != 403 && !(status == 400 && huge(enc))) problems.add("signature for another timestamp answered " + status);
                }
                case 3 -> { // garbage body, random query
                    what = "garbage";
                    Map<String, String> q = new HashMap<>();
                    for (String k : List.of("msg_signature", "timestamp", "nonce", "echostr")) if (h.chance(70)) q.put(k, h.text());
                    status = postBytes(q, h.chance(50) ? h.bytes(h.nextInt(2000)) : h.text().getBytes(StandardCharsets.UTF_8));
                }
                case 4 -> { // signed, but the ciphertext is not ours / not decryptable / inner not XML
                    what = "signed garbage";
                    String enc = switch (h.nextInt(4)) {
                        case 0 -> java.util.Base64.getEncoder().encodeToString(h.bytes(16 * (1 + h.nextInt(10))));
                        case 1 -> new WeComCrypto(TOKEN, AES_KEY, "wwothercorp").encrypt(inner("fuzz_t01", "hi", "O" + i));
                        case 2 -> wecom.encrypt(h.text());
                        default -> h.text().replace("<", "").replace("&", "");
                    };
                    status = postCallback(Map.of("msg_signature", wecom.signature(ts, nonce, enc.strip().replace(' ', '+')), "timestamp", ts, "nonce", nonce), outer(enc));
                }
                case 5 -> { // signed and decryptable, inner XML hostile (no sender, DOCTYPE, deep, huge)
                    what = "hostile inner";
                    String in = switch (h.nextInt(5)) {
                        case 0 -> "<xml><MsgType>text</MsgType><Content>" + esc(h.text()) + "</Content></xml>";
                        case 1 -> "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml><FromUserName>fuzz_t01</FromUserName><Content>&e;</Content></xml>";
                        case 2 -> "<xml>" + "<a>".repeat(2000 + h.nextInt(5000)) + "</xml>";
                        case 3 -> "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]><xml>&lol2;</xml>";
                        default -> h.brokenJson(inner("fuzz_t01", "hi", "H" + i));
                    };
                    String enc = wecom.encrypt(in);
                    status = postCallback(Map.of("msg_signature", wecom.signature(ts, nonce, enc), "timestamp", ts, "nonce", nonce), outer(enc));
                    mayStore = status == 200; // broken-but-still-valid XML from a known field set
                    if (mayStore) msgId = "H" + i;
                }
                case 6 -> { // an event: acknowledged, nothing stored
                    what = "event";
                    String enc = wecom.encrypt("<xml><ToUserName>" + CORP_ID + "</ToUserName><FromUserName>fuzz_t01</FromUserName>"
                            + "<CreateTime>" + ts + "</CreateTime><MsgType>event</MsgType><Event>" + esc(h.text()) + "</Event></xml>");
                    status = postCallback(Map.of("msg_signature", wecom.signature(ts, nonce, enc), "timestamp", ts, "nonce", nonce), outer(enc));
                    if (status != 200 && !(status == 400 && huge(enc))) problems.add("event answered " + status);
                }
                case 7 -> { // other methods
                    what = "method";
                    String method = h.pick(List.of("PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE"));
                    status = fuzz.send(HttpRequest.newBuilder(wecomUri(Map.of("timestamp", ts)))
                            .method(method, HttpRequest.BodyPublishers.ofString(h.text())));
                }
                case 8 -> { // URL verification with hostile or forged echostr
                    what = "verify";
                    String echo = h.chance(50) ? wecom.encrypt(h.text()) : h.text();
                    String sig = h.chance(50) ? wecom.signature(ts, nonce, echo.strip().replace(' ', '+')) : h.text();
                    status = fuzz.send(HttpRequest.newBuilder(wecomUri(Map.of("msg_signature", sig, "timestamp", ts, "nonce", nonce, "echostr", echo))).GET());
                }
                case 9 -> { // oversized
                    what = "oversized";
                    status = postBytes(Map.of("msg_signature", "a", "timestamp", ts, "nonce", nonce),
                            ("<xml><Encrypt>" + "A".repeat(70_000 + h.nextInt(200_000)) + "</Encrypt></xml>").getBytes(StandardCharsets.US_ASCII));
                }
                case 10 -> { // replay of an earlier accepted message: 200, no second row
                    what = "replay";
                    if (sentMsgIds.isEmpty()) { status = 200; break; }
                    String id = h.pick(sentMsgIds);
                    String enc = wecom.encrypt(inner("fuzz_t01", "replayed " + id, id));
                    status = postCallback(Map.of("msg_signature", wecom.signature(ts, nonce, enc), "timestamp", ts, "nonce", nonce), outer(enc));
                    if (status != 200) problems.add("replay answered " + status);
                }
                default -> { // a valid message with hostile content from a bound teacher or parent, or a stranger
                    what = "valid";
                    msgId = h.chance(5) ? h.pick(List.of("", " ", "\u0000", "0")) + i : String.valueOf(7_300_000_000_000_000_000L + i);
                    String user = h.pick(users);
                    String content = h.text();
                    String in = h.chance(10) ? inner(user, content, msgId).replace("<MsgType><![CDATA[text]]></MsgType>",
                            "<MsgType>" + h.pick(List.of("image", "voice", "TEXT", "", "location")) + "</MsgType>")
                            : inner(user, content, msgId);
                    String enc = wecom.encrypt(in);
                    status = postCallback(Map.of("msg_signature", wecom.signature(ts, nonce, enc), "timestamp", ts, "nonce", nonce), outer(enc));
                    mayStore = true;
                    if (status == 200 && msgId.startsWith("73")) sentMsgIds.add(msgId);
                }
            }
            byKind.merge(what + " " + status, 1, Integer::sum);
            if (!WECOM_STATUSES.contains(status)) problems.add(what + " answered " + status);
            if (mayStore && status == 200 && msgId != null) acceptedIds.add(msgId);
        }
        System.out.println("[fuzz] WeCom callbacks: " + n + " requests, by kind and status: " + byKind + ", resent after a closed connection: " + fuzz.transportRetries.get());
        assertThat(problems).as("WeCom callback problems").isEmpty();
        fuzz.awaitQuiet();
        // Forged, replayed-signature and foreign-corp callbacks (ids F…, R…, O…) and events left no row; at most one row per accepted id.
        List<String> stored = fuzz.jdbc.sql("select platform_message_id from inbound_message where platform = 'wecom'").query(String.class).list();
        assertThat(stored).as("rows from refused callbacks").noneMatch(id -> id.matches("[FRO]\\d+"))
                .noneMatch(id -> id.startsWith("fuzz_t01@") && !acceptedIds.contains(id));
        assertThat(fuzz.count("select count(*) from inbound_message where platform = 'wecom'") - before)
                .as("new WeCom rows, at most one per accepted message id").isLessThanOrEqualTo(acceptedIds.size());
        List<Map<String, Object>> failed = fuzz.jdbc.sql("select platform_message_id, left(coalesce(body, ''), 120) as body "
                + "from inbound_message where platform = 'wecom' and status = 'FAILED'").query().listOfRows();
        assertThat(failed).as("WeCom messages the pipeline failed on").isEmpty();
        stillWorksOnWeCom();
        fuzz.stillWorks();
    }

    /** A callback body WeCom's size limit refuses (64 KiB by default) with 400. */
    private static boolean huge(String encrypted) {
        return outer(encrypted).getBytes(StandardCharsets.UTF_8).length > 60_000;
    }

    private static String inner(String from, String content, String msgId) {
        return "<xml><ToUserName><![CDATA[" + CORP_ID + "]]></ToUserName><FromUserName><![CDATA[" + from + "]]></FromUserName>"
                + "<CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content>" + esc(content)
                + "</Content><MsgId>" + esc(msgId) + "</MsgId><AgentID>218</AgentID></xml>";
    }

    /** XML text of s: characters XML cannot carry at all (NUL, most controls, lone surrogates) are dropped, as WeCom would. */
    private static String esc(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
                continue;
            }
            if (Character.isSurrogate(c) || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF) continue;
            switch (c) {
                case '<' -> out.append("&lt;");
                case '&' -> out.append("&amp;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String outer(String encrypted) {
        return "<xml><ToUserName><![CDATA[" + CORP_ID + "]]></ToUserName><Encrypt><![CDATA[" + encrypted + "]]></Encrypt>"
                + "<AgentID><![CDATA[218]]></AgentID></xml>";
    }

    private URI wecomUri(Map<String, String> query) {
        StringBuilder q = new StringBuilder();
        for (Map.Entry<String, String> e : query.entrySet()) {
            if (!q.isEmpty()) q.append('&');
            q.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return URI.create("http://localhost:" + fuzz.port + "/callbacks/wecom?" + q);
    }

    private int postCallback(Map<String, String> query, String body) throws Exception {
        return postBytes(query, body.getBytes(StandardCharsets.UTF_8));
    }

    private int postBytes(Map<String, String> query, byte[] body) throws Exception {
        try {
            return fuzz.send(HttpRequest.newBuilder(wecomUri(query)).header("Content-Type", "text/xml")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        } catch (java.io.IOException cutOff) {
            // Tomcat swallows at most 2 MB of a body nobody reads, then drops the connection: a refusal, not a 5xx
            if (body.length > 64 * 1024) return 413;
            throw cutOff;
        }
    }

    private void stillWorksOnWeCom() throws Exception {
        String msgId = "7399999999999999999";
        String enc = wecom.encrypt(inner("fuzz_t01", NOTE, msgId));
        String now = String.valueOf(fuzz.clock.instant().getEpochSecond());
        assertThat(postCallback(Map.of("msg_signature", wecom.signature(now, "2", enc), "timestamp", now, "nonce", "2"), outer(enc))).isEqualTo(200);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (fuzz.count("select count(*) from record r join inbound_message m on m.id = r.source_message_id "
                + "where m.platform = 'wecom' and m.platform_message_id = '" + msgId + "'") == 0) {
            assertThat(System.nanoTime()).as("a normal WeCom note is still filed after the fuzz run").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
