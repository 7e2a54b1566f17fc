package app.mentorbot.adapters.xmpp;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the adapter needs to log in: the server's WebSocket endpoint (RFC 7395), the bot's account,
 * the class rooms (MUC) to join and how often to ping the server.
 *
 * @param websocketUrl ws:// or wss:// URL of the server's XMPP WebSocket endpoint, e.g. wss://chat.school.cn/xmpp-websocket
 * @param domain       the XMPP domain the account lives on (the stream's {@code to})
 * @param username     the bot account's local part ("bot" for bot@domain)
 * @param password     the account's password (from the environment, never from a file in the repository)
 * @param resource     the resource to bind, also the bot's nick in rooms
 * @param rooms        bare JIDs of the rooms to join, e.g. class-7a@classes.school.cn
 * @param pingInterval how often to ping the server (XEP-0199); an unanswered ping means the link is dead
 */
public record XmppConfig(URI websocketUrl, String domain, String username, String password, String resource,
                         List<String> rooms, Duration pingInterval) {
    public XmppConfig {
        Objects.requireNonNull(websocketUrl, "websocket-url is required");
        String scheme = websocketUrl.getScheme();
        if (!"ws".equals(scheme) && !"wss".equals(scheme)) {
            throw new IllegalArgumentException("websocket-url must be ws:// or wss://, not " + websocketUrl);
        }
        domain = required(domain, "domain");
        username = required(username, "username");
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("password is required (set MENTORBOT_ADAPTERS_XMPP_PASSWORD)");
        }
        resource = resource == null || resource.isBlank() ? "mentor-bot" : resource.strip();
        rooms = rooms == null ? List.of() : rooms.stream().map(String::strip).filter(r -> !r.isEmpty()).toList();
        for (String room : rooms) {
            if (!Jid.isBare(room)) throw new IllegalArgumentException("rooms must be bare JIDs like class-7a@conference.example.org: " + room);
        }
        pingInterval = pingInterval == null ? Duration.ofSeconds(60) : pingInterval;
        if (pingInterval.isNegative() || pingInterval.isZero()) throw new IllegalArgumentException("ping-interval must be positive");
    }

    /** The bot's bare JID, user@domain. */
    public String bareJid() {
        return username + "@" + domain;
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(name + " is required");
        return value.strip();
    }

    @Override
    public String toString() {
        return "XmppConfig[" + websocketUrl + ", " + bareJid() + "/" + resource + ", rooms=" + rooms + ", ping=" + pingInterval + "]";
    }
}
