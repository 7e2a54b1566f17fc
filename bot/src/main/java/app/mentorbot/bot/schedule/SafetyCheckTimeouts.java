package app.mentorbot.bot.schedule;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.mentorbot.bot.schools.Schools;
import app.mentorbot.bot.outbox.Outbox;
import app.mentorbot.conversations.dialogue.Reply;
import app.mentorbot.conversations.dialogue.SafetyChecks;

/**
 * A suspected safety signal the teacher has not answered within {@link SafetyChecks#WAIT} goes to the
 * class head anyway. Claiming a check and writing its alerts to the outbox is one transaction, so two
 * instances, or a crash in between, neither tell twice nor lose it. Not held by quiet hours.
 */
@Component
@ConditionalOnWebApplication
public class SafetyCheckTimeouts {
    private static final Logger log = LoggerFactory.getLogger(SafetyCheckTimeouts.class);
    private final SafetyChecks checks;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final Schools schools;

    SafetyCheckTimeouts(SafetyChecks checks, Outbox outbox, TransactionTemplate tx, Schools schools) {
        this.checks = checks;
        this.outbox = outbox;
        this.tx = tx;
        this.schools = schools;
    }

    @Scheduled(initialDelayString = "${mentorbot.scheduler.initial-delay:5s}", fixedDelayString = "${mentorbot.safety-check.tick:20s}")
    void tick() {
        try {
            runDue();
        } catch (RuntimeException e) {
            log.warn("safety check tick failed, will retry: {}", e.toString());
        }
    }

    /** Tells the class heads of every unanswered check that is due, in every school; returns how many messages went out. */
    public int runDue() {
        int n = 0;
        for (String schoolId : schools.all()) n += runDue(schoolId);
        return n;
    }

    private int runDue(String schoolId) {
        Integer n = tx.execute(s -> {
            int sent = 0;
            for (Reply r : checks.overdue(schoolId)) {
                outbox.push(schoolId, r.recipientId(), r.text(), r.urgent(), null);
                sent++;
            }
            return sent;
        });
        if (n != null && n > 0) log.info("safety checks: {} messages after silence", n);
        return n == null ? 0 : n;
    }
}
