package app.mentorbot.adapters.wecom;

import static app.mentorbot.adapters.wecom.AiBotFrames.frame;
import static app.mentorbot.adapters.wecom.AiBotFrames.reqId;
import static app.mentorbot.adapters.wecom.AiBotFrames.str;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.mentorbot.adapters.api.Delivery;
import app.mentorbot.adapters.api.InboundMessage;
import app.mentorbot.adapters.api.InboundSink;
import app.mentorbot.adapters.api.OutboundMessage;
import app.mentorbot.adapters.api.connection.RecentMap;
import app.mentorbot.adapters.api.connection.ReconnectLoop;
import app.mentorbot.adapters.api.connection.ReconnectLoop.Ending;
import okhttp3.OkHttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The smart robot's long connection, kept by a {@link ReconnectLoop}: whenever this instance holds the lease and
 * no {@link AiBotLink} is up, the loop opens one and waits for its end, then backs off as the end says. A timer
 * thread asks the {@link ConnectionGate} every gate period (renewing the lease) and closes the link when this
 * instance may not hold it; messages for people wait (Unreachable) until it may again.
 *
 * <p>Callbacks carry no ack: the answer is an {@code aibot_respond_msg} on the callback's req_id (a finished
 * stream), which WeCom acks. A callback's req_id is kept for {@link #REPLY_WINDOW} and only for the link it came
 * on; later answers and pushes use {@code aibot_send_msg}.
 */
final class AiBotChannel implements AiBotLink.Listener {
    /** How long after a callback we still answer on its req_id (assumed; the doc page was not re-read). */
    static final Duration REPLY_WINDOW = Duration.ofMinutes(5);
    static final int MAX_CONTENT_BYTES = 20_480;
    private static final int REMEMBERED_CALLBACKS = 5_000;
    private static final Logger log = LoggerFactory.getLogger(AiBotChannel.class);

    private final WeComAiBotConfig config;
    private final Clock clock;
    private final OkHttpClient http;
    private final ScheduledExecutorService timer;
    private final AtomicLong linkNumbers = new AtomicLong();
    private final RecentMap<String, Callback> callbacks = new RecentMap<>(REMEMBERED_CALLBACKS);

    private volatile InboundSink sink;
    private volatile Consumer<String> reachable = chat -> {};
    private volatile ReconnectLoop loop;

    // guarded by this
    private AiBotLink live;
    private boolean holding;
    private final Set<String> waitingChats = new LinkedHashSet<>();
    private ScheduledFuture<?> gateTask;

    /** A callback's req_id, answerable once, on the link it came on, within the reply window. */
    private record Callback(String reqId, long link, Instant receivedAt, AtomicBoolean answered) {}

