package app.mentorbot.adapters.slack;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.mentorbot.adapters.api.InboundMessage;
import app.mentorbot.adapters.api.connection.ReconnectLoop;
import app.mentorbot.adapters.api.connection.ReconnectLoop.Ending;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.WebSocketContainer;
import tools.jackson.databind.ObjectMapper;

/**
 * Keeps one live Socket Mode {@link Link}. A {@link ReconnectLoop} owns the lifecycle: each turn opens a fresh URL
 * ({@code apps.connections.open}, single use), connects, then reacts to what the links post from Tomcat's I/O
 * threads (disconnect, closed) and watches them for silence, until a new link is wanted.
 *
 * <p>On {@code disconnect}/"warning" or "refresh_requested" a new link is opened at once and only then is the old
 * one let go (make before break: Slack allows several links per app, so nothing is missed). "link_disabled" (Socket
 * Mode switched off) stops the client with an error. A link that closes, fails or stays silent past the silence
 * timeout (we ping at half of it) is replaced after the jittered exponential backoff, with a fresh URL every time;
 * the backoff starts over after a link that said hello.
 */
final class SocketModeClient {
    private static final Logger log = LoggerFactory.getLogger(SocketModeClient.class);
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

    private final BlockingQueue<Link.Event> events = new LinkedBlockingQueue<>();
    private final AtomicInteger linkNumbers = new AtomicInteger();
    private final List<Link> links = new CopyOnWriteArrayList<>(); // changed by the loop's thread, and by stop()
    private volatile Link current;
    private volatile ReconnectLoop loop;

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
        loop = new ReconnectLoop("Slack Socket Mode", options.backoff(), this::connectAndRead);
        loop.start();
    }

    void stop() {
        ReconnectLoop l = loop;
        if (l != null) l.stop();
        closeAll("adapter stopped");
    }

    /** True when a link is open and has said hello. */
    boolean connected() {
        Link l = current;
        return l != null && l.saidHello() && l.isOpen();
    }

    // ---- the loop's thread

    /** One turn: a new link becomes the current one (the old one, if any, is let go), then read until a new one is wanted. */
    private Ending connectAndRead() throws Exception {
        Link fresh = connect();
        Link old = current;
        current = fresh;
        if (old != null) retire(old, "replaced by link " + fresh.number);
        return read();
    }

    private Ending read() throws InterruptedException {
        while (loop.running()) {
            Link dropped = dropSilentLinks();
            if (dropped != null) return endingOf(dropped);
            Link.Event event = events.poll(tick().toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) continue;
            Link link = event.link();
            if (event instanceof Link.Disconnect d) {
                switch (d.reason()) {
                    case "warning", "refresh_requested" -> {
                        if (link == current) {
                            log.info("Slack Socket Mode: link {} {}, opening a new one now", link.number, d.reason());
                            return Ending.RENEW; // the old link is let go once the new one is connected
                        }
                        retire(link, d.reason() + " on a replaced link");
                    }
                    case "link_disabled" -> {
                        log.error("Slack Socket Mode was switched off for this app (link_disabled): the Slack adapter stops."
                                + " Turn Socket Mode back on in the app settings and restart the bot.");
                        closeAll("link disabled");
                        return Ending.STOP;
                    }
                    default -> {
                        log.warn("Slack Socket Mode: link {} disconnected: {}", link.number, d.reason());
                        retire(link, "disconnect " + d.reason());
                        if (link == current) return endingOf(link);
                    }
                }
            } else if (event instanceof Link.Ended e) {
                links.remove(link);
                if (link == current) {
                    log.warn("Slack Socket Mode: link {} closed ({})", link.number, e.why());
                    return endingOf(link);
                }
                log.debug("Slack Socket Mode: old link {} closed ({})", link.number, e.why());
            }
        }
        return Ending.STOP;
    }

    /** The current link is gone: the backoff starts over if it had said hello. */
    private Ending endingOf(Link gone) {
        current = null;
        return gone.saidHello() ? Ending.WORKED : Ending.FAILED;
    }

    /** Lets a link go without the loop hearing about it again. */
    private void retire(Link link, String why) {
        links.remove(link);
        link.close(why);
    }

    private void closeAll(String why) {
        for (Link l : links) l.close(why);
        links.clear();
        current = null;
    }

    private Duration tick() {
        Duration quarter = options.silenceTimeout().dividedBy(4);
        return quarter.compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : quarter.isZero() ? Duration.ofMillis(1) : quarter;
    }

    /** Pings quiet links, drops silent ones; the current link when it was dropped, else null. */
    private Link dropSilentLinks() {
        Instant now = clock.instant();
        Link currentDropped = null;
        for (Link l : links) {
            Duration idle = Duration.between(l.lastSeen(), now);
            if (idle.compareTo(options.silenceTimeout()) >= 0) {
                log.warn("Slack Socket Mode: link {} silent for {} ms, dropping it", l.number, idle.toMillis());
                retire(l, "silent");
                if (l == current) currentDropped = l;
            } else if (idle.compareTo(options.silenceTimeout().dividedBy(2)) >= 0) {
                l.ping();
            }
        }
        return currentDropped;
    }

    private Link connect() throws SlackWebApi.SlackApiException, IOException, DeploymentException {
        learnBotUserId.run();
        URI url = api.openConnection();
        Link link = new Link(linkNumbers.incrementAndGet(), clock, json, envelopes, deliver, events::add);
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
}
