package app.mentorbot.adapters.wecom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.mentorbot.adapters.api.Delivery;
import app.mentorbot.adapters.api.InboundMessage;
import app.mentorbot.adapters.api.InboundSink;
import app.mentorbot.adapters.api.OutboundMessage;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The smart robot's long connection (PLATFORMS.md §2.2). One timer thread drives everything: every
 * gate period it asks the {@link ConnectionGate} (renewing the lease), connects when it may and is not
 * connected, and closes the connection when it may not. After open it subscribes with bot id and
 * secret, then pings every heartbeat; two unanswered pings, a close or a failure mean reconnect after
 * the backoff. Each connection has a generation number so late events of an old socket are ignored.
 *
 * <p>Callbacks carry no ack: the answer is an {@code aibot_respond_msg} on the callback's req_id (a
 * finished stream), which WeCom acks. A callback's req_id is kept for {@link #REPLY_WINDOW} and only
 * for the connection it came on; later answers and pushes use {@code aibot_send_msg}.
 */
final class AiBotChannel {
    /** How long after a callback we still answer on its req_id (assumed; the doc page was not re-read). */
    static final Duration REPLY_WINDOW = Duration.ofMinutes(5);
    static final int MAX_CONTENT_BYTES = 20_480;
    static final String MESSAGE_ID_PREFIX = "aibot:";
    static final String GROUP_PREFIX = "group:";
    private static final int MAX_MISSED_PINGS = 2;
    private static final int REMEMBERED_CALLBACKS = 5_000;
    private static final Logger log = LoggerFactory.getLogger(AiBotChannel.class);

