package app.mentorbot.adapters.dingtalk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import app.mentorbot.adapters.api.connection.RecentMap;

/**
 * The {@code sessionWebhook} of recent messages, by message id and by chat, each until its
 * {@code sessionWebhookExpiredTime} less a margin (the outbox may send a little later than it looked). A reply
 * uses its message's webhook, else the chat's freshest; an expired or refused one sends through the robot API.
 * Memory only and bounded: after a restart, or on another bot instance, replies simply take the API path.
 */
final class SessionWebhooks {
    static final Duration MARGIN = Duration.ofSeconds(60);

    private record Hook(String url, Instant expiresAt) {}

    private final Clock clock;
    private final RecentMap<String, Hook> byMessage;
    private final RecentMap<String, Hook> byChat;

    SessionWebhooks(Clock clock, int capacity) {
        this.clock = clock;
        this.byMessage = new RecentMap<>(capacity);
        this.byChat = new RecentMap<>(capacity);
    }

    synchronized void remember(String messageId, String chatId, String url, Instant expiresAt) {
        if (url == null || expiresAt == null) return;
        Hook hook = new Hook(url, expiresAt);
        byMessage.put(messageId, hook);
        Hook current = byChat.get(chatId);
        if (current == null || !current.expiresAt().isAfter(expiresAt)) byChat.put(chatId, hook);
    }

    /** A webhook still good for answering {@code replyTo} (may be null) in {@code chatId}. */
    synchronized Optional<String> find(String replyTo, String chatId) {
        Instant limit = clock.instant().plus(MARGIN);
        Hook hook = replyTo == null ? null : byMessage.get(replyTo);
        if (hook == null || !hook.expiresAt().isAfter(limit)) hook = byChat.get(chatId);
        return hook != null && hook.expiresAt().isAfter(limit) ? Optional.of(hook.url()) : Optional.empty();
    }

    /** The platform refused this webhook: stop offering it. */
    synchronized void forget(String url) {
        byMessage.removeValuesIf(h -> h.url().equals(url));
        byChat.removeValuesIf(h -> h.url().equals(url));
    }
}
