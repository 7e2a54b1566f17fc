package app.mentorbot.bot.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import app.mentorbot.adapters.api.InboundMessage;

/**
 * Hands spooled messages back to the pipeline as soon as the database answers again; no restart needed.
 * Each goes onto its sender's lane, like a live message, and only when it is that sender's oldest one
 * waiting, so a sender's messages are handled in the order they were sent across an outage (a live
 * message meanwhile queues behind them in the spool, see {@link TurnProcessor}). A message is removed
 * from the spool only once it is handled (or found handled).
 */
@Component
@ConditionalOnWebApplication
class SpoolReplayer {
    private static final Logger log = LoggerFactory.getLogger(SpoolReplayer.class);
    private final Spool spool;
    private final TurnProcessor processor;
    private final InboundQueue lanes;
    private final Set<Path> queued = ConcurrentHashMap.newKeySet();

    SpoolReplayer(Spool spool, TurnProcessor processor, InboundQueue lanes) {
        this.spool = spool;
        this.processor = processor;
        this.lanes = lanes;
    }

    @Scheduled(initialDelay = 2_000, fixedDelayString = "${mentorbot.spool.retry:2s}")
    void replay() {
        for (Path file : spool.waiting()) {
            if (!queued.add(file)) continue; // still on its lane from the last round
            try {
                InboundMessage m = spool.read(file);
                lanes.onLaneOf(m, () -> replayOne(file, m));
            } catch (IOException e) {
                queued.remove(file);
                log.warn("unreadable spool file {} left in place: {}", file.getFileName(), e.toString());
            }
        }
    }

    private void replayOne(Path file, InboundMessage m) {
        try {
            if (!spool.oldestFrom(m).map(file::equals).orElse(false)) return; // an older one of theirs waits: next round
            processor.handleOrThrow(m);
            spool.done(file);
            log.info("spooled message {} on {} handled after the database came back", m.messageId(), m.platform());
        } catch (IOException e) {
            log.warn("spool file {} could not be read: {}", file.getFileName(), e.toString());
        } catch (RuntimeException e) {
            if (TurnProcessor.databaseAway(e)) return; // still away: it stays, in order, for the next round
            log.warn("spooled message {} failed: {}", file.getFileName(), e.toString());
            spool.done(file);
        } finally {
            queued.remove(file);
        }
    }
}
