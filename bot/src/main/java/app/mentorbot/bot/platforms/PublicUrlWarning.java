package app.mentorbot.bot.platforms;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Warns once at start when a chat platform is enabled but {@code mentorbot.public-url} is not set: the links
 * in replies then point at {@code http://localhost}, which a phone in DingTalk, WeCom, Slack or XMPP cannot open.
 * A platform counts when the deployment's app is on or a school has its own.
 */
@Component
class PublicUrlWarning {
    private static final Logger log = LoggerFactory.getLogger(PublicUrlWarning.class);
    private static final List<String> PLATFORMS = List.of("dingtalk", "wecom", "wecom.aibot", "slack", "xmpp");

    private final Environment environment;

    PublicUrlWarning(Environment environment) {
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnIfLinksCannotBeOpened() {
        warning(environment).ifPresent(log::warn);
    }

    /** The warning for these settings, if one is due. */
    static Optional<String> warning(Environment environment) {
        String publicUrl = environment.getProperty("mentorbot.public-url");
        if (publicUrl != null && !publicUrl.isBlank()) return Optional.empty();
        List<String> enabled = PLATFORMS.stream()
                .filter(p -> SchoolBlocks.configured(environment, p)).toList();
        if (enabled.isEmpty()) return Optional.empty();
        return Optional.of("mentorbot.public-url is not set but " + String.join(", ", enabled) + " is enabled: links in replies "
                + "point at http://localhost and cannot be opened on phones. Set mentorbot.public-url to the address people reach this server at.");
    }
}
