package app.mentorbot.bot.testing;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import app.mentorbot.adapters.api.testing.Patience;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;

/** A person at the web chat, as a real WebSocket client: say something, read what comes back. */
public final class ChatClient implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final Session session;
    private volatile CloseReason closed;

    private ChatClient(URI uri) throws Exception {
        this(uri, Map.of());
    }

    private ChatClient(URI uri, Map<String, String> headers) throws Exception {
        WebSocketContainer container = ContainerProvider.getWebSocketContainer();
        this.session = container.connectToServer(new Endpoint() {
            @Override
            public void onOpen(Session s, EndpointConfig config) {
                s.addMessageHandler(String.class, (MessageHandler.Whole<String>) raw -> frames.add(JSON.readTree(raw)));
            }

            @Override
            public void onClose(Session s, CloseReason reason) {
                closed = reason;
            }
        }, ClientEndpointConfig.Builder.create().configurator(new ClientEndpointConfig.Configurator() {
            @Override
            public void beforeRequest(Map<String, List<String>> request) {
                headers.forEach((name, value) -> request.put(name, List.of(value)));
            }
        }).build(), uri);
    }

    /** Opens the chat as a roster person (demo mode). */
    public static ChatClient as(int port, String personId) throws Exception {
        return new ChatClient(URI.create("ws://localhost:" + port + "/ws/chat?as=" + personId));
    }

    /** The page opened again (a reload): it asks for the person's last days before anything new. */
    public static ChatClient reloaded(int port, String personId) throws Exception {
        return new ChatClient(URI.create("ws://localhost:" + port + "/ws/chat?as=" + personId + "&history=1"));
    }

    /** Opens the chat as a browser would outside demo mode: with its cookies, from a page at {@code origin}. */
    public static ChatClient withHeaders(int port, Map<String, String> headers) throws Exception {
        return new ChatClient(URI.create("ws://localhost:" + port + "/ws/chat"), headers);
    }

    /** Sends a note with a fresh client id; returns the id. */
    public String say(String text) throws Exception {
        String id = UUID.randomUUID().toString();
        sayWithId(id, text);
        return id;
    }

    public void sayWithId(String id, String text) throws Exception {
        sendRaw(JSON.writeValueAsString(JSON.createObjectNode().put("id", id).put("text", text)));
    }

    public void sendRaw(String frame) throws Exception {
        session.getBasicRemote().sendText(frame);
    }

    /** The next frame from the bot, waiting up to 10 seconds, longer on a loaded machine ({@link Patience}). */
    public JsonNode next() throws InterruptedException {
        java.time.Duration wait = Patience.of(java.time.Duration.ofSeconds(10));
        JsonNode frame = frames.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (frame == null) throw new AssertionError("no frame from the bot within " + wait.toSeconds() + " s; seen so far: " + seen);
        seen.add(frame);
        return frame;
    }

    /** The next frame within {@code millis}, or null. */
    public JsonNode next(long millis) throws InterruptedException {
        JsonNode frame = frames.poll(millis, TimeUnit.MILLISECONDS);
        if (frame != null) seen.add(frame);
        return frame;
    }

    /** The next frame's text. */
    public String reply() throws InterruptedException {
        return next().path("text").asString();
    }

    /**
     * The next pushed text containing {@code needle}, skipping other pushes that were waiting for this
     * person (messages queued for them by earlier conversations arrive when a page opens).
     */
    public String pushContaining(String needle) throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            JsonNode frame = next();
            String text = frame.path("text").asString();
            if (text.contains(needle)) return text;
        }
        throw new AssertionError("no push containing " + needle + "; seen: " + seen);
    }

    private static final int SKIPPED_PUSHES = 2_000;

    /** The answer to one of our own messages, skipping pushes that arrive in between. */
    public String replyTo(String clientId) throws InterruptedException {
        // however many pushes were queued for this person first (a fuzz run relays hundreds of parents' messages):
        // each next() waits only while nothing arrives, so a lost reply still fails within the patience time
        for (int i = 0; i < SKIPPED_PUSHES; i++) {
            JsonNode frame = next();
            if (clientId.equals(frame.path("replyTo").asString(null))) return frame.path("text").asString();
        }
        throw new AssertionError("no reply to " + clientId + "; seen: " + seen);
    }

    /** Nothing more arrives within the given time. */
    public boolean quietFor(Duration d) throws InterruptedException {
        JsonNode frame = frames.poll(d.toMillis(), TimeUnit.MILLISECONDS);
        if (frame != null) seen.add(frame);
        return frame == null;
    }

    public boolean isOpen() {
        return session.isOpen() && closed == null;
    }

    public CloseReason closeReason() throws InterruptedException {
        for (int i = 0; i < 100 && closed == null; i++) Thread.sleep(50);
        return closed;
    }

    @Override
    public void close() throws Exception {
        if (session.isOpen()) session.close();
    }
}
