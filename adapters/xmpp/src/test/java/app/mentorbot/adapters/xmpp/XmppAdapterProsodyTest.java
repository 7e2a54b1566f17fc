package app.mentorbot.adapters.xmpp;

import static app.mentorbot.adapters.xmpp.testing.TestProsody.BOT;
import static app.mentorbot.adapters.xmpp.testing.TestProsody.ROOMS;
import static app.mentorbot.adapters.xmpp.testing.TestProsody.TEACHER1;
import static app.mentorbot.adapters.xmpp.testing.TestProsody.eventually;
import static app.mentorbot.adapters.xmpp.testing.TestProsody.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import app.mentorbot.adapters.api.Delivery;
import app.mentorbot.adapters.api.InboundMessage;
import app.mentorbot.adapters.api.OutboundMessage;
import app.mentorbot.adapters.api.testing.RecordingSink;
import app.mentorbot.adapters.xmpp.testing.TestProsody;
import app.mentorbot.adapters.xmpp.testing.XmppPhone;

/**
 * The adapter against a real Prosody (see {@link TestProsody}), with teacher1 on a second, independent
 * client ({@link XmppPhone}). Every test uses its own resource, room and message texts, so leftovers of
 * earlier runs on the same server cannot make a test pass.
 */
class XmppAdapterProsodyTest {
    private final List<XmppAdapter> adapters = new ArrayList<>();
    private final List<XmppPhone> clients = new ArrayList<>();
    private final RecordingSink sink = new RecordingSink();

    @AfterEach
    void stopEverything() {
        adapters.forEach(XmppAdapter::stop);
        clients.forEach(XmppPhone::close);
    }

    private static XmppConfig botConfig(String resource, List<String> rooms, Duration ping) {
        return new XmppConfig(TestProsody.uri(), TestProsody.DOMAIN, "bot", "botpass", resource, rooms, ping);
    }

    /** An adapter that reconnects after 100 ms. */
    private static XmppAdapter adapter(XmppConfig config) {
        return new XmppAdapter(config, Clock.systemUTC(), failures -> Duration.ofMillis(100));
    }

    private XmppAdapter startBot(String resource, List<String> rooms, Duration ping) throws InterruptedException {
        XmppAdapter adapter = adapter(botConfig(resource, rooms, ping));
        adapters.add(adapter);
        adapter.start(sink);
        eventually("the bot is online", adapter::isOnline);
        for (String room : rooms) eventually("the bot sits in " + room, () -> adapter.joinedRooms().contains(room));
        return adapter;
    }

    private XmppPhone teacher1() throws Exception {
        XmppPhone c = XmppPhone.login("teacher1", "t1pass");
        clients.add(c);
        return c;
    }

    @Test
    void theBotLogsInWithScramBindsItsResourceAndIsReachableAtItsFullJid() throws Exception {
        String resource = unique("bot");
        XmppAdapter bot = startBot(resource, List.of(), Duration.ofSeconds(30));
        assertThat(bot.boundJid()).isEqualTo(BOT + "/" + resource);

        // presence sent: the server routes a stanza to the bound resource, and the bot answers it
        XmppPhone teacher = teacher1();
        teacher.send("<iq xmlns='jabber:client' type='get' id='hello' to='" + BOT + "/" + resource + "'><ping xmlns='urn:xmpp:ping'/></iq>");
        Element answer = teacher.next(e -> "hello".equals(e.getAttribute("id")));
        assertThat(answer.getAttribute("type")).isEqualTo("result");
        assertThat(answer.getAttribute("from")).isEqualTo(BOT + "/" + resource);
    }

    @Test
    void aWrongPasswordIsRefusedAndTheBotStaysOffline() throws Exception {
        XmppConfig good = botConfig(unique("bot"), List.of(), Duration.ofSeconds(30));
        XmppAdapter bot = adapter(new XmppConfig(good.websocketUrl(), good.domain(), "bot", "wrong-password",
                good.resource(), List.of(), good.pingInterval()));
        adapters.add(bot);
        bot.start(sink);
        eventually("the login was refused", () -> bot.lastProblem() != null);
        assertThat(bot.lastProblem()).startsWith("login refused").contains("not-authorized");
        assertThat(bot.isOnline()).isFalse();
        assertThat(bot.logins()).isZero();
    }

