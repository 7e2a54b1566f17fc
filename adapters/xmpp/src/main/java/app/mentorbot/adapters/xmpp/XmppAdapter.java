package app.mentorbot.adapters.xmpp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

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
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;

/**
 * XMPP over WebSocket (RFC 7395) for schools that run their own chat server (Prosody, ejabberd, Openfire).
 *
 * <p>One daemon thread owns the connection: it connects with subprotocol "xmpp", opens the stream,
 * authenticates (SCRAM-SHA-256 or SCRAM-SHA-1; PLAIN only over wss:// or to a loopback server), opens
 * again, binds the resource, sends presence and joins the configured rooms, then handles frames one at a
 * time: messages go to the sink, the server's pings are answered, our own ping goes out every
 * ping-interval and a ping still unanswered at the next one ends the connection. Any end (closed socket,
 * stream error, dead ping) leads to a reconnect after a jittered exponential backoff. The outbox thread
 * sends directly on the live socket; with no live socket it is told to retry later.
 *
 * <p>XMPP has no per-message ack without XEP-0198: the server's offline store hands over what arrived
 * while we were away at the next login and forgets it; redeliveries (and the same message reaching two
 * bot instances) carry the same server stanza-id, on which the pipeline dedupes.
 */
public final class XmppAdapter implements Adapter {
    public static final String PLATFORM = "xmpp";

    private static final Logger log = LoggerFactory.getLogger(XmppAdapter.class);
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration RETRY_SEND = Duration.ofSeconds(5);
    /** Servers cap stanza size (Prosody: 256 KiB for clients); a longer reply would cost us the stream. */
    private static final int MAX_BODY_BYTES = 200_000;

    private final XmppConfig config;
    private final Backoff backoff;
    private final Rooms rooms;
    private final Inbound inbound;
    private final AtomicLong ids = new AtomicLong();
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicInteger pongs = new AtomicInteger();

    private volatile AdapterContext context;
    private volatile boolean running;
    /** Set while stop() drains the session: the loop ends at the server's close, without reconnecting. */
    private volatile boolean stopping;
    private static final Duration STOP_DRAIN = Duration.ofSeconds(3);
    private volatile Thread thread;
    private volatile WebSocketContainer container;
    private volatile Link current;
    private volatile Link online;
    private volatile String boundJid;
    private volatile String pendingPing;
    private volatile String pingTarget;
    private volatile String lastProblem;

    public XmppAdapter(XmppConfig config, Clock clock) {
        this(config, clock, Backoff.jittered(Duration.ofSeconds(1), Duration.ofMinutes(2)));
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
        if (running) throw new IllegalStateException("XMPP adapter already started");
        this.context = context;
        this.container = ContainerProvider.getWebSocketContainer();
        running = true;
        stopping = false;
        Thread t = new Thread(this::run, "xmpp-" + config.bareJid());
        t.setDaemon(true);
        thread = t;
        t.start();
        log.info("XMPP adapter starting: {}", config);
    }

