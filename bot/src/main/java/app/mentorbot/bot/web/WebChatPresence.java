package app.mentorbot.bot.web;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import app.mentorbot.adapters.webchat.WebChatAdapter;
import app.mentorbot.bot.outbox.ChatPresence;

/**
 * Tells the other bot instances whose web chat pages are open here ({@link ChatPresence}), so that a reminder or a
 * relay for a teacher whose page is on this instance is sent by this instance, whichever one wrote it. The open pages
 * are looked at every second and written when they changed, and renewed every {@link #RENEW} while they stay open;
 * on a clean stop they are let go at once.
 */
@Component
@ConditionalOnWebApplication
class WebChatPresence implements SmartLifecycle {
    static final Duration RENEW = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(WebChatPresence.class);

    private final WebChatAdapter webChat;
    private final ChatPresence presence;
    private volatile ScheduledExecutorService timer;
    private Set<String> written;
    private long writtenAt;

    WebChatPresence(WebChatAdapter webChat, ChatPresence presence) {
        this.webChat = webChat;
        this.presence = presence;
    }

    /** Writes the open pages when they changed or are due for renewal. */
    synchronized void look() {
        Set<String> open = webChat.connectedPeople();
        if (open.equals(written) && System.nanoTime() - writtenAt < RENEW.toNanos()) return;
        try {
            presence.hold(WebChatAdapter.PLATFORM, open);
            written = open;
            writtenAt = System.nanoTime();
        } catch (RuntimeException e) {
            // the database is away: the rows expire, and messages for these pages go to any instance meanwhile
            log.debug("web chat presence not written: {}", e.toString());
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "webchat-presence");
            thread.setDaemon(true);
            return thread;
        });
        t.scheduleWithFixedDelay(this::look, 0, 1, TimeUnit.SECONDS);
        timer = t;
    }

    @Override
    public void stop() {
        ScheduledExecutorService t = timer;
        timer = null;
        if (t == null) return;
        t.shutdownNow();
        try {
            t.awaitTermination(5, TimeUnit.SECONDS); // a write under way ends before the rows are let go
            presence.releaseAll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.debug("web chat presence not released: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
