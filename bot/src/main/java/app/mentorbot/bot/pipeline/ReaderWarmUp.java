package app.mentorbot.bot.pipeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.mentorbot.bot.schools.Schools;
import app.mentorbot.conversations.dialogue.Dialogue;
import app.mentorbot.conversations.roster.RosterStore;

/**
 * Once the bot is up, builds the note reader for the school's roster on a thread of its own (word lists, the
 * roster's names, the situation model's training: about a second for a large school), so that the first
 * teacher's note of the day does not pay for it. Readiness does not wait; a note that comes first builds it itself.
 */
@Component
class ReaderWarmUp {
    private static final Logger log = LoggerFactory.getLogger(ReaderWarmUp.class);
    private final Dialogue dialogue;
    private final RosterStore rosters;
    private final Schools schools;

    ReaderWarmUp(Dialogue dialogue, RosterStore rosters, Schools schools) {
        this.dialogue = dialogue;
        this.rosters = rosters;
        this.schools = schools;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        Thread t = new Thread(() -> {
            long start = System.nanoTime();
            try {
                for (String school : schools.all()) dialogue.prepareReader(rosters.load(school));
                log.info("note reader ready in {} ms", (System.nanoTime() - start) / 1_000_000);
            } catch (RuntimeException e) {
                log.warn("note reader not prepared ahead of the first note: {}", e.toString());
            }
        }, "reader-warm-up");
        t.setDaemon(true);
        t.start();
    }
}
