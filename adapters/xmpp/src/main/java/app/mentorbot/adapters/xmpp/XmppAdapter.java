package app.mentorbot.adapters.xmpp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.tomcat.websocket.WsWebSocketContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

import app.mentorbot.adapters.api.Adapter;
import app.mentorbot.adapters.api.AdapterContext;
import app.mentorbot.adapters.api.Delivery;
import app.mentorbot.adapters.api.InboundMessage;
import app.mentorbot.adapters.api.OutboundMessage;
import app.mentorbot.adapters.api.RateLimit;
import app.mentorbot.adapters.api.connection.Backoff;
import app.mentorbot.adapters.api.connection.ReconnectLoop;
import app.mentorbot.adapters.api.connection.ReconnectLoop.Ending;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;

/**
 * XMPP over WebSocket (RFC 7395) for schools that run their own chat server (Prosody, ejabberd, Openfire).
 *
 * <p>A {@link ReconnectLoop} owns the connection: each turn connects with subprotocol "xmpp", logs in
 * ({@link XmppLogin}), sends presence and joins the configured rooms, then handles frames one at a time:
 * messages go to the sink, the server's pings are answered, our own ping goes out every ping-interval and a
 * ping still unanswered at the next one ends the connection. Any end (closed socket, stream error, dead ping)
 * leads to a reconnect after the jittered exponential backoff; a refused login waits its longest step. The
 * outbox thread sends directly on the live socket; with no live socket it is told to retry later.
 *
 * <p>XMPP has no per-message ack without XEP-0198: the server's offline store hands over what arrived
 * while we were away at the next login and forgets it; redeliveries (and the same message reaching two
 * bot instances) carry the same server stanza-id, on which the pipeline dedupes.
 */
public final class XmppAdapter implements Adapter {
    public static final String PLATFORM = "xmpp";

    private static final Logger log = LoggerFactory.getLogger(XmppAdapter.class);
    private static final Duration RETRY_SEND = Duration.ofSeconds(5);
    /** Servers cap stanza size (Prosody: 256 KiB for clients); a longer reply would cost us the stream. */
    private static final int MAX_BODY_BYTES = 200_000;
    private static final Duration STOP_DRAIN = Duration.ofSeconds(3);

    private final XmppConfig config;
    private final Backoff backoff;
    private final Rooms rooms;
    private final Inbound inbound;
    private final AtomicLong ids = new AtomicLong();
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicInteger pongs = new AtomicInteger();

    private volatile AdapterContext context;
    private volatile ReconnectLoop loop;
    /** Set while stop() drains the session: the loop ends at the server's close, without reconnecting. */
    private volatile boolean stopping;
    private volatile WebSocketContainer container;
    private volatile Link current;
    private volatile Link online;
    private volatile String boundJid;
    private volatile String pendingPing;
    private volatile String pingTarget;
    private volatile String lastProblem;

    public XmppAdapter(XmppConfig config, Clock clock) {
        this(config, clock, Backoff.exponential(Duration.ofSeconds(1), Duration.ofMinutes(2)));
    }

