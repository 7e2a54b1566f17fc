package app.mentorbot.bot.platforms;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

import app.mentorbot.adapters.xmpp.XmppConfig;

/**
 * The {@code mentorbot.adapters.xmpp.*} settings (example: config/adapters/xmpp.example.yml). The
 * password comes from the environment only: {@code MENTORBOT_ADAPTERS_XMPP_PASSWORD}, which Spring binds
 * to {@code password}.
 *
 * @param enabled      turns the XMPP adapter on
 * @param websocketUrl the server's XMPP WebSocket endpoint (RFC 7395), e.g. wss://chat.school.cn/xmpp-websocket
 * @param domain       the XMPP domain of the bot's account
 * @param username     the bot account's local part
 * @param password     the bot account's password
 * @param resource     the resource to bind and the nick in rooms; default mentor-bot
 * @param rooms        bare JIDs of class rooms (MUC) to join; group messages there reach the bot
 * @param pingInterval how often to ping the server; a ping unanswered by the next one reconnects; default 60 s
 */
@ConfigurationProperties("mentorbot.adapters.xmpp")
public record XmppSettings(boolean enabled, URI websocketUrl, String domain, String username, String password,
                           String resource, List<String> rooms, Duration pingInterval) {

    /** Checked here, at startup, so a missing setting stops the bot with a clear message. */
    XmppConfig toConfig() {
        try {
            return new XmppConfig(websocketUrl, domain, username, password, resource, rooms, pingInterval);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("mentorbot.adapters.xmpp: " + e.getMessage(), e);
        }
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "XmppSettings[enabled=" + enabled + ", websocketUrl=" + websocketUrl + ", account=" + username + "@" + domain
                + ", resource=" + resource + ", rooms=" + rooms + ", pingInterval=" + pingInterval
                + ", password=" + (password == null ? "unset" : "***") + "]";
    }
}
