package app.mentorbot.bot.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import app.mentorbot.bot.demo.Modes;

/** One line that tells a newcomer where to go once everything is up. */
@Component
@ConditionalOnWebApplication
class ReadyLine {
    private static final Logger log = LoggerFactory.getLogger(ReadyLine.class);
    private final Modes modes;

    ReadyLine(Modes modes) {
        this.modes = modes;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web ? web.getWebServer().getPort() : -1;
        log.info("MentorBot ready: http://localhost:{}/ ({})", port, modes.demo() ? "demo mode" : "invitation links required");
    }
}
