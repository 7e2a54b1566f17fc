package app.mentorbot.adapters.slack;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.mentorbot.adapters.api.Adapter;
import app.mentorbot.adapters.api.AdapterContext;
import app.mentorbot.adapters.api.Delivery;
import app.mentorbot.adapters.api.InboundMessage;
import app.mentorbot.adapters.api.OutboundMessage;
import app.mentorbot.adapters.api.RateLimit;
import app.mentorbot.adapters.api.connection.RecentMap;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import okhttp3.OkHttpClient;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Slack over Socket Mode: events come in on a WebSocket the bot opens (no public URL needed), answers
 * go out with {@code chat.postMessage}.
 *
 * <p>Chat ids: a direct message's chat id is the sender's Slack user id (U…/W…), which is also what the
 * roster binds, so pushes and replies both post with {@code channel} = that user id; Slack delivers a
 * bot-token post addressed to a user id into the app's DM with that user (no {@code conversations.open},
 * no {@code im:write} scope). A channel where the bot was mentioned is {@code "group:" + channel id}.
 * Message ids are the Events API {@code event_id}, which Slack repeats on redelivery. A reply to a
 * message that was in a thread goes into that thread (remembered in memory for recent messages; after a
 * restart such a reply simply goes to the chat).
 */
public final class SlackAdapter implements Adapter {
    public static final String PLATFORM = "slack";
    public static final String GROUP_PREFIX = "group:";
    private static final Logger log = LoggerFactory.getLogger(SlackAdapter.class);

    private final SlackOptions options;
    private final Clock clock;
    private final OkHttpClient http;
    private final SlackWebApi api;
    private final SocketModeClient socket;
    private final RecentMap<String, Place> threads = new RecentMap<>(5_000);
    private volatile String botUserId;
    private volatile AdapterContext context;

    /** Where a recent inbound message was, so a reply to it lands in the same thread. */
    private record Place(String chatId, String channel, String threadTs) {}

    public SlackAdapter(SlackOptions options, Clock clock) {
        this(options, clock, ContainerProvider.getWebSocketContainer());
    }

    SlackAdapter(SlackOptions options, Clock clock, WebSocketContainer container) {
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(container, "container");
        container.setDefaultMaxTextMessageBufferSize(Link.MAX_FRAME_BYTES);
        ObjectMapper json = JsonMapper.builder().build();
        this.http = new OkHttpClient.Builder()
                .callTimeout(options.httpTimeout())
                .connectTimeout(options.httpTimeout())
                .readTimeout(options.httpTimeout())
                .retryOnConnectionFailure(false)
                .build();
        this.api = new SlackWebApi(options, http, json);
        Envelopes envelopes = new Envelopes(clock, () -> botUserId);
        this.socket = new SocketModeClient(api, container, options, clock, json, envelopes, this::deliver, this::learnBotUserId);
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public synchronized void start(AdapterContext context) {
        Objects.requireNonNull(context, "context");
        if (this.context != null) throw new IllegalStateException("Slack adapter already started");
        this.context = context;
        log.info("Slack adapter starting (Socket Mode, API {})", options.apiBaseUrl());
        socket.start();
    }

    @Override
    public void stop() {
        socket.stop();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** True while a Socket Mode link is open and has said hello, for the health page. */
    public boolean connected() {
        return socket.connected();
    }

    @Override
    public Optional<Boolean> connectionUp() {
        return Optional.of(connected());
    }

    @Override
    public Optional<RateLimit> rateLimit() {
        // chat.postMessage: about one message per second per channel (short bursts tolerated).
        return Optional.of(new RateLimit(1, Duration.ofSeconds(1)));
    }

    @Override
    public Delivery send(OutboundMessage message) {
        try {
            String chatId = message.chatId();
            String channel = chatId.startsWith(GROUP_PREFIX) ? chatId.substring(GROUP_PREFIX.length()) : chatId;
            if (channel.isBlank()) return new Delivery.Failed("empty Slack chat id");
            String threadTs = null;
            Place place = threads.get(message.replyTo());
            if (place != null && place.chatId().equals(chatId)) {
                channel = place.channel();
                threadTs = place.threadTs();
            }
            Delivery result = api.postMessage(channel, message.text(), threadTs);
            if (result instanceof Delivery.Sent) {
                log.info("Slack message {} sent to {}", message.key(), chatId);
            } else {
                log.info("Slack message {} to {} not sent: {}", message.key(), chatId, result);
            }
            return result;
        } catch (RuntimeException e) {
            log.warn("Slack message {} not sent: {}", message.key(), e.toString());
            return new Delivery.RetryLater(Duration.ZERO, e.toString());
        }
    }

    private void deliver(InboundMessage message) {
        String threadTs = message.extras().get(Envelopes.THREAD_TS);
        if (threadTs != null) {
            threads.put(message.messageId(), new Place(message.chatId(),
                    message.extras().get(Envelopes.CHANNEL), threadTs));
        }
        AdapterContext c = context;
        if (c == null) throw new IllegalStateException("Slack adapter used before start()");
        c.sink().accept(message);
    }

    /** Called before each connect until it works: the bot's user id, so its own messages are dropped. */
    private void learnBotUserId() {
        if (botUserId != null) return;
        try {
            botUserId = api.botUserId();
            log.info("Slack bot user is {}", botUserId);
        } catch (SlackWebApi.SlackApiException e) {
            log.warn("Slack auth.test failed ({}); own messages are recognised by bot_id only until it works", e.getMessage());
        }
    }

    /** For tests: the bot user id learned from auth.test, or null. */
    String botUserId() {
        return botUserId;
    }
}