    public XmppAdapter(XmppConfig config, Clock clock, Backoff backoff) {
        this.config = config;
        this.backoff = backoff;
        this.rooms = new Rooms(config.rooms());
        this.inbound = new Inbound(PLATFORM, config.bareJid(), rooms, clock);
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public Optional<RateLimit> rateLimit() {
        // servers throttle clients by bytes (Prosody's mod_limits: 10 kB/s by default); stay well below
        return Optional.of(new RateLimit(5, Duration.ofSeconds(1)));
    }

    @Override
    public synchronized void start(AdapterContext context) {
        if (loop != null && loop.running()) throw new IllegalStateException("XMPP adapter already started");
        this.context = context;
        this.container = ContainerProvider.getWebSocketContainer();
        stopping = false;
        loop = new ReconnectLoop("xmpp-" + config.bareJid(), backoff, this::connectAndRead);
        loop.start();
        log.info("XMPP adapter starting: {}", config);
    }

    @Override
    public synchronized void stop() {
        ReconnectLoop l = loop;
        Link link = current;
        if (link != null && online == link && l != null) {
            // Going offline first makes the server store new messages for our next login; then we keep
            // reading until it closes the stream (RFC 7395), so nothing it already handed us is dropped.
            stopping = true;
            try {
                link.send("<presence xmlns='jabber:client' type='unavailable'/>");
                link.send("<close xmlns='" + Xml.FRAMING + "'/>");
                l.join(STOP_DRAIN);
            } catch (IOException e) {
                // the link is gone already
            }
        }
        if (link != null && !stopping) {
            try {
                link.send("<close xmlns='" + Xml.FRAMING + "'/>");
            } catch (IOException e) {
                // closing anyway
            }
        }
        if (l != null) l.stop();
        if (link != null) link.close();
        if (container instanceof WsWebSocketContainer ws) ws.destroy();
        container = null;
        log.info("XMPP adapter stopped");
    }

    @Override
    public Delivery send(OutboundMessage message) {
        Link link = online;
        if (link == null) return new Delivery.RetryLater(RETRY_SEND, "not connected to the XMPP server");
        String to;
        String type;
        if (message.chatId().startsWith(Inbound.GROUP_PREFIX)) {
            to = Jid.bare(message.chatId().substring(Inbound.GROUP_PREFIX.length()));
            type = "groupchat";
            if (!rooms.isConfigured(to)) return new Delivery.Failed("not one of the configured rooms: " + to);
            if (!rooms.isJoined(to)) return new Delivery.RetryLater(RETRY_SEND, "room " + to + " not joined (yet)");
        } else {
            to = message.chatId();
            type = "chat";
            if (!Jid.isBare(to)) return new Delivery.Failed("not an XMPP address: " + to);
        }
        if (message.text().getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            return new Delivery.Failed("message longer than " + MAX_BODY_BYTES + " bytes");
        }
        String id = "mentorbot-" + message.key();
        try {
            link.send("<message xmlns='jabber:client' type='" + type + "' to='" + Xml.escape(to) + "' id='" + id + "'><body>"
                    + Xml.escape(message.text()) + "</body></message>");
            log.info("XMPP: sent {} to {}", id, to);
            return Delivery.sent();
        } catch (IOException e) {
            return new Delivery.RetryLater(RETRY_SEND, e.getMessage());
        }
    }

    // ---- the loop's thread

    /** One turn of the loop: a session from connect to end, and how it ended. */
    private Ending connectAndRead() throws InterruptedException {
        int before = logins.get();
        try {
            session();
        } catch (XmppLogin.AuthFailed e) {
            lastProblem = "login refused: " + e.getMessage();
            log.error("XMPP: login as {} refused: {} (check username/password)", config.bareJid(), e.getMessage());
            return Ending.REFUSED; // a refused login will not fix itself soon: straight to the longest wait
        } catch (IOException | RuntimeException e) {
            lastProblem = e.getMessage() == null ? e.toString() : e.getMessage();
            if (loop.running()) log.warn("XMPP: connection to {} ended: {}", config.websocketUrl(), lastProblem);
        }
        if (stopping) return Ending.STOP;
        return logins.get() > before ? Ending.WORKED : Ending.FAILED;
    }

    private void session() throws IOException, InterruptedException, XmppLogin.AuthFailed {
        Link link = Link.open(container, config.websocketUrl(), XmppLogin.STEP_TIMEOUT);
        current = link;
        try {
            if (!loop.running()) return;
            String jid = new XmppLogin(config, link).logIn();
            pendingPing = null;
            rooms.reset();
            link.send("<presence xmlns='jabber:client'/>");
            for (String room : rooms.configured()) {
                link.send("<presence xmlns='jabber:client' to='" + Xml.escape(room + "/" + config.resource()) + "'><x xmlns='"
                        + Xml.MUC + "'><history maxstanzas='0'/></x></presence>");
            }
            boundJid = jid;
            online = link;
            logins.incrementAndGet();
            log.info("XMPP: online as {}", jid);
            readUntilClosed(link);
        } finally {
            online = null;
            current = null;
            rooms.reset();
            link.close();
        }
    }

    private void readUntilClosed(Link link) throws IOException, InterruptedException {
        long interval = config.pingInterval().toMillis();
        long nextPing = System.nanoTime() / 1_000_000 + interval;
        while (loop.running()) {
            long now = System.nanoTime() / 1_000_000;
            if (now >= nextPing) {
                if (pendingPing != null) throw new IOException("ping " + pendingPing + " unanswered for " + interval + " ms");
                String id = nextId("ping");
                pendingPing = id;
                String to = pingTarget == null ? config.domain() : pingTarget;
                link.send("<iq xmlns='jabber:client' type='get' id='" + id + "' to='" + Xml.escape(to) + "'><ping xmlns='" + Xml.PING + "'/></iq>");
                nextPing = now + interval;
                continue;
            }
            Link.Event event = link.poll(nextPing - now);
            if (event instanceof Link.Closed closed) {
                log.info("XMPP: WebSocket {}", closed.reason());
                return;
            }
            if (event instanceof Link.Frame frame && !handleFrame(frame.text(), link)) return;
        }
    }

    /** Handles one frame of an established session; false when the server ended the stream. */
    boolean handleFrame(String raw, FrameWriter out) throws IOException {
        Element e;
        try {
            e = Xml.parse(raw);
        } catch (Xml.Malformed m) {
            log.warn("XMPP: dropped a malformed frame of {} chars: {}", raw == null ? 0 : raw.length(), m.getMessage());
            return true;
        }
        if (Xml.is(e, Xml.FRAMING, "close")) {
            log.info("XMPP: the server closed the stream");
            return false;
        }
        if (Xml.is(e, Xml.STREAMS, "error")) {
            Element condition = Xml.anyChild(e, Xml.STREAM_ERRORS);
            log.warn("XMPP: stream error {}", condition == null ? "(none given)" : condition.getLocalName());
            return false;
        }
        if (!Xml.CLIENT.equals(e.getNamespaceURI())) {
            log.debug("XMPP: ignored <{} xmlns='{}'>", e.getLocalName(), e.getNamespaceURI());
            return true;
        }
        try {
            switch (e.getLocalName()) {
                case "message" -> onMessage(e);
                case "iq" -> onIq(e, out);
                case "presence" -> rooms.onPresence(e, out);
                default -> log.debug("XMPP: ignored <{}>", e.getLocalName());
            }
        } catch (RuntimeException ex) {
            // a stanza we cannot handle costs that stanza, never the session
            log.warn("XMPP: a <{}> stanza (id {}) could not be handled: {}", e.getLocalName(), Xml.attr(e, "id"), ex.toString());
        }
        return true;
    }

    private void onMessage(Element message) {
        if ("error".equals(Xml.attr(message, "type"))) {
            log.warn("XMPP: message {} to {} bounced: {}", Xml.attr(message, "id"), Xml.attr(message, "from"), Xml.condition(message));
            return;
        }
        Optional<InboundMessage> mapped = inbound.map(message);
        if (mapped.isEmpty()) {
            log.debug("XMPP: message {} from {} not for the pipeline", Xml.attr(message, "id"), Xml.attr(message, "from"));
            return;
        }
        InboundMessage m = mapped.get();
        log.info("XMPP: message {} from {} in {}", m.messageId(), m.senderId(), m.chatId());
        log.debug("XMPP: message {} text: {}", m.messageId(), m.text());
        AdapterContext c = context;
        if (c != null) c.sink().accept(m);
    }

    private void onIq(Element iq, FrameWriter out) throws IOException {
        String type = Xml.attr(iq, "type");
        String id = Xml.attr(iq, "id");
        String from = Xml.attr(iq, "from");
        if ("result".equals(type) || "error".equals(type)) {
            if (id != null && id.equals(pendingPing)) {
                pendingPing = null;
                pongs.incrementAndGet();
            } else if ("error".equals(type)) {
                log.warn("XMPP: request {} to {} failed: {}", id, from, Xml.condition(iq));
            }
            return;
        }
        if (id == null || !("get".equals(type) || "set".equals(type))) return;
        String to = from == null ? "" : " to='" + Xml.escape(from) + "'";
        if ("get".equals(type) && Xml.child(iq, Xml.PING, "ping") != null) {
            out.send("<iq xmlns='jabber:client' type='result' id='" + Xml.escape(id) + "'" + to + "/>");
        } else {
            // RFC 6120 §8.2.3: every get/set gets an answer, even when we do not understand it
            out.send("<iq xmlns='jabber:client' type='error' id='" + Xml.escape(id) + "'" + to + "><error type='cancel'>"
                    + "<service-unavailable xmlns='" + Xml.STANZAS + "'/></error></iq>");
        }
    }

    private String nextId(String prefix) {
        return prefix + "-" + ids.incrementAndGet();
    }

    // ---- for tests and the health page

    /** True while logged in with a bound resource. */
    public boolean isOnline() {
        return online != null;
    }

    @Override
    public Optional<Boolean> connectionUp() {
        return Optional.of(isOnline());
    }

    /** Why the last connection ended or failed, or null. */
    public String lastProblem() {
        return lastProblem;
    }

    String boundJid() {
        return boundJid;
    }

    int logins() {
        return logins.get();
    }

    int pongs() {
        return pongs.get();
    }

    Set<String> joinedRooms() {
        return rooms.joined();
    }

    /** Pings go to this JID instead of the server (a test peer that never answers). */
    void pingTarget(String jid) {
        this.pingTarget = jid;
    }

    /** Drops the socket without a goodbye, as a network failure would. */
    void dropConnection() {
        Link link = current;
        if (link != null) link.close();
    }
}
