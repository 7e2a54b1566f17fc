package app.mentorbot.adapters.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import app.mentorbot.adapters.api.InboundMessage;

/** Stanza to neutral message, on hand-written stanzas shaped like Prosody's (see XmppAdapterProsodyTest for the real ones). */
class InboundTest {
    static final String ROOM = "class-7a@classes.school.localhost";
    final Clock clock = Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);
    final Rooms rooms = new Rooms(List.of(ROOM));
    final Inbound inbound = new Inbound("xmpp", "bot@school.localhost", rooms, clock);

    Optional<InboundMessage> map(String stanza) throws Exception {
        return inbound.map(Xml.parse(stanza));
    }

    @Test
    void aChatMessageIsKeyedByTheStanzaIdOurServerStampedAndTimedByItsDelay() throws Exception {
        InboundMessage m = map("""
                <message xmlns='jabber:client' from='Teacher1@school.localhost/phone' to='bot@school.localhost' type='chat' id='m1'>
                  <body>谈话记录</body>
                  <stanza-id xmlns='urn:xmpp:sid:0' by='someone-else@school.localhost' id='not-ours'/>
                  <stanza-id xmlns='urn:xmpp:sid:0' by='bot@school.localhost' id='S1'/>
                  <delay xmlns='urn:xmpp:delay' from='school.localhost' stamp='2026-03-01T12:30:00.123+00:00'/>
                </message>""").orElseThrow();
        assertThat(m.messageId()).isEqualTo("S1");
        assertThat(m.senderId()).isEqualTo("teacher1@school.localhost");
        assertThat(m.chatId()).isEqualTo("teacher1@school.localhost");
        assertThat(m.sentAt()).isEqualTo(Instant.parse("2026-03-01T12:30:00.123Z"));
        assertThat(m.text()).isEqualTo("谈话记录");
    }

    @Test
    void withoutAStanzaIdTheSendersIdAndAddressAreTheKeyAndTheClockTheTime() throws Exception {
        InboundMessage m = map("<message xmlns='jabber:client' from='parent1@school.localhost/web' id='abc'><body>hi</body></message>").orElseThrow();
        assertThat(m.messageId()).isEqualTo("parent1@school.localhost#abc");
        assertThat(m.sentAt()).isEqualTo(clock.instant());
        InboundMessage delayed = map("<message xmlns='jabber:client' from='parent1@school.localhost/web'><body>hi</body>"
                + "<delay xmlns='urn:xmpp:delay' stamp='2026-03-01T12:30:00Z'/></message>").orElseThrow();
        assertThat(delayed.messageId()).isEqualTo(map("<message xmlns='jabber:client' from='parent1@school.localhost/other'><body>hi</body>"
                + "<delay xmlns='urn:xmpp:delay' stamp='2026-03-01T12:30:00Z'/></message>").orElseThrow().messageId());
    }

    @Test
    void errorsHeadlinesNotificationsOurOwnAccountAndTheServerAreNotForThePipeline() throws Exception {
        assertThat(map("<message xmlns='jabber:client' from='t@school.localhost/x' type='error'><body>b</body></message>")).isEmpty();
        assertThat(map("<message xmlns='jabber:client' from='t@school.localhost/x' type='headline'><body>b</body></message>")).isEmpty();
        assertThat(map("<message xmlns='jabber:client' from='t@school.localhost/x' type='chat'><composing xmlns='http://jabber.org/protocol/chatstates'/></message>")).isEmpty();
        assertThat(map("<message xmlns='jabber:client' from='t@school.localhost/x' type='chat'><body>   </body></message>")).isEmpty();
        assertThat(map("<message xmlns='jabber:client' from='bot@school.localhost/other' type='chat'><body>b</body></message>")).isEmpty();
        assertThat(map("<message xmlns='jabber:client' from='school.localhost' type='normal'><body>motd</body></message>")).isEmpty();
        assertThat(map("<message xmlns='jabber:client' type='chat'><body>no sender</body></message>")).isEmpty();
        assertThat(map("<message xmlns='jabber:client' from='t@school.localhost/x' type='chat'><body xmlns='urn:other'>b</body></message>")).isEmpty();
    }

    @Test
    void roomMessagesNeedAJoinedRoomAndSkipOurEchoAndHistory() throws Exception {
        String said = "<message xmlns='jabber:client' from='" + ROOM + "/刘老师' type='groupchat' id='g1'><body>班会</body>"
                + "<stanza-id xmlns='urn:xmpp:sid:0' by='" + ROOM + "' id='R1'/></message>";
        assertThat(map(said)).as("not joined yet").isEmpty();

        rooms.joined(ROOM, "mentor-bot");
        InboundMessage anonymous = map(said).orElseThrow();
        assertThat(anonymous.chatId()).isEqualTo("group:" + ROOM);
        assertThat(anonymous.senderId()).as("no real JID: the full occupant JID, never a bare nick").isEqualTo(ROOM + "/刘老师");
        assertThat(anonymous.messageId()).isEqualTo(ROOM + "/R1");
        assertThat(anonymous.extras()).containsEntry(InboundMessage.GROUP, "true");

        rooms.occupant(ROOM, "刘老师", "Teacher1@school.localhost/phone");
        assertThat(map(said).orElseThrow().senderId()).isEqualTo("teacher1@school.localhost");

        assertThat(map("<message xmlns='jabber:client' from='" + ROOM + "/mentor-bot' type='groupchat'><body>our echo</body></message>")).isEmpty();
        rooms.occupant(ROOM, "mentor-bot-2", "bot@school.localhost/instance-2");
        assertThat(map("<message xmlns='jabber:client' from='" + ROOM + "/mentor-bot-2' type='groupchat'><body>a second bot instance</body></message>")).isEmpty();
        assertThat(map("<message xmlns='jabber:client' from='" + ROOM + "/刘老师' type='groupchat'><body>old</body>"
                + "<delay xmlns='urn:xmpp:delay' from='" + ROOM + "' stamp='2026-03-01T12:30:00Z'/></message>")).isEmpty();
        assertThat(map("<message xmlns='jabber:client' from='" + ROOM + "' type='groupchat'><body>room notice</body></message>")).isEmpty();
        assertThat(map("<message xmlns='jabber:client' from='" + ROOM + "/刘老师' type='chat'><body>private in room</body></message>")).isEmpty();
        assertThat(map("<message xmlns='jabber:client' from='teacher1@school.localhost/x' type='groupchat'><body>fake</body></message>")).isEmpty();
    }
}
