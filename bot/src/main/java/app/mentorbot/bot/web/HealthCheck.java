package app.mentorbot.bot.web;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import app.mentorbot.adapters.webchat.WebChatAdapter;
import app.mentorbot.bot.demo.Modes;
import app.mentorbot.bot.pipeline.InboundQueue;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code /healthz}: {"status":"up"}, or "down" with 503 when the database does not answer a {@code select 1}
 * within {@value #DATABASE_SECONDS} s. How the bot runs and how busy it is (demo mode, embedded database, open
 * chat pages, inbound backlog) is told only to a request from this machine (127.0.0.1 or ::1), the operator,
 * and not when it was passed on by a reverse proxy (it carries {@code Forwarded}, {@code X-Forwarded-For} or
 * {@code X-Real-IP}, as nginx's usual configuration adds): someone on the internet behind a proxy on this
 * machine is not the operator.
 */
@RestController
class HealthCheck {
    static final int DATABASE_SECONDS = 2;

    private final DataSource database;
    private final Modes modes;
    private final WebChatAdapter webChat;
    private final InboundQueue inbound;

    HealthCheck(DataSource database, Modes modes, WebChatAdapter webChat, InboundQueue inbound) {
        this.database = database;
        this.modes = modes;
        this.webChat = webChat;
        this.inbound = inbound;
    }

    @GetMapping("/healthz")
    ResponseEntity<Map<String, Object>> health(HttpServletRequest request) {
        boolean up = databaseAnswers();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "up" : "down");
        if (loopback(request.getRemoteAddr()) && !proxied(request)) {
            body.put("demo", modes.demo());
            body.put("embeddedDatabase", modes.embedded());
            body.put("webChatSessions", webChat.openSessions());
            body.put("inboundBacklog", inbound.backlog());
        }
        return ResponseEntity.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).cacheControl(CacheControl.noStore()).body(body);
    }

    /** A connection from the pool (the pool's own timeout bounds the wait) and {@code select 1} in a short time. */
    private boolean databaseAnswers() {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(DATABASE_SECONDS);
            statement.execute("select 1");
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private static boolean proxied(HttpServletRequest request) {
        return request.getHeader("Forwarded") != null || request.getHeader("X-Forwarded-For") != null
                || request.getHeader("X-Real-IP") != null;
    }

    /** The address as the servlet container gives it: a literal, never looked up. */
    static boolean loopback(String address) {
        if (address == null) return false;
        String a = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        return a.startsWith("127.") || a.equals("::1") || a.equals("0:0:0:0:0:0:0:1") || a.startsWith("::ffff:127.");
    }
}
