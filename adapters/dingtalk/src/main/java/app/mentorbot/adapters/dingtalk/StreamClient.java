package app.mentorbot.adapters.dingtalk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.tomcat.websocket.Constants;
import org.apache.tomcat.websocket.WsWebSocketContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.mentorbot.adapters.api.connection.Backoff;
import app.mentorbot.adapters.api.connection.ReconnectLoop;
import app.mentorbot.adapters.api.connection.ReconnectLoop.Ending;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;

/**
 * Keeps one Stream-mode connection up, on a {@link ReconnectLoop}: each connection opens over HTTP (a new ticket
 * every time), connects the WebSocket, then is watched: a WebSocket ping every {@code pingInterval}, and when
 * nothing (no frame, no pong) has come for {@code silenceTimeout} the link is taken as dead. The link is replaced
 * after a SYSTEM {@code disconnect}, a close, an error or silence, after the jittered exponential {@link Backoff}:
 * the first step after a link that carried frames, one more for each link that failed before carrying any.
 *
 * <p>Frames are read on the WebSocket container's thread: SYSTEM ping and disconnect are answered here, CALLBACK
 * and EVENT frames go to the {@link FrameHandler}, whose answer (the ACK) is sent back at once.
 */
final class StreamClient {
    /** DingTalk bot messages are far below this; Tomcat's default of 8 KiB is not. */
    static final int MAX_FRAME_CHARS = 1 << 20;

    private static final Logger log = LoggerFactory.getLogger(StreamClient.class);

    /** Handles a CALLBACK or EVENT frame and returns its ACK frame, or null for none. Must not block. */
    @FunctionalInterface
    interface FrameHandler {
        String handle(StreamFrames.Frame frame);
    }

    private final OpenApi api;
    private final DingTalkOptions options;
    private final Backoff backoff;
    private final FrameHandler handler;
    private WebSocketContainer container;
    private volatile ReconnectLoop loop; // the latest; a new one on each start
    private volatile Link current;

    StreamClient(OpenApi api, DingTalkOptions options, Backoff backoff, FrameHandler handler) {
        this.api = api;
        this.options = options;
        this.backoff = backoff;
        this.handler = handler;
    }

    synchronized void start() {
        if (loop != null && loop.running()) return;
        container = ContainerProvider.getWebSocketContainer(); // Tomcat's: a new one each call, ours alone
        container.setDefaultMaxTextMessageBufferSize(MAX_FRAME_CHARS);
        WebSocketContainer links = container;
        loop = new ReconnectLoop("DingTalk stream", backoff, () -> connectAndWatch(links));
        loop.start();
    }

    synchronized void stop() {
        if (loop != null) loop.stop(); // interrupts the watch; the link is closed on the way out
        Link link = current;
        if (link != null) link.close();
        if (container instanceof WsWebSocketContainer tomcat) tomcat.destroy(); // its I/O threads
        container = null;
    }

    boolean connected() {
        Link link = current;
        return link != null && link.isOpen();
    }

    /** One connection: a fresh ticket, the WebSocket, then watching it until it ends. */
    private Ending connectAndWatch(WebSocketContainer container) throws Exception {
        Link link = null;
        try {
            OpenApi.Ticket ticket = api.openConnection();
            link = new Link();
            ClientEndpointConfig config = ClientEndpointConfig.Builder.create().build();
            config.getUserProperties().put(Constants.IO_TIMEOUT_MS_PROPERTY, String.valueOf(options.httpTimeout().toMillis()));
            current = link;
            container.connectToServer(link, config, ticket.webSocketUri());
            log.info("DingTalk stream connected to {}", ticket.endpoint());
            String why = link.watch();
            if (loop.running()) log.info("DingTalk stream connection ended ({}); opening a new one", why);
            return link.heardFrames ? Ending.WORKED : Ending.FAILED;
        } finally {
            current = null;
            if (link != null) link.close();
        }
    }

