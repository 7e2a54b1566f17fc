package app.mentorbot.bot.web;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.mentorbot.bot.settings.BotSettings;
import app.mentorbot.conversations.leadership.OverviewBuilder;

/**
 * Once the bot is up, builds the school overview once on a low-priority thread of its own (the term's records read
 * and every week's ledger: about 1.5 s of one core for a 3,000-student school), so that the leadership's first look
 * after a restart is as quick as the next (well under a second) instead of paying for it. Readiness does not wait.
 * {@code mentorbot.overview.warm-up=false} leaves it to the first request (and keeps the term's records out of the
 * heap until an admin looks).
 */
@Component
class OverviewWarmUp {
    private static final Logger log = LoggerFactory.getLogger(OverviewWarmUp.class);
    private final OverviewBuilder overview;
    private final BotSettings settings;
    private final Clock clock;
    private final boolean enabled;

    OverviewWarmUp(OverviewBuilder overview, BotSettings settings, Clock clock,
                   @Value("${mentorbot.overview.warm-up:true}") boolean enabled) {
        this.overview = overview;
        this.settings = settings;
        this.clock = clock;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        if (!enabled) return;
        Thread t = new Thread(() -> {
            long start = System.nanoTime();
            try {
                overview.build(settings.schoolId(), LocalDate.now(clock));
                log.info("school overview prepared in {} ms", (System.nanoTime() - start) / 1_000_000);
            } catch (RuntimeException e) {
                log.warn("school overview not prepared ahead of the first request: {}", e.toString());
            }
        }, "overview-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }
}
