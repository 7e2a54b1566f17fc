package app.mentorbot.bot.platforms;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import app.mentorbot.adapters.api.Adapter;
import app.mentorbot.adapters.api.AdapterContext;
import app.mentorbot.adapters.api.InboundSink;
import app.mentorbot.adapters.api.PastMessage;
import app.mentorbot.bot.outbox.Adapters;
import app.mentorbot.bot.outbox.DispatchSignal;
import app.mentorbot.bot.pipeline.ChatHistory;
import app.mentorbot.bot.pipeline.InboundQueue;
import app.mentorbot.bot.schools.Schools;

/**
 * Starts every adapter with what it needs from the bot (where inbound messages go, how to say a chat is
 * reachable again) and stops them last, after the outbox dispatcher, so nothing is sent through a stopped one.
 */
@Component
@ConditionalOnWebApplication
class AdapterRuntime implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(AdapterRuntime.class);
    private final Adapters adapters;
    private final Schools schools;
    private final AdapterContext context;
    private volatile boolean running;

    AdapterRuntime(Adapters adapters, InboundQueue inbound, DispatchSignal signal, ChatHistory history, Schools schools) {
        this.adapters = adapters;
        this.schools = schools;
        this.context = new AdapterContext() {
            @Override
            public InboundSink sink() {
                return inbound;
            }

            @Override
            public void reachable(String platform, String chatId) {
                signal.reachable(platform, chatId);
            }

            @Override
            public List<PastMessage> history(String platform, String chatId) {
                return history.of(platform, chatId);
            }
        };
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2;
    }

    @Override
    public void start() {
        warnOfAppsForUnknownSchools();
        for (Adapter a : adapters.all()) a.start(context);
        running = true;
    }

    /** A school's own app for a school with no roster here yet: its messages cannot be kept until the roster is imported. */
    private void warnOfAppsForUnknownSchools() {
        try {
            List<String> known = schools.all();
            for (Adapter a : adapters.all()) {
                Adapters.schoolOf(a.platform()).filter(school -> !known.contains(school)).ifPresent(school -> log.warn(
                        "{} is configured for school {}, which has no roster here yet: import it with import --school={}",
                        a.platform(), school, school));
            }
        } catch (RuntimeException e) {
            log.debug("could not list the schools to check the schools' own apps: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        running = false;
        for (Adapter a : adapters.all()) a.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
