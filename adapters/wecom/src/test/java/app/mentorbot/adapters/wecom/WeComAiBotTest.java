package app.mentorbot.adapters.wecom;

import static app.mentorbot.adapters.wecom.FakeAiBotGateway.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.mentorbot.adapters.api.Delivery;
import app.mentorbot.adapters.api.InboundMessage;
import app.mentorbot.adapters.api.OutboundMessage;
import app.mentorbot.adapters.api.testing.FakeClock;
import app.mentorbot.adapters.api.testing.RecordingSink;
import tools.jackson.databind.JsonNode;

/** The smart robot's long connection against a local fake of WeCom's gateway. */
class WeComAiBotTest {
    private static final Duration WAIT = Duration.ofSeconds(3);

    private final FakeClock clock = new FakeClock(Instant.parse("2024-09-02T08:00:00Z"));
    private final RecordingSink sink = new RecordingSink();
    private final FakeGate gate = new FakeGate();
    private FakeAiBotGateway gateway;
    private WeComAdapter adapter;

    /** A lease that the test grants or takes away. */
    static final class FakeGate implements ConnectionGate {
        volatile boolean allow = true;
        volatile RuntimeException failWith;
        final AtomicInteger checks = new AtomicInteger();
        final AtomicInteger releases = new AtomicInteger();

        @Override
        public boolean holdOrAcquire() {
            checks.incrementAndGet();
            if (failWith != null) throw failWith;
            return allow;
        }

        @Override
        public void release() {
            releases.incrementAndGet();
        }
    }

    @BeforeEach
    void startGateway() throws Exception {
        gateway = new FakeAiBotGateway();
    }

    @AfterEach
    void stop() {
        if (adapter != null) adapter.stop();
        gateway.close();
    }

    private FakeAiBotGateway.Connection start(Duration heartbeat) throws InterruptedException {
        startAdapter(heartbeat);
        FakeAiBotGateway.Connection c = gateway.nextConnection(WAIT);
        c.next("aibot_subscribe", WAIT);
        awaitConnected(true);
        return c;
    }

    private void startAdapter(Duration heartbeat) {
        WeComAiBotConfig config = WeComAiBotConfig.of("BOTID", "BOTSECRET").withUrl(gateway.url())
                .withGate(gate, Duration.ofMillis(50))
                .withTimings(heartbeat, Duration.ofMillis(500), attempt -> Duration.ofMillis(50));
        adapter = new WeComAdapter(clock, null, config);
        adapter.start(sink);
    }

