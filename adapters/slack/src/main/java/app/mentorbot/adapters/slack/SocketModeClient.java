package app.mentorbot.adapters.slack;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.mentorbot.adapters.api.InboundMessage;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Keeps one live Socket Mode link. A single daemon thread owns the lifecycle and reacts to events the
 * links post from Tomcat's I/O threads (hello, disconnect, closed); the I/O threads themselves only map
 * envelopes, hand them to the sink and acknowledge, which is quick.
 *
 * <p>Lifecycle: open a fresh URL ({@code apps.connections.open}, single use) → connect → {@code hello}.
 * On {@code disconnect}/"warning" or "refresh_requested" a new link is opened at once and only then is
 * the old one let go (make before break, Slack allows several links per app, so nothing is missed).
 * "link_disabled" (Socket Mode switched off) stops the client with an error. A link that closes, fails
 * or stays silent past the silence timeout (we ping at half of it) is replaced after a jittered
 * exponential backoff, with a fresh URL every time; the backoff resets once a link says hello.
 */
final class SocketModeClient {
    private static final Logger log = LoggerFactory.getLogger(SocketModeClient.class);
    /** Slack frames can be far bigger than Tomcat's 8 KiB default buffer. */
    static final int MAX_FRAME_BYTES = 4 * 1024 * 1024;
    private static final String IO_TIMEOUT_PROPERTY = "org.apache.tomcat.websocket.IO_TIMEOUT_MS";
    private static final String BLOCKING_SEND_TIMEOUT_PROPERTY = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";
    /** Slack may never answer our close frame: give the socket up after this many ms instead of Tomcat's 30 s. */
    private static final String SESSION_CLOSE_TIMEOUT_PROPERTY = "org.apache.tomcat.websocket.SESSION_CLOSE_TIMEOUT";

    private final SlackWebApi api;
    private final WebSocketContainer container;
    private final SlackOptions options;
    private final Clock clock;
    private final ObjectMapper json;
    private final Envelopes envelopes;
    private final Consumer<InboundMessage> deliver;
    private final Runnable learnBotUserId;

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicInteger linkNumbers = new AtomicInteger();
    private final List<Link> links = new ArrayList<>(); // touched only by the loop thread
    private volatile boolean running;
    private volatile Link current;
    private volatile Thread thread;

    SocketModeClient(SlackWebApi api, WebSocketContainer container, SlackOptions options, Clock clock, ObjectMapper json,
                     Envelopes envelopes, Consumer<InboundMessage> deliver, Runnable learnBotUserId) {
        this.api = api;
        this.container = container;
        this.options = options;
        this.clock = clock;
        this.json = json;
        this.envelopes = envelopes;
        this.deliver = deliver;
        this.learnBotUserId = learnBotUserId;
    }

