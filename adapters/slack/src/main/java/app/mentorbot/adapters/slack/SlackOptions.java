package app.mentorbot.adapters.slack;

import java.net.URI;
import java.time.Duration;

import app.mentorbot.adapters.api.connection.Backoff;

/**
 * What the Slack adapter needs to run.
 *
 * @param appToken       the app-level token ({@code xapp-…}, scope {@code connections:write}): opens Socket Mode URLs
 * @param botToken       the bot token ({@code xoxb-…}, scope {@code chat:write}): sends messages, {@code auth.test}
 * @param apiBaseUrl     the Web API root, {@code https://slack.com/api} unless a test points it at a fake
 * @param silenceTimeout a link that has shown no frame and no pong for this long is dropped and reopened
 * @param httpTimeout    whole-call timeout for every Web API request
 * @param backoff        the wait before each reconnect attempt after a failure
 */
public record SlackOptions(String appToken, String botToken, URI apiBaseUrl, Duration silenceTimeout,
                           Duration httpTimeout, Backoff backoff) {

    public static final URI DEFAULT_API_BASE_URL = URI.create("https://slack.com/api");
    public static final Duration DEFAULT_SILENCE_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_HTTP_TIMEOUT = Duration.ofSeconds(10);

    public SlackOptions {
        appToken = require(appToken, "xapp-", "app-token (MENTORBOT_ADAPTERS_SLACK_APP_TOKEN)");
        botToken = require(botToken, "xoxb-", "bot-token (MENTORBOT_ADAPTERS_SLACK_BOT_TOKEN)");
        apiBaseUrl = apiBaseUrl == null ? DEFAULT_API_BASE_URL : apiBaseUrl;
        String scheme = apiBaseUrl.getScheme();
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
            throw new IllegalArgumentException("Slack api-base-url must be an http(s) URL: " + apiBaseUrl);
        }
        silenceTimeout = positive(silenceTimeout, DEFAULT_SILENCE_TIMEOUT, "silence-timeout");
        httpTimeout = positive(httpTimeout, DEFAULT_HTTP_TIMEOUT, "http-timeout");
        backoff = backoff == null ? Backoff.exponential(Duration.ofSeconds(1), Duration.ofMinutes(2)) : backoff;
    }

    /** Production defaults: slack.com, 60 s silence, 10 s HTTP, jittered backoff 1 s … 2 min. */
    public static SlackOptions of(String appToken, String botToken) {
        return new SlackOptions(appToken, botToken, null, null, null, null);
    }

    public SlackOptions withApiBaseUrl(URI url) {
        return new SlackOptions(appToken, botToken, url, silenceTimeout, httpTimeout, backoff);
    }

    public SlackOptions withSilenceTimeout(Duration timeout) {
        return new SlackOptions(appToken, botToken, apiBaseUrl, timeout, httpTimeout, backoff);
    }

    public SlackOptions withHttpTimeout(Duration timeout) {
        return new SlackOptions(appToken, botToken, apiBaseUrl, silenceTimeout, timeout, backoff);
    }

    public SlackOptions withBackoff(Backoff value) {
        return new SlackOptions(appToken, botToken, apiBaseUrl, silenceTimeout, httpTimeout, value);
    }

    /** Never prints the tokens. */
    @Override
    public String toString() {
        return "SlackOptions[apiBaseUrl=" + apiBaseUrl + ", silenceTimeout=" + silenceTimeout
                + ", httpTimeout=" + httpTimeout + ", appToken=xapp-***, botToken=xoxb-***]";
    }

    private static String require(String token, String prefix, String name) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("Slack " + name + " is not set");
        }
        String t = token.strip();
        if (!t.startsWith(prefix)) {
            // The two tokens are easy to swap; say which one is wrong without printing it.
            throw new IllegalArgumentException("Slack " + name + " must start with " + prefix);
        }
        return t;
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        if (value == null) return fallback;
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("Slack " + name + " must be positive: " + value);
        }
        return value;
    }
}
