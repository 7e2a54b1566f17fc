package app.mentorbot.adapters.wecom;

import static app.mentorbot.adapters.wecom.AiBotFrames.JSON;
import static app.mentorbot.adapters.wecom.AiBotFrames.frame;
import static app.mentorbot.adapters.wecom.AiBotFrames.reqId;
import static app.mentorbot.adapters.wecom.AiBotFrames.str;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.mentorbot.adapters.api.connection.ReconnectLoop.Ending;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One WebSocket to the smart robot's gateway, from open to end. On open it subscribes with bot id and secret; once
 * subscribed it pings every heartbeat, and two unanswered pings mean it is dead. Acks are matched to requests by
 * req_id here; message callbacks go to the {@link Listener}. It ends once (the first end wins), with the
 * {@link Ending} its {@link ReconnectLoop} turn returns: WORKED or FAILED when lost after or before the
 * subscription, REFUSED when the subscription is refused or another connection takes the bot's place.
 */
final class AiBotLink extends WebSocketListener {
    private static final int MAX_MISSED_PINGS = 2;
    private static final Logger log = LoggerFactory.getLogger(AiBotLink.class);

    /** What the channel hears from its links, on OkHttp's or the timer's threads. */
    interface Listener {
        void subscribed(AiBotLink link);

        void callback(AiBotLink link, String reqId, JsonNode body);

        void ended(AiBotLink link);
    }

    final long number;
    private final WeComAiBotConfig config;
    private final ScheduledExecutorService timer;
    private final Listener listener;
    private final Map<String, CompletableFuture<JsonNode>> pendingAcks = new ConcurrentHashMap<>();
    private final CompletableFuture<Ending> ended = new CompletableFuture<>();
    private final AtomicInteger missedPings = new AtomicInteger();
    private volatile WebSocket socket;
    private volatile boolean subscribed;
    private ScheduledFuture<?> heartbeat; // guarded by this

    private AiBotLink(long number, WeComAiBotConfig config, ScheduledExecutorService timer, Listener listener) {
        this.number = number;
        this.config = config;
        this.timer = timer;
        this.listener = listener;
    }

    /** Starts connecting and returns at once; the subscription follows when the socket opens. */
    static AiBotLink open(OkHttpClient http, long number, WeComAiBotConfig config, ScheduledExecutorService timer, Listener listener) {
        AiBotLink link = new AiBotLink(number, config, timer, listener);
        log.info("WeCom AI-bot connecting (connection {})", number);
        link.socket = http.newWebSocket(new Request.Builder().url(config.url()).build(), link);
        if (link.ended.isDone()) link.socket.cancel();
        return link;
    }

    boolean subscribed() {
        return subscribed && !ended.isDone();
    }

    /** Blocks until the link has ended; how it ended. */
    Ending awaitEnd() throws InterruptedException, ExecutionException {
        return ended.get();
    }

    /** Ends the link as {@code how} with a normal close (the lease was lost, the adapter stops, WeCom refused us). */
    void close(Ending how, String reason) {
        end(how, reason, false);
    }

    /** The socket is gone or dead: a failure, or a normal end after a subscription that worked. */
    private void lost(String reason) {
        if (ended.isDone()) return;
        log.warn("WeCom AI-bot connection {} lost: {}", number, reason);
        end(subscribed ? Ending.WORKED : Ending.FAILED, reason, true);
    }

    private void end(Ending how, String reason, boolean abrupt) {
        if (!ended.complete(how)) return;
        subscribed = false;
        synchronized (this) {
            if (heartbeat != null) heartbeat.cancel(false);
        }
        for (CompletableFuture<JsonNode> f : pendingAcks.values()) f.complete(null);
        pendingAcks.clear();
        WebSocket s = socket;
        if (s != null) {
            if (abrupt) s.cancel();
            else s.close(1000, reason);
        }
        listener.ended(this);
    }