    void start() {
        running = true;
        Thread t = new Thread(this::loop, "slack-socket-mode");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    void stop() {
        running = false;
        stopped.countDown();
        events.add(new Wake());
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** True when a link is open and has said hello. */
    boolean connected() {
        Link l = current;
        return l != null && l.hello && l.isOpen();
    }

    boolean running() {
        return running;
    }

    // ---- the loop thread ----

    private sealed interface Event permits Hello, Disconnect, Ended, Wake {}

    private record Hello(Link link) implements Event {}

    private record Disconnect(Link link, String reason) implements Event {}

    private record Ended(Link link, String why) implements Event {}

    private record Wake() implements Event {}

    private void loop() {
        int failures = 0;
        boolean wanted = true;
        try {
            while (running) {
                if (wanted) {
                    if (failures > 0) {
                        Duration wait = options.backoff().delay(failures);
                        log.info("Slack Socket Mode: reconnecting in {} ms (attempt {})", wait.toMillis(), failures);
                        if (stopped.await(wait.toMillis(), TimeUnit.MILLISECONDS)) break;
                    }
                    try {
                        Link fresh = connect();
                        Link old = current;
                        current = fresh;
                        wanted = false;
                        if (old != null) retire(old, "replaced by link " + fresh.number);
                    } catch (SlackWebApi.SlackApiException | IOException | DeploymentException | RuntimeException e) {
                        failures++;
                        log.warn("Slack Socket Mode: could not connect: {}", e.getMessage() == null ? e.toString() : e.getMessage());
                        continue;
                    }
                }
                if (checkSilence()) {
                    wanted = true;
                    failures++;
                    continue;
                }
                Event event = events.poll(tick().toMillis(), TimeUnit.MILLISECONDS);
                if (event == null) continue;
                if (event instanceof Hello h) {
                    if (h.link() == current) failures = 0;
                } else if (event instanceof Disconnect d) {
                    Link link = d.link();
                    switch (d.reason()) {
                        case "warning", "refresh_requested" -> {
                            if (link == current) {
                                log.info("Slack Socket Mode: link {} {}, opening a new one now", link.number, d.reason());
                                failures = 0;
                                wanted = true; // the old link is let go once the new one is connected
                            } else {
                                retire(link, d.reason() + " on a replaced link");
                            }
                        }
                        case "link_disabled" -> {
                            log.error("Slack Socket Mode was switched off for this app (link_disabled): the Slack adapter stops."
                                    + " Turn Socket Mode back on in the app settings and restart the bot.");
                            running = false;
                        }
                        default -> {
                            log.warn("Slack Socket Mode: link {} disconnected: {}", link.number, d.reason());
                            retire(link, "disconnect " + d.reason());
                            if (link == current) {
                                current = null;
                                wanted = true;
                                failures++;
                            }
                        }
                    }
                } else if (event instanceof Ended e) {
                    Link link = e.link();
                    links.remove(link);
                    if (link == current) {
                        log.warn("Slack Socket Mode: link {} closed ({})", link.number, e.why());
                        current = null;
                        wanted = true;
                        failures++;
                    } else {
                        log.debug("Slack Socket Mode: old link {} closed ({})", link.number, e.why());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Slack Socket Mode loop failed; the adapter is stopped", e);
        } finally {
            running = false;
            for (Link l : List.copyOf(links)) l.close("adapter stopped");
            links.clear();
            current = null;
        }
    }

    /** Lets a link go without the loop hearing about it again. */
    private void retire(Link link, String why) {
        links.remove(link);
        link.close(why);
    }

    private Duration tick() {
        Duration quarter = options.silenceTimeout().dividedBy(4);
        return quarter.compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : quarter.isZero() ? Duration.ofMillis(1) : quarter;
    }

    /** Pings quiet links, drops silent ones; true when the current link was dropped. */
    private boolean checkSilence() {
        Instant now = clock.instant();
        boolean currentDropped = false;
        for (Link l : List.copyOf(links)) {
            Duration idle = Duration.between(l.lastSeen, now);
            if (idle.compareTo(options.silenceTimeout()) >= 0) {
                log.warn("Slack Socket Mode: link {} silent for {} ms, dropping it", l.number, idle.toMillis());
                retire(l, "silent");
                if (l == current) {
                    current = null;
                    currentDropped = true;
                }
            } else if (idle.compareTo(options.silenceTimeout().dividedBy(2)) >= 0) {
                l.ping();
            }
        }
        return currentDropped;
    }

    private Link connect() throws SlackWebApi.SlackApiException, IOException, DeploymentException {
        learnBotUserId.run();
        URI url = api.openConnection();
        Link link = new Link(linkNumbers.incrementAndGet());
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create().build();
        String timeout = String.valueOf(options.httpTimeout().toMillis());
        config.getUserProperties().put(IO_TIMEOUT_PROPERTY, timeout);
        config.getUserProperties().put(BLOCKING_SEND_TIMEOUT_PROPERTY, Long.valueOf(options.httpTimeout().toMillis()));
        config.getUserProperties().put(SESSION_CLOSE_TIMEOUT_PROPERTY, Long.valueOf(2_000));
        log.debug("Slack Socket Mode: connecting link {} to {}", link.number, withoutQuery(url));
        container.connectToServer(link, config, url);
        links.add(link);
        log.info("Slack Socket Mode: link {} connected", link.number);
        return link;
    }

    private static String withoutQuery(URI url) {
        // The ticket in the query is a credential for one connection: keep it out of the log.
        return url.getScheme() + "://" + url.getAuthority() + url.getPath();
    }

    // ---- one WebSocket ----

    /** One WebSocket to Slack; its callbacks run on Tomcat's threads. */
    final class Link extends Endpoint {
        final int number;
        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile Session session;
        volatile Instant lastSeen = clock.instant();
        volatile boolean hello;
        private volatile Instant lastPing = Instant.MIN;

        Link(int number) {
            this.number = number;
        }

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            this.session = session;
            lastSeen = clock.instant();
            session.setMaxTextMessageBufferSize(MAX_FRAME_BYTES);
            session.setMaxIdleTimeout(0);
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) this::onText);
            session.addMessageHandler(PongMessage.class, (MessageHandler.Whole<PongMessage>) pong -> lastSeen = clock.instant());
        }

        @Override
        public void onClose(Session session, CloseReason reason) {
            end(reason.getCloseCode().getCode() + " " + reason.getReasonPhrase());
        }

        @Override
        public void onError(Session session, Throwable error) {
            log.debug("Slack Socket Mode: link {} error: {}", number, error.toString());
            if (session == null || !session.isOpen()) end("error " + error.getClass().getSimpleName());
        }

        private void end(String why) {
            if (ended.compareAndSet(false, true)) events.add(new Ended(this, why));
        }

        boolean isOpen() {
            Session s = session;
            return s != null && s.isOpen() && !ended.get();
        }

        void onText(String frame) {
            lastSeen = clock.instant();
            try {
                handle(frame);
            } catch (RuntimeException e) {
                // Nothing may escape into Tomcat: it would close the link.
                log.warn("Slack Socket Mode: frame on link {} not handled: {}", number, e.toString());
            }
        }

        private void handle(String frame) {
            JsonNode root;
            try {
                root = json.readTree(frame);
            } catch (JacksonException e) {
                log.warn("Slack Socket Mode: unreadable frame on link {} ({} chars) ignored", number, frame.length());
                return;
            }
            if (root == null || !root.isObject()) {
                log.warn("Slack Socket Mode: frame on link {} is not a JSON object, ignored", number);
                return;
            }
            String envelopeId = Envelopes.text(root, "envelope_id");
            String type = Envelopes.text(root, "type");
            if (envelopeId == null) {
                if ("hello".equals(type)) {
                    hello = true;
                    log.info("Slack Socket Mode: link {} hello, {} connection(s) open for this app", number,
                            root.path("num_connections").asInt(1));
                    events.add(new Hello(this));
                } else if ("disconnect".equals(type)) {
                    String reason = Envelopes.text(root, "reason");
                    log.info("Slack Socket Mode: link {} disconnect: {}", number, reason);
                    events.add(new Disconnect(this, reason == null ? "unknown" : reason));
                } else {
                    log.debug("Slack Socket Mode: frame of type {} on link {} ignored", type, number);
                }
                return;
            }
            Optional<InboundMessage> message;
            try {
                message = envelopes.toMessage(root);
            } catch (Envelopes.MalformedEnvelope e) {
                log.warn("Slack Socket Mode: envelope {} malformed ({}); acknowledged and dropped", envelopeId, e.getMessage());
                ack(envelopeId);
                return;
            }
            if (message.isPresent()) {
                InboundMessage m = message.get();
                try {
                    deliver.accept(m);
                } catch (RuntimeException e) {
                    // Not acknowledged on purpose: Slack delivers it again (same event id) in a moment.
                    log.warn("Slack Socket Mode: envelope {} (event {}) not taken by the pipeline, left for redelivery: {}",
                            envelopeId, m.messageId(), e.toString());
                    return;
                }
                log.info("Slack Socket Mode: event {} received (retry {}) from {} in {}", m.messageId(),
                        root.path("retry_attempt").asInt(0), m.senderId(), m.chatId());
            }
            ack(envelopeId);
        }

        void ack(String envelopeId) {
            send(json.createObjectNode().put("envelope_id", envelopeId).toString(), "ack " + envelopeId);
        }

        private void send(String frame, String what) {
            Session s = session;
            if (s == null || !s.isOpen()) {
                log.warn("Slack Socket Mode: link {} closed, could not send {}", number, what);
                return;
            }
            try {
                synchronized (this) {
                    s.getBasicRemote().sendText(frame);
                }
            } catch (IOException | IllegalStateException e) {
                log.warn("Slack Socket Mode: link {} could not send {}: {}", number, what, e.toString());
            }
        }

        void ping() {
            Session s = session;
            Instant now = clock.instant();
            if (s == null || !s.isOpen() || !lastPing.isBefore(lastSeen)) return; // one ping per quiet spell
            lastPing = now;
            try {
                synchronized (this) {
                    s.getBasicRemote().sendPing(ByteBuffer.wrap(("mentorbot-" + number).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
                }
            } catch (IOException | IllegalStateException | IllegalArgumentException e) {
                log.debug("Slack Socket Mode: ping on link {} failed: {}", number, e.toString());
            }
        }

        void close(String why) {
            Session s = session;
            ended.set(true);
            if (s == null || !s.isOpen()) return;
            log.debug("Slack Socket Mode: closing link {}: {}", number, why);
            try {
                s.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "bye"));
            } catch (IOException | IllegalStateException e) {
                log.debug("Slack Socket Mode: closing link {} failed: {}", number, e.toString());
            }
        }
    }
}