    @Test
    void aTeachersChatMessageReachesTheSinkAsTheirBareJidWithTheServersStanzaId() throws Exception {
        startBot(unique("bot"), List.of(), Duration.ofSeconds(30));
        XmppPhone teacher = teacher1();
        String text = "今天和张小明谈心 " + unique("m");
        teacher.say(BOT, text);

        InboundMessage m = sink.awaitText(text);
        assertThat(m.platform()).isEqualTo("xmpp");
        assertThat(m.senderId()).isEqualTo(TEACHER1);
        assertThat(m.chatId()).isEqualTo(TEACHER1);
        assertThat(m.messageId()).as("the server's stanza-id, not the client's id").doesNotContain("#").isNotBlank();
        assertThat(m.fromBot()).isFalse();
        assertThat(m.extras()).doesNotContainKey(InboundMessage.GROUP);
    }

    @Test
    void whatTheBotSendsReachesTheTeacherWithMarkupEscapedAndNotConnectedMeansRetryLater() throws Exception {
        XmppAdapter offline = adapter(botConfig(unique("bot"), List.of(), Duration.ofSeconds(30)));
        assertThat(offline.send(new OutboundMessage(1, "xmpp", TEACHER1, "T01", "hi", null))).isInstanceOf(Delivery.RetryLater.class);

        XmppAdapter bot = startBot(unique("bot"), List.of(), Duration.ofSeconds(30));
        XmppPhone teacher = teacher1();
        String text = "已记录：张小明 <b>谈心</b> & \"跟进\" 'x' ]]> " + unique("r");
        assertThat(bot.send(new OutboundMessage(7, "xmpp", TEACHER1, "T01", text, null))).isEqualTo(Delivery.sent());

        Element received = teacher.message(text);
        assertThat(received.getAttribute("type")).isEqualTo("chat");
        assertThat(received.getAttribute("from")).startsWith(BOT + "/");
        assertThat(received.getAttribute("id")).isEqualTo("mentorbot-7");
        assertThat(bot.send(new OutboundMessage(8, "xmpp", "not a jid", null, "x", null))).isInstanceOf(Delivery.Failed.class);
        assertThat(bot.send(new OutboundMessage(9, "xmpp", "group:other@" + ROOMS, null, "x", null))).isInstanceOf(Delivery.Failed.class);
    }

    @Test
    void aMessageSentWhileTheBotWasOfflineArrivesOnceAtTheNextLoginAndNeverAgain() throws Exception {
        String resource = unique("bot");
        XmppAdapter first = startBot(resource, List.of(), Duration.ofSeconds(30));
        first.stop();
        XmppPhone teacher = teacher1();
        teacher.awaitGone(BOT + "/" + resource, Duration.ofSeconds(15));

        String text = "离线时写的记录 " + unique("o");
        teacher.say(BOT, text);
        Thread.sleep(300); // stored offline by the server, nobody there to take it

        XmppAdapter second = startBot(resource, List.of(), Duration.ofSeconds(30));
        InboundMessage m = sink.awaitText(text);
        assertThat(m.senderId()).isEqualTo(TEACHER1);
        assertThat(m.messageId()).doesNotContain("#");

        // a reconnect of the same adapter, then a fresh adapter: the server does not hand it over again
        second.dropConnection();
        eventually("reconnected", () -> second.logins() == 2 && second.isOnline());
        second.stop();
        startBot(resource, List.of(), Duration.ofSeconds(30));
        String marker = "之后的消息 " + unique("after");
        teacher.say(BOT, marker);
        sink.awaitText(marker);
        assertThat(sink.withText(text)).hasSize(1);
    }

    @Test
    void pingsAddressedToTheBotAreAnsweredAndTheServerAnswersTheBotsOwn() throws Exception {
        String resource = unique("bot");
        XmppAdapter bot = startBot(resource, List.of(), Duration.ofMillis(300));
        XmppPhone teacher = teacher1();
        teacher.send("<iq xmlns='jabber:client' type='get' id='p1' to='" + BOT + "/" + resource + "'><ping xmlns='urn:xmpp:ping'/></iq>");
        assertThat(teacher.next(e -> "p1".equals(e.getAttribute("id"))).getAttribute("type")).isEqualTo("result");

        eventually("the server answered two of the bot's pings", () -> bot.pongs() >= 2);
        assertThat(bot.logins()).isEqualTo(1);
    }

    @Test
    void anUnansweredPingMakesTheBotReconnect() throws Exception {
        XmppAdapter bot = startBot(unique("bot"), List.of(), Duration.ofMillis(300));
        XmppPhone silent = teacher1(); // the test client never answers pings
        bot.pingTarget(silent.jid());
        eventually("reconnected after an unanswered ping", () -> bot.logins() >= 2 && bot.isOnline());
        bot.pingTarget(null);
        String text = "重连之后 " + unique("p");
        silent.say(BOT, text);
        sink.awaitText(text);
    }

