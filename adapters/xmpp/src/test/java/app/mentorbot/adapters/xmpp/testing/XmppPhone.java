package app.mentorbot.adapters.xmpp.testing;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * A person's XMPP client, as on a phone, on the JDK's WebSocket (RFC 7395): PLAIN over loopback, bind, presence,
 * then raw stanzas out and parsed stanzas in. Independent of the adapter's code, so a test sees what a real client
 * sees; it never answers pings. Shared with the bot's tests through the xmpp module's test-jar.
 *
 * <p>Stanzas a test did not ask for yet are kept, not dropped, so waiting for one never loses another that arrived
 * first. Messages the server kept while the account was offline (they carry a {@code <delay/>}: leftovers of
 * earlier runs against the same server) are never counted as live chat.
 */
public final class XmppPhone implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(30);

    private final BlockingQueue<Element> arriving = new LinkedBlockingQueue<>();
    private final List<Element> unread = new ArrayList<>();
    private final WebSocket socket;
    private final String jid;

    private XmppPhone(URI uri, String domain, String user, String password) throws Exception {
        StringBuilder partial = new StringBuilder();
        socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("xmpp").buildAsync(uri, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    arriving.add(parse(partial.toString()));
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        String open = "<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' to='" + domain + "' version='1.0'/>";
        send(open);
        next(e -> "features".equals(e.getLocalName()));
        send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>"
                + Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8)) + "</auth>");
        Element sasl = next(e -> "success".equals(e.getLocalName()) || "failure".equals(e.getLocalName()));
        if (!"success".equals(sasl.getLocalName())) throw new AssertionError(user + "@" + domain + " could not log in");
        send(open);
        next(e -> "features".equals(e.getLocalName()));
        send("<iq xmlns='jabber:client' type='set' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>phone-"
                + UUID.randomUUID().toString().substring(0, 6) + "</resource></bind></iq>");
        Element bound = next(e -> "bind".equals(e.getAttribute("id")));
        jid = bound.getElementsByTagNameNS("urn:ietf:params:xml:ns:xmpp-bind", "jid").item(0).getTextContent();
        send("<presence xmlns='jabber:client'/>");
    }

    /** Logs in as user@domain with a fresh resource and sends presence. */
    public static XmppPhone login(URI uri, String domain, String user, String password) throws Exception {
        return new XmppPhone(uri, domain, user, password);
    }

    /** Logs in to the {@link TestProsody}. */
    public static XmppPhone login(String user, String password) throws Exception {
        return login(TestProsody.uri(), TestProsody.DOMAIN, user, password);
    }

    /** The full JID the server bound for this phone. */
    public String jid() {
        return jid;
    }

    public void send(String frame) {
        synchronized (socket) {
            socket.sendText(frame, true).join();
        }
    }

    /** A chat message to a bare JID; returns its id. */
    public String say(String to, String text) {
        String id = "t-" + UUID.randomUUID();
        send("<message xmlns='jabber:client' type='chat' to='" + to + "' id='" + id + "'><body>" + escape(text) + "</body></message>");
        return id;
    }

    /** The body of the next live chat message from {@code bareJid} whose body matches, within {@link #WAIT}. */
    public String chatFrom(String bareJid, Predicate<String> body) throws InterruptedException {
        return body(next(liveChat(bareJid, body), WAIT));
    }

    /** Every live chat message from {@code bareJid} whose body matches that arrives (or is unread) within {@code d}. */
    public List<String> chatsFrom(String bareJid, Predicate<String> body, Duration d) throws InterruptedException {
        Predicate<Element> wanted = liveChat(bareJid, body);
        List<String> found = new ArrayList<>();
        long deadline = System.nanoTime() + d.toNanos();
        while (true) {
            Element e = poll(wanted, Math.max((deadline - System.nanoTime()) / 1_000_000, 0));
            if (e == null) return found;
            found.add(body(e));
        }
    }

    /** The next message stanza (chat or groupchat, live or not) whose body is exactly {@code body}, within {@link #WAIT}. */
    public Element message(String body) throws InterruptedException {
        return next(e -> "message".equals(e.getLocalName()) && body.equals(body(e)));
    }

    /**
     * Pings a full JID (a bound session) and waits up to {@code d}: "result" when the session answers, "error"
     * when the server answers for it that there is no such session, null when nothing came back (a session
     * the server still lists while its connection goes away swallows the ping).
     */
    public String ping(String fullJid, Duration d) throws InterruptedException {
        String id = "ping-" + UUID.randomUUID();
        send("<iq xmlns='jabber:client' type='get' to='" + fullJid + "' id='" + id + "'><ping xmlns='urn:xmpp:ping'/></iq>");
        Element answer = poll(e -> "iq".equals(e.getLocalName()) && id.equals(e.getAttribute("id")), d.toMillis());
        return answer == null ? null : answer.getAttribute("type");
    }

    /** Waits up to {@code d} until the server says there is no session at {@code fullJid} any more. */
    public void awaitGone(String fullJid, Duration d) throws InterruptedException {
        long deadline = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < deadline) {
            if ("error".equals(ping(fullJid, Duration.ofSeconds(1)))) return;
            Thread.sleep(100);
        }
        throw new AssertionError("the server still routes to " + fullJid + " after " + d.toSeconds() + " s");
    }

    /** The next stanza matching, within {@link #WAIT}. */
    public Element next(Predicate<Element> wanted) throws InterruptedException {
        return next(wanted, WAIT);
    }

    /** The next stanza matching, within {@code d}; an AssertionError naming what did arrive otherwise. */
    public Element next(Predicate<Element> wanted, Duration d) throws InterruptedException {
        Element e = poll(wanted, d.toMillis());
        if (e == null) throw new AssertionError("nothing matching from the server within " + d.toSeconds() + " s; unread: " + describeUnread());
        return e;
    }

    private synchronized Element poll(Predicate<Element> wanted, long millis) throws InterruptedException {
        for (Iterator<Element> it = unread.iterator(); it.hasNext(); ) {
            Element e = it.next();
            if (wanted.test(e)) {
                it.remove();
                return e;
            }
        }
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (true) {
            Element e = arriving.poll(Math.max((deadline - System.nanoTime()) / 1_000_000, 0), TimeUnit.MILLISECONDS);
            if (e == null) return null;
            if (wanted.test(e)) return e;
            unread.add(e);
        }
    }

    private Predicate<Element> liveChat(String bareJid, Predicate<String> body) {
        return e -> "message".equals(e.getLocalName()) && "chat".equals(e.getAttribute("type"))
                && (e.getAttribute("from").equals(bareJid) || e.getAttribute("from").startsWith(bareJid + "/"))
                && child(e, "urn:xmpp:delay", "delay") == null
                && body(e) != null && body.test(body(e));
    }

    /** The message's own body (not one inside a forwarded copy), or null. */
    public static String body(Element message) {
        Element b = child(message, "jabber:client", "body");
        return b == null ? null : b.getTextContent();
    }

    private static Element child(Element parent, String ns, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) return e;
        }
        return null;
    }

    private synchronized String describeUnread() {
        List<String> s = new ArrayList<>();
        for (Element e : unread) {
            String b = "message".equals(e.getLocalName()) ? body(e) : null;
            s.add("<" + e.getLocalName() + " type=" + e.getAttribute("type") + " from=" + e.getAttribute("from")
                    + (b == null ? "" : " body=" + b) + ">");
        }
        return s.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
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

    @Override
    public String toString() {
        return "XmppPhone[" + jid + "]";
    }
}
