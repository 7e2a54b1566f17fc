package app.mentorbot.adapters.dingtalk;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

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
import tools.jackson.databind.node.ObjectNode;

/**
 * DingTalk's HTTP side: opening a stream connection, the app access token (cached until {@code expireIn} less
 * {@value #TOKEN_EARLY_SECONDS} s, fetched again after an HTTP 401 and the call retried once), the robot's send
 * APIs and the per-conversation session webhooks. Every send answers with a {@link Delivery}; platform trouble
 * never escapes as an exception. Bodies and secrets are never logged.
 */
final class OpenApi {
    static final long TOKEN_EARLY_SECONDS = 300;
    /** How long to hold a message for users DingTalk reports as flow controlled, or after an HTTP 429 without Retry-After. */
    static final Duration FLOW_CONTROL_WAIT = Duration.ofMinutes(1);
    /** How long to hold messages while DingTalk refuses our credentials (an admin may be fixing them). */
    static final Duration TOKEN_REFUSED_WAIT = Duration.ofMinutes(5);
    static final String UA = "mentorbot-dingtalk-java/0.1";

    private static final Logger log = LoggerFactory.getLogger(OpenApi.class);
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

    private final DingTalkOptions options;
    private final OkHttpClient http;
    private final Clock clock;
    private final Object tokenLock = new Object();
    private String token;
    private Instant tokenUntil = Instant.MIN;

    OpenApi(DingTalkOptions options, OkHttpClient http, Clock clock) {
        this.options = options;
        this.http = http;
        this.clock = clock;
    }

    static OkHttpClient httpClient(DingTalkOptions options) {
        return new OkHttpClient.Builder()
                .callTimeout(options.httpTimeout())
                .connectTimeout(options.httpTimeout())
                .readTimeout(options.httpTimeout())
                .build();
    }