    /** Sends one frame and waits for its ack; null when none came in time or the link ended. */
    JsonNode request(String reqId, ObjectNode frame, Duration timeout) {
        CompletableFuture<JsonNode> ack = new CompletableFuture<>();
        pendingAcks.put(reqId, ack);
        WebSocket s = socket;
        try {
            if (ended.isDone() || s == null || !s.send(JSON.writeValueAsString(frame))) return null;
            return ack.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            pendingAcks.remove(reqId, ack);
        }
    }

    // ---- OkHttp's callbacks

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
        ObjectNode frame = frame("aibot_subscribe", reqId("aibot_subscribe"));
        frame.putObject("body").put("bot_id", config.botId()).put("secret", config.secret());
        webSocket.send(JSON.writeValueAsString(frame));
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
        try {
            onFrame(text);
        } catch (RuntimeException e) {
            log.warn("WeCom AI-bot frame could not be handled: {}", e.toString());
        }
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        webSocket.close(1000, null);
        lost("closed by WeCom (" + code + (reason.isEmpty() ? "" : " " + reason) + ")");
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
        lost("closed (" + code + ")");
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
        lost("failure: " + t.getClass().getSimpleName() + (response != null ? " HTTP " + response.code() : ""));
    }

    private void onFrame(String text) {
        JsonNode frame;
        try {
            frame = JSON.readTree(text);
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
            case "aibot_msg_callback" -> listener.callback(this, reqId, frame.path("body"));
            case "aibot_event_callback" -> onEvent(frame.path("body"));
            case "" -> onAck(reqId, frame);
            default -> log.debug("WeCom AI-bot frame {} ignored", cmd);
        }
    }

    private void onAck(String reqId, JsonNode frame) {
        CompletableFuture<JsonNode> pending = pendingAcks.remove(reqId);
        if (pending != null) {
            pending.complete(frame);
        } else if (reqId.startsWith("aibot_subscribe")) {
            onSubscribed(frame.path("errcode").asInt(0), str(frame.path("errmsg")));
        } else if (reqId.startsWith("ping")) {
            missedPings.set(0);
        } else {
            log.debug("WeCom AI-bot ack for unknown req_id {}", reqId);
        }
    }

    private void onSubscribed(int errcode, String errmsg) {
        if (ended.isDone()) return;
        if (errcode != 0) {
            // 853000 "invalid bot_id or secret": retrying fast will not help.
            log.error("WeCom AI-bot subscription refused: {} {}", errcode, errmsg);
            close(Ending.REFUSED, "subscription refused");
            return;
        }
        subscribed = true;
        missedPings.set(0);
        long period = config.heartbeat().toMillis();
        synchronized (this) {
            if (!ended.isDone()) heartbeat = timer.scheduleAtFixedRate(this::ping, period, period, TimeUnit.MILLISECONDS);
        }
        log.info("WeCom AI-bot subscribed (connection {})", number);
        listener.subscribed(this);
    }

    private void onEvent(JsonNode body) {
        String type = str(body.path("event").path("eventtype"));
        if (type.equals("disconnected_event")) {
            // Another connection subscribed for this bot and WeCom closes this one. If that other one is not ours
            // (the lease says we are the only instance), the backoff's longest wait passes before we take it back.
            log.warn("WeCom AI-bot: another connection subscribed for this bot; connection {} is being closed", number);
            end(Ending.REFUSED, "replaced by another connection", true);
        } else {
            log.debug("WeCom AI-bot event {} ignored", type);
        }
    }

    private void ping() {
        WebSocket s = socket;
        if (ended.isDone() || s == null) return;
        if (missedPings.get() >= MAX_MISSED_PINGS) {
            lost(missedPings.get() + " pings unanswered, the connection is considered dead");
            return;
        }
        missedPings.incrementAndGet();
        s.send(JSON.writeValueAsString(frame("ping", reqId("ping"))));
    }
}
