package app.mentorbot.adapters.xmpp;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;

/**
 * One WebSocket to the server with subprotocol "xmpp". Frames arrive on the container's threads and
 * are queued, so the adapter's session thread handles them one at a time and in order; sends from any
 * thread are serialised (a basic remote does not allow two senders at once).
 */
final class Link implements FrameWriter, AutoCloseable {
    static final String SUBPROTOCOL = "xmpp";

    sealed interface Event permits Frame, Closed {}

    record Frame(String text) implements Event {}

    record Closed(String reason) implements Event {}

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Object sendLock = new Object();
    private volatile Session session;

    private Link() {}

    static Link open(WebSocketContainer container, URI uri, Duration timeout) throws IOException {
        Link link = new Link();
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create().preferredSubprotocols(List.of(SUBPROTOCOL)).build();
        config.getUserProperties().put("org.apache.tomcat.websocket.IO_TIMEOUT_MS", String.valueOf(timeout.toMillis()));
        config.getUserProperties().put("org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT", timeout.toMillis());
        try {
            link.session = container.connectToServer(link.endpoint(), config, uri);
        } catch (DeploymentException e) {
            throw new IOException("WebSocket connection to " + uri + " failed: " + e.getMessage(), e);
        }
        if (!SUBPROTOCOL.equals(link.session.getNegotiatedSubprotocol())) {
            link.close();
            throw new IOException(uri + " did not accept the WebSocket subprotocol 'xmpp' (RFC 7395): is it an XMPP WebSocket endpoint?");
        }
        return link;
    }

    private Endpoint endpoint() {
        return new Endpoint() {
            @Override
            public void onOpen(Session s, EndpointConfig config) {
                s.setMaxTextMessageBufferSize(Xml.MAX_FRAME);
                s.setMaxIdleTimeout(0);
                s.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> events.add(new Frame(text)));
            }

            @Override
            public void onClose(Session s, CloseReason reason) {
                events.add(new Closed("closed " + reason.getCloseCode().getCode()
                        + (reason.getReasonPhrase() == null || reason.getReasonPhrase().isEmpty() ? "" : " " + reason.getReasonPhrase())));
            }

            @Override
            public void onError(Session s, Throwable error) {
                events.add(new Closed("error " + error));
            }
        };
    }

    /** The next event, or null after {@code millis} without one. */
    Event poll(long millis) throws InterruptedException {
        return events.poll(Math.max(millis, 0), TimeUnit.MILLISECONDS);
    }

    boolean isOpen() {
        Session s = session;
        return s != null && s.isOpen();
    }

    @Override
    public void send(String frame) throws IOException {
        Session s = session;
        if (s == null || !s.isOpen()) throw new IOException("the XMPP WebSocket is closed");
        synchronized (sendLock) {
            try {
                s.getBasicRemote().sendText(frame);
            } catch (IllegalStateException e) {
                throw new IOException("the XMPP WebSocket is closing: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        Session s = session;
        if (s == null) return;
        try {
            if (s.isOpen()) s.close();
        } catch (IOException | RuntimeException e) {
            // already gone
        }
    }
}
