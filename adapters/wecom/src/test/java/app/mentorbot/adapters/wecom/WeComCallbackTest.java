package app.mentorbot.adapters.wecom;

import static app.mentorbot.adapters.wecom.OfficialVectors.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.mentorbot.adapters.api.InboundMessage;
import app.mentorbot.adapters.api.testing.FakeClock;
import app.mentorbot.adapters.api.testing.RecordingSink;

/**
 * The app's callback URL, driven exactly as the bot's controller drives it, on the official vectors. The clock
 * stands between the sample's two timestamps (GET 1409659589, POST 1409659813), as when WeCom made them.
 */
class WeComCallbackTest {
    private final FakeClock clock = new FakeClock(Instant.ofEpochSecond(1409659700));
    private final RecordingSink sink = new RecordingSink();
    private final WeComCrypto crypto = new WeComCrypto(TOKEN, AES_KEY, CORP_ID);
    private WeComAdapter adapter;

    @BeforeEach
    void start() {
        adapter = new WeComAdapter(clock, WeComAppConfig.of(CORP_ID, 218, "app-secret", TOKEN, AES_KEY), null);
        adapter.start(sink);
    }

    @Test
    void url_verification_with_the_official_vector_answers_the_decrypted_echostr_as_plain_text() {
        CallbackResponse r = adapter.handleCallback("GET", Map.of("msg_signature", GET_SIGNATURE,
                "timestamp", GET_TIMESTAMP, "nonce", GET_NONCE, "echostr", GET_ECHOSTR), null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(GET_PLAINTEXT);
        assertThat(r.contentType()).startsWith("text/plain");
    }

    @Test
    void url_verification_survives_a_plus_that_was_decoded_to_a_space() {
        CallbackResponse r = adapter.handleCallback("GET", Map.of("msg_signature", GET_SIGNATURE,
                "timestamp", GET_TIMESTAMP, "nonce", GET_NONCE, "echostr", GET_ECHOSTR.replace('+', ' ')), null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(GET_PLAINTEXT);
    }

    @Test
    void url_verification_with_a_forged_signature_is_refused_with_403() {
        CallbackResponse r = adapter.handleCallback("GET", Map.of("msg_signature", "0".repeat(40),
                "timestamp", GET_TIMESTAMP, "nonce", GET_NONCE, "echostr", GET_ECHOSTR), null);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).doesNotContain(GET_PLAINTEXT);
    }

    @Test
    void url_verification_stamped_more_than_five_minutes_from_now_is_refused_but_a_current_one_answers() {
        String echostr = crypto.encrypt("6123456789");
        String old = String.valueOf(clock.instant().minusSeconds(301).getEpochSecond());
        CallbackResponse stale = adapter.handleCallback("GET", Map.of("msg_signature", crypto.signature(old, "n", echostr),
                "timestamp", old, "nonce", "n", "echostr", echostr), null);
        assertThat(stale.status()).isEqualTo(403);
        assertThat(stale.body()).contains("timestamp").doesNotContain("6123456789");

        String now = String.valueOf(clock.instant().getEpochSecond());
        CallbackResponse current = adapter.handleCallback("GET", Map.of("msg_signature", crypto.signature(now, "n", echostr),
                "timestamp", now, "nonce", "n", "echostr", echostr), null);
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.body()).isEqualTo("6123456789");
    }

    @Test
    void a_correctly_signed_message_stamped_in_2001_or_ten_minutes_ahead_is_refused_and_nothing_reaches_the_sink() {
        String note = crypto.encrypt(inner("text", "<Content>2001年的记录</Content><MsgId>2001</MsgId>"));
        for (Instant stamp : List.of(Instant.parse("2001-09-09T01:46:40Z"), clock.instant().minusSeconds(301),
                clock.instant().plusSeconds(301), clock.instant().plus(Duration.ofMinutes(10)))) {
            String ts = String.valueOf(stamp.getEpochSecond());
            CallbackResponse r = post(crypto.signature(ts, "n0nce", note), ts, "n0nce", outer(note));
            assertThat(r.status()).as(stamp.toString()).isEqualTo(403);
            assertThat(r.body()).as(stamp.toString()).contains("5 minutes").doesNotContain("\n");
        }
        String notANumber = "yesterday";
        assertThat(post(crypto.signature(notANumber, "n0nce", note), notANumber, "n0nce", outer(note)).status()).isEqualTo(400);
        assertThat(sink.drain()).isEmpty();
    }