    private void awaitConnected(boolean expected) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (adapter.aiBotConnected() != expected && System.nanoTime() < deadline) Thread.sleep(10);
        assertThat(adapter.aiBotConnected()).as("connected").isEqualTo(expected);
    }

    private static OutboundMessage reply(String chat, String text, String replyTo) {
        return new OutboundMessage(7, "wecom", chat, "p1", text, replyTo);
    }

    @Test
    void it_subscribes_with_bot_id_and_secret_right_after_connecting() throws Exception {
        startAdapter(Duration.ofSeconds(30));
        FakeAiBotGateway.Connection c = gateway.nextConnection(WAIT);
        JsonNode subscribe = c.next("aibot_subscribe", WAIT);
        assertThat(subscribe.path("headers").path("req_id").asString()).startsWith("aibot_subscribe_");
        assertThat(subscribe.path("body").path("bot_id").asString()).isEqualTo("BOTID");
        assertThat(subscribe.path("body").path("secret").asString()).isEqualTo("BOTSECRET");
        awaitConnected(true);
    }

    @Test
    void it_pings_every_heartbeat() throws Exception {
        FakeAiBotGateway.Connection c = start(Duration.ofMillis(100));
        JsonNode ping = c.next("ping", WAIT);
        assertThat(ping.path("headers").path("req_id").asString()).startsWith("ping_");
        c.next("ping", WAIT);
        assertThat(c.closed).isFalse();
        assertThat(gateway.connectsWithin(Duration.ofMillis(300))).as("answered pings keep the connection").isFalse();
    }

    @Test
    void two_unanswered_pings_mean_the_connection_is_dead_and_a_new_one_subscribes() throws Exception {
        gateway.answerPings = false;
        FakeAiBotGateway.Connection first = start(Duration.ofMillis(100));
        first.next("ping", WAIT);
        first.next("ping", WAIT);
        gateway.answerPings = true;
        FakeAiBotGateway.Connection second = gateway.nextConnection(WAIT);
        second.next("aibot_subscribe", WAIT);
        assertThat(first.closedWithin(WAIT)).isTrue();
        awaitConnected(true);
    }

    @Test
    void a_text_callback_reaches_the_sink_keyed_by_its_msgid() throws Exception {
        FakeAiBotGateway.Connection c = start(Duration.ofSeconds(30));
        c.push(fixture("msg_callback_text", "R1", "MSG1"));
        InboundMessage m = sink.next(WAIT);
        assertThat(m.platform()).isEqualTo("wecom");
        assertThat(m.messageId()).isEqualTo("aibot:MSG1");
        assertThat(m.chatId()).isEqualTo("zhangsan");
        assertThat(m.senderId()).isEqualTo("zhangsan");
        assertThat(m.text()).isEqualTo("今天下午和张小明单独谈心，数学下滑");
        assertThat(m.sentAt()).isEqualTo(Instant.ofEpochSecond(1700000000));
        assertThat(m.extras()).containsEntry("via", "aibot").doesNotContainKeys(InboundMessage.GROUP, InboundMessage.FROM_BOT);
    }

    @Test
    void a_redelivered_callback_reaches_the_sink_again_with_the_same_message_id() throws Exception {
        FakeAiBotGateway.Connection c = start(Duration.ofSeconds(30));
        c.push(fixture("msg_callback_text", "R1", "MSG1"));
        c.push(fixture("msg_callback_text", "R2", "MSG1"));
        assertThat(sink.next(WAIT).messageId()).isEqualTo("aibot:MSG1");
        assertThat(sink.next(WAIT).messageId()).isEqualTo("aibot:MSG1");
    }

    @Test
    void a_group_callback_is_a_group_chat_without_the_mention() throws Exception {
        FakeAiBotGateway.Connection c = start(Duration.ofSeconds(30));
        c.push(fixture("msg_callback_group", "R1", "G1"));
        InboundMessage m = sink.next(WAIT);
        assertThat(m.chatId()).isEqualTo("group:wrkSFfCgAAxxxx");
        assertThat(m.senderId()).isEqualTo("lisi");
        assertThat(m.text()).isEqualTo("李华最近的记录");
        assertThat(m.extras()).containsEntry(InboundMessage.GROUP, "true");
    }

    @Test
    void a_mixed_message_keeps_its_text_parts() throws Exception {
        FakeAiBotGateway.Connection c = start(Duration.ofSeconds(30));
        c.push(fixture("msg_callback_mixed", "R1", "X1"));
        InboundMessage m = sink.next(WAIT);
        assertThat(m.text()).isEqualTo("家访照片\n孩子状态不错");
        assertThat(m.extras()).containsEntry("msgType", "mixed");
    }

    @Test
    void the_answer_goes_back_on_the_callbacks_req_id_as_a_finished_stream() throws Exception {
        FakeAiBotGateway.Connection c = start(Duration.ofSeconds(30));
        c.push(fixture("msg_callback_text", "REQ-42", "MSG1"));
        sink.next(WAIT);
        assertThat(adapter.send(reply("zhangsan", "已记录：谈心", "aibot:MSG1"))).isInstanceOf(Delivery.Sent.class);
        JsonNode respond = c.next("aibot_respond_msg", WAIT);
        assertThat(respond.path("headers").path("req_id").asString()).isEqualTo("REQ-42");
        assertThat(respond.path("body").path("msgtype").asString()).isEqualTo("stream");
        JsonNode stream = respond.path("body").path("stream");
        assertThat(stream.path("finish").asBoolean()).isTrue();
        assertThat(stream.path("content").asString()).isEqualTo("已记录：谈心");
        assertThat(stream.path("id").asString()).isNotBlank();
    }

    @Test
    void an_answer_wecom_does_not_ack_is_sent_again_as_a_new_message() throws Exception {
        gateway.respondErrcode = null;
        FakeAiBotGateway.Connection c = start(Duration.ofSeconds(30));
        c.push(fixture("msg_callback_text", "REQ-1", "MSG1"));
        sink.next(WAIT);
        assertThat(adapter.send(reply("zhangsan", "已记录", "aibot:MSG1"))).isInstanceOf(Delivery.Sent.class);
        c.next("aibot_respond_msg", WAIT);
        JsonNode send = c.next("aibot_send_msg", WAIT);
        assertThat(send.path("body").path("chatid").asString()).isEqualTo("zhangsan");
    }

    @Test
    void a_second_answer_to_the_same_message_and_an_old_one_are_new_messages() throws Exception {
        FakeAiBotGateway.Connection c = start(Duration.ofSeconds(30));
        c.push(fixture("msg_callback_text", "REQ-1", "MSG1"));
        c.push(fixture("msg_callback_text", "REQ-2", "MSG2"));
        sink.next(WAIT);
        sink.next(WAIT);
        adapter.send(reply("zhangsan", "一", "aibot:MSG1"));
        c.next("aibot_respond_msg", WAIT);
        adapter.send(reply("zhangsan", "二", "aibot:MSG1"));
        assertThat(c.next("aibot_send_msg", WAIT).path("body").path("markdown").path("content").asString()).isEqualTo("二");
        clock.advance(AiBotChannel.REPLY_WINDOW.plusSeconds(1));
        adapter.send(reply("zhangsan", "三", "aibot:MSG2"));
        assertThat(c.next("aibot_send_msg", WAIT).path("body").path("markdown").path("content").asString()).isEqualTo("三");
    }

    @Test
    void a_push_is_an_aibot_send_msg_to_the_userid_or_the_group_chatid() throws Exception {
        FakeAiBotGateway.Connection c = start(Duration.ofSeconds(30));
        assertThat(adapter.send(reply("zhangsan", "周五前交总结", null))).isInstanceOf(Delivery.Sent.class);
        JsonNode send = c.next("aibot_send_msg", WAIT);
        assertThat(send.path("headers").path("req_id").asString()).startsWith("aibot_send_msg_");
        assertThat(send.path("body").path("chatid").asString()).isEqualTo("zhangsan");
        assertThat(send.path("body").path("msgtype").asString()).isEqualTo("markdown");
        assertThat(send.path("body").path("markdown").path("content").asString()).isEqualTo("周五前交总结");
        adapter.send(reply("group:wrkSFfCgAAxxxx", "本班会商", null));
        assertThat(c.next("aibot_send_msg", WAIT).path("body").path("chatid").asString()).isEqualTo("wrkSFfCgAAxxxx");
    }

    @Test
    void send_errors_map_to_retry_later_or_failed() throws Exception {
        FakeAiBotGateway.Connection c = start(Duration.ofSeconds(30));
        gateway.sendErrcode = 45009;
        assertThat(adapter.send(reply("zhangsan", "x", null))).isInstanceOf(Delivery.RetryLater.class);
        gateway.sendErrcode = 40058;
        assertThat(adapter.send(reply("zhangsan", "x", null))).isInstanceOfSatisfying(Delivery.Failed.class,
                f -> assertThat(f.reason()).contains("40058"));
        gateway.sendErrcode = null;
        assertThat(adapter.send(reply("zhangsan", "x", null))).isInstanceOf(Delivery.RetryLater.class);
        assertThat(c.closed).isFalse();
    }

    @Test
    void a_dropped_connection_reconnects_and_answers_to_its_callbacks_become_new_messages() throws Exception {
        FakeAiBotGateway.Connection first = start(Duration.ofSeconds(30));
        first.push(fixture("msg_callback_text", "OLD-REQ", "MSG1"));
        sink.next(WAIT);
        first.drop();
        FakeAiBotGateway.Connection second = gateway.nextConnection(WAIT);
        second.next("aibot_subscribe", WAIT);
        awaitConnected(true);
        assertThat(adapter.send(reply("zhangsan", "已记录", "aibot:MSG1"))).isInstanceOf(Delivery.Sent.class);
        assertThat(second.next("aibot_send_msg", WAIT).path("body").path("chatid").asString()).isEqualTo("zhangsan");
    }

    @Test
    void while_reconnecting_a_send_asks_to_retry_soon() throws Exception {
        gateway.subscribeErrcode = 853000; // every subscription refused: never connected
        startAdapter(Duration.ofSeconds(30));
        gateway.nextConnection(WAIT).next("aibot_subscribe", WAIT);
        assertThat(adapter.aiBotConnected()).isFalse();
        assertThat(adapter.send(reply("zhangsan", "x", null))).isInstanceOf(Delivery.RetryLater.class);
        gateway.nextConnection(WAIT); // it keeps trying
        gateway.subscribeErrcode = 0;
        awaitConnected(true);
    }

    @Test
    void being_replaced_by_another_connection_closes_this_one_and_reconnects_after_the_backoff() throws Exception {
        FakeAiBotGateway.Connection c = start(Duration.ofSeconds(30));
        c.push(fixture("event_disconnected", "E1", "EV1"));
        FakeAiBotGateway.Connection next = gateway.nextConnection(WAIT);
        assertThat(c.closedWithin(WAIT)).isTrue();
        next.next("aibot_subscribe", WAIT);
        assertThat(sink.drain()).isEmpty();
    }

    @Test
    void without_the_lease_it_never_connects_and_a_message_waits_until_it_has_it() throws Exception {
        gate.allow = false;
        startAdapter(Duration.ofSeconds(30));
        assertThat(gateway.connectsWithin(Duration.ofMillis(300))).isFalse();
        assertThat(gate.checks.get()).isGreaterThan(1);
        assertThat(adapter.send(reply("zhangsan", "x", null))).isInstanceOf(Delivery.Unreachable.class);

        gate.allow = true;
        FakeAiBotGateway.Connection c = gateway.nextConnection(WAIT);
        c.next("aibot_subscribe", WAIT);
        awaitConnected(true);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (sink.reachable().isEmpty() && System.nanoTime() < deadline) Thread.sleep(10);
        assertThat(sink.reachable()).containsExactly("wecom/zhangsan");
    }

    @Test
    void losing_the_lease_closes_the_connection() throws Exception {
        FakeAiBotGateway.Connection c = start(Duration.ofSeconds(30));
        gate.allow = false;
        assertThat(c.closedWithin(WAIT)).isTrue();
        awaitConnected(false);
        assertThat(adapter.send(reply("zhangsan", "x", null))).isInstanceOf(Delivery.Unreachable.class);
        assertThat(gateway.connectsWithin(Duration.ofMillis(300))).as("no reconnect without the lease").isFalse();
    }

    @Test
    void a_lease_store_that_fails_counts_as_a_lost_lease() throws Exception {
        FakeAiBotGateway.Connection c = start(Duration.ofSeconds(30));
        gate.failWith = new IllegalStateException("database away");
        assertThat(c.closedWithin(WAIT)).isTrue();
        gate.failWith = null;
        gateway.nextConnection(WAIT).next("aibot_subscribe", WAIT);
    }

    @Test
    void stopping_closes_the_connection_and_releases_the_lease() throws Exception {
        FakeAiBotGateway.Connection c = start(Duration.ofSeconds(30));
        adapter.stop();
        adapter = null;
        assertThat(c.closedWithin(WAIT)).isTrue();
        assertThat(gate.releases.get()).isEqualTo(1);
        assertThat(gateway.connectsWithin(Duration.ofMillis(300))).isFalse();
    }

    @Test
    void malformed_frames_are_ignored_and_the_connection_goes_on() throws Exception {
        FakeAiBotGateway.Connection c = start(Duration.ofSeconds(30));
        c.push("this is not json");
        c.push("[1,2,3]");
        c.push("{\"cmd\":\"aibot_msg_callback\",\"headers\":{\"req_id\":\"R\"},\"body\":{\"msgtype\":\"text\"}}");
        c.push("{\"cmd\":\"aibot_msg_callback\",\"headers\":{\"req_id\":\"R\"},\"body\":\"not an object\"}");
        c.push("{\"cmd\":\"something_new\",\"headers\":{\"req_id\":\"R\"}}");
        c.push("{\"headers\":{\"req_id\":\"unknown\"},\"errcode\":0}");
        c.push(fixture("event_enter_chat", "R9", "EV9"));
        c.push(fixture("msg_callback_text", "R2", "GOOD"));
        assertThat(sink.next(WAIT).messageId()).isEqualTo("aibot:GOOD");
        assertThat(sink.drain()).isEmpty();
        assertThat(c.closed).isFalse();
        assertThat(adapter.aiBotConnected()).isTrue();
    }

    @Test
    void the_bots_own_message_is_marked_so_the_pipeline_drops_it() throws Exception {
        FakeAiBotGateway.Connection c = start(Duration.ofSeconds(30));
        c.push(fixture("msg_callback_text", "R1", "OWN").replace("\"userid\":\"zhangsan\"", "\"userid\":\"AIBOTID\""));
        InboundMessage m = sink.next(WAIT);
        assertThat(m.fromBot()).isTrue();
    }

    @Test
    void a_pipeline_that_throws_does_not_break_the_connection() throws Exception {
        FakeAiBotGateway.Connection c = start(Duration.ofSeconds(30));
        sink.refuseAll(true);
        c.push(fixture("msg_callback_text", "R1", "M1"));
        Thread.sleep(100);
        sink.refuseAll(false);
        c.push(fixture("msg_callback_text", "R2", "M2"));
        assertThat(sink.next(WAIT).messageId()).isEqualTo("aibot:M2");
    }

    @Test
    void a_long_answer_is_cut_to_the_20480_byte_limit() throws Exception {
        FakeAiBotGateway.Connection c = start(Duration.ofSeconds(30));
        adapter.send(reply("zhangsan", "长".repeat(8000), null));
        String content = c.next("aibot_send_msg", WAIT).path("body").path("markdown").path("content").asString();
        assertThat(content.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(20480);
        assertThat(content).endsWith("…");
    }
}
