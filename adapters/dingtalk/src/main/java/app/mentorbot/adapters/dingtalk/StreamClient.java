package app.mentorbot.adapters.dingtalk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.tomcat.websocket.Constants;
import org.apache.tomcat.websocket.WsWebSocketContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;

/**
 * Keeps one Stream-mode connection up. A daemon thread opens a connection over HTTP (a new ticket every time),
 * connects the WebSocket, then watches it: a WebSocket ping every {@code pingInterval}, and when nothing (no
 * frame, no pong) has come for {@code silenceTimeout} the link is taken as dead. The link is replaced after a
 * SYSTEM {@code disconnect}, a close, an error or silence, after a jittered exponential {@link Backoff}: attempt 1
 * after a link that carried frames, one more for each link that failed before carrying any.
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
    private volatile boolean running;
    private volatile Thread thread;
    private volatile Link current;

    StreamClient(OpenApi api, DingTalkOptions options, Backoff backoff, FrameHandler handler) {
        this.api = api;
        this.options = options;
        this.backoff = backoff;
        this.handler = handler;
    }

    synchronized void start() {
        if (running) return;
        running = true;
        container = ContainerProvider.getWebSocketContainer(); // Tomcat's: a new one each call, ours alone
        container.setDefaultMaxTextMessageBufferSize(MAX_FRAME_CHARS);
        WebSocketContainer links = container;
        Thread t = new Thread(() -> run(links), "dingtalk-stream");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    synchronized void stop() {
        running = false;
        Link link = current;
        if (link != null) link.end("stopping");
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (container instanceof WsWebSocketContainer tomcat) tomcat.destroy(); // its I/O threads
        container = null;
        thread = null;
    }

    boolean connected() {
        Link link = current;
        return link != null && link.isOpen();
    }

    private void run(WebSocketContainer container) {
        int attempt = 0;
        while (running) {
            if (attempt > 0 && !pause(backoff.delay(attempt))) return;
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
                attempt = link.heardFrames ? 1 : attempt + 1;
                if (running) log.info("DingTalk stream connection ended ({}); opening a new one", why);
            } catch (InterruptedException e) {
                return;
            } catch (IOException | DeploymentException | RuntimeException e) {
                attempt++;
                if (running) log.warn("DingTalk stream connection failed (attempt {}): {}", attempt, e.toString());
            } finally {
                current = null;
                if (link != null) link.close();
            }
        }
    }

    /** Sleeps; false when stopped meanwhile. */
    private boolean pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
            return running;
        } catch (InterruptedException e) {
            return false;
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
                log.warn("DingTalk frame {} ({}) failed: {}", frame.messageId(), frame.topic(), e.toString());
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
                log.info("DingTalk gateway asks to reconnect: {}", frame.data());
                end("disconnect");
            } else {
                log.debug("DingTalk SYSTEM frame with topic {} ignored", frame.topic());
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
                if (!running) return "stopping"; // in case stop()'s interrupt was swallowed by the connect
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