    /** What the gateway gave for one connection: where to connect, and a ticket good for that one connection. */
    record Ticket(String endpoint, String ticket) {
        URI webSocketUri() {
            String sep = endpoint.contains("?") ? "&" : "?";
            return URI.create(endpoint + sep + "ticket=" + URLEncoder.encode(ticket, StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "Ticket[" + endpoint + "]"; // the ticket itself is a credential for 90 s
        }
    }

    /** POST /v1.0/gateway/connections/open: a NEW ticket every time, never reused. */
    Ticket openConnection() throws IOException {
        ObjectNode body = StreamFrames.JSON.createObjectNode();
        body.put("clientId", options.clientId());
        body.put("clientSecret", options.clientSecret());
        var subscriptions = body.putArray("subscriptions");
        subscriptions.addObject().put("type", StreamFrames.EVENT).put("topic", "*");
        subscriptions.addObject().put("type", StreamFrames.CALLBACK).put("topic", StreamFrames.TOPIC_BOT_MESSAGE);
        body.put("ua", UA);
        Answer answer = post(options.apiBaseUrl() + "/v1.0/gateway/connections/open", body, null);
        if (!answer.ok()) throw new IOException("stream connection refused: " + answer.describe());
        String endpoint = answer.body().path("endpoint").asString("");
        String ticket = answer.body().path("ticket").asString("");
        if (endpoint.isBlank() || ticket.isBlank()) throw new IOException("stream connection answer has no endpoint or ticket");
        if (!endpoint.startsWith("wss://") && !endpoint.startsWith("ws://")) {
            throw new IOException("stream endpoint is not a WebSocket URL: " + endpoint);
        }
        return new Ticket(endpoint, ticket);
    }

    /** 1:1 push or late reply: POST /v1.0/robot/oToMessages/batchSend for one user. */
    Delivery sendToUser(String userId, String text) {
        ObjectNode body = robotMessage(text);
        body.putArray("userIds").add(userId);
        return callRobot("/v1.0/robot/oToMessages/batchSend", body, answer -> {
            if (contains(answer.path("invalidStaffIdList"), userId)) {
                return new Delivery.Failed("DingTalk does not know user " + userId + " (invalidStaffIdList)");
            }
            if (contains(answer.path("flowControlledStaffIdList"), userId)) {
                return new Delivery.RetryLater(FLOW_CONTROL_WAIT, "DingTalk flow control for user " + userId);
            }
            return Delivery.sent();
        });
    }

    /** Group message: POST /v1.0/robot/groupMessages/send. */
    Delivery sendToGroup(String openConversationId, String text) {
        ObjectNode body = robotMessage(text);
        body.put("openConversationId", openConversationId);
        return callRobot("/v1.0/robot/groupMessages/send", body, answer -> Delivery.sent());
    }

    /**
     * A reply through the conversation's session webhook (no token). Empty means the webhook would not take it
     * (expired, refused, not a URL): the caller sends through the robot API instead.
     */
    Optional<Delivery> sendByWebhook(String url, String text) {
        ObjectNode body = StreamFrames.JSON.createObjectNode();
        body.put("msgtype", "text");
        body.putObject("text").put("content", text);
        Answer answer;
        try {
            answer = post(url, body, null);
        } catch (IllegalArgumentException e) {
            log.warn("session webhook is not a usable URL; using the robot API");
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(new Delivery.RetryLater(Duration.ZERO, "session webhook unreachable: " + e));
        }
        if (answer.status() == 429 || answer.status() >= 500) {
            return Optional.of(new Delivery.RetryLater(answer.retryAfterOr(Duration.ZERO), "session webhook: " + answer.describe()));
        }
        if (answer.ok() && answer.body().path("errcode").asInt(-1) == 0) return Optional.of(Delivery.sent());
        log.info("session webhook refused the reply ({}); using the robot API", answer.describe());
        return Optional.empty();
    }

    private ObjectNode robotMessage(String text) {
        ObjectNode body = StreamFrames.JSON.createObjectNode();
        body.put("robotCode", options.robotCode());
        body.put("msgKey", "sampleText");
        ObjectNode param = StreamFrames.JSON.createObjectNode().put("content", text);
        body.put("msgParam", StreamFrames.JSON.writeValueAsString(param)); // a JSON string, not an object
        return body;
    }

    private Delivery callRobot(String path, ObjectNode body, Function<JsonNode, Delivery> onSuccess) {
        try {
            String used = accessToken();
            Answer answer = post(options.apiBaseUrl() + path, body, used);
            if (answer.status() == 401) {
                forgetToken(used);
                answer = post(options.apiBaseUrl() + path, body, accessToken());
            }
            return classify(answer, onSuccess);
        } catch (TokenRefused e) {
            log.warn("DingTalk refused the access token request: {}", e.getMessage());
            return new Delivery.RetryLater(TOKEN_REFUSED_WAIT, "access token refused: " + e.getMessage());
        } catch (IOException e) {
            return new Delivery.RetryLater(Duration.ZERO, "DingTalk API unreachable: " + e);
        }
    }

    private static Delivery classify(Answer answer, Function<JsonNode, Delivery> onSuccess) {
        if (answer.ok()) return onSuccess.apply(answer.body());
        if (answer.status() == 429 || answer.throttled()) {
            return new Delivery.RetryLater(answer.retryAfterOr(FLOW_CONTROL_WAIT), "rate limited: " + answer.describe());
        }
        if (answer.status() >= 500 || answer.status() == 408) return new Delivery.RetryLater(Duration.ZERO, answer.describe());
        if (answer.status() == 401) {
            return new Delivery.RetryLater(TOKEN_REFUSED_WAIT, "unauthorized even with a fresh token: " + answer.describe());
        }
        return new Delivery.Failed(answer.describe());
    }

    /** POST /v1.0/oauth2/accessToken, cached. */
    String accessToken() throws IOException, TokenRefused {
        synchronized (tokenLock) {
            Instant now = clock.instant();
            if (token != null && now.isBefore(tokenUntil)) return token;
            ObjectNode body = StreamFrames.JSON.createObjectNode();
            body.put("appKey", options.clientId());
            body.put("appSecret", options.clientSecret());
            Answer answer = post(options.apiBaseUrl() + "/v1.0/oauth2/accessToken", body, null);
            String fresh = answer.body().path("accessToken").asString("");
            if (answer.status() >= 500) throw new IOException("access token: " + answer.describe());
            if (!answer.ok() || fresh.isBlank()) throw new TokenRefused(answer.describe());
            long expireIn = answer.body().path("expireIn").asLong(7200);
            token = fresh;
            tokenUntil = now.plusSeconds(Math.max(0, expireIn - TOKEN_EARLY_SECONDS));
            return token;
        }
    }

    private void forgetToken(String stale) {
        synchronized (tokenLock) {
            if (stale.equals(token)) token = null;
        }
    }

    static final class TokenRefused extends Exception {
        TokenRefused(String reason) {
            super(reason, null, false, false);
        }
    }

    /** An HTTP answer: status, JSON body (empty object when none) and Retry-After. */
    record Answer(int status, JsonNode body, String retryAfter) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** DingTalk's error code, e.g. "InvalidParameter" (new API) or errcode (old API). */
        String errorCode() {
            JsonNode code = body.has("code") ? body.get("code") : body.get("errcode");
            return code == null || code.isNull() ? null : code.asString();
        }

        /** QPS and flow-control refusals come as 403s with codes like Forbidden.AccessDenied.QpsLimitForApi. */
        boolean throttled() {
            String code = errorCode();
            if (code == null) return false;
            String c = code.toLowerCase(Locale.ROOT);
            return c.contains("qpslimit") || c.contains("throttl") || c.contains("flowcontrol") || c.contains("ratelimit");
        }

        Duration retryAfterOr(Duration fallback) {
            if (retryAfter == null) return fallback;
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.strip())));
            } catch (NumberFormatException e) {
                return fallback;
            }
        }

        String describe() {
            String code = errorCode();
            JsonNode message = body.has("message") ? body.get("message") : body.get("errmsg");
            return "HTTP " + status + (code == null ? "" : " " + code)
                    + (message == null || message.isNull() ? "" : ": " + message.asString());
        }
    }

    private Answer post(String url, JsonNode body, String accessToken) throws IOException {
        Request.Builder request = new Request.Builder()
                .url(url)
                .header("Accept", "application/json")
                .post(RequestBody.create(StreamFrames.JSON.writeValueAsString(body), JSON_TYPE));
        if (accessToken != null) request.header("x-acs-dingtalk-access-token", accessToken);
        try (Response response = http.newCall(request.build()).execute()) {
            String text = response.body().string();
            JsonNode json;
            try {
                json = text.isBlank() ? null : StreamFrames.JSON.readTree(text);
            } catch (JacksonException e) {
                json = null;
            }
            if (json == null || !json.isObject()) json = StreamFrames.JSON.createObjectNode();
            return new Answer(response.code(), json, response.header("Retry-After"));
        }
    }

    private static boolean contains(JsonNode list, String value) {
        for (JsonNode item : list) {
            if (value.equals(item.asString())) return true;
        }
        return false;
    }
}
