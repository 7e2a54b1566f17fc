package app.mentorbot.adapters.wecom;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.mentorbot.adapters.api.Delivery;
import app.mentorbot.adapters.api.InboundMessage;
import app.mentorbot.adapters.api.InboundSink;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The self-built app. In: the callback URL (GET verifies it, POST brings encrypted XML), signed and stamped
 * within 5 minutes of our clock ({@link CallbackWindow}), answered at once with an empty 200 after handing the
 * message to the sink, since WeCom retries what is not answered within 5 s. Out: {@code message/send} with an
 * access token cached until shortly before it expires, fetched again once when WeCom says it is invalid or expired.
 *
 * <p>WeCom silently drops what exceeds 30 messages a minute to one member (as remembered from its documentation,
 * not re-read), so the channel counts its own sends per member and answers RetryLater before that, rather than
 * lose one.
 */
final class AppChannel {
    static final int MAX_TEXT_BYTES = 2048;
    static final int PER_MEMBER_PER_MINUTE = 30;
    private static final Duration TOKEN_MARGIN = Duration.ofMinutes(5);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final Logger log = LoggerFactory.getLogger(AppChannel.class);

    private final WeComAppConfig config;
    private final WeComCrypto crypto;
    private final Clock clock;
    private final OkHttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Object tokenLock = new Object();
    private volatile CachedToken token;
    private final Map<String, Deque<Instant>> sendsByMember = new ConcurrentHashMap<>();
    private volatile int frequencyLimited;

    private record CachedToken(String value, Instant refreshAfter) {}

    /** A token could not be had; carries what the send should answer. */
    private static final class NoToken extends Exception {
        final Delivery delivery;

        NoToken(Delivery delivery) {
            super(null, null, false, false);
            this.delivery = delivery;
        }
    }

