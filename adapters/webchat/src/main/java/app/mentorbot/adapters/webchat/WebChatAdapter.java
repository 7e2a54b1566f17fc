package app.mentorbot.adapters.webchat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.mentorbot.adapters.api.Adapter;
import app.mentorbot.adapters.api.AdapterContext;
import app.mentorbot.adapters.api.Delivery;
import app.mentorbot.adapters.api.InboundMessage;
import app.mentorbot.adapters.api.OutboundMessage;
import app.mentorbot.adapters.api.connection.RecentMap;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * The built-in web chat: one WebSocket per open page at {@value #PATH}. A person's chat id is their
 * roster id, and a message to them goes to every page they have open. Nobody connected means
 * {@link Delivery.Unreachable}: the outbox keeps the message until a page opens.
 */
public final class WebChatAdapter implements Adapter {
    public static final String PLATFORM = "webchat";
    public static final String PATH = "/ws/chat";
    /** Longest note a client may send; longer frames get an error frame, the socket stays open. */
    public static final int MAX_TEXT = InboundMessage.MAX_TEXT;

    private static final Logger log = LoggerFactory.getLogger(WebChatAdapter.class);

    private final Clock clock;
    private final WebChatAccess access;
    private final ResourceBundle texts = ResourceBundle.getBundle("app.mentorbot.adapters.webchat.webchat");
    private final Map<String, Set<Session>> sessionsByPerson = new ConcurrentHashMap<>();
    /** Reply frames by the message they answer (the first reply wins), for a page that asks again. */
    private final RecentMap<String, String> recentReplies = new RecentMap<>(2_000);
    private volatile AdapterContext context;

    public WebChatAdapter(Clock clock, WebChatAccess access) {
        this.clock = clock;
        this.access = access;
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    /** The socket's handshake proved who the person is, by their roster id. */
    @Override
    public boolean signsInRosterPeople() {
        return true;
    }

    /** The page sends again, with the same id, whatever the bot has not confirmed. */
    @Override
    public boolean resendsUnconfirmed() {
        return true;
    }

    @Override
    public void start(AdapterContext context) {
        this.context = context;
    }

    /** Why the chat page is not shown; each has a text in the adapter's bundle. */
    public enum Refusal { INVITATION_REQUIRED, INVITATION_USED, INVITATION_EXPIRED, SIGNED_IN_AS_SOMEONE_ELSE }

    // Read once: they are served on every page load.
    private static final String CHAT_PAGE = resource("webchat/index.html");
    private static final String REFUSED_PAGE = resource("webchat/refused.html");

    /** The chat page itself (one static page; who may open it is the caller's decision). */
    public String chatPage() {
        return CHAT_PAGE;
    }

    /** The page shown instead of the chat, in the bundle's language. */
    public String refusalPage(Refusal refusal) {
        String key = "page." + refusal.name().toLowerCase(Locale.ROOT);
        // Bundle texts are ours, not user input; they are still escaped so a translation cannot break the page.
        return REFUSED_PAGE.replace("{{reason}}", escape(texts.getString(key))).replace("{{hint}}", escape(texts.getString(key + ".hint")));
    }

    private static String resource(String path) {
        try (InputStream in = WebChatAdapter.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The endpoint to register with the servlet container's WebSocket server. */
    public ServerEndpointConfig endpointConfig() {
        return ServerEndpointConfig.Builder.create(WebChatEndpoint.class, PATH)
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    @SuppressWarnings("unchecked")
                    public <T> T getEndpointInstance(Class<T> endpointClass) {
                        return (T) newEndpoint();
                    }

                    @Override
                    public void modifyHandshake(ServerEndpointConfig sessionConfig, HandshakeRequest request, HandshakeResponse response) {
                        // The container hands each opening its own copy of the config: the cookies stay with this socket.
                        sessionConfig.getUserProperties().put(Handshakes.COOKIES, Handshakes.sameSiteCookies(request.getHeaders()));
                    }
                })
                .build();
    }

    Endpoint newEndpoint() {
        return new WebChatEndpoint(this, new Frames(clock, texts), access);
    }

    AdapterContext context() {
        AdapterContext c = context;
        if (c == null) throw new IllegalStateException("web chat adapter used before start()");
        return c;
    }

    void opened(String personId, Session session) {
        sessionsByPerson.computeIfAbsent(personId, id -> new CopyOnWriteArraySet<>()).add(session);
        context().reachable(PLATFORM, personId);
    }

    void closed(String personId, Session session) {
        sessionsByPerson.computeIfPresent(personId, (id, set) -> {
            set.remove(session);
            return set.isEmpty() ? null : set;
        });
    }

    Instant now() {
        return clock.instant();
    }

    /**
     * Asks the access check again for every open page of one person, and closes those it now refuses
     * (a browser signed out while its page was open). Returns how many were closed.
     */
    public int recheck(String personId) {
        int closed = 0;
        for (Session session : List.copyOf(sessionsByPerson.getOrDefault(personId, Set.of()))) {
            Object handshake = session.getUserProperties().get(WebChatEndpoint.HANDSHAKE);
            boolean stillAllowed = handshake instanceof WebChatAccess.Handshake h
                    && access.personFor(h).filter(personId::equals).isPresent();
            if (stillAllowed) continue;
            sendFrame(session, new Frames(clock, texts).error("no_access", null));
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "signed out"));
            } catch (IOException ignored) {
                // already gone
            }
            closed++;
        }
        return closed;
    }

    /** Who has a page open right now. */
    public Set<String> connectedPeople() {
        return Set.copyOf(sessionsByPerson.keySet());
    }

    /** Number of open pages, for the health page. */
    public int openSessions() {
        return sessionsByPerson.values().stream().mapToInt(Set::size).sum();
    }

    @Override
    public Delivery send(OutboundMessage message) {
        Set<Session> sessions = sessionsByPerson.getOrDefault(message.chatId(), Set.of());
        String frame = new Frames(clock, texts).botText(message.text(), clientIdOf(message.replyTo()), message.key(), message.urgent());
        if (message.replyTo() != null) recentReplies.putIfAbsent(message.replyTo(), frame);
        int delivered = 0;
        for (Session session : List.copyOf(sessions)) {
            if (sendFrame(session, frame)) delivered++;
        }
        return delivered > 0 ? Delivery.sent() : new Delivery.Unreachable("no open web chat page");
    }

    /** The reply already given to a message, so a page that resends after a reconnect gets it again. */
    String recentReplyTo(String messageId) {
        return recentReplies.get(messageId);
    }

    static boolean sendFrame(Session session, String frame) {
        if (!session.isOpen()) return false;
        try {
            // Basic remotes are not safe for concurrent senders; replies and pushes may race.
            synchronized (session) {
                session.getBasicRemote().sendText(frame);
            }
            return true;
        } catch (IOException | IllegalStateException e) {
            log.debug("web chat frame not sent: {}", e.toString());
            return false;
        }
    }

    /** Platform message ids are "PERSON/CLIENT_ID"; the page only knows its own CLIENT_ID. */
    static String messageIdFor(String personId, String clientId) {
        return personId + "/" + clientId;
    }

    static String clientIdOf(String messageId) {
        if (messageId == null) return null;
        int slash = messageId.indexOf('/');
        return slash < 0 ? messageId : messageId.substring(slash + 1);
    }
}