    @Override
    public synchronized void stop() {
        Link link = current;
        Thread t = thread;
        if (link != null && online == link && t != null) {
            // Going offline first makes the server store new messages for our next login; then we keep
            // reading until it closes the stream (RFC 7395), so nothing it already handed us is dropped.
            stopping = true;
            try {
                link.send("<presence xmlns='jabber:client' type='unavailable'/>");
                link.send("<close xmlns='" + Xml.FRAMING + "'/>");
                t.join(STOP_DRAIN.toMillis());
            } catch (IOException e) {
                // the link is gone already
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        running = false;
        if (link != null) {
            try {
                if (!stopping) link.send("<close xmlns='" + Xml.FRAMING + "'/>");
            } catch (IOException e) {
                // closing anyway
            }
            link.close();
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
        if (container instanceof WsWebSocketContainer ws) ws.destroy();
        container = null;
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

    // ---- the connection thread

    private void run() {
        int failures = 0;
        while (running) {
            int before = logins.get();
            boolean refused = false;
            try {
                session();
            } catch (InterruptedException e) {
                if (!running) break;
            } catch (AuthFailed e) {
                refused = true;
                lastProblem = "login refused: " + e.getMessage();
                log.error("XMPP: login as {} refused: {} (check username/password)", config.bareJid(), e.getMessage());
            } catch (IOException | RuntimeException e) {
                lastProblem = e.getMessage() == null ? e.toString() : e.getMessage();
                if (running) log.warn("XMPP: connection to {} ended: {}", config.websocketUrl(), e.getMessage() == null ? e.toString() : e.getMessage());
            }
            if (!running || stopping) break;
            // a refused login will not fix itself soon: straight to the longest wait
            failures = logins.get() > before ? 1 : refused ? Math.max(failures + 1, 16) : failures + 1;
            Duration delay = backoff.delay(failures);
            log.info("XMPP: reconnecting in {} ms (attempt {})", delay.toMillis(), failures);
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                if (!running) break;
            }
        }
        log.info("XMPP adapter stopped");
    }

    private void session() throws IOException, InterruptedException, AuthFailed {
        Link link = Link.open(container, config.websocketUrl(), STEP_TIMEOUT);
        current = link;
        try {
            if (!running) return;
            Element features = openStream(link);
            authenticate(link, features);
            features = openStream(link);
            String jid = bind(link, features);
            Element session = Xml.child(features, Xml.SESSION, "session");
            if (session != null && Xml.child(session, Xml.SESSION, "optional") == null) {
                iq(link, "set", null, "<session xmlns='" + Xml.SESSION + "'/>");
            }
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
            loop(link);
        } finally {
            online = null;
            current = null;
            rooms.reset();
            link.close();
        }
    }

    private void loop(Link link) throws IOException, InterruptedException {
        long interval = config.pingInterval().toMillis();
        long nextPing = System.nanoTime() / 1_000_000 + interval;
        while (running) {
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
            Element condition = Xml.anyChild(e, "urn:ietf:params:xml:ns:xmpp-streams");
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
                case "presence" -> onPresence(e, out);
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
            log.warn("XMPP: message {} to {} bounced: {}", Xml.attr(message, "id"), Xml.attr(message, "from"), condition(message));
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
                log.warn("XMPP: request {} to {} failed: {}", id, from, condition(iq));
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

    private void onPresence(Element presence, FrameWriter out) throws IOException {
        String from = Xml.attr(presence, "from");
        String room = Jid.bare(from);
        if (room == null || !rooms.isConfigured(room)) return; // we keep no roster: people's presence is not our business
        String nick = Jid.resource(from);
        String type = Xml.attr(presence, "type");
        if ("error".equals(type)) {
            log.warn("XMPP: could not join room {}: {}", room, condition(presence));
            rooms.left(room);
            return;
        }
        if (nick == null) return;
        Element x = Xml.child(presence, Xml.MUC_USER, "x");
        List<String> codes = new ArrayList<>();
        for (Element status : Xml.children(x, Xml.MUC_USER, "status")) codes.add(Xml.attr(status, "code"));
        boolean self = codes.contains("110");
        if ("unavailable".equals(type)) {
            if (self) {
                log.warn("XMPP: left room {} (status {})", room, codes);
                rooms.left(room);
            } else {
                rooms.gone(room, nick);
            }
            return;
        }
        if (self) {
            rooms.joined(room, nick);
            log.info("XMPP: joined room {} as {}", room, nick);
            if (codes.contains("201")) {
                // we created the room: accept the default configuration so others can enter (XEP-0045 §10.1.2)
                out.send("<iq xmlns='jabber:client' type='set' id='" + nextId("room") + "' to='" + Xml.escape(room) + "'><query xmlns='"
                        + Xml.MUC_OWNER + "'><x xmlns='" + Xml.DATA + "' type='submit'/></query></iq>");
            }
        } else {
            rooms.occupant(room, nick, Xml.attr(Xml.child(x, Xml.MUC_USER, "item"), "jid"));
        }
    }

    // ---- stream negotiation (RFC 6120 §4-7, over RFC 7395 framing)

    private Element openStream(Link link) throws IOException, InterruptedException {
        link.send("<open xmlns='" + Xml.FRAMING + "' to='" + Xml.escape(config.domain()) + "' version='1.0'/>");
        return await(link, "stream features", e -> Xml.is(e, Xml.STREAMS, "features"));
    }

    private void authenticate(Link link, Element features) throws IOException, InterruptedException, AuthFailed {
        List<String> offered = new ArrayList<>();
        for (Element m : Xml.children(Xml.child(features, Xml.SASL, "mechanisms"), Xml.SASL, "mechanism")) offered.add(Xml.text(m).strip());
        for (Scram.Algorithm algorithm : Scram.Algorithm.values()) {
            if (offered.contains(algorithm.mechanism)) {
                scram(link, new Scram(algorithm, config.username(), config.password()));
                return;
            }
        }
        if (offered.contains("PLAIN")) {
            if (!plainIsSafe()) {
                throw new AuthFailed("the server offers only PLAIN " + offered + " and " + config.websocketUrl()
                        + " is neither wss:// nor loopback: refusing to send the password in clear");
            }
            sasl(link, "<auth xmlns='" + Xml.SASL + "' mechanism='PLAIN'>"
                    + base64("\0" + config.username() + "\0" + config.password()) + "</auth>");
            Element answer = awaitSasl(link);
            if (!Xml.is(answer, Xml.SASL, "success")) throw new AuthFailed("PLAIN: unexpected " + answer.getLocalName());
            log.info("XMPP: authenticated with PLAIN");
            return;
        }
        throw new AuthFailed("no supported SASL mechanism among " + offered);
    }

    private void scram(Link link, Scram scram) throws IOException, InterruptedException, AuthFailed {
        try {
            sasl(link, "<auth xmlns='" + Xml.SASL + "' mechanism='" + scram.mechanism() + "'>" + base64(scram.clientFirst()) + "</auth>");
            Element challenge = awaitSasl(link);
            if (!Xml.is(challenge, Xml.SASL, "challenge")) throw new AuthFailed(scram.mechanism() + ": expected a challenge");
            sasl(link, "<response xmlns='" + Xml.SASL + "'>" + base64(scram.clientFinal(unbase64(Xml.text(challenge)))) + "</response>");
            Element answer = awaitSasl(link);
            if (Xml.is(answer, Xml.SASL, "challenge")) {
                // some servers send the server-final message as a challenge, then success without data
                scram.verifyServerFinal(unbase64(Xml.text(answer)));
                sasl(link, "<response xmlns='" + Xml.SASL + "'/>");
                answer = awaitSasl(link);
                if (!Xml.is(answer, Xml.SASL, "success")) throw new AuthFailed(scram.mechanism() + ": no success");
            } else {
                if (!Xml.is(answer, Xml.SASL, "success")) throw new AuthFailed(scram.mechanism() + ": no success");
                scram.verifyServerFinal(unbase64(Xml.text(answer)));
            }
            log.info("XMPP: authenticated with {}", scram.mechanism());
        } catch (Scram.Failure f) {
            throw new AuthFailed(scram.mechanism() + ": " + f.getMessage());
        }
    }

    private void sasl(Link link, String frame) throws IOException {
        link.send(frame);
    }

    /** The server's next SASL answer; a {@code <failure/>} becomes {@link AuthFailed}. */
    private Element awaitSasl(Link link) throws IOException, InterruptedException, AuthFailed {
        Element e = await(link, "SASL answer", x -> Xml.SASL.equals(x.getNamespaceURI()));
        if (Xml.is(e, Xml.SASL, "failure")) {
            Element condition = Xml.anyChild(e, Xml.SASL);
            throw new AuthFailed(condition == null ? "failure" : condition.getLocalName());
        }
        return e;
    }

    private String bind(Link link, Element features) throws IOException, InterruptedException {
        if (Xml.child(features, Xml.BIND, "bind") == null) throw new IOException("the server offers no resource binding");
        Element result = iq(link, "set", null, "<bind xmlns='" + Xml.BIND + "'><resource>" + Xml.escape(config.resource()) + "</resource></bind>");
        String jid = Xml.text(Xml.child(Xml.child(result, Xml.BIND, "bind"), Xml.BIND, "jid"));
        if (jid == null || jid.isBlank()) throw new IOException("the server bound no JID");
        return jid.strip();
    }

    /** Sends an iq and waits for its result; an error answer ends the attempt. */
    private Element iq(Link link, String type, String to, String payload) throws IOException, InterruptedException {
        String id = nextId("iq");
        link.send("<iq xmlns='jabber:client' type='" + type + "' id='" + id + "'" + (to == null ? "" : " to='" + Xml.escape(to) + "'")
                + ">" + payload + "</iq>");
        Element answer = await(link, "answer to " + id, e -> Xml.is(e, Xml.CLIENT, "iq") && id.equals(Xml.attr(e, "id")));
        if (!"result".equals(Xml.attr(answer, "type"))) throw new IOException("request " + id + " failed: " + condition(answer));
        return answer;
    }

    /** Reads frames until one matches; stream errors, a closed socket or the step timeout end the attempt. */
    private Element await(Link link, String what, Predicate<Element> wanted) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) throw new IOException("no " + what + " within " + STEP_TIMEOUT.toSeconds() + " s");
            Link.Event event = link.poll(left);
            if (event instanceof Link.Closed closed) throw new IOException("WebSocket " + closed.reason() + " while waiting for " + what);
            if (!(event instanceof Link.Frame frame)) continue;
            Element e;
            try {
                e = Xml.parse(frame.text());
            } catch (Xml.Malformed m) {
                log.warn("XMPP: dropped a malformed frame while waiting for {}: {}", what, m.getMessage());
                continue;
            }
            if (Xml.is(e, Xml.STREAMS, "error")) {
                Element condition = Xml.anyChild(e, "urn:ietf:params:xml:ns:xmpp-streams");
                throw new IOException("stream error " + (condition == null ? "" : condition.getLocalName()) + " while waiting for " + what);
            }
            if (Xml.is(e, Xml.FRAMING, "close")) throw new IOException("the server closed the stream while we waited for " + what);
            if (wanted.test(e)) return e;
        }
    }

    private boolean plainIsSafe() {
        if ("wss".equals(config.websocketUrl().getScheme())) return true;
        try {
            return InetAddress.getByName(config.websocketUrl().getHost()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String condition(Element stanza) {
        Element error = Xml.child(stanza, Xml.CLIENT, "error");
        Element condition = Xml.anyChild(error, Xml.STANZAS);
        return condition == null ? "(no condition)" : condition.getLocalName();
    }

    private String nextId(String prefix) {
        return prefix + "-" + ids.incrementAndGet();
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String unbase64(String s) throws AuthFailed {
        String t = s == null ? "" : s.strip();
        if (t.isEmpty() || t.equals("=")) return "";
        try {
            return new String(Base64.getMimeDecoder().decode(t), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new AuthFailed("the server sent bad base64");
        }
    }

    static final class AuthFailed extends Exception {
        AuthFailed(String message) {
            super(message);
        }
    }

    // ---- for tests and the health page

    /** True while logged in with a bound resource. */
    public boolean isOnline() {
        return online != null;
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
