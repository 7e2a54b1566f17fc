package app.mentorbot.adapters.slack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;

import jakarta.servlet.http.HttpServlet;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Plays Slack's Socket Mode gateway on ws://127.0.0.1:PORT/link?ticket=…: an embedded Tomcat with a
 * Jakarta WebSocket server endpoint. Each accepted link says hello (the recorded frame) and records what
 * the adapter sends back.
 */
final class FakeSlackGateway implements AutoCloseable {
    private final Tomcat tomcat = new Tomcat();
    private final Path baseDir;
    private final BlockingQueue<Link> accepted = new LinkedBlockingQueue<>();
    final List<Link> links = new CopyOnWriteArrayList<>();
    volatile boolean sayHello = true;

    FakeSlackGateway() {
        try {
            baseDir = Files.createTempDirectory("fake-slack-gateway");
            tomcat.setBaseDir(baseDir.toString());
            tomcat.setPort(0);
            tomcat.getConnector().setProperty("address", "127.0.0.1");
            Context context = tomcat.addContext("", baseDir.toString());
            context.addServletContainerInitializer(new WsSci(), null);
            context.addServletContainerInitializer((classes, servletContext) -> {
                ServerContainer container = (ServerContainer) servletContext.getAttribute(ServerContainer.class.getName());
                try {
                    container.addEndpoint(ServerEndpointConfig.Builder.create(Link.class, "/link")
                            .configurator(new ServerEndpointConfig.Configurator() {
                                @Override
                                @SuppressWarnings("unchecked")
                                public <T> T getEndpointInstance(Class<T> endpointClass) {
                                    return (T) new Link(FakeSlackGateway.this);
                                }
                            }).build());
                } catch (DeploymentException e) {
                    throw new IllegalStateException(e);
                }
            }, null);
            Tomcat.addServlet(context, "nothing", new HttpServlet() {});
            context.addServletMappingDecoded("/", "nothing");
            tomcat.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (LifecycleException e) {
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return tomcat.getConnector().getLocalPort();
    }

    /** The next link the adapter opened, or fails the test after the timeout. */
    Link awaitLink(Duration timeout) throws InterruptedException {
        Link link = accepted.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (link == null) throw new AssertionError("the adapter opened no (further) link within " + timeout);
        return link;
    }

    /** A link opened after the ones already awaited, or null. */
    Link pollLink(Duration timeout) throws InterruptedException {
        return accepted.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws Exception {
        for (Link l : links) l.close();
        tomcat.stop();
        tomcat.destroy();
    }

    /** One link as the gateway sees it. */
    static final class Link extends Endpoint {
        private final FakeSlackGateway gateway;
        private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        final AtomicInteger pongs = new AtomicInteger();
        final CountDownLatch closed = new CountDownLatch(1);
        volatile String ticket;
        private volatile Session session;

        Link(FakeSlackGateway gateway) {
            this.gateway = gateway;
        }

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            this.session = session;
            session.setMaxTextMessageBufferSize(1 << 20);
            List<String> tickets = session.getRequestParameterMap().get("ticket");
            ticket = tickets == null ? null : tickets.get(0);
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) received::add);
            session.addMessageHandler(PongMessage.class, (MessageHandler.Whole<PongMessage>) p -> pongs.incrementAndGet());
            gateway.links.add(this);
            if (gateway.sayHello) send(Fixtures.read("hello.json"));
            gateway.accepted.add(this);
        }

        @Override
        public void onClose(Session session, CloseReason reason) {
            closed.countDown();
        }

        void send(String frame) {
            try {
                synchronized (this) {
                    session.getBasicRemote().sendText(frame);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void ping() throws IOException {
            synchronized (this) {
                session.getBasicRemote().sendPing(ByteBuffer.wrap("are-you-there".getBytes(StandardCharsets.US_ASCII)));
            }
        }

        /** The next frame the adapter sent on this link, or null after the timeout. */
        String nextFrame(Duration timeout) throws InterruptedException {
            return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        boolean nothingReceived() {
            return received.isEmpty();
        }

        boolean awaitClosed(Duration timeout) throws InterruptedException {
            return closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        void close() {
            try {
                Session s = session;
                if (s != null && s.isOpen()) s.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "gateway going away"));
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
