package app.mentorbot.adapters.slack;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.mentorbot.adapters.api.InboundMessage;
import tools.jackson.databind.JsonNode;

/**
 * Maps a Socket Mode envelope to an {@link InboundMessage}, or to nothing when it is not for the
 * pipeline. Kept: {@code events_api} envelopes whose event is a {@code message} in a direct message
 * ({@code channel_type} "im") or an {@code app_mention} in a channel. Dropped: the bot's own messages
 * ({@code bot_id}, subtype {@code bot_message}, or the bot's user id), edits and other subtypes, channel
 * messages that do not mention the bot (a mention arrives as its own {@code app_mention}, so keeping
 * both would feed the same words twice under two event ids), slash commands and interactions.
 */
final class Envelopes {
    private static final Logger log = LoggerFactory.getLogger(Envelopes.class);
    /** Message subtypes that are still a person talking; everything else (edits, joins, …) is dropped. */
    private static final Set<String> PERSON_SUBTYPES = Set.of("file_share", "thread_broadcast");
    private static final Pattern LEADING_MENTION = Pattern.compile("^\\s*<@[UW][A-Z0-9]+(\\|[^>]*)?>");

    /** Extras key: the Slack channel id (D…/C…/G…) the message came from. */
    static final String CHANNEL = "channel";
    /** Extras key: the thread the message was in, when it was in one. */
    static final String THREAD_TS = "threadTs";

    private final Clock clock;
    private final Supplier<String> botUserId;

    Envelopes(Clock clock, Supplier<String> botUserId) {
        this.clock = clock;
        this.botUserId = botUserId;
    }

    /**
     * @throws MalformedEnvelope when an {@code events_api} envelope lacks what every event carries
     */
    Optional<InboundMessage> toMessage(JsonNode envelope) {
        String type = text(envelope, "type");
        if (!"events_api".equals(type)) {
            log.debug("Slack envelope {} of type {} ignored", text(envelope, "envelope_id"), type);
            return Optional.empty();
        }
        JsonNode payload = envelope.get("payload");
        if (payload == null || !payload.isObject()) throw new MalformedEnvelope("events_api envelope without payload");
        if (!"event_callback".equals(text(payload, "type"))) return Optional.empty();
        String eventId = text(payload, "event_id");
        JsonNode event = payload.get("event");
        if (eventId == null || event == null || !event.isObject()) {
            throw new MalformedEnvelope("event_callback without event_id or event");
        }
        String eventType = text(event, "type");
        boolean mention = "app_mention".equals(eventType);
        if (!mention && !"message".equals(eventType)) return ignored(eventId, "event type " + eventType);

        String user = text(event, "user");
        String subtype = text(event, "subtype");
        String bot = botUserId.get();
        if (event.hasNonNull("bot_id") || "bot_message".equals(subtype) || (bot != null && bot.equals(user))) {
            return ignored(eventId, "own or bot message");
        }
        if (subtype != null && !PERSON_SUBTYPES.contains(subtype)) return ignored(eventId, "subtype " + subtype);
        String channel = text(event, "channel");
        if (user == null || channel == null) return ignored(eventId, "no user or channel");

        boolean group;
        if (mention) {
            // A mention inside the bot's own DM also arrives as message.im: keep only that one.
            if (channel.startsWith("D") || "im".equals(text(event, "channel_type"))) return ignored(eventId, "mention in a DM");
            group = true;
        } else {
            if (!"im".equals(text(event, "channel_type"))) return ignored(eventId, "channel message without mention");
            group = false;
        }

        String body = text(event, "text");
        body = body == null ? "" : body;
        if (mention) body = withoutBotMention(body, bot);

        Map<String, String> extras = new HashMap<>();
        extras.put(CHANNEL, channel);
        String threadTs = text(event, "thread_ts");
        if (threadTs != null) extras.put(THREAD_TS, threadTs);
        if (group) extras.put(InboundMessage.GROUP, "true");
        String chatId = group ? SlackAdapter.GROUP_PREFIX + channel : user;
        return Optional.of(new InboundMessage(SlackAdapter.PLATFORM, eventId, chatId, user, body,
                timestamp(text(event, "ts")), extras));
    }

    private static Optional<InboundMessage> ignored(String eventId, String why) {
        log.debug("Slack event {} ignored: {}", eventId, why);
        return Optional.empty();
    }

    /** "&lt;@UBOT&gt; note for Li Hua" → "note for Li Hua" (every mention of the bot goes; others stay). */
    static String withoutBotMention(String text, String botUserId) {
        String result = botUserId == null
                ? LEADING_MENTION.matcher(text).replaceFirst("")
                : text.replaceAll("<@" + Pattern.quote(botUserId) + "(\\|[^>]*)?>", "");
        return result.strip();
    }

    /** Slack's "1700000000.000200" (seconds.micros) as an instant; the receive time when absent or odd. */
    Instant timestamp(String ts) {
        if (ts != null) {
            try {
                BigDecimal seconds = new BigDecimal(ts);
                long whole = seconds.longValue();
                long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
                return Instant.ofEpochSecond(whole, nanos);
            } catch (NumberFormatException | ArithmeticException | DateTimeException e) {
                log.debug("Slack ts {} not understood", ts);
            }
        }
        return clock.instant();
    }

    /** A string field, or null when missing or not a string. */
    static String text(JsonNode node, String field) {
        if (node == null) return null;
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    /** An envelope we must acknowledge but cannot use. */
    static final class MalformedEnvelope extends RuntimeException {
        MalformedEnvelope(String message) {
            super(message, null, false, false);
        }
    }
}
