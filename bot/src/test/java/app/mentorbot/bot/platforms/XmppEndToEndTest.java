package app.mentorbot.bot.platforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

import app.mentorbot.adapters.xmpp.XmppAdapter;
import app.mentorbot.bot.testing.BotTest;
import app.mentorbot.bot.testing.FreshDatabase;

/**
 * The whole bot on a fresh database with the XMPP adapter logged in to a real Prosody (.ci/prosody.sh;
 * MENTORBOT_TEST_PROSODY names it in CI, where an unreachable server fails the test; without the
 * variable the test looks on 127.0.0.1:15280 and is skipped when nothing answers). teacher1 writes from
 * an independent XMPP client, as from a phone.
 */
@BotTest
@DirtiesContext // closes the context afterwards, so the bot's XMPP session ends with this class
@EnabledIf(value = "prosodyExpected", disabledReason = "no Prosody on 127.0.0.1:15280 and MENTORBOT_TEST_PROSODY unset: "
        + "XMPP end-to-end test skipped (start one with .ci/prosody.sh start DIR)")
class XmppEndToEndTest {
    static final String ENV = "MENTORBOT_TEST_PROSODY";
    static final String TEACHER1 = "teacher1@school.localhost";
    static final String RESOURCE = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
    static URI prosody;

    /** In CI the variable is set, so the test runs, and fails in {@link #findProsody} if the server is not there. */
    static boolean prosodyExpected() {
        String configured = System.getenv(ENV);
        return (configured != null && !configured.isBlank()) || answers(URI.create("ws://127.0.0.1:15280/xmpp-websocket"));
    }

    @BeforeAll
    static void findProsody() {
        String configured = System.getenv(ENV);
        prosody = URI.create(configured != null && !configured.isBlank() ? configured.strip() : "ws://127.0.0.1:15280/xmpp-websocket");
        if (!answers(prosody)) fail(ENV + "=" + configured + " is set but nothing answers at " + prosody + ": is Prosody running (.ci/prosody.sh start DIR)?");
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        FreshDatabase.register(registry);
        registry.add("mentorbot.adapters.xmpp.enabled", () -> "true");
        registry.add("mentorbot.adapters.xmpp.websocket-url", () -> prosody.toString());
        registry.add("mentorbot.adapters.xmpp.domain", () -> "school.localhost");
        registry.add("mentorbot.adapters.xmpp.username", () -> "bot");
        registry.add("mentorbot.adapters.xmpp.password", () -> "botpass");
        registry.add("mentorbot.adapters.xmpp.resource", () -> RESOURCE);
        registry.add("mentorbot.adapters.xmpp.ping-interval", () -> "10s");
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    XmppAdapter adapter;

    @Test
    void aTeachersNoteSentOverXmppIsConfirmedThereAndStoredBesideItsRawMessage() throws Exception {
        jdbc.sql("insert into platform_identity (platform, platform_user_id, school_id, person_id) values ('xmpp', ?, 'main', 'T01')")
                .param(TEACHER1).update();
        for (int i = 0; i < 200 && !adapter.isOnline(); i++) Thread.sleep(50);
        assertThat(adapter.isOnline()).as("the bot logged in to Prosody").isTrue();

        try (Phone teacher1 = new Phone(prosody, "teacher1", "t1pass")) {
            teacher1.say("bot@school.localhost", "今天下午和张小明单独谈心，数学下滑，下周三再跟进");

            Element reply = teacher1.next(e -> "message".equals(e.getLocalName()) && "chat".equals(e.getAttribute("type"))
                    && e.getAttribute("from").startsWith("bot@school.localhost/") && Phone.body(e) != null && Phone.body(e).contains("张小明"));
            assertThat(Phone.body(reply)).startsWith("已记录");
        }

        Map<String, Object> row = jdbc.sql("""
                select r.kind, r.author_id, m.platform, m.sender_ref, m.body, m.status,
                       (select string_agg(student_id, ',') from record_student s where s.record_id = r.id) as students
                from record r join inbound_message m on m.id = r.source_message_id
                where m.platform = 'xmpp' and m.body like '%张小明单独谈心%'""").query().singleRow();
        assertThat(row).containsEntry("kind", "TALK").containsEntry("author_id", "T01").containsEntry("students", "S01")
                .containsEntry("platform", "xmpp").containsEntry("sender_ref", TEACHER1).containsEntry("status", "DONE");
        assertThat(row.get("body")).asString().isEqualTo("今天下午和张小明单独谈心，数学下滑，下周三再跟进");
    }

    private static boolean answers(URI uri) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 80), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A teacher's XMPP client on the JDK's WebSocket: PLAIN over loopback, bind, presence, chat. */
    static final class Phone implements AutoCloseable {
        private final BlockingQueue<Element> inbox = new LinkedBlockingQueue<>();
        private final WebSocket socket;

        Phone(URI uri, String user, String password) throws Exception {
            StringBuilder partial = new StringBuilder();
            socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("xmpp").buildAsync(uri, new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    partial.append(data);
                    if (last) {
                        inbox.add(parse(partial.toString()));
                        partial.setLength(0);
                    }
                    ws.request(1);
                    return null;
                }
            }).get(10, TimeUnit.SECONDS);
            String open = "<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' to='school.localhost' version='1.0'/>";
            send(open);
            next(e -> "features".equals(e.getLocalName()));
            send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>"
                    + Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8)) + "</auth>");
            assertThat(next(e -> "success".equals(e.getLocalName()) || "failure".equals(e.getLocalName())).getLocalName()).isEqualTo("success");
            send(open);
            next(e -> "features".equals(e.getLocalName()));
            send("<iq xmlns='jabber:client' type='set' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>phone-"
                    + UUID.randomUUID().toString().substring(0, 6) + "</resource></bind></iq>");
            next(e -> "bind".equals(e.getAttribute("id")));
            send("<presence xmlns='jabber:client'/>");
        }

        synchronized void send(String frame) {
            socket.sendText(frame, true).join();
        }

        void say(String to, String text) {
            send("<message xmlns='jabber:client' type='chat' to='" + to + "' id='" + UUID.randomUUID() + "'><body>" + text + "</body></message>");
        }

        /** The next stanza matching, within 20 s (the first note also warms the bot up). */
        Element next(Predicate<Element> wanted) throws InterruptedException {
            long deadline = System.currentTimeMillis() + 20_000;
            while (true) {
                Element e = inbox.poll(Math.max(deadline - System.currentTimeMillis(), 1), TimeUnit.MILLISECONDS);
                if (e == null) throw new AssertionError("nothing matching from the server within 20 s");
                if (wanted.test(e)) return e;
            }
        }

        static String body(Element message) {
            var bodies = message.getElementsByTagNameNS("jabber:client", "body");
            return bodies.getLength() == 0 ? null : bodies.item(0).getTextContent();
        }

        @Override
        public void close() {
            try {
                send("<close xmlns='urn:ietf:params:xml:ns:xmpp-framing'/>");
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                socket.abort();
            }
        }

        private static Element parse(String frame) {
            try {
                DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setNamespaceAware(true);
                return f.newDocumentBuilder().parse(new InputSource(new StringReader(frame))).getDocumentElement();
            } catch (Exception e) {
                throw new IllegalStateException("unparseable frame from the server: " + frame, e);
            }
        }
    }
}
