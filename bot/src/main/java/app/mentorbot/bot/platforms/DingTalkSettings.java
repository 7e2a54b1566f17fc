package app.mentorbot.bot.platforms;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import app.mentorbot.adapters.dingtalk.DingTalkOptions;

/**
 * The {@code mentorbot.adapters.dingtalk.*} settings (example: config/adapters/dingtalk.example.yml). The client
 * secret comes from the environment only: {@code MENTORBOT_ADAPTERS_DINGTALK_CLIENT_SECRET}, which Spring binds to
 * {@code client-secret}. Unset durations and numbers take the adapter's defaults (see {@link DingTalkOptions}).
 *
 * @param enabled         turns the DingTalk adapter on
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
 */
@ConfigurationProperties("mentorbot.adapters.dingtalk")
public record DingTalkSettings(boolean enabled, String clientId, String clientSecret, String robotCode, String apiBaseUrl,
                               Duration silenceTimeout, Duration pingInterval, Duration reconnectMin, Duration reconnectMax,
                               Duration httpTimeout, Integer sendsPerMinute) {

    /** Checked here, at startup, so missing credentials stop the bot with a clear message. */
    DingTalkOptions toOptions() {
        return new DingTalkOptions(clientId, clientSecret, robotCode, apiBaseUrl, silenceTimeout, pingInterval,
                reconnectMin, reconnectMax, httpTimeout, sendsPerMinute);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "DingTalkSettings[enabled=" + enabled + ", clientId=" + clientId + ", robotCode=" + robotCode
                + ", apiBaseUrl=" + apiBaseUrl + ", silenceTimeout=" + silenceTimeout + ", pingInterval=" + pingInterval
                + ", reconnect=" + reconnectMin + ".." + reconnectMax + ", httpTimeout=" + httpTimeout
                + ", sendsPerMinute=" + sendsPerMinute + ", clientSecret=" + (clientSecret == null ? "unset" : "***") + "]";
    }
}
