package app.mentorbot.adapters.dingtalk;

import java.time.Duration;
import java.util.Objects;

/**
 * How the DingTalk adapter connects. Null durations and numbers take the defaults below.
 *
 * @param clientId        the app's Client ID (AppKey): opens the stream and fetches access tokens
 * @param clientSecret    the app's Client Secret (AppSecret); from the environment only
 * @param robotCode       the robot that sends pushes; for an internal app's robot it is the Client ID (the default)
 * @param apiBaseUrl      the OpenAPI host, {@value #DEFAULT_API_BASE_URL} by default (tests point it at a fake)
 * @param silenceTimeout  a connection that brings no frame (nor pong) for this long is replaced; default 90 s
 * @param pingInterval    how often a WebSocket ping is sent so a quiet but healthy link is not taken as dead;
 *                        default 30 s, zero turns pings off
 * @param reconnectMin    first reconnect delay (jittered, doubled per failed attempt); default 1 s
 * @param reconnectMax    longest reconnect delay; default 60 s
 * @param httpTimeout     whole-call timeout of every HTTP request, and the WebSocket connect timeout; default 10 s
 * @param sendsPerMinute  the send rate the outbox should keep to; default 20 (the documented robot limit), 0 = none
 */
public record DingTalkOptions(String clientId, String clientSecret, String robotCode, String apiBaseUrl,
                              Duration silenceTimeout, Duration pingInterval, Duration reconnectMin, Duration reconnectMax,
                              Duration httpTimeout, Integer sendsPerMinute) {
    public static final String DEFAULT_API_BASE_URL = "https://api.dingtalk.com";

    public DingTalkOptions {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("DingTalk client id is missing (mentorbot.adapters.dingtalk.client-id)");
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("DingTalk client secret is missing "
                    + "(environment variable MENTORBOT_ADAPTERS_DINGTALK_CLIENT_SECRET)");
        }
        robotCode = robotCode == null || robotCode.isBlank() ? clientId : robotCode;
        apiBaseUrl = apiBaseUrl == null || apiBaseUrl.isBlank() ? DEFAULT_API_BASE_URL : apiBaseUrl.strip();
        while (apiBaseUrl.endsWith("/")) apiBaseUrl = apiBaseUrl.substring(0, apiBaseUrl.length() - 1);
        if (!apiBaseUrl.startsWith("https://") && !apiBaseUrl.startsWith("http://")) {
            throw new IllegalArgumentException("DingTalk api-base-url must be an http(s) URL: " + apiBaseUrl);
        }
        silenceTimeout = positive(silenceTimeout, Duration.ofSeconds(90), "silence-timeout");
        pingInterval = pingInterval == null ? Duration.ofSeconds(30) : pingInterval;
        if (pingInterval.isNegative()) throw new IllegalArgumentException("DingTalk ping-interval must not be negative");
        if (!pingInterval.isZero() && pingInterval.compareTo(silenceTimeout) >= 0) {
            throw new IllegalArgumentException("DingTalk ping-interval (" + pingInterval
                    + ") must be shorter than silence-timeout (" + silenceTimeout + ")");
        }
        reconnectMin = positive(reconnectMin, Duration.ofSeconds(1), "reconnect-min");
        reconnectMax = positive(reconnectMax, Duration.ofSeconds(60), "reconnect-max");
        if (reconnectMax.compareTo(reconnectMin) < 0) reconnectMax = reconnectMin;
        httpTimeout = positive(httpTimeout, Duration.ofSeconds(10), "http-timeout");
        sendsPerMinute = sendsPerMinute == null ? 20 : sendsPerMinute;
        if (sendsPerMinute < 0) throw new IllegalArgumentException("DingTalk sends-per-minute must not be negative");
    }

    /** The given credentials, everything else default. */
    public static DingTalkOptions of(String clientId, String clientSecret) {
        return new DingTalkOptions(clientId, clientSecret, null, null, null, null, null, null, null, null);
    }

    DingTalkOptions withApiBaseUrl(String url) {
        return new DingTalkOptions(clientId, clientSecret, robotCode, url, silenceTimeout, pingInterval, reconnectMin,
                reconnectMax, httpTimeout, sendsPerMinute);
    }

    DingTalkOptions withTimings(Duration silenceTimeout, Duration pingInterval, Duration httpTimeout) {
        return new DingTalkOptions(clientId, clientSecret, robotCode, apiBaseUrl, silenceTimeout, pingInterval, reconnectMin,
                reconnectMax, httpTimeout, sendsPerMinute);
    }

    @Override
    public String toString() {
        // Never the secret: this record ends up in logs and exception messages.
        return "DingTalkOptions[clientId=" + clientId + ", robotCode=" + robotCode + ", apiBaseUrl=" + apiBaseUrl
                + ", silenceTimeout=" + silenceTimeout + ", pingInterval=" + pingInterval + ", reconnect=" + reconnectMin
                + ".." + reconnectMax + ", httpTimeout=" + httpTimeout + ", sendsPerMinute=" + sendsPerMinute + "]";
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        Duration d = Objects.requireNonNullElse(value, fallback);
        if (d.isZero() || d.isNegative()) throw new IllegalArgumentException("DingTalk " + name + " must be positive: " + d);
        return d;
    }
}
