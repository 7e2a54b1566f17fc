package app.mentorbot.bot.platforms;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;

import app.mentorbot.adapters.dingtalk.DingTalkOptions;

/**
 * The {@code mentorbot.adapters.dingtalk.*} settings (example: config/adapters/dingtalk.example.yml). The client
 * secret comes from the environment only: {@code MENTORBOT_ADAPTERS_DINGTALK_CLIENT_SECRET}, which Spring binds to
 * {@code client-secret}. Unset durations and numbers take the adapter's defaults (see {@link DingTalkOptions}).
 *
 * @param enabled         turns the deployment's DingTalk app on
 * @param clientId        the app's Client ID (AppKey)
 * @param clientSecret    the app's Client Secret (AppSecret)
 * @param robotCode       the robot's code; defaults to the Client ID (right for an internal app's robot)
 * @param apiBaseUrl      OpenAPI root; https://api.dingtalk.com unless testing against a fake
 * @param silenceTimeout  a stream link quiet this long (no frame, no pong) is replaced; default 90 s
 * @param pingInterval    WebSocket keepalive pings; default 30 s, 0 turns them off
 * @param reconnectMin    first reconnect delay, doubled per failed attempt with jitter; default 1 s
 * @param reconnectMax    longest reconnect delay; default 60 s
 * @param httpTimeout     timeout of each HTTP call and of the WebSocket connect; default 10 s
 * @param sendsPerMinute  the outbox's send rate for DingTalk; default 20, 0 = unlimited
 * @param schools         schools with an app of their own (their own organisation), by school id: the same keys,
 *                        the secret from {@code MENTORBOT_ADAPTERS_DINGTALK_SCHOOLS_<ID>_CLIENT_SECRET}; unset tuning
 *                        values are the deployment's; a block is on unless it says {@code enabled: false}
 */
@ConfigurationProperties("mentorbot.adapters.dingtalk")
public record DingTalkSettings(boolean enabled, String clientId, String clientSecret, String robotCode, String apiBaseUrl,
                               Duration silenceTimeout, Duration pingInterval, Duration reconnectMin, Duration reconnectMax,
                               Duration httpTimeout, Integer sendsPerMinute, Map<String, School> schools) {
    static final String PLATFORM = "dingtalk";

    public DingTalkSettings {
        schools = SchoolBlocks.checked(PLATFORM, schools);
    }

    /** A school's own app: the keys of the deployment's block. */
    public record School(Boolean enabled, String clientId, String clientSecret, String robotCode, String apiBaseUrl,
                         Duration silenceTimeout, Duration pingInterval, Duration reconnectMin, Duration reconnectMax,
                         Duration httpTimeout, Integer sendsPerMinute) {
        /** Never prints the secret. */
        @Override
        public String toString() {
            return "School[enabled=" + enabled + ", clientId=" + clientId + ", robotCode=" + robotCode + ", apiBaseUrl=" + apiBaseUrl
                    + ", sendsPerMinute=" + sendsPerMinute + ", clientSecret=" + (clientSecret == null ? "unset" : "***") + "]";
        }
    }

    /** Checked here, at startup, so missing credentials stop the bot with a clear message. */
    DingTalkOptions toOptions() {
        return new DingTalkOptions(clientId, clientSecret, robotCode, apiBaseUrl, silenceTimeout, pingInterval,
                reconnectMin, reconnectMax, httpTimeout, sendsPerMinute);
    }

    /** The schools whose own app is on, by id, in id order. */
    Map<String, School> schoolsOn() {
        return SchoolBlocks.on(schools, School::enabled);
    }

    /** A school's own app: its credentials (checked here, naming the school's keys), the deployment's tuning where unset. */
    DingTalkOptions toOptions(String schoolId) {
        School s = schools.get(schoolId);
        String id = SchoolBlocks.requireSetting(s.clientId(), PLATFORM, schoolId, "client-id");
        String secret = SchoolBlocks.requireSecret(s.clientSecret(), PLATFORM, schoolId, "client-secret");
        return new DingTalkOptions(id, secret, s.robotCode(), SchoolBlocks.or(s.apiBaseUrl(), apiBaseUrl),
                SchoolBlocks.or(s.silenceTimeout(), silenceTimeout), SchoolBlocks.or(s.pingInterval(), pingInterval),
                SchoolBlocks.or(s.reconnectMin(), reconnectMin), SchoolBlocks.or(s.reconnectMax(), reconnectMax),
                SchoolBlocks.or(s.httpTimeout(), httpTimeout), SchoolBlocks.or(s.sendsPerMinute(), sendsPerMinute));
    }

    /** Never prints a secret. */
    @Override
    public String toString() {
        return "DingTalkSettings[enabled=" + enabled + ", clientId=" + clientId + ", robotCode=" + robotCode
                + ", apiBaseUrl=" + apiBaseUrl + ", silenceTimeout=" + silenceTimeout + ", pingInterval=" + pingInterval
                + ", reconnect=" + reconnectMin + ".." + reconnectMax + ", httpTimeout=" + httpTimeout
                + ", sendsPerMinute=" + sendsPerMinute + ", clientSecret=" + (clientSecret == null ? "unset" : "***")
                + ", schools=" + new TreeMap<>(schools) + "]";
    }
}
