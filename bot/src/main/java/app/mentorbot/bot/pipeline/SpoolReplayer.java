package app.mentorbot.bot.pipeline;

import java.io.IOException;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands spooled messages back to the pipeline, oldest first, as soon as the database answers again;
 * no restart needed. A message is removed from the spool only once it is handled (or found handled).
 */
@Component
@ConditionalOnWebApplication
class SpoolReplayer {
    private static final Logger log = LoggerFactory.getLogger(SpoolReplayer.class);
    private final Spool spool;
    private final TurnProcessor processor;

    SpoolReplayer(Spool spool, TurnProcessor processor) {
        this.spool = spool;
        this.processor = processor;
    }

    @Scheduled(initialDelay = 2_000, fixedDelayString = "${mentorbot.spool.retry:2s}")
    void replay() {
        int done = 0;
        for (Path file : spool.waiting()) {
            try {
                processor.handleOrThrow(spool.read(file));
                spool.done(file);
                done++;
            } catch (IOException e) {
                log.warn("unreadable spool file {} left in place: {}", file.getFileName(), e.toString());
            } catch (RuntimeException e) {
                if (TurnProcessor.databaseAway(e)) return; // still away: try again at the next round
                log.warn("spooled message {} failed: {}", file.getFileName(), e.toString());
                spool.done(file);
            }
        }
        if (done > 0) log.info("{} spooled message(s) handled after the database came back", done);
    }
}
