package app.mentorbot.bot.web;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import app.mentorbot.adapters.webchat.WebChatAdapter;
import app.mentorbot.bot.settings.BotSettings;

/**
 * Closes chat pages that are open in a browser signed out since ({@code invite PERSON --sign-out} runs
 * in another process, so this instance learns of it here): a lost phone stops receiving a parent's
 * thread within seconds, not at its next reconnect.
 */
@Component
@ConditionalOnWebApplication
public class SignedOutPages {
    private static final Logger log = LoggerFactory.getLogger(SignedOutPages.class);
    private final JdbcClient jdbc;
    private final WebChatAdapter webChat;
    private final BotSettings settings;

    SignedOutPages(JdbcClient jdbc, WebChatAdapter webChat, BotSettings settings) {
        this.jdbc = jdbc;
        this.webChat = webChat;
        this.settings = settings;
    }

    @Scheduled(initialDelayString = "${mentorbot.sign-out-check:15s}", fixedDelayString = "${mentorbot.sign-out-check:15s}")
    public void closePagesOfSignedOutBrowsers() {
        List<String> connected = List.copyOf(webChat.connectedPeople());
        if (connected.isEmpty()) return;
        // Only people with a page open and a browser signed out at some time are asked again.
        List<String> suspects = jdbc.sql("select distinct person_id from web_device where school_id = ? and revoked_at is not null "
                        + "and person_id = any(string_to_array(?::text, chr(31)))")
                .params(settings.schoolId(), String.join("\u001f", connected)).query(String.class).list();
        for (String person : suspects) {
            int closed = webChat.recheck(person);
            if (closed > 0) log.info("closed {} web chat page(s) of {}: browser signed out", closed, person);
        }
    }
}