    AiBotChannel(WeComAiBotConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(0, TimeUnit.MILLISECONDS) // the heartbeat finds dead connections
                .build();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wecom-aibot-timer");
            t.setDaemon(true);
            return t;
        });
    }

    void start(InboundSink sink, Consumer<String> reachable) {
        this.sink = sink;
        this.reachable = reachable;
        loop = new ReconnectLoop("WeCom AI-bot", config.backoff(), this::connectAndRead);
        loop.start();
        synchronized (this) {
            gateTask = timer.scheduleWithFixedDelay(this::checkGate, 0, config.gateCheck().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    void stop() {
        synchronized (this) {
            if (gateTask != null) gateTask.cancel(false);
        }
        ReconnectLoop l = loop;
        if (l != null) l.stop();
        AiBotLink link = current();
        if (link != null) link.close(Ending.STOP, "stopping");
        try {
            config.gate().release();
        } catch (RuntimeException e) {
            log.warn("WeCom AI-bot lease not released: {}", e.toString());
        }
        timer.shutdownNow();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** Whether a subscribed link is up. */
    boolean connected() {
        AiBotLink link = current();
        return link != null && link.subscribed();
    }

    private synchronized AiBotLink current() {
        return live;
    }

    private boolean running() {
        ReconnectLoop l = loop;
        return l != null && l.running();
    }

    // ---------------------------------------------------------------- the loop and the lease

    /** One turn of the loop: waits for the lease, opens a link, and returns how it ended. */
    private Ending connectAndRead() throws InterruptedException, ExecutionException {
        AiBotLink link;
        synchronized (this) {
            while (!holding) {
                if (!running()) return Ending.STOP;
                wait(); // checkGate wakes us when the lease is held
            }
            link = AiBotLink.open(http, linkNumbers.incrementAndGet(), config, timer, this);
            live = link;
        }
        return link.awaitEnd();
    }

    private void checkGate() {
        if (!running()) return;
        boolean held;
        try {
            held = config.gate().holdOrAcquire();
        } catch (RuntimeException e) {
            log.warn("WeCom AI-bot lease check failed, treated as not held: {}", e.toString());
            held = false;
        }
        AiBotLink toClose = null;
        synchronized (this) {
            boolean was = holding;
            holding = held;
            if (!held) {
                if (live != null) log.warn("WeCom AI-bot lease lost: closing the long connection");
                else if (was) log.info("WeCom AI-bot lease lost");
                toClose = live;
            } else if (!was) {
                log.info("WeCom AI-bot lease held: this instance keeps the long connection");
                notifyAll();
            }
        }
        if (toClose != null) toClose.close(Ending.RENEW, "lease lost"); // the loop then waits for the lease again
    }

    // ---------------------------------------------------------------- what the links tell

    @Override
    public synchronized void ended(AiBotLink link) {
        if (live == link) live = null;
    }

    @Override
    public void subscribed(AiBotLink link) {
        List<String> nowReachable;
        synchronized (this) {
            if (live != link) return;
            nowReachable = new ArrayList<>(waitingChats);
            waitingChats.clear();
        }
        for (String chat : nowReachable) reachable.accept(chat);
    }

    @Override
    public void callback(AiBotLink link, String reqId, JsonNode body) {
        Optional<InboundMessage> mapped = AiBotFrames.message(body, clock.instant());
        if (mapped.isEmpty()) {
            log.warn("WeCom AI-bot callback without msgid or sender ignored (req_id {})", reqId);
            return;
        }
        InboundMessage message = mapped.get();
        if (!reqId.isBlank()) callbacks.put(message.messageId(), new Callback(reqId, link.number, clock.instant(), new AtomicBoolean()));
        InboundSink s = sink;
        if (s == null) return;
        try {
            s.accept(message);
            log.info("WeCom AI-bot message {} from {} received", message.messageId(), message.senderId());
        } catch (RuntimeException e) {
            log.warn("WeCom AI-bot message {} not taken by the pipeline: {}", message.messageId(), e.toString());
        }
    }

    // ---------------------------------------------------------------- sending

    Delivery send(OutboundMessage message) {
        AiBotLink link;
        synchronized (this) {
            link = live;
            if (link == null || !link.subscribed()) {
                if (!holding) {
                    if (waitingChats.size() < 1_000) waitingChats.add(message.chatId());
                    return new Delivery.Unreachable("the WeCom AI-bot connection is held by another bot instance");
                }
                return new Delivery.RetryLater(Duration.ofSeconds(5), "the WeCom AI-bot connection is not up");
            }
        }
        String content = Utf8.truncate(message.text(), MAX_CONTENT_BYTES);
        Callback callback = callbacks.get(message.replyTo());
        if (callback != null && callback.link() == link.number && clock.instant().isBefore(callback.receivedAt().plus(REPLY_WINDOW))
                && callback.answered().compareAndSet(false, true)) {
            ObjectNode frame = frame("aibot_respond_msg", callback.reqId());
            ObjectNode stream = frame.putObject("body").put("msgtype", "stream").putObject("stream");
            stream.put("id", "mentorbot-" + message.key()).put("finish", true).put("content", content);
            JsonNode ack = link.request(callback.reqId(), frame, config.ackTimeout());
            if (ack != null && ack.path("errcode").asInt(-1) == 0) return Delivery.sent();
            log.info("WeCom AI-bot answer on req_id not taken ({}), sending it as a new message",
                    ack == null ? "no ack" : ack.path("errcode").asInt(-1));
        }
        String chatid = message.chatId().startsWith(AiBotFrames.GROUP_PREFIX)
                ? message.chatId().substring(AiBotFrames.GROUP_PREFIX.length()) : message.chatId();
        String reqId = reqId("aibot_send_msg");
        ObjectNode frame = frame("aibot_send_msg", reqId);
        ObjectNode body = frame.putObject("body").put("chatid", chatid).put("msgtype", "markdown");
        body.putObject("markdown").put("content", content);
        JsonNode ack = link.request(reqId, frame, config.ackTimeout());
        if (ack == null) return new Delivery.RetryLater(Duration.ofSeconds(5), "no ack from WeCom for aibot_send_msg");
        int errcode = ack.path("errcode").asInt(-1);
        String errmsg = str(ack.path("errmsg"));
        return switch (errcode) {
            case 0 -> Delivery.sent();
            case -1, 45009, 45033 -> new Delivery.RetryLater(Duration.ofSeconds(30), "WeCom AI-bot busy or limited (" + errcode + ")");
            default -> new Delivery.Failed("WeCom AI-bot refused the message: " + errcode + " " + errmsg);
        };
    }
}
