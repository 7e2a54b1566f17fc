package app.mentorbot.adapters.slack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.mentorbot.adapters.api.InboundMessage;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One Socket Mode WebSocket to Slack. Its callbacks run on Tomcat's I/O threads and do only quick work: map an
 * envelope, hand it to the pipeline, acknowledge it (only once the pipeline took it, so a refused envelope is
 * redelivered). What the {@link SocketModeClient} must decide on (a {@code disconnect}, the socket's end) is posted
 * to it as an {@link Event}.
 */
final class Link extends Endpoint {
    /** Slack frames can be far bigger than Tomcat's 8 KiB default buffer. */
    static final int MAX_FRAME_BYTES = 4 * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(Link.class);

    /** What a link tells the client's loop. */
    sealed interface Event permits Disconnect, Ended {
        Link link();
    }

    /** Slack's {@code disconnect} frame: "warning", "refresh_requested", "link_disabled", or another reason. */
    record Disconnect(Link link, String reason) implements Event {}

    /** The socket closed or failed. */
    record Ended(Link link, String why) implements Event {}

    final int number;
    private final Clock clock;
    private final ObjectMapper json;
    private final Envelopes envelopes;
    private final Consumer<InboundMessage> deliver;
    private final Consumer<Event> events;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile Session session;
    private volatile Instant lastSeen;
    private volatile Instant lastPing = Instant.MIN;
    private volatile boolean hello;

    Link(int number, Clock clock, ObjectMapper json, Envelopes envelopes, Consumer<InboundMessage> deliver, Consumer<Event> events) {
        this.number = number;
        this.clock = clock;
        this.json = json;
        this.envelopes = envelopes;
        this.deliver = deliver;
        this.events = events;
        this.lastSeen = clock.instant();
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
        if (ended.compareAndSet(false, true)) events.accept(new Ended(this, why));
    }

    /** True once Slack said hello on this link. */
    boolean saidHello() {
        return hello;
    }

    /** When the last frame or pong arrived. */
    Instant lastSeen() {
        return lastSeen;
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
        if (envelopeId == null) {
            control(root);
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

    /** A frame without an envelope id: hello, disconnect, or something we do not use. */
    private void control(JsonNode root) {
        String type = Envelopes.text(root, "type");
        if ("hello".equals(type)) {
            hello = true;
            log.info("Slack Socket Mode: link {} hello, {} connection(s) open for this app", number,
                    root.path("num_connections").asInt(1));
        } else if ("disconnect".equals(type)) {
            String reason = Envelopes.text(root, "reason");
            log.info("Slack Socket Mode: link {} disconnect: {}", number, reason);
            events.accept(new Disconnect(this, reason == null ? "unknown" : reason));
        } else {
            log.debug("Slack Socket Mode: frame of type {} on link {} ignored", type, number);
        }
    }

    private void ack(String envelopeId) {
        String what = "ack " + envelopeId;
        Session s = session;
        if (s == null || !s.isOpen()) {
            log.warn("Slack Socket Mode: link {} closed, could not send {}", number, what);
            return;
        }
        try {
            synchronized (this) {
                s.getBasicRemote().sendText(json.createObjectNode().put("envelope_id", envelopeId).toString());
            }
        } catch (IOException | IllegalStateException e) {
            log.warn("Slack Socket Mode: link {} could not send {}: {}", number, what, e.toString());
        }
    }

    /** A WebSocket ping, at most one per quiet spell. */
    void ping() {
        Session s = session;
        Instant now = clock.instant();
        if (s == null || !s.isOpen() || !lastPing.isBefore(lastSeen)) return;
        lastPing = now;
        try {
            synchronized (this) {
                s.getBasicRemote().sendPing(ByteBuffer.wrap(("mentorbot-" + number).getBytes(StandardCharsets.US_ASCII)));
            }
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            log.debug("Slack Socket Mode: ping on link {} failed: {}", number, e.toString());
        }
    }

    /** Closes the socket without the client hearing about it again. */
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
