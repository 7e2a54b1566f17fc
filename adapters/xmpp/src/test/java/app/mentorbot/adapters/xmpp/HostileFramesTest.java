package app.mentorbot.adapters.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.mentorbot.adapters.api.testing.RecordingSink;

/**
 * Frames a server (or a man in the middle) could send that no honest server forwards: the parser refuses
 * them and the session handler shrugs them off. The real-server version is in XmppAdapterProsodyTest.
 */
class HostileFramesTest {
    final RecordingSink sink = new RecordingSink();
    final List<String> sent = new ArrayList<>();
    final XmppAdapter adapter = new XmppAdapter(new XmppConfig(URI.create("ws://127.0.0.1:1/xmpp-websocket"), "school.localhost",
            "bot", "pw", "mentor-bot", List.of(), Duration.ofSeconds(30)), Clock.systemUTC(), f -> Duration.ofHours(1)); // one failed connect, then quiet

    @Test
    void doctypesEntitiesAndExternalFilesAreRefusedUnread(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        assertThatThrownBy(() -> Xml.parse("<!DOCTYPE m [<!ENTITY x SYSTEM '" + secret.toUri() + "'>]>"
                + "<message xmlns='jabber:client'><body>&x;</body></message>")).isInstanceOf(Xml.Malformed.class);
        String laughs = "<!DOCTYPE m [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>"
                + "<!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;'>]><message xmlns='jabber:client'><body>&c;</body></message>";
        assertThatThrownBy(() -> Xml.parse(laughs)).isInstanceOf(Xml.Malformed.class);
        assertThatThrownBy(() -> Xml.parse("<message xmlns='jabber:client'><body>&undefined;</body></message>")).isInstanceOf(Xml.Malformed.class);
    }

    @Test
    void malformedAndUnexpectedFramesAreDroppedAndTheSessionGoesOn() throws Exception {
        adapter.start(sink);
        try {
            List<String> frames = List.of(
                    "", "not xml at all", "<message xmlns='jabber:client'><body>unclosed", "<a/><b/>",
                    "<!DOCTYPE m [<!ENTITY a 'x'>]><message xmlns='jabber:client' from='t@s/x'><body>&a;</body></message>",
                    "x".repeat(Xml.MAX_FRAME + 1),
                    "<message from='t@s/x'><body>no namespace</body></message>",
                    "<message xmlns='jabber:client' from='t@s/x' type='chat'><body><b>nested</b></body></message>",
                    "<iq xmlns='jabber:client' type='result' id='unknown'/>",
                    "<iq xmlns='jabber:client' type='get'/>",
                    "<presence xmlns='jabber:client' from='class@rooms/x' type='error'/>",
                    "<unknown xmlns='jabber:client'/>");
            for (String frame : frames) assertThat(adapter.handleFrame(frame, sent::add)).as(frame.length() > 80 ? "long frame" : frame).isTrue();
            assertThat(sink.all()).isEmpty();
            assertThat(sent).isEmpty();

            assertThat(adapter.handleFrame("<message xmlns='jabber:client' from='t@s/x' type='chat' id='ok'><body>fine &amp; well</body></message>",
                    sent::add)).isTrue();
            assertThat(sink.all()).singleElement().satisfies(m -> assertThat(m.text()).isEqualTo("fine & well"));
            assertThat(adapter.handleFrame("<iq xmlns='jabber:client' type='get' id='p&apos;1' from='school.localhost'><ping xmlns='urn:xmpp:ping'/></iq>",
                    sent::add)).isTrue();
            assertThat(sent).containsExactly("<iq xmlns='jabber:client' type='result' id='p&apos;1' to='school.localhost'/>");
            assertThat(adapter.handleFrame("<stream:error xmlns:stream='http://etherx.jabber.org/streams'><conflict xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>",
                    sent::add)).as("a stream error ends the session").isFalse();
        } finally {
            adapter.stop();
        }
    }

    @Test
    void escapingKeepsMarkupOutAndDropsCharactersXmlCannotCarry() {
        assertThat(Xml.escape("<b>&'\"</b>")).isEqualTo("&lt;b&gt;&amp;&apos;&quot;&lt;/b&gt;");
        assertThat(Xml.escape("a\u0000b\u0007c\td\n😀\uD800e")).isEqualTo("abc\td\n😀e");
    }

    @Test
    void settingsAreCheckedEarlyWithAClearMessage() {
        assertThatThrownBy(() -> new XmppConfig(URI.create("http://x/"), "d", "u", "p", null, null, null)).hasMessageContaining("ws://");
        assertThatThrownBy(() -> new XmppConfig(URI.create("ws://x/"), "d", "u", "", null, null, null))
                .hasMessageContaining("MENTORBOT_ADAPTERS_XMPP_PASSWORD");
        assertThatThrownBy(() -> new XmppConfig(URI.create("ws://x/"), "d", "u", "p", null, List.of("room/nick"), null))
                .hasMessageContaining("bare JIDs");
        XmppConfig defaults = new XmppConfig(URI.create("ws://x/"), "d", "u", "s3cr3t-pw", null, null, null);
        assertThat(defaults.resource()).isEqualTo("mentor-bot");
        assertThat(defaults.pingInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.toString()).doesNotContain("s3cr3t-pw");
    }
}
