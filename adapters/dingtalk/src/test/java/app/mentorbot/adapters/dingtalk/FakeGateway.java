package app.mentorbot.adapters.dingtalk;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;

import jakarta.servlet.http.HttpServlet;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import tools.jackson.databind.JsonNode;

/**
 * Plays the DingTalk stream gateway: an embedded Tomcat with a WebSocket endpoint at /connect. Each client
 * connection is recorded with the ticket it came with; tests push frames into it and read the ACKs it got.
 */
final class FakeGateway implements AutoCloseable {
    /** Kept strongly reachable: java.util.logging forgets levels set on loggers nobody holds. */
    private static final Logger TOMCAT_LOG = Logger.getLogger("org.apache");

    static {
        TOMCAT_LOG.setLevel(Level.SEVERE);
    }

    private final Tomcat tomcat = new Tomcat();
    private final BlockingQueue<Connection> arrivals = new LinkedBlockingQueue<>();
    final List<Connection> connections = new CopyOnWriteArrayList<>();
    /** Shared with a RecordingSink to check the order of hand-over and ACK. */
    private final List<String> journal;

    FakeGateway(List<String> journal) throws Exception {
        this.journal = journal;
        tomcat.setBaseDir(Files.createTempDirectory("fake-dingtalk-gateway").toString());
        tomcat.setPort(0);
        tomcat.getConnector();
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "nothing", new HttpServlet() {});
        context.addServletMappingDecoded("/", "nothing");
        context.addServletContainerInitializer(new WsSci(), null);
        context.addServletContainerInitializer((classes, servletContext) -> {
            ServerContainer container = (ServerContainer) servletContext.getAttribute(ServerContainer.class.getName());
            try {
                container.addEndpoint(ServerEndpointConfig.Builder.create(Connection.class, "/connect")
                        .configurator(new ServerEndpointConfig.Configurator() {
                            @Override
                            @SuppressWarnings("unchecked")
                            public <T> T getEndpointInstance(Class<T> endpointClass) {
                                return (T) new Connection();
                            }
                        }).build());
            } catch (DeploymentException e) {
                throw new IllegalStateException(e);
            }
        }, null);
        tomcat.start();
    }

    String endpoint() {
        return "ws://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/connect";
    }

    /** The next connection a client opens (or fails the test after the timeout). */
    Connection nextConnection(Duration timeout) throws InterruptedException {
        Connection c = arrivals.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (c == null) throw new AssertionError("no client connected to the fake gateway within " + timeout);
        return c;
    }

    /** Whether another connection arrives within the time (for "does not reconnect" checks). */
    boolean anotherConnectionWithin(Duration time) throws InterruptedException {
        return arrivals.poll(time.toMillis(), TimeUnit.MILLISECONDS) != null;
    }

    @Override
    public void close() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }

    final class Connection extends Endpoint {
        private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        private final CountDownLatch closed = new CountDownLatch(1);
        private volatile Session session;
        volatile String ticket;

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            this.session = session;
            session.setMaxTextMessageBufferSize(StreamClient.MAX_FRAME_CHARS);
            List<String> tickets = session.getRequestParameterMap().get("ticket");
            ticket = tickets == null ? null : tickets.get(0);
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) raw -> {
                JsonNode frame = StreamFrames.JSON.readTree(raw);
                journal.add("ack:" + frame.path("headers").path("messageId").asString());
                received.add(frame);
            });
            connections.add(this);
            arrivals.add(this);
        }

        @Override
        public void onClose(Session session, CloseReason closeReason) {
            closed.countDown();
        }

        void send(String frame) throws IOException {
            synchronized (this) {
                session.getBasicRemote().sendText(frame);
            }
        }

        /** The next frame the client sent (an ACK), or fails the test after the timeout. */
        JsonNode nextAck(Duration timeout) throws InterruptedException {
            JsonNode ack = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (ack == null) throw new AssertionError("no ACK from the client within " + timeout);
            return ack;
        }

        /** Whether the client sent anything within the time. */
        boolean sentAnythingWithin(Duration time) throws InterruptedException {
            return received.poll(time.toMillis(), TimeUnit.MILLISECONDS) != null;
        }

        boolean closedWithin(Duration timeout) throws InterruptedException {
            return closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        void close() throws IOException {
            session.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "gateway restarting"));
        }
    }
}
