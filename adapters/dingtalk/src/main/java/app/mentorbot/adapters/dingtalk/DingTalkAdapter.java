package app.mentorbot.adapters.dingtalk;

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
import app.mentorbot.adapters.api.connection.Backoff;

/**
 * DingTalk (钉钉) in Stream mode: no public URL, the bot dials out. Bot messages (1:1, and group messages that
 * @-mention the robot) arrive as CALLBACK frames on {@value StreamFrames#TOPIC_BOT_MESSAGE}; each is handed to the
 * sink and then acknowledged. A person's chat id is their DingTalk userId (senderStaffId), a group's is
 * {@code group:<openConversationId>}.
 *
 * <p>Replies go through the conversation's session webhook while it lives (about 90 minutes after the message);
 * later replies and pushes through the robot API with the app's access token. Several bot instances may run at
 * once: DingTalk hands each message to one of the open connections.
 */
public final class DingTalkAdapter implements Adapter {
    public static final String PLATFORM = "dingtalk";

    private static final Logger log = LoggerFactory.getLogger(DingTalkAdapter.class);

    private final DingTalkOptions options;
    private final Clock clock;
    private final OpenApi api;
    private final SessionWebhooks webhooks;
    private final StreamClient stream;
    private volatile AdapterContext context;
    private volatile boolean stopping;

    public DingTalkAdapter(DingTalkOptions options, Clock clock) {
        this(options, clock, Backoff.exponential(options.reconnectMin(), options.reconnectMax()));
    }

    DingTalkAdapter(DingTalkOptions options, Clock clock, Backoff backoff) {
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.api = new OpenApi(options, OpenApi.httpClient(options), clock);
        this.webhooks = new SessionWebhooks(clock, 10_000);
        this.stream = new StreamClient(api, options, backoff, this::handle);
    }

    @Override
    public String platform() {
        return PLATFORM;
    }

    /** Starts the stream on its own thread and returns at once. */
    @Override
    public void start(AdapterContext context) {
        this.context = Objects.requireNonNull(context, "context");
        stopping = false;
        log.info("DingTalk adapter starting: {}", options);
        stream.start();
    }

    @Override
    public void stop() {
        stopping = true;
        stream.stop();
    }

    /** Whether the stream is connected now, for a health page. */
    public boolean connected() {
        return stream.connected();
    }

    @Override
    public Optional<Boolean> connectionUp() {
        return Optional.of(connected());
    }

    @Override
    public Optional<RateLimit> rateLimit() {
        return options.sendsPerMinute() > 0
                ? Optional.of(new RateLimit(options.sendsPerMinute(), Duration.ofMinutes(1)))
                : Optional.empty();
    }

    @Override
    public Delivery send(OutboundMessage message) {
        try {
            String chatId = message.chatId();
            if (chatId.isBlank()) return new Delivery.Failed("empty DingTalk chat id");
            Optional<String> hook = webhooks.find(message.replyTo(), chatId);
            if (hook.isPresent()) {
                Optional<Delivery> viaHook = api.sendByWebhook(hook.get(), message.text());
                if (viaHook.isPresent()) return viaHook.get();
                webhooks.forget(hook.get());
            }
            String group = BotMessages.openConversationIdOf(chatId);
            if (group == null) return api.sendToUser(chatId, message.text());
            return group.isBlank() ? new Delivery.Failed("group chat id without a conversation: " + chatId)
                    : api.sendToGroup(group, message.text());
        } catch (RuntimeException e) {
            log.warn("DingTalk send of outbox row {} failed: {}", message.key(), e.toString(), e);
            return new Delivery.RetryLater(Duration.ZERO, "DingTalk adapter error: " + e);
        }
    }

    /** A CALLBACK or EVENT frame: the ACK to send. Bot messages reach the sink before they are acknowledged. */
    String handle(StreamFrames.Frame frame) {
        String id = frame.messageId();
        boolean event = StreamFrames.EVENT.equals(frame.type());
        if (id == null) {
            log.warn("DingTalk {} frame without messageId ignored (topic {})", StreamFrames.loggable(frame.type()), StreamFrames.loggable(frame.topic()));
            return null;
        }
        if (!StreamFrames.TOPIC_BOT_MESSAGE.equals(frame.topic())) {
            if (event) {
                log.debug("DingTalk event {} ({}) not used", StreamFrames.loggable(frame.header("eventId")), StreamFrames.loggable(frame.header("eventType")));
                return StreamFrames.eventAck(id, true, "ignored");
            }
            log.debug("DingTalk {} frame {} on topic {} not handled", StreamFrames.loggable(frame.type()), StreamFrames.loggable(id), StreamFrames.loggable(frame.topic()));
            return StreamFrames.callbackAck(id, 404, "topic not handled");
        }
        BotMessages.Received received;
        try {
            received = BotMessages.read(frame.data(), id, clock.instant());
        } catch (BotMessages.Unreadable e) {
            log.warn("DingTalk bot message {} unreadable: {}", StreamFrames.loggable(id), e.getMessage());
            // Acknowledged all the same: a redelivery would be just as unreadable.
            return event ? StreamFrames.eventAck(id, true, "unreadable: " + e.getMessage())
                    : StreamFrames.callbackAck(id, 400, "unreadable: " + e.getMessage());
        }
        InboundMessage message = received.message();
        // Before the sink: the reply may be on its way before this method returns.
        webhooks.remember(message.messageId(), message.chatId(), received.sessionWebhook(), received.webhookExpiresAt());
        boolean taken = offer(message);
        if (event) return StreamFrames.eventAck(id, taken, taken ? "success" : "cannot take it now");
        return taken ? StreamFrames.callbackAck(id, 200, "OK") : StreamFrames.callbackAck(id, 500, "cannot take it now");
    }

    private boolean offer(InboundMessage message) {
        AdapterContext c = context;
        if (c == null || stopping) return false;
        try {
            c.sink().accept(message);
            log.debug("DingTalk message {} handed on", message.messageId());
            return true;
        } catch (RuntimeException e) {
            log.warn("DingTalk message {} not taken: {}", message.messageId(), e.toString());
            return false;
        }
    }
}