    private final WeComAiBotConfig config;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final OkHttpClient http;
    private final ScheduledExecutorService timer;
    private final Map<String, CompletableFuture<JsonNode>> pendingAcks = new ConcurrentHashMap<>();
    private final Map<String, Callback> callbacks = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Callback> eldest) {
                    return size() > REMEMBERED_CALLBACKS;
                }
            });
    private final Set<String> waitingChats = new LinkedHashSet<>();

    private volatile InboundSink sink;
    private volatile Consumer<String> reachable = chat -> {};
    private volatile boolean running;

    // Connection state, guarded by this.
    private WebSocket socket;
    private long generation;
    private boolean subscribed;
    private boolean holding;
    private int failures;
    private int missedPings;
    private ScheduledFuture<?> heartbeat;
    private ScheduledFuture<?> reconnect;
    private ScheduledFuture<?> gateTask;

    private record Callback(String reqId, long generation, Instant receivedAt, AtomicBoolean answered) {}

    AiBotChannel(WeComAiBotConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(0, TimeUnit.MILLISECONDS) // the heartbeat finds dead connections
                .build();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wecom-aibot");
            t.setDaemon(true);
            return t;
        });
    }

    void start(InboundSink sink, Consumer<String> reachable) {
        this.sink = sink;
        this.reachable = reachable;
        running = true;
        synchronized (this) {
            gateTask = timer.scheduleWithFixedDelay(this::checkGate, 0, config.gateCheck().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    void stop() {
        running = false;
        synchronized (this) {
            if (gateTask != null) gateTask.cancel(false);
            closeSocket("stopping");
        }
        try {
            config.gate().release();
        } catch (RuntimeException e) {
            log.warn("WeCom AI-bot lease not released: {}", e.toString());
        }
        timer.shutdownNow();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    synchronized boolean connected() {
        return subscribed;
    }

    // ---------------------------------------------------------------- connection lifecycle

    private void checkGate() {
        if (!running) return;
        boolean held;
        try {
            held = config.gate().holdOrAcquire();
        } catch (RuntimeException e) {
            log.warn("WeCom AI-bot lease check failed, treated as not held: {}", e.toString());
            held = false;
        }
        synchronized (this) {
            boolean was = holding;
            holding = held;
            if (!held) {
                if (socket != null) log.warn("WeCom AI-bot lease lost: closing the long connection");
                else if (was) log.info("WeCom AI-bot lease lost");
                closeSocket("lease lost");
                if (reconnect != null) reconnect.cancel(false);
                reconnect = null;
                return;
            }
            if (!was) log.info("WeCom AI-bot lease held: this instance keeps the long connection");
            if (socket == null && reconnect == null) connect();
        }
    }

    /** Opens a new socket; the subscription follows in onOpen. Caller holds the lock. */
    private void connect() {
        if (!running || !holding) return;
        long gen = ++generation;
        missedPings = 0;
        log.info("WeCom AI-bot connecting (connection {})", gen);
        socket = http.newWebSocket(new Request.Builder().url(config.url()).build(), new Listener(gen));
    }

    /** Caller holds the lock. */
    private void closeSocket(String reason) {
        WebSocket s = socket;
        if (s == null && !subscribed) return;
        socket = null;
        subscribed = false;
        generation++; // whatever the old socket still reports is stale now
        if (heartbeat != null) heartbeat.cancel(false);
        heartbeat = null;
        if (s != null) s.close(1000, reason);
        failPendingAcks();
    }

    private synchronized void disconnected(long gen, String reason, Duration atLeast) {
        if (gen != generation) return;
        log.warn("WeCom AI-bot connection {} lost: {}", gen, reason);
        WebSocket s = socket;
        socket = null;
        subscribed = false;
        if (heartbeat != null) heartbeat.cancel(false);
        heartbeat = null;
        if (s != null) s.cancel();
        failPendingAcks();
        scheduleReconnect(atLeast);
    }

    /** Caller holds the lock. */
    private void scheduleReconnect(Duration atLeast) {
        if (!running || !holding || reconnect != null) return;
        failures++;
        Duration delay = config.backoff().delay(failures);
        if (delay.compareTo(atLeast) < 0) delay = atLeast;
        log.info("WeCom AI-bot reconnecting in {} ms (attempt {})", delay.toMillis(), failures);
        reconnect = timer.schedule(() -> {
            synchronized (AiBotChannel.this) {
                reconnect = null;
                if (socket == null) connect();
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The backoff's ceiling (30 s by default): after a refusal or being replaced, fast retries only fight. */
    private Duration longWait() {
        return config.backoff().delay(6);
    }

    private void failPendingAcks() {
        for (CompletableFuture<JsonNode> f : pendingAcks.values()) f.complete(null);
        pendingAcks.clear();
    }

    private final class Listener extends WebSocketListener {
        private final long gen;

        Listener(long gen) {
            this.gen = gen;
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            ObjectNode frame = frame("aibot_subscribe", reqId("aibot_subscribe"));
            frame.putObject("body").put("bot_id", config.botId()).put("secret", config.secret());
            webSocket.send(json.writeValueAsString(frame));
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            try {
                handleFrame(gen, webSocket, text);
            } catch (RuntimeException e) {
                log.warn("WeCom AI-bot frame could not be handled: {}", e.toString());
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
            disconnected(gen, "closed by WeCom (" + code + (reason.isEmpty() ? "" : " " + reason) + ")", Duration.ZERO);
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            disconnected(gen, "closed (" + code + ")", Duration.ZERO);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            disconnected(gen, "failure: " + t.getClass().getSimpleName()
                    + (response != null ? " HTTP " + response.code() : ""), Duration.ZERO);
        }
    }

    // ---------------------------------------------------------------- frames in

    private void handleFrame(long gen, WebSocket from, String text) {
        JsonNode frame;
        try {
            frame = json.readTree(text);
        } catch (JacksonException e) {
            log.warn("WeCom AI-bot sent a frame that is not JSON ({} chars), ignored", text.length());
            return;
        }
        if (!frame.isObject()) {
            log.warn("WeCom AI-bot sent a frame that is not a JSON object, ignored");
            return;
        }
        String cmd = str(frame.path("cmd"));
        String reqId = str(frame.path("headers").path("req_id"));
        switch (cmd) {
            case "aibot_msg_callback" -> onCallback(gen, reqId, frame.path("body"));
            case "aibot_event_callback" -> onEvent(gen, frame.path("body"));
            case "" -> onAck(gen, from, reqId, frame);
            default -> log.debug("WeCom AI-bot frame {} ignored", cmd);
        }
    }

    private void onAck(long gen, WebSocket from, String reqId, JsonNode frame) {
        int errcode = frame.path("errcode").asInt(0);
        CompletableFuture<JsonNode> pending = pendingAcks.remove(reqId);
        if (pending != null) {
            pending.complete(frame);
        } else if (reqId.startsWith("aibot_subscribe")) {
            onSubscribed(gen, from, errcode, str(frame.path("errmsg")));
        } else if (reqId.startsWith("ping")) {
            synchronized (this) {
                if (gen == generation) missedPings = 0;
            }
        } else {
            log.debug("WeCom AI-bot ack for unknown req_id {}", reqId);
        }
    }

    private void onSubscribed(long gen, WebSocket from, int errcode, String errmsg) {
        List<String> nowReachable;
        synchronized (this) {
            if (gen != generation) return;
            if (errcode != 0) {
                // 853000 "invalid bot_id or secret": retrying fast will not help.
                log.error("WeCom AI-bot subscription refused: {} {}", errcode, errmsg);
                socket = null;
                generation++;
                from.close(1000, "subscription refused");
                failPendingAcks();
                scheduleReconnect(longWait());
                return;
            }
            subscribed = true;
            failures = 0;
            missedPings = 0;
            long period = config.heartbeat().toMillis();
            heartbeat = timer.scheduleAtFixedRate(() -> ping(gen), period, period, TimeUnit.MILLISECONDS);
            nowReachable = new ArrayList<>(waitingChats);
            waitingChats.clear();
        }
        log.info("WeCom AI-bot subscribed (connection {})", gen);
        for (String chat : nowReachable) reachable.accept(chat);
    }

    private void ping(long gen) {
        synchronized (this) {
            if (gen != generation || socket == null) return;
            if (missedPings >= MAX_MISSED_PINGS) {
                WebSocket s = socket;
                // cancel() makes OkHttp report a failure, which reconnects
                log.warn("WeCom AI-bot: {} pings unanswered, the connection is considered dead", missedPings);
                s.cancel();
                return;
            }
            missedPings++;
            socket.send(json.writeValueAsString(frame("ping", reqId("ping"))));
        }
    }

    private void onCallback(long gen, String reqId, JsonNode body) {
        String msgid = str(body.path("msgid"));
        String from = str(body.path("from").path("userid"));
        if (msgid.isBlank() || from.isBlank()) {
            log.warn("WeCom AI-bot callback without msgid or sender ignored (req_id {})", reqId);
            return;
        }
        String msgtype = str(body.path("msgtype"));
        String chatid = str(body.path("chatid"));
        boolean group = "group".equals(str(body.path("chattype"))) && !chatid.isBlank();
        Map<String, String> extras = new HashMap<>();
        extras.put("via", "aibot");
        if (group) extras.put(InboundMessage.GROUP, "true");
        if (!msgtype.equals("text")) extras.put("msgType", msgtype);
        String aibotid = str(body.path("aibotid"));
        if (!aibotid.isBlank() && aibotid.equals(from)) extras.put(InboundMessage.FROM_BOT, "true");
        String text = textOf(msgtype, body);
        if (group) text = text.replaceFirst("^\\s*(@\\S+\\s+)+", "");
        String messageId = MESSAGE_ID_PREFIX + msgid;
        InboundMessage message = new InboundMessage(WeComAdapter.PLATFORM, messageId, group ? GROUP_PREFIX + chatid : from,
                from, text.strip(), sentAt(body.path("create_time")), extras);
        if (!reqId.isBlank()) callbacks.put(messageId, new Callback(reqId, gen, clock.instant(), new AtomicBoolean()));
        InboundSink s = sink;
        if (s == null) return;
        try {
            s.accept(message);
            log.info("WeCom AI-bot message {} from {} received", messageId, from);
        } catch (RuntimeException e) {
            log.warn("WeCom AI-bot message {} not taken by the pipeline: {}", messageId, e.toString());
        }
    }

    private static String textOf(String msgtype, JsonNode body) {
        return switch (msgtype) {
            case "text" -> str(body.path("text").path("content"));
            case "voice" -> str(body.path("voice").path("content"));
            case "mixed" -> {
                StringBuilder sb = new StringBuilder();
                for (JsonNode item : body.path("mixed").path("msg_item")) {
                    if ("text".equals(str(item.path("msgtype")))) {
                        if (!sb.isEmpty()) sb.append('\n');
                        sb.append(str(item.path("text").path("content")));
                    }
                }
                yield sb.toString();
            }
            default -> "";
        };
    }

    private Instant sentAt(JsonNode createTime) {
        long t = createTime.isNumber() ? createTime.asLong() : parseLong(str(createTime));
        if (t <= 0) return clock.instant();
        return t > 100_000_000_000L ? Instant.ofEpochMilli(t) : Instant.ofEpochSecond(t);
    }

    private void onEvent(long gen, JsonNode body) {
        String type = str(body.path("event").path("eventtype"));
        if (type.equals("disconnected_event")) {
            // Another connection subscribed for this bot and WeCom closes this one. If that other one is
            // not ours (the lease says we are the only instance), wait the longest backoff before taking it back.
            log.warn("WeCom AI-bot: another connection subscribed for this bot; this one is being closed");
            disconnected(gen, "replaced by another connection", longWait());
        } else {
            log.debug("WeCom AI-bot event {} ignored", type);
        }
    }

    // ---------------------------------------------------------------- sending

    Delivery send(OutboundMessage message) {
        synchronized (this) {
            if (!subscribed) {
                if (!holding) {
                    remember(message.chatId());
                    return new Delivery.Unreachable("the WeCom AI-bot connection is held by another bot instance");
                }
                return new Delivery.RetryLater(Duration.ofSeconds(5), "the WeCom AI-bot connection is not up");
            }
        }
        String content = Utf8.truncate(message.text(), MAX_CONTENT_BYTES);
        Callback callback = message.replyTo() == null ? null : callbacks.get(message.replyTo());
        if (callback != null && canAnswer(callback) && callback.answered().compareAndSet(false, true)) {
            ObjectNode frame = frame("aibot_respond_msg", callback.reqId());
            ObjectNode stream = frame.putObject("body").put("msgtype", "stream").putObject("stream");
            stream.put("id", "mentorbot-" + message.key()).put("finish", true).put("content", content);
            JsonNode ack = request(callback.reqId(), frame);
            if (ack != null && ack.path("errcode").asInt(-1) == 0) return Delivery.sent();
            log.info("WeCom AI-bot answer on req_id not taken ({}), sending it as a new message",
                    ack == null ? "no ack" : ack.path("errcode").asInt(-1));
        }
        String chatid = message.chatId().startsWith(GROUP_PREFIX)
                ? message.chatId().substring(GROUP_PREFIX.length()) : message.chatId();
        String reqId = reqId("aibot_send_msg");
        ObjectNode frame = frame("aibot_send_msg", reqId);
        ObjectNode body = frame.putObject("body").put("chatid", chatid).put("msgtype", "markdown");
        body.putObject("markdown").put("content", content);
        JsonNode ack = request(reqId, frame);
        if (ack == null) return new Delivery.RetryLater(Duration.ofSeconds(5), "no ack from WeCom for aibot_send_msg");
        int errcode = ack.path("errcode").asInt(-1);
        String errmsg = str(ack.path("errmsg"));
        return switch (errcode) {
            case 0 -> Delivery.sent();
            case -1, 45009, 45033 -> new Delivery.RetryLater(Duration.ofSeconds(30), "WeCom AI-bot busy or limited (" + errcode + ")");
            default -> new Delivery.Failed("WeCom AI-bot refused the message: " + errcode + " " + errmsg);
        };
    }

    private boolean canAnswer(Callback c) {
        synchronized (this) {
            if (c.generation() != generation) return false;
        }
        return clock.instant().isBefore(c.receivedAt().plus(REPLY_WINDOW));
    }

    /** Sends one frame and waits for its ack; null when none came in time or the connection dropped. */
    private JsonNode request(String reqId, ObjectNode frame) {
        CompletableFuture<JsonNode> ack = new CompletableFuture<>();
        pendingAcks.put(reqId, ack);
        boolean queued;
        synchronized (this) {
            queued = socket != null && socket.send(json.writeValueAsString(frame));
        }
        if (!queued) {
            pendingAcks.remove(reqId, ack);
            return null;
        }
        try {
            return ack.get(config.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            pendingAcks.remove(reqId, ack);
        }
    }

    private synchronized void remember(String chatId) {
        if (waitingChats.size() < 1_000) waitingChats.add(chatId);
    }

    private ObjectNode frame(String cmd, String reqId) {
        ObjectNode frame = json.createObjectNode();
        frame.put("cmd", cmd);
        frame.putObject("headers").put("req_id", reqId);
        return frame;
    }

    private static String reqId(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "");
    }

    static String str(JsonNode n) {
        return n == null || !n.isValueNode() || n.isNull() ? "" : n.asString("");
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
