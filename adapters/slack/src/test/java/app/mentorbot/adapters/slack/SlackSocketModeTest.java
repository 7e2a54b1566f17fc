package app.mentorbot.adapters.slack;

import static app.mentorbot.adapters.slack.FakeSlack.QUIET;
import static app.mentorbot.adapters.slack.FakeSlack.WAIT;
import static app.mentorbot.adapters.slack.FakeSlack.envelopeId;
import static app.mentorbot.adapters.slack.FakeSlack.eventually;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import app.mentorbot.adapters.api.Delivery;
import app.mentorbot.adapters.api.InboundMessage;
import app.mentorbot.adapters.api.OutboundMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Envelopes in and acks out, against a {@link FakeSlack}; the link's lifecycle is in SlackReconnectTest. */
class SlackSocketModeTest {
    private final ObjectMapper json = JsonMapper.builder().build();
    private final FakeSlack slack = new FakeSlack();

    @AfterEach
    void stopAll() throws Exception {
        slack.close();
    }

    @Test
    void startingDoesNotBlockAndOpensAUrlWithTheAppTokenInTheHeader() throws Exception {
        long before = System.nanoTime();
        slack.start(Duration.ofSeconds(30));
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofMillis(500));

        FakeSlackGateway.Link link = slack.gateway.awaitLink(WAIT);
        eventually(slack.adapter()::connected);
        assertThat(link.ticket).hasSize(24);
        slack.api.verify(1, postRequestedFor(urlEqualTo("/api/apps.connections.open"))
                .withHeader("Authorization", equalTo("Bearer " + FakeSlack.APP_TOKEN)));
        // The token travels in the header only, never in the body.
        assertThat(slack.api.findAll(postRequestedFor(urlEqualTo("/api/apps.connections.open"))).get(0).getBodyAsString())
                .doesNotContain("xapp");
        assertThat(link.nothingReceived()).as("hello needs no answer").isTrue();
    }

    @Test
    void aDirectMessageReachesTheSinkAsTheSendersChatAndIsAckedOnlyAfterwards() throws Exception {
        FakeSlackGateway.Link link = slack.startAndConnect();
        AtomicBoolean ackedBeforeSink = new AtomicBoolean();
        slack.sink.onAccept(m -> {
            try {
                Thread.sleep(150); // an ack sent before the sink was called would reach the gateway meanwhile
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ackedBeforeSink.set(!link.nothingReceived());
        });

        link.send(Fixtures.read("im-message.json"));

        InboundMessage m = slack.sink.next(WAIT);
        assertThat(m.platform()).isEqualTo("slack");
        assertThat(m.messageId()).isEqualTo("Ev0IMMSG0001");
        assertThat(m.chatId()).as("a 1:1 chat id is the sender's user id").isEqualTo("U0TEACHER1");
        assertThat(m.senderId()).isEqualTo("U0TEACHER1");
        assertThat(m.text()).isEqualTo("谈话记录: 李华 今天情绪低落, 已沟通");
        assertThat(m.sentAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 200_000));
        assertThat(m.extras()).doesNotContainKey(InboundMessage.GROUP).containsEntry("channel", "D0DMTEACH1");
        assertThat(m.fromBot()).isFalse();

        JsonNode ack = slack.frame(link);
        assertThat(ack.properties()).hasSize(1);
        assertThat(ack.get("envelope_id").stringValue()).isEqualTo(envelopeId("im-message.json"));
        assertThat(ackedBeforeSink).as("the sink ran before the ack was sent").isFalse();
    }

    @Test
    void aRedeliveredEventReachesTheSinkWithTheSameMessageIdAndEachEnvelopeIsAcked() throws Exception {
        FakeSlackGateway.Link link = slack.startAndConnect();
        link.send(Fixtures.read("im-message.json"));
        link.send(Fixtures.read("im-message-retry.json"));

        assertThat(slack.sink.next(WAIT).messageId()).isEqualTo("Ev0IMMSG0001");
        assertThat(slack.sink.next(WAIT).messageId()).as("the pipeline dedupes; the adapter passes it on").isEqualTo("Ev0IMMSG0001");
        assertThat(slack.frame(link).get("envelope_id").stringValue()).isEqualTo(envelopeId("im-message.json"));
        assertThat(slack.frame(link).get("envelope_id").stringValue()).isEqualTo(envelopeId("im-message-retry.json"));
    }

    @Test
    void aMentionInAChannelBecomesAGroupMessageWithoutTheBotMention() throws Exception {
        FakeSlackGateway.Link link = slack.startAndConnect();
        link.send(Fixtures.read("app-mention.json"));

        InboundMessage m = slack.sink.next(WAIT);
        assertThat(m.messageId()).isEqualTo("Ev0MENTION03");
        assertThat(m.chatId()).isEqualTo("group:C0CLASS7A");
        assertThat(m.senderId()).isEqualTo("U0HEAD7A");
        assertThat(m.text()).isEqualTo("本周7A班谈话汇总");
        assertThat(m.extras()).containsEntry(InboundMessage.GROUP, "true");
        assertThat(slack.frame(link).get("envelope_id").stringValue()).isEqualTo(envelopeId("app-mention.json"));
    }

    @Test
    void ownAndIrrelevantEnvelopesAreAckedButNeverReachTheSink() throws Exception {
        FakeSlackGateway.Link link = slack.startAndConnect();
        eventually(() -> slack.adapter().botUserId() != null);
        List<String> fixtures = List.of("own-message-bot-id.json", "own-message-user-only.json", "bot-message-subtype.json",
                "message-changed.json", "channel-message-without-mention.json", "slash-command.json");
        for (String f : fixtures) link.send(Fixtures.read(f));

        List<String> acked = new ArrayList<>();
        for (int i = 0; i < fixtures.size(); i++) acked.add(slack.frame(link).get("envelope_id").stringValue());
        assertThat(acked).containsExactlyElementsOf(fixtures.stream().map(FakeSlack::envelopeId).toList());
        assertThat(slack.sink.drain()).isEmpty();
        slack.api.verify(1, postRequestedFor(urlEqualTo("/api/auth.test")).withHeader("Authorization", equalTo("Bearer " + FakeSlack.BOT_TOKEN)));
    }

    @Test
    void malformedFramesAreLoggedAndSkippedAndTheLinkKeepsWorking() throws Exception {
        FakeSlackGateway.Link link = slack.startAndConnect();
        link.send("this is not json");
        link.send("[1,2,3]");
        link.send("{}");
        link.send("{\"type\":\"events_api\"");
        link.send(Fixtures.read("events-api-without-event.json"));
        link.send("{\"envelope_id\":\"c0ffee00-0000-0000-0000-00000000000c\",\"type\":\"events_api\",\"payload\":\"oops\"}");
        link.send(Fixtures.read("im-message.json"));

        assertThat(slack.frame(link).get("envelope_id").stringValue()).as("malformed envelope with an id is acked, not redelivered forever")
                .isEqualTo(envelopeId("events-api-without-event.json"));
        assertThat(slack.frame(link).get("envelope_id").stringValue()).isEqualTo("c0ffee00-0000-0000-0000-00000000000c");
        assertThat(slack.sink.next(WAIT).messageId()).isEqualTo("Ev0IMMSG0001");
        assertThat(slack.frame(link).get("envelope_id").stringValue()).isEqualTo(envelopeId("im-message.json"));
        assertThat(slack.openCalls()).as("no reconnect was needed").isEqualTo(1);
        assertThat(slack.adapter().connected()).isTrue();
    }

    @Test
    void anEnvelopeTheSinkRefusesIsNotAckedSoSlackRedeliversIt() throws Exception {
        FakeSlackGateway.Link link = slack.startAndConnect();
        slack.sink.refuseNext(1);
        link.send(Fixtures.read("im-message.json"));
        assertThat(link.nextFrame(QUIET)).as("no ack for a refused envelope").isNull();

        link.send(Fixtures.read("im-message-retry.json"));
        assertThat(slack.sink.next(WAIT).messageId()).isEqualTo("Ev0IMMSG0001");
        assertThat(slack.frame(link).get("envelope_id").stringValue()).isEqualTo(envelopeId("im-message-retry.json"));
        assertThat(slack.adapter().connected()).isTrue();
    }

    @Test
    void framesLargerThanTomcatsDefaultBufferArrive() throws Exception {
        FakeSlackGateway.Link link = slack.startAndConnect();
        String longNote = "很长的谈话记录。".repeat(4_000); // ~100 KB of UTF-8, beyond the 8 KiB default
        JsonNode envelope = json.readTree(Fixtures.read("im-message.json"));
        ((ObjectNode) envelope.get("payload").get("event")).put("text", longNote);
        link.send(envelope.toString());

        assertThat(slack.sink.next(WAIT).text()).isEqualTo(longNote);
        assertThat(slack.frame(link).get("envelope_id").stringValue()).isEqualTo(envelopeId("im-message.json"));
    }

    @Test
    void aPingFromTheGatewayIsAnsweredWithAPong() throws Exception {
        FakeSlackGateway.Link link = slack.startAndConnect();
        link.ping();
        eventually(() -> link.pongs.get() == 1);
    }


    @Test
    void aReplyToAMessageInAThreadGoesIntoThatThread() throws Exception {
        slack.api.stubFor(post("/api/chat.postMessage").willReturn(okJson("{\"ok\":true,\"channel\":\"C0CLASS7A\",\"ts\":\"1700000201.000500\"}")));
        FakeSlackGateway.Link link = slack.startAndConnect();
        link.send(Fixtures.read("app-mention-in-thread.json"));
        InboundMessage m = slack.sink.next(WAIT);
        assertThat(m.extras()).containsEntry("threadTs", "1700000150.000350");

        Delivery d = slack.adapter().send(new OutboundMessage(41, "slack", m.chatId(), null, "已记录: 张伟", m.messageId()));
        Delivery push = slack.adapter().send(new OutboundMessage(42, "slack", m.chatId(), null, "本周汇总", null));

        assertThat(d).isInstanceOf(Delivery.Sent.class);
        assertThat(push).isInstanceOf(Delivery.Sent.class);
        slack.api.verify(postRequestedFor(urlEqualTo("/api/chat.postMessage")).withRequestBody(equalToJson(
                "{\"channel\":\"C0CLASS7A\",\"text\":\"已记录: 张伟\",\"thread_ts\":\"1700000150.000350\"}")));
        slack.api.verify(postRequestedFor(urlEqualTo("/api/chat.postMessage")).withRequestBody(equalToJson(
                "{\"channel\":\"C0CLASS7A\",\"text\":\"本周汇总\"}")));
    }
}