    AppChannel(WeComAppConfig config, Clock clock) {
        this.config = config;
        this.crypto = new WeComCrypto(config.token(), config.encodingAesKey(), config.corpId());
        this.clock = clock;
        this.http = new OkHttpClient.Builder()
                .callTimeout(config.httpTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .connectTimeout(Math.min(5_000, config.httpTimeout().toMillis()), TimeUnit.MILLISECONDS)
                .build();
    }

    // ---------------------------------------------------------------- callbacks

    CallbackResponse handle(String method, Map<String, String> query, String body, InboundSink sink) {
        Map<String, String> q = query == null ? Map.of() : query;
        String m = method == null ? "" : method.toUpperCase(Locale.ROOT);
        return switch (m) {
            case "GET" -> verifyUrl(q);
            case "POST" -> receive(q, body, sink);
            default -> CallbackResponse.methodNotAllowed();
        };
    }

    private CallbackResponse verifyUrl(Map<String, String> q) {
        String signature = q.get("msg_signature");
        String timestamp = q.get("timestamp");
        String nonce = q.get("nonce");
        String echostr = base64Param(q.get("echostr"));
        if (blank(signature) || blank(timestamp) || blank(nonce) || blank(echostr)) {
            return CallbackResponse.badRequest("missing msg_signature, timestamp, nonce or echostr");
        }
        if (!crypto.verify(signature, timestamp, nonce, echostr)) {
            log.warn("WeCom URL verification refused: signature does not match (wrong Token, or not WeCom)");
            return CallbackResponse.forbidden("signature mismatch");
        }
        Optional<CallbackResponse> stale = CallbackWindow.refusal(timestamp, clock);
        if (stale.isPresent()) return stale.get();
        try {
            String plain = crypto.decrypt(echostr);
            log.info("WeCom callback URL verified");
            return CallbackResponse.ok(plain);
        } catch (WeComCrypto.CryptoException e) {
            log.warn("WeCom URL verification refused: {}", e.getMessage());
            return CallbackResponse.badRequest(e.getMessage());
        }
    }

    private CallbackResponse receive(Map<String, String> q, String body, InboundSink sink) {
        if (body == null || body.isBlank()) return CallbackResponse.badRequest("empty body");
        if (body.length() > config.maxBodyBytes() || Utf8.length(body) > config.maxBodyBytes()) {
            log.warn("WeCom callback refused: body larger than {} bytes", config.maxBodyBytes());
            return CallbackResponse.badRequest("body too large");
        }
        String signature = q.get("msg_signature");
        String timestamp = q.get("timestamp");
        String nonce = q.get("nonce");
        if (blank(signature) || blank(timestamp) || blank(nonce)) {
            return CallbackResponse.badRequest("missing msg_signature, timestamp or nonce");
        }
        Map<String, String> outer;
        try {
            outer = FlatXml.parse(body);
        } catch (FlatXml.MalformedXml e) {
            log.warn("WeCom callback refused: {}", e.getMessage());
            return CallbackResponse.badRequest(e.getMessage());
        }
        String encrypted = base64Param(outer.get("Encrypt"));
        if (blank(encrypted)) return CallbackResponse.badRequest("no Encrypt element");
        if (!crypto.verify(signature, timestamp, nonce, encrypted)) {
            log.warn("WeCom callback refused: signature does not match (wrong Token, or not WeCom)");
            return CallbackResponse.forbidden("signature mismatch");
        }
        Optional<CallbackResponse> stale = CallbackWindow.refusal(timestamp, clock);
        if (stale.isPresent()) return stale.get();
        Map<String, String> inner;
        try {
            inner = FlatXml.parse(crypto.decrypt(encrypted));
        } catch (WeComCrypto.CryptoException | FlatXml.MalformedXml e) {
            log.warn("WeCom callback refused: {}", e.getMessage());
            return CallbackResponse.badRequest(e.getMessage());
        }
        String from = inner.get("FromUserName");
        if (blank(from)) return CallbackResponse.badRequest("no FromUserName");
        String type = inner.getOrDefault("MsgType", "").trim().toLowerCase(Locale.ROOT);
        if (type.equals("event")) {
            // Events (enter_agent, subscribe, LOCATION, ...) are nobody's words: acknowledged, not handed on.
            log.debug("WeCom event {} from {} acknowledged", inner.get("Event"), from);
            return CallbackResponse.ok("");
        }
        if (sink == null) return CallbackResponse.unavailable("not started");
        InboundMessage message = toInbound(inner, from.trim(), type);
        try {
            sink.accept(message);
        } catch (RuntimeException e) {
            // WeCom retries a callback it got no 200 for: better than losing the message.
            log.warn("WeCom message {} not taken by the pipeline: {}", message.messageId(), e.toString());
            return CallbackResponse.unavailable("try again");
        }
        log.info("WeCom app message {} from {} received", message.messageId(), message.senderId());
        return CallbackResponse.ok("");
    }

    private InboundMessage toInbound(Map<String, String> inner, String from, String type) {
        String createTime = inner.getOrDefault("CreateTime", "").trim();
        Map<String, String> extras = new HashMap<>();
        extras.put("via", "app");
        String agentId = inner.get("AgentID");
        if (!blank(agentId)) extras.put("agentId", agentId.trim());
        if (!type.equals("text")) extras.put("msgType", type);
        String text = type.equals("text") ? inner.getOrDefault("Content", "") : "";
        return new InboundMessage(WeComAdapter.PLATFORM, dedupeKey(inner.get("MsgId"), from, createTime), from, from,
                text, sentAt(createTime), extras);
    }

    /** MsgId for messages; FromUserName + CreateTime for what has none (as WxJava does for events). */
    static String dedupeKey(String msgId, String from, String createTime) {
        if (!blank(msgId)) return msgId.trim();
        return from + "@" + createTime;
    }

    private Instant sentAt(String createTime) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(createTime));
        } catch (NumberFormatException e) {
            return clock.instant();
        }
    }

    /** Base64 never holds spaces: a space is a '+' that was not URL-encoded on the way in. */
    private static String base64Param(String value) {
        return value == null ? null : value.trim().replace(' ', '+');
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    // ---------------------------------------------------------------- sending

    Delivery send(String userId, String text) {
        Optional<Duration> wait = reserve(userId);
        if (wait.isPresent()) {
            return new Delivery.RetryLater(wait.get(), "WeCom allows " + PER_MEMBER_PER_MINUTE + " messages a minute to one member");
        }
        for (String part : Utf8.split(text, MAX_TEXT_BYTES)) {
            Delivery d = sendOne(userId, part);
            if (!(d instanceof Delivery.Sent)) return d;
        }
        return Delivery.sent();
    }

    /** Counts a send to this member in the last minute; empty when it may go now. */
    private Optional<Duration> reserve(String userId) {
        Instant now = clock.instant();
        Deque<Instant> sends = sendsByMember.computeIfAbsent(userId, id -> new ArrayDeque<>());
        synchronized (sends) {
            while (!sends.isEmpty() && !sends.peekFirst().isAfter(now.minusSeconds(60))) sends.pollFirst();
            if (sends.size() >= PER_MEMBER_PER_MINUTE) {
                return Optional.of(Duration.between(now, sends.peekFirst().plusSeconds(60)).plusSeconds(1));
            }
            sends.addLast(now);
        }
        if (sendsByMember.size() > 10_000) sendsByMember.values().removeIf(d -> d.isEmpty());
        return Optional.empty();
    }

    private Delivery sendOne(String userId, String text) {
        ObjectNode body = json.createObjectNode();
        body.put("touser", userId);
        body.put("msgtype", "text");
        body.put("agentid", config.agentId());
        body.putObject("text").put("content", text);
        body.put("safe", 0);
        // No enable_duplicate_check: it would also drop a legitimately repeated reply ("已记录") within its window.
        String payload = json.writeValueAsString(body);
        String stale = null;
        for (int attempt = 1; ; attempt++) {
            String accessToken;
            try {
                accessToken = accessToken(stale);
            } catch (NoToken e) {
                return e.delivery;
            }
            HttpUrl url = HttpUrl.get(config.apiBaseUrl() + "/cgi-bin/message/send").newBuilder()
                    .addQueryParameter("access_token", accessToken).build();
            Request request = new Request.Builder().url(url).post(RequestBody.create(payload, JSON)).build();
            JsonNode answer;
            try (Response response = http.newCall(request).execute()) {
                Optional<Delivery> httpTrouble = httpTrouble(response);
                if (httpTrouble.isPresent()) return httpTrouble.get();
                answer = json.readTree(response.body().string());
            } catch (IOException e) {
                return new Delivery.RetryLater(Duration.ofSeconds(10), "WeCom API unreachable: " + e.getClass().getSimpleName());
            } catch (JacksonException e) {
                return new Delivery.RetryLater(Duration.ofSeconds(30), "WeCom answered something that is not JSON");
            }
            int code = answer.path("errcode").asInt(-999);
            if (code == 0) {
                frequencyLimited = 0;
                return refusedRecipient(answer, userId).orElseGet(Delivery::sent);
            }
            if ((code == 42001 || code == 40014) && attempt == 1) {
                log.info("WeCom access token {} ({}), fetching a new one", code == 42001 ? "expired" : "invalid", code);
                stale = accessToken;
                continue;
            }
            return classify(code, answer.path("errmsg").asString(""), userId);
        }
    }

    private Optional<Delivery> refusedRecipient(JsonNode answer, String userId) {
        for (String field : List.of("invaliduser", "unlicenseduser")) {
            String listed = answer.path(field).asString("");
            if (Arrays.asList(listed.split("\\|")).contains(userId)) {
                return Optional.of(new Delivery.Failed("WeCom lists " + userId + " as " + field
                        + (field.equals("invaliduser") ? " (no such member in the app's visible range)" : " (no licence)")));
            }
        }
        return Optional.empty();
    }

    private Delivery classify(int code, String errmsg, String userId) {
        return switch (code) {
            case 45009, 45033, 45011 -> {
                int n = ++frequencyLimited;
                Duration after = Duration.ofSeconds(Math.min(60L << Math.min(n - 1, 4), 900));
                yield new Delivery.RetryLater(after, "WeCom API frequency limit (" + code + ")");
            }
            case -1 -> new Delivery.RetryLater(Duration.ofSeconds(10), "WeCom system busy (-1)");
            case 42001, 40014 -> new Delivery.RetryLater(Duration.ofSeconds(10), "WeCom refused a fresh access token (" + code + ")");
            case 60020 -> untrustedIp();
            case 81013 -> new Delivery.Failed("WeCom: no valid recipient (81013): " + userId
                    + " is not a member in the app's visible range");
            case 60011 -> new Delivery.Failed("WeCom: the app may not message " + userId + " (60011, outside its visible range)");
            default -> new Delivery.Failed("WeCom error " + code + ": " + errmsg);
        };
    }

    private static Delivery untrustedIp() {
        return new Delivery.Failed("WeCom refused this server's IP address (60020): add the bot server's public IP to the "
                + "app's trusted IPs (企业可信IP) in the WeCom admin console");
    }

    private static Optional<Delivery> httpTrouble(Response response) {
        int status = response.code();
        if (status == 429) {
            long seconds = 60;
            try {
                String retryAfter = response.header("Retry-After");
                if (retryAfter != null) seconds = Math.max(1, Long.parseLong(retryAfter.trim()));
            } catch (NumberFormatException ignored) {
                // an HTTP date: keep the default
            }
            return Optional.of(new Delivery.RetryLater(Duration.ofSeconds(seconds), "WeCom HTTP 429"));
        }
        if (status >= 500) return Optional.of(new Delivery.RetryLater(Duration.ofSeconds(30), "WeCom HTTP " + status));
        if (status >= 400) return Optional.of(new Delivery.Failed("WeCom HTTP " + status));
        return Optional.empty();
    }

    /** The cached token, or a new one when there is none, it is due, or it is the {@code stale} one WeCom refused. */
    private String accessToken(String stale) throws NoToken {
        CachedToken t = token;
        Instant now = clock.instant();
        if (t != null && now.isBefore(t.refreshAfter()) && !t.value().equals(stale)) return t.value();
        synchronized (tokenLock) {
            t = token;
            if (t != null && now.isBefore(t.refreshAfter()) && !t.value().equals(stale)) return t.value();
            token = fetchToken();
            return token.value();
        }
    }

    private CachedToken fetchToken() throws NoToken {
        HttpUrl url = HttpUrl.get(config.apiBaseUrl() + "/cgi-bin/gettoken").newBuilder()
                .addQueryParameter("corpid", config.corpId())
                .addQueryParameter("corpsecret", config.secret()).build();
        JsonNode answer;
        try (Response response = http.newCall(new Request.Builder().url(url).get().build()).execute()) {
            Optional<Delivery> httpTrouble = httpTrouble(response);
            if (httpTrouble.isPresent()) throw new NoToken(httpTrouble.get());
            answer = json.readTree(response.body().string());
        } catch (IOException e) {
            throw new NoToken(new Delivery.RetryLater(Duration.ofSeconds(10), "WeCom gettoken unreachable: " + e.getClass().getSimpleName()));
        } catch (JacksonException e) {
            throw new NoToken(new Delivery.RetryLater(Duration.ofSeconds(30), "WeCom gettoken answered something that is not JSON"));
        }
        int code = answer.path("errcode").asInt(0);
        String value = answer.path("access_token").asString("");
        if (code == 0 && !value.isBlank()) {
            long expiresIn = answer.path("expires_in").asLong(7200);
            Duration life = Duration.ofSeconds(expiresIn).minus(TOKEN_MARGIN);
            if (life.compareTo(Duration.ofMinutes(1)) < 0) life = Duration.ofSeconds(Math.max(1, expiresIn / 2));
            log.info("WeCom access token fetched, valid for {} s", expiresIn);
            return new CachedToken(value, clock.instant().plus(life));
        }
        String errmsg = answer.path("errmsg").asString("");
        log.warn("WeCom gettoken failed: {} {}", code, errmsg);
        throw new NoToken(switch (code) {
            case 60020 -> untrustedIp();
            case 40013 -> new Delivery.Failed("WeCom: invalid corp id (40013): check the CorpID");
            case 40001, 40091 -> new Delivery.Failed("WeCom: the app secret was refused (" + code + "): check the app's Secret");
            case -1, 45009, 45033, 45011 -> new Delivery.RetryLater(Duration.ofSeconds(60), "WeCom gettoken limited (" + code + ")");
            default -> new Delivery.Failed("WeCom gettoken error " + code + ": " + errmsg);
        });
    }

    void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