    /** One WebSocket connection to the gateway. */
    private final class Link extends Endpoint {
        private final CountDownLatch ended = new CountDownLatch(1);
        private final Object sendLock = new Object();
        private volatile String endReason;
        private volatile long lastHeard = System.nanoTime();
        private volatile boolean heardFrames;
        private volatile Session session;

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            this.session = session;
            session.setMaxTextMessageBufferSize(MAX_FRAME_CHARS);
            session.setMaxIdleTimeout(0); // silence is ours to judge
            lastHeard = System.nanoTime();
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) this::onText);
            session.addMessageHandler(PongMessage.class, (MessageHandler.Whole<PongMessage>) pong -> lastHeard = System.nanoTime());
        }

        @Override
        public void onClose(Session session, CloseReason reason) {
            end("closed: " + reason.getCloseCode().getCode()
                    + (reason.getReasonPhrase() == null || reason.getReasonPhrase().isEmpty() ? "" : " " + reason.getReasonPhrase()));
        }

        @Override
        public void onError(Session session, Throwable error) {
            end("error: " + error);
        }

        private void onText(String raw) {
            lastHeard = System.nanoTime();
            heardFrames = true;
            StreamFrames.Frame frame;
            try {
                frame = StreamFrames.parse(raw);
            } catch (StreamFrames.BadFrame e) {
                log.warn("unreadable frame from the DingTalk gateway ignored: {}", e.getMessage());
                return;
            }
            if (StreamFrames.SYSTEM.equals(frame.type())) {
                system(frame);
                return;
            }
            String ack;
            try {
                ack = handler.handle(frame);
            } catch (RuntimeException e) {
                log.warn("DingTalk frame {} ({}) failed: {}", StreamFrames.loggable(frame.messageId()), StreamFrames.loggable(frame.topic()), e.toString());
                ack = frame.messageId() == null ? null
                        : StreamFrames.EVENT.equals(frame.type()) ? StreamFrames.eventAck(frame.messageId(), false, "internal error")
                        : StreamFrames.callbackAck(frame.messageId(), 500, "internal error");
            }
            if (ack != null) send(ack);
        }

        private void system(StreamFrames.Frame frame) {
            if (StreamFrames.TOPIC_PING.equals(frame.topic())) {
                if (frame.messageId() != null) send(StreamFrames.pong(frame));
            } else if (StreamFrames.TOPIC_DISCONNECT.equals(frame.topic())) {
                log.info("DingTalk gateway asks to reconnect: {}", StreamFrames.loggable(frame.data()));
                end("disconnect");
            } else {
                log.debug("DingTalk SYSTEM frame with topic {} ignored", StreamFrames.loggable(frame.topic()));
            }
        }

        private void send(String text) {
            Session s = session;
            if (s == null || !s.isOpen()) return;
            try {
                synchronized (sendLock) { // a basic remote takes one sender at a time: ACKs and pings may race
                    s.getBasicRemote().sendText(text);
                }
            } catch (IOException | IllegalStateException e) {
                end("send failed: " + e);
            }
        }

        private void ping() {
            Session s = session;
            if (s == null || !s.isOpen()) return;
            try {
                synchronized (sendLock) {
                    s.getBasicRemote().sendPing(ByteBuffer.wrap("mentorbot".getBytes(StandardCharsets.US_ASCII)));
                }
            } catch (IOException | IllegalStateException e) {
                end("ping failed: " + e);
            }
        }

        /** Blocks until the link ends (closed, disconnect, silence, stop); returns why. */
        String watch() throws InterruptedException {
            long silence = options.silenceTimeout().toNanos();
            long pingEvery = options.pingInterval().toNanos();
            long tick = Math.max(10_000_000L, Math.min(1_000_000_000L,
                    Math.min(silence / 4, pingEvery > 0 ? pingEvery / 4 : Long.MAX_VALUE)));
            long lastPing = System.nanoTime();
            while (!ended.await(tick, TimeUnit.NANOSECONDS)) {
                if (!loop.running()) return "stopping"; // in case stop()'s interrupt was swallowed by the connect
                long now = System.nanoTime();
                if (now - lastHeard > silence) {
                    end("silent for " + options.silenceTimeout());
                    break;
                }
                if (pingEvery > 0 && now - lastPing >= pingEvery) {
                    lastPing = now;
                    ping();
                }
            }
            return endReason;
        }

        void end(String reason) {
            if (endReason == null) endReason = reason;
            ended.countDown();
        }

        boolean isOpen() {
            Session s = session;
            return s != null && s.isOpen() && ended.getCount() > 0;
        }

        void close() {
            Session s = session;
            if (s == null || !s.isOpen()) return;
            try {
                s.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "reconnecting"));
            } catch (IOException | IllegalStateException e) {
                log.debug("closing the old DingTalk link: {}", e.toString());
            }
        }
    }
}
