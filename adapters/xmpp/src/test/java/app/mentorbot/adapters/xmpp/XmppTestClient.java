package app.mentorbot.adapters.xmpp;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * A second, independent XMPP client (a teacher's phone, say) on the JDK's own WebSocket: PLAIN login
 * over loopback, bind, presence; then raw stanzas out and parsed stanzas in. Never answers pings.
 */
final class XmppTestClient implements AutoCloseable {
    private final BlockingQueue<Element> inbox = new LinkedBlockingQueue<>();
    private final List<Element> skipped = new ArrayList<>();
    private final WebSocket socket;
    private final String jid;

    private XmppTestClient(URI uri, String user, String password, String resource) throws Exception {
        StringBuilder partial = new StringBuilder();
        socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("xmpp")
                .buildAsync(uri, new WebSocket.Listener() {
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
        String domain = TestProsody.DOMAIN;
        send("<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' to='" + domain + "' version='1.0'/>");
        next(e -> e.getLocalName().equals("features"));
        send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>"
                + Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8)) + "</auth>");
        Element answer = next(e -> e.getLocalName().equals("success") || e.getLocalName().equals("failure"));
        if (!answer.getLocalName().equals("success")) throw new IllegalStateException("login of " + user + " refused");
        send("<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' to='" + domain + "' version='1.0'/>");
        next(e -> e.getLocalName().equals("features"));
        send("<iq xmlns='jabber:client' type='set' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>"
                + resource + "</resource></bind></iq>");
        Element bound = next(e -> "bind".equals(e.getAttribute("id")));
        jid = bound.getElementsByTagNameNS("urn:ietf:params:xml:ns:xmpp-bind", "jid").item(0).getTextContent();
        send("<presence xmlns='jabber:client'/>");
    }

    static XmppTestClient login(String user, String password) throws Exception {
        return new XmppTestClient(TestProsody.url(), user, password, "phone-" + UUID.randomUUID().toString().substring(0, 6));
    }

    String jid() {
        return jid;
    }

    synchronized void send(String frame) {
        socket.sendText(frame, true).join();
    }

    /** A 1:1 chat message; returns its id. */
    String chat(String to, String body) {
        String id = "t-" + UUID.randomUUID();
        send("<message xmlns='jabber:client' type='chat' to='" + to + "' id='" + id + "'><body>" + Xml.escape(body) + "</body></message>");
        return id;
    }

    /** The next stanza matching, waiting up to 10 s; others are set aside. */
    Element next(Predicate<Element> wanted) throws InterruptedException {
        return next(wanted, Duration.ofSeconds(10));
    }

    Element next(Predicate<Element> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (true) {
            long left = deadline - System.currentTimeMillis();
            Element e = left > 0 ? inbox.poll(left, TimeUnit.MILLISECONDS) : null;
            if (e == null) throw new AssertionError("no matching stanza within " + timeout + "; set aside: " + names(skipped));
            if (wanted.test(e)) return e;
            skipped.add(e);
        }
    }

    /** A message whose body is exactly {@code body}. */
    Element message(String body) throws InterruptedException {
        return next(e -> e.getLocalName().equals("message") && body.equals(body(e)));
    }

    /** Waits until nobody answers at this full JID any more (the server has dropped that session). */
    void awaitGone(String fullJid) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            String id = "probe-" + i;
            send("<iq xmlns='jabber:client' type='get' id='" + id + "' to='" + fullJid + "'><ping xmlns='urn:xmpp:ping'/></iq>");
            Element answer = next(e -> id.equals(e.getAttribute("id")));
            if ("error".equals(answer.getAttribute("type"))) return;
            Thread.sleep(50);
        }
        throw new AssertionError(fullJid + " still answers");
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
            throw new IllegalStateException("the server sent unparseable XML: " + frame, e);
        }
    }

    private static List<String> names(List<Element> elements) {
        return elements.stream().map(e -> e.getLocalName() + "(" + e.getAttribute("type") + "," + e.getAttribute("from") + ")").toList();
    }
}