    @Test
    void a_message_stamped_within_five_minutes_either_way_is_taken() throws Exception {
        for (long seconds : new long[] {-299, 299}) {
            String note = crypto.encrypt(inner("text", "<Content>和张小明谈心</Content><MsgId>" + seconds + "</MsgId>"));
            String ts = String.valueOf(clock.instant().plusSeconds(seconds).getEpochSecond());
            assertThat(post(crypto.signature(ts, "n0nce", note), ts, "n0nce", outer(note)).status()).isEqualTo(200);
        }
        assertThat(sink.all()).hasSize(2);
    }

    @Test
    void the_official_encrypted_message_reaches_the_sink_and_the_answer_is_an_empty_200() throws Exception {
        CallbackResponse r = post(POST_SIGNATURE, POST_TIMESTAMP, POST_NONCE, postBody());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        InboundMessage m = sink.next(Duration.ofSeconds(1));
        assertThat(m.platform()).isEqualTo("wecom");
        assertThat(m.messageId()).isEqualTo("4561255354251345929");
        assertThat(m.chatId()).isEqualTo("mycreate");
        assertThat(m.senderId()).isEqualTo("mycreate");
        assertThat(m.text()).isEqualTo("hello");
        assertThat(m.sentAt()).isEqualTo(Instant.ofEpochSecond(1409659813));
        assertThat(m.extras()).containsEntry("agentId", "218").containsEntry("via", "app")
                .doesNotContainKey(InboundMessage.GROUP).doesNotContainKey(InboundMessage.FROM_BOT);
    }

    @Test
    void a_redelivered_message_reaches_the_sink_again_with_the_same_message_id_for_the_pipeline_to_drop() throws Exception {
        post(POST_SIGNATURE, POST_TIMESTAMP, POST_NONCE, postBody());
        post(POST_SIGNATURE, POST_TIMESTAMP, POST_NONCE, postBody());
        assertThat(sink.all()).extracting(InboundMessage::messageId)
                .containsExactly("4561255354251345929", "4561255354251345929");
    }

    @Test
    void a_message_with_a_forged_signature_is_refused_with_403_and_nothing_reaches_the_sink() {
        String forged = POST_SIGNATURE.replace('4', '5');
        assertThat(post(forged, POST_TIMESTAMP, POST_NONCE, postBody()).status()).isEqualTo(403);
        // a valid signature for another timestamp does not carry over either
        assertThat(post(POST_SIGNATURE, "1409659814", POST_NONCE, postBody()).status()).isEqualTo(403);
        assertThat(sink.drain()).isEmpty();
    }

