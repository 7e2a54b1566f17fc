package app.mentorbot.adapters.wecom;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.mentorbot.adapters.api.Adapter;
import app.mentorbot.adapters.api.AdapterContext;
import app.mentorbot.adapters.api.Delivery;
import app.mentorbot.adapters.api.InboundSink;
import app.mentorbot.adapters.api.OutboundMessage;
import app.mentorbot.adapters.api.RateLimit;

/**
 * WeCom (企业微信), in either or both of the ways a school may set it up: a self-built app (HTTP
 * callbacks in through {@link #handleCallback}, {@code message/send} out) and the smart robot's long
 * connection. Both are one platform, "wecom", because both name a person by the same WeCom userid, the
 * value the roster binds ({@code wecom_user_id}): a person's 1:1 chat id is their userid either way,
 * a robot group chat is {@code group:<chatid>}.
 *
 * <p>Sending: an answer to a robot message goes back on the robot (on the callback's req_id while it is
 * fresh, else as a new robot message), as does anything for a group; everything else goes through the
 * app when there is one. When the robot cannot deliver a 1:1 message and the app exists, the app does.
 * Messages received through the robot carry ids prefixed {@code aibot:}, the app's are WeCom's MsgId.
 */
public final class WeComAdapter implements Adapter {
    public static final String PLATFORM = "wecom";
    private static final Logger log = LoggerFactory.getLogger(WeComAdapter.class);

    private final AppChannel app;
    private final AiBotChannel aiBot;
    private final int maxCallbackBytes;
    private volatile AdapterContext context;

    /**
     * @param app   the self-built app, or null when the school does not use one
     * @param aiBot the smart robot's long connection, or null
     */
    public WeComAdapter(Clock clock, WeComAppConfig app, WeComAiBotConfig aiBot) {
        Objects.requireNonNull(clock, "clock");
        if (app == null && aiBot == null) {
            throw new IllegalArgumentException("WeCom: enable the app, the AI bot, or both");
        }
        this.app = app == null ? null : new AppChannel(app, clock);
        this.maxCallbackBytes = app == null ? 0 : app.maxBodyBytes();
        this.aiBot = aiBot == null ? null : new AiBotChannel(aiBot, clock);
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    @Override
    public void start(AdapterContext context) {
        this.context = Objects.requireNonNull(context, "context");
        if (aiBot != null) aiBot.start(context.sink(), chat -> context.reachable(PLATFORM, chat));
        log.info("WeCom adapter started (app: {}, AI bot: {})", app != null ? "on" : "off", aiBot != null ? "on" : "off");
    }

    @Override
    public void stop() {
        if (aiBot != null) aiBot.stop();
        if (app != null) app.close();
    }

    /**
     * One request to the app's callback URL, framework-free: the bot's HTTP controller passes the method,
     * the URL-decoded query parameters and the raw body. Never throws; refusals are 4xx with a one-line
     * reason, and only a pipeline that would not take the message answers 503 (so WeCom retries).
     */
    public CallbackResponse handleCallback(String method, Map<String, String> query, String body) {
        if (app == null) return CallbackResponse.notFound("the WeCom app is not enabled");
        AdapterContext c = context;
        InboundSink sink = c == null ? null : c.sink();
        try {
            return app.handle(method, query, body, sink);
        } catch (RuntimeException e) {
            log.warn("WeCom callback refused: {}", e.toString());
            return CallbackResponse.badRequest("unreadable callback");
        }
    }

    /** Longest callback body the app accepts; the HTTP layer need not read more than one byte past it. */
    public int maxCallbackBytes() {
        return maxCallbackBytes;
    }

    /** Whether this instance holds a subscribed robot connection right now. */
    public boolean aiBotConnected() {
        return aiBot != null && aiBot.connected();
    }

    @Override
    public Delivery send(OutboundMessage message) {
        try {
            return route(message);
        } catch (RuntimeException e) {
            log.warn("WeCom send of row {} failed: {}", message.key(), e.toString());
            return new Delivery.RetryLater(Duration.ofSeconds(30), "WeCom send failed: " + e);
        }
    }

    private Delivery route(OutboundMessage message) {
        boolean group = message.chatId().startsWith(AiBotFrames.GROUP_PREFIX);
        boolean robotMessage = message.replyTo() != null && message.replyTo().startsWith(AiBotFrames.MESSAGE_ID_PREFIX);
        if (aiBot != null && (group || robotMessage || app == null)) {
            Delivery d = aiBot.send(message);
            if (app == null || group || d instanceof Delivery.Sent || d instanceof Delivery.Failed) return d;
            log.info("WeCom AI bot could not deliver row {} now, sending it through the app", message.key());
            return app.send(message.chatId(), message.text());
        }
        if (group) return new Delivery.Failed("the WeCom app cannot send to a robot group chat (AI bot not enabled)");
        return app.send(message.chatId(), message.text());
    }

    /**
     * WeCom's corp-wide API limits are far above a school's traffic; this keeps a burst of digests
     * from hitting 45009. Per-member limits are kept by the app channel itself.
     */
    @Override
    public Optional<RateLimit> rateLimit() {
        return Optional.of(new RateLimit(600, Duration.ofMinutes(1)));
    }
}
