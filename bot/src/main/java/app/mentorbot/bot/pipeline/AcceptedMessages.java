package app.mentorbot.bot.pipeline;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import app.mentorbot.adapters.api.Adapter;
import app.mentorbot.adapters.api.InboundMessage;
import app.mentorbot.bot.outbox.Adapters;
import app.mentorbot.bot.settings.BotSettings;

/**
 * Platform messages acknowledged but not yet through the pipeline, as files in DATA/accepted: a platform
 * does not send again what it got a 200 for, so each is forced to disk before the adapter acknowledges
 * it and removed once it is handled (or spooled). What a killed bot leaves here is handled at the next
 * start. An adapter whose clients resend what was not confirmed (the web chat's page) needs none of this.
 */
@Component
class AcceptedMessages {
    private static final Logger log = LoggerFactory.getLogger(AcceptedMessages.class);
    private final Spool files;
    private final Adapters adapters;

    AcceptedMessages(BotSettings settings, Clock clock, Adapters adapters) {
        this.files = new Spool(settings.dataDir().resolve("accepted"), clock);
        this.adapters = adapters;
    }

    /** Keeps the message on disk unless its sender's client resends it by itself; true when it did. */
    boolean keep(InboundMessage m) {
        if (adapters.find(m.platform()).map(Adapter::resendsUnconfirmed).orElse(false)) return false;
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
        }).filter(Objects::nonNull).toList();
    }
}