    @Test
    void a_message_signed_with_another_token_is_refused() {
        WeComCrypto attacker = new WeComCrypto("guess", AES_KEY, CORP_ID);
        String enc = attacker.encrypt(inner("text", "<Content>hi</Content><MsgId>1</MsgId>"));
        String now = String.valueOf(clock.instant().getEpochSecond());
        CallbackResponse r = post(attacker.signature(now, "2", enc), now, "2", outer(enc));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).isEqualTo("signature mismatch");
        assertThat(sink.drain()).isEmpty();
    }

    @Test
    void malformed_xml_bad_base64_a_wrong_corp_and_oversized_bodies_get_400_without_a_stack_trace() {
        Map<String, CallbackResponse> answers = new HashMap<>();
        answers.put("not xml", post(POST_SIGNATURE, POST_TIMESTAMP, POST_NONCE, "this is not <xml"));
        answers.put("no Encrypt", post(POST_SIGNATURE, POST_TIMESTAMP, POST_NONCE, "<xml><ToUserName>x</ToUserName></xml>"));
        String notBase64 = "%%%not-base64%%%";
        answers.put("bad base64", signedPost(notBase64));
        String wrongLength = "QUJD"; // "ABC": valid Base64, not a whole AES block
        answers.put("bad length", signedPost(wrongLength));
        String forOtherCorp = new WeComCrypto(TOKEN, AES_KEY, "wwothercorp").encrypt(inner("text", "<Content>x</Content><MsgId>9</MsgId>"));
        answers.put("other corp", signedPost(forOtherCorp));
        answers.put("inner not xml", signedPost(crypto.encrypt("plain words, not xml")));
        answers.put("no sender", signedPost(crypto.encrypt("<xml><MsgType>text</MsgType><Content>x</Content></xml>")));
        String huge = "<xml><Encrypt>" + "A".repeat(WeComAppConfig.DEFAULT_MAX_BODY) + "</Encrypt></xml>";
        answers.put("oversized", post(POST_SIGNATURE, POST_TIMESTAMP, POST_NONCE, huge));
        answers.put("empty", post(POST_SIGNATURE, POST_TIMESTAMP, POST_NONCE, ""));
        answers.put("no signature", adapter.handleCallback("POST", Map.of("timestamp", "1", "nonce", "2"), postBody()));
        answers.put("null query", adapter.handleCallback("POST", null, postBody()));
        answers.put("get without echostr", adapter.handleCallback("GET", Map.of("msg_signature", GET_SIGNATURE,
                "timestamp", GET_TIMESTAMP, "nonce", GET_NONCE), null));
        assertThat(answers).allSatisfy((what, r) -> {
            assertThat(r.status()).as(what).isEqualTo(400);
            assertThat(r.body()).as(what).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("\n");
        });
        assertThat(sink.drain()).isEmpty();
    }

    @Test
    void an_xml_external_entity_is_refused_not_resolved() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<xml><Encrypt>&e;</Encrypt></xml>";
        CallbackResponse r = post(POST_SIGNATURE, POST_TIMESTAMP, POST_NONCE, xxe);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).doesNotContain("root:");
        // and inside the encrypted payload too
        assertThat(signedPost(crypto.encrypt(xxe.replace("<Encrypt>&e;</Encrypt>", "<Content>&e;</Content>"))).status())
                .isEqualTo(400);
    }

    @Test
    void random_garbage_never_gets_a_5xx() {
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            String body = random.nextBoolean() ? new String(bytes, StandardCharsets.ISO_8859_1)
                    : "<xml><Encrypt>" + Base64.getEncoder().encodeToString(bytes) + "</Encrypt></xml>";
            String enc = body.startsWith("<xml><Encrypt>") ? body.substring(14, body.length() - 16) : "x";
            String now = String.valueOf(clock.instant().getEpochSecond());
            CallbackResponse r = post(crypto.signature(now, "2", enc), now, "2", body);
            assertThat(r.status()).isBetween(400, 499);
        }
        assertThat(sink.drain()).isEmpty();
    }

    @Test
    void events_are_acknowledged_and_not_handed_to_the_pipeline() {
        CallbackResponse r = signedPost(crypto.encrypt(inner("event", "<Event>enter_agent</Event><EventKey></EventKey>")));
        assertThat(r.status()).isEqualTo(200);
        assertThat(sink.drain()).isEmpty();
    }

    @Test
    void a_message_without_msgid_is_keyed_by_sender_and_create_time() throws Exception {
        signedPost(crypto.encrypt("<xml><ToUserName>" + CORP_ID + "</ToUserName><FromUserName>zhangsan</FromUserName>"
                + "<CreateTime>1700000000</CreateTime><MsgType>text</MsgType><Content>hi</Content></xml>"));
        assertThat(sink.next(Duration.ofSeconds(1)).messageId()).isEqualTo("zhangsan@1700000000");
        assertThat(AppChannel.dedupeKey(" 42 ", "u", "1")).isEqualTo("42");
    }

    @Test
    void non_text_messages_reach_the_pipeline_with_their_type_and_no_text() throws Exception {
        signedPost(crypto.encrypt(inner("image", "<PicUrl>http://x/y.jpg</PicUrl><MediaId>m</MediaId><MsgId>77</MsgId>")));
        InboundMessage m = sink.next(Duration.ofSeconds(1));
        assertThat(m.text()).isEmpty();
        assertThat(m.extras()).containsEntry("msgType", "image");
    }

    @Test
    void chinese_text_arrives_intact() throws Exception {
        signedPost(crypto.encrypt(inner("text", "<Content><![CDATA[今天和张小明谈心，数学下滑]]></Content><MsgId>88</MsgId>")));
        assertThat(sink.next(Duration.ofSeconds(1)).text()).isEqualTo("今天和张小明谈心，数学下滑");
    }

    @Test
    void a_pipeline_that_refuses_gets_503_so_wecom_retries() {
        sink.refuseAll(true);
        assertThat(post(POST_SIGNATURE, POST_TIMESTAMP, POST_NONCE, postBody()).status()).isEqualTo(503);
    }

    @Test
    void before_start_a_message_is_not_lost_silently_but_refused_with_503() {
        WeComAdapter notStarted = new WeComAdapter(clock, WeComAppConfig.of(CORP_ID, 218, "s", TOKEN, AES_KEY), null);
        assertThat(notStarted.handleCallback("POST", Map.of("msg_signature", POST_SIGNATURE, "timestamp", POST_TIMESTAMP,
                "nonce", POST_NONCE), postBody()).status()).isEqualTo(503);
    }

    @Test
    void other_methods_get_405_and_a_robot_only_adapter_has_no_callback_url() {
        assertThat(adapter.handleCallback("PUT", Map.of(), "x").status()).isEqualTo(405);
        assertThat(adapter.handleCallback(null, Map.of(), "x").status()).isEqualTo(405);
        WeComAdapter robotOnly = new WeComAdapter(clock, null, WeComAiBotConfig.of("bot", "secret"));
        assertThat(robotOnly.handleCallback("GET", Map.of(), null).status()).isEqualTo(404);
        assertThat(robotOnly.maxCallbackBytes()).isZero();
    }

    @Test
    void the_answer_does_not_wait_for_the_pipeline_work() {
        long start = System.nanoTime();
        post(POST_SIGNATURE, POST_TIMESTAMP, POST_NONCE, postBody());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    private CallbackResponse post(String signature, String timestamp, String nonce, String body) {
        return adapter.handleCallback("POST", Map.of("msg_signature", signature, "timestamp", timestamp, "nonce", nonce), body);
    }

    /** Correctly signed with our token, whatever the ciphertext holds. */
    private CallbackResponse signedPost(String encrypted) {
        String now = String.valueOf(clock.instant().getEpochSecond());
        return post(crypto.signature(now, "n0nce", encrypted), now, "n0nce", outer(encrypted));
    }

    private static String outer(String encrypted) {
        return "<xml><ToUserName><![CDATA[" + CORP_ID + "]]></ToUserName><AgentID>218</AgentID><Encrypt><![CDATA["
                + encrypted + "]]></Encrypt></xml>";
    }

    private static String inner(String type, String rest) {
        return "<xml><ToUserName><![CDATA[" + CORP_ID + "]]></ToUserName><FromUserName><![CDATA[lisi]]></FromUserName>"
                + "<CreateTime>1700000000</CreateTime><MsgType><![CDATA[" + type + "]]></MsgType>" + rest
                + "<AgentID>218</AgentID></xml>";
    }

}
