package app.mentorbot.bot.pipeline;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import app.mentorbot.adapters.api.InboundMessage;
import app.mentorbot.bot.BotSettings;

/**
 * Platform messages acknowledged but not yet through the pipeline, as files in DATA/accepted: a platform
 * does not send again what it got a 200 for, so each is forced to disk before the adapter acknowledges
 * it and removed once it is handled (or spooled). What a killed bot leaves here is handled at the next
 * start. The web chat needs none of this: its page resends what the bot has not confirmed.
 */
@Component
class AcceptedMessages {
    private static final Logger log = LoggerFactory.getLogger(AcceptedMessages.class);
    /** Platforms whose clients resend unconfirmed messages themselves. */
    private static final Set<String> RESENT_BY_SENDER = Set.of("webchat");
    private final Spool files;

    AcceptedMessages(BotSettings settings, Clock clock) {
        this.files = new Spool(settings.dataDir().resolve("accepted"), clock);
    }

    /** Keeps the message on disk when its platform will not resend it; true when it did. */
    boolean keep(InboundMessage m) {
        if (RESENT_BY_SENDER.contains(m.platform())) return false;
        files.keep(m);
        return true;
    }

    void handled(InboundMessage m) {
        try {
            files.forget(m);
        } catch (RuntimeException e) {
            // Left on disk it is handled again at the next start, which finds it done: harmless.
            log.warn("accepted message {} on {} could not be removed from DATA/accepted: {}", m.messageId(), m.platform(), e.toString());
        }
    }

    /** What the last run acknowledged and never handled, oldest first. */
    List<InboundMessage> leftOver() {
        return files.waiting().stream().map(file -> {
            try {
                return files.read(file);
            } catch (IOException e) {
                log.warn("unreadable file {} left in DATA/accepted: {}", file.getFileName(), e.toString());
                return null;
            }
        }).filter(java.util.Objects::nonNull).toList();
    }
}