    @Test
    void theBotJoinsItsClassRoomHearsTheTeacherAndIgnoresItsOwnEchoAndHistory() throws Exception {
        String room = unique("class-7a") + "@" + ROOMS;
        String resource = unique("bot");
        XmppAdapter bot = startBot(resource, List.of(room), Duration.ofSeconds(30));
        XmppPhone teacher = teacher1();
        teacher.send("<presence xmlns='jabber:client' to='" + room + "/刘老师'><x xmlns='http://jabber.org/protocol/muc'/></presence>");
        teacher.next(e -> e.getLocalName().equals("presence") && (room + "/刘老师").equals(e.getAttribute("from")));

        String text = "班会上和张小明聊了 " + unique("g");
        teacher.send("<message xmlns='jabber:client' type='groupchat' to='" + room + "' id='g1'><body>" + text + "</body></message>");
        InboundMessage m = sink.awaitText(text);
        assertThat(m.chatId()).isEqualTo("group:" + room);
        assertThat(m.senderId()).as("the bot created the room, so it moderates it and sees real JIDs").isEqualTo(TEACHER1);
        assertThat(m.extras()).containsEntry(InboundMessage.GROUP, "true");
        assertThat(m.messageId()).startsWith(room + "/");

        String reply = "已记录 " + unique("gr");
        assertThat(bot.send(new OutboundMessage(11, "xmpp", "group:" + room, null, reply, null))).isEqualTo(Delivery.sent());
        Element inRoom = teacher.message(reply);
        assertThat(inRoom.getAttribute("type")).isEqualTo("groupchat");
        assertThat(inRoom.getAttribute("from")).isEqualTo(room + "/" + resource);

        // history: what was said while the bot was away is not replayed to it as new
        bot.stop();
        String whileAway = "机器人不在时说的 " + unique("h");
        teacher.send("<message xmlns='jabber:client' type='groupchat' to='" + room + "'><body>" + whileAway + "</body></message>");
        teacher.message(whileAway);
        startBot(resource, List.of(room), Duration.ofSeconds(30));
        String afterwards = "回来之后 " + unique("b");
        teacher.send("<message xmlns='jabber:client' type='groupchat' to='" + room + "'><body>" + afterwards + "</body></message>");
        sink.awaitText(afterwards);
        assertThat(sink.withText(whileAway)).isEmpty();
        assertThat(sink.withText(reply)).as("the room's echo of the bot's own message").isEmpty();
    }

    @Test
    void oddAndHostileStanzasFromAPeerCostNothingButThemselves() throws Exception {
        String resource = unique("bot");
        XmppAdapter bot = startBot(resource, List.of(), Duration.ofSeconds(30));
        XmppPhone teacher = teacher1();
        String full = BOT + "/" + resource;

        // markup-looking text arrives as text
        String tricky = "<!DOCTYPE x [<!ENTITY a \"b\">]>&a; <script>alert(1)</script> 😀 " + unique("t");
        teacher.say(BOT, tricky);
        assertThat(sink.awaitText(tricky).senderId()).isEqualTo(TEACHER1);
        // a forged stanza-id in our name: the server strips it or we do not trust it
        String forged = "伪造的编号 " + unique("f");
        teacher.send("<message xmlns='jabber:client' type='chat' to='" + BOT + "' id='x1'><body>" + forged + "</body>"
                + "<stanza-id xmlns='urn:xmpp:sid:0' by='" + BOT + "' id='forged-id'/></message>");
        assertThat(sink.awaitText(forged).messageId()).isNotEqualTo("forged-id");
        // groupchat from someone who is not a room, deep nesting, no body, an unknown iq
        teacher.send("<message xmlns='jabber:client' type='groupchat' to='" + full + "'><body>fake room</body></message>");
        teacher.send("<message xmlns='jabber:client' to='" + full + "'>" + "<x xmlns='urn:test'>".repeat(500) + "</x>".repeat(500) + "</message>");
        teacher.send("<message xmlns='jabber:client' type='chat' to='" + full + "'><body></body><body>two bodies</body></message>");
        teacher.send("<iq xmlns='jabber:client' type='set' id='weird' to='" + full + "'><query xmlns='urn:test:unknown'/></iq>");
        Element refused = teacher.next(e -> "weird".equals(e.getAttribute("id")));
        assertThat(refused.getAttribute("type")).isEqualTo("error");
        assertThat(refused.getElementsByTagNameNS("urn:ietf:params:xml:ns:xmpp-stanzas", "service-unavailable").getLength()).isEqualTo(1);

        String after = "之后一切正常 " + unique("n");
        teacher.say(BOT, after);
        sink.awaitText(after);
        assertThat(sink.withText("fake room")).isEmpty();
        assertThat(sink.withText("two bodies")).isEmpty();
        assertThat(bot.logins()).as("the session never dropped").isEqualTo(1);
    }
}
