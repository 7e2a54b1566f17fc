package app.mentorbot.bot.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import app.mentorbot.adapters.webchat.WebChatAdapter;
import app.mentorbot.bot.schools.Schools;

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
    private final Schools schools;

    SignedOutPages(JdbcClient jdbc, WebChatAdapter webChat, Schools schools) {
        this.jdbc = jdbc;
        this.webChat = webChat;
        this.schools = schools;
    }

    @Scheduled(initialDelayString = "${mentorbot.sign-out-check:15s}", fixedDelayString = "${mentorbot.sign-out-check:15s}")
    public void closePagesOfSignedOutBrowsers() {
        List<String> connected = List.copyOf(webChat.connectedPeople());
        if (connected.isEmpty()) return;
        // Only people with a page open and a browser signed out at some time are asked again.
        Set<String> open = Set.copyOf(connected);
        String bare = connected.stream().map(c -> schools.parse(c).personId()).distinct().collect(Collectors.joining("\u001f"));
        List<String> suspects = jdbc.sql("select distinct school_id, person_id from web_device where revoked_at is not null "
                        + "and person_id = any(string_to_array(?::text, chr(31)))")
                .param(bare).query((rs, n) -> schools.qualify(rs.getString(1), rs.getString(2))).list()
                .stream().filter(open::contains).toList();
        for (String person : suspects) {
            int closed = webChat.recheck(person);
            if (closed > 0) log.info("closed {} web chat page(s) of {}: browser signed out", closed, person);
        }
    }
}
