package app.mentorbot.bot.platforms;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;

import app.mentorbot.adapters.xmpp.XmppConfig;

/**
 * The {@code mentorbot.adapters.xmpp.*} settings (example: config/adapters/xmpp.example.yml). The
 * password comes from the environment only: {@code MENTORBOT_ADAPTERS_XMPP_PASSWORD}, which Spring binds
 * to {@code password}.
 *
 * @param enabled      turns the deployment's XMPP account on
 * @param websocketUrl the server's XMPP WebSocket endpoint (RFC 7395), e.g. wss://chat.school.cn/xmpp-websocket
 * @param domain       the XMPP domain of the bot's account
 * @param username     the bot account's local part
 * @param password     the bot account's password
 * @param resource     the resource to bind and the nick in rooms; default mentor-bot
 * @param rooms        bare JIDs of class rooms (MUC) to join; group messages there reach the bot
 * @param pingInterval how often to ping the server; a ping unanswered by the next one reconnects; default 60 s
 * @param schools      schools with an account (or a server) of their own, by school id: the same keys, the password
 *                     from {@code MENTORBOT_ADAPTERS_XMPP_SCHOOLS_<ID>_PASSWORD}; websocket-url, domain, resource and
 *                     ping-interval the deployment's where unset; on unless {@code enabled: false}
 */
@ConfigurationProperties("mentorbot.adapters.xmpp")
public record XmppSettings(boolean enabled, URI websocketUrl, String domain, String username, String password,
                           String resource, List<String> rooms, Duration pingInterval, Map<String, School> schools) {
    static final String PLATFORM = "xmpp";

    public XmppSettings {
        schools = SchoolBlocks.checked(PLATFORM, schools);
    }

    /** A school's own account: the keys of the deployment's block. */
    public record School(Boolean enabled, URI websocketUrl, String domain, String username, String password, String resource,
                         List<String> rooms, Duration pingInterval) {
        /** Never prints the password. */
        @Override
        public String toString() {
            return "School[enabled=" + enabled + ", websocketUrl=" + websocketUrl + ", account=" + username + "@" + domain
                    + ", rooms=" + rooms + ", password=" + (password == null ? "unset" : "***") + "]";
        }
    }

    /** Checked here, at startup, so a missing setting stops the bot with a clear message. */
    XmppConfig toConfig() {
        try {
            return new XmppConfig(websocketUrl, domain, username, password, resource, rooms, pingInterval);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("mentorbot.adapters.xmpp: " + e.getMessage(), e);
        }
    }

    /** The schools whose own account is on, by id, in id order. */
    Map<String, School> schoolsOn() {
        return SchoolBlocks.on(schools, School::enabled);
    }

    /** A school's own account, checked here naming the school's keys; server and tuning the deployment's where unset. */
    XmppConfig toConfig(String schoolId) {
        School s = schools.get(schoolId);
        SchoolBlocks.requireSetting(s.username(), PLATFORM, schoolId, "username");
        SchoolBlocks.requireSecret(s.password(), PLATFORM, schoolId, "password");
        try {
            return new XmppConfig(SchoolBlocks.or(s.websocketUrl(), websocketUrl), SchoolBlocks.or(s.domain(), domain), s.username(),
                    s.password(), SchoolBlocks.or(s.resource(), resource), s.rooms(), SchoolBlocks.or(s.pingInterval(), pingInterval));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("mentorbot.adapters.xmpp.schools." + schoolId + ": " + e.getMessage(), e);
        }
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "XmppSettings[enabled=" + enabled + ", websocketUrl=" + websocketUrl + ", account=" + username + "@" + domain
                + ", resource=" + resource + ", rooms=" + rooms + ", pingInterval=" + pingInterval
                + ", password=" + (password == null ? "unset" : "***") + ", schools=" + new TreeMap<>(schools) + "]";
    }
}
