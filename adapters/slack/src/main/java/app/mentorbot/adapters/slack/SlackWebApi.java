package app.mentorbot.adapters.slack;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.mentorbot.adapters.api.Delivery;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The three Web API methods the adapter calls, over OkHttp with JSON bodies and the token in the
 * Authorization header: {@code apps.connections.open} (app token), {@code auth.test} and
 * {@code chat.postMessage} (bot token). Slack answers HTTP 200 with {@code ok:false} for most errors,
 * HTTP 429 with {@code Retry-After} when rate limited.
 */
final class SlackWebApi {
    private static final Logger log = LoggerFactory.getLogger(SlackWebApi.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    /** Slack errors that say "not now" rather than "never": the outbox tries again. */
    private static final Set<String> TRANSIENT = Set.of("ratelimited", "rate_limited", "fatal_error", "internal_error",
            "service_unavailable", "request_timeout", "team_added_to_org");
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private final SlackOptions options;
    private final OkHttpClient http;
    private final ObjectMapper json;

    SlackWebApi(SlackOptions options, OkHttpClient http, ObjectMapper json) {
        this.options = options;
        this.http = http;
        this.json = json;
    }

    /** A fresh, single-use WebSocket URL for Socket Mode. */
    URI openConnection() throws SlackApiException {
        JsonNode body = call("apps.connections.open", options.appToken(), json.createObjectNode());
        String url = Envelopes.text(body, "url");
        if (url == null) throw new SlackApiException("apps.connections.open answered without url", true, null);
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new SlackApiException("apps.connections.open answered a bad url", true, null);
        }
        if (!"wss".equals(uri.getScheme()) && !"ws".equals(uri.getScheme())) {
            throw new SlackApiException("apps.connections.open answered a non-WebSocket url", true, null);
        }
        return uri;
    }

    /** The bot's own user id, so its own messages can be ignored. */
    String botUserId() throws SlackApiException {
        JsonNode body = call("auth.test", options.botToken(), json.createObjectNode());
        String userId = Envelopes.text(body, "user_id");
        if (userId == null) throw new SlackApiException("auth.test answered without user_id", true, null);
        return userId;
    }

    /** One {@code chat.postMessage}; never throws. */
    Delivery postMessage(String channel, String text, String threadTs) {
        ObjectNode request = json.createObjectNode().put("channel", channel).put("text", text);
        if (threadTs != null) request.put("thread_ts", threadTs);
        try {
            call("chat.postMessage", options.botToken(), request);
            return Delivery.sent();
        } catch (SlackApiException e) {
            if (e.retryable()) {
                return new Delivery.RetryLater(e.retryAfter() == null ? Duration.ZERO : e.retryAfter(), e.getMessage());
            }
            return new Delivery.Failed(e.getMessage());
        }
    }

    private JsonNode call(String method, String token, ObjectNode body) throws SlackApiException {
        Request request = new Request.Builder()
                .url(options.apiBaseUrl().toString().replaceAll("/+$", "") + "/" + method)
                .header("Authorization", "Bearer " + token)
                .post(RequestBody.create(json.writeValueAsString(body), JSON))
                .build();
        try (Response response = http.newCall(request).execute()) {
            int status = response.code();
            if (status == 429) {
                Duration after = retryAfter(response.header("Retry-After"));
                log.debug("Slack {} rate limited, retry after {}", method, after);
                throw new SlackApiException(method + ": ratelimited (HTTP 429)", true, after);
            }
            if (status >= 500 || status == 408) {
                throw new SlackApiException(method + ": HTTP " + status, true, retryAfterOrNull(response.header("Retry-After")));
            }
            if (status != 200) {
                throw new SlackApiException(method + ": HTTP " + status, false, null);
            }
            JsonNode answer;
            try {
                answer = json.readTree(response.body().string());
            } catch (JacksonException e) {
                throw new SlackApiException(method + ": unreadable answer", true, null);
            }
            if (answer == null || !answer.isObject()) {
                throw new SlackApiException(method + ": unreadable answer", true, null);
            }
            if (answer.path("ok").asBoolean(false)) return answer;
            String error = Envelopes.text(answer, "error");
            error = error == null ? "unknown_error" : error;
            boolean retry = TRANSIENT.contains(error);
            Duration after = retry ? retryAfterOrNull(response.header("Retry-After")) : null;
            if (after == null && retry && error.startsWith("rate")) after = DEFAULT_RETRY_AFTER;
            throw new SlackApiException(method + ": " + error, retry, after);
        } catch (IOException e) {
            // Timeouts, refused connections, resets: try again later.
            throw new SlackApiException(method + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), true, null);
        }
    }

    static Duration retryAfter(String header) {
        Duration d = retryAfterOrNull(header);
        return d == null ? DEFAULT_RETRY_AFTER : d;
    }

    private static Duration retryAfterOrNull(String header) {
        if (header == null) return null;
        try {
            long seconds = Long.parseLong(header.strip());
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A Web API call that did not succeed; the message names the method and Slack's error code. */
    static final class SlackApiException extends Exception {
        private final boolean retryable;
        private final Duration retryAfter;

        SlackApiException(String message, boolean retryable, Duration retryAfter) {
            super(message, null, false, false);
            this.retryable = retryable;
            this.retryAfter = retryAfter;
        }

        boolean retryable() {
            return retryable;
        }

        Duration retryAfter() {
            return retryAfter;
        }
    }
}
