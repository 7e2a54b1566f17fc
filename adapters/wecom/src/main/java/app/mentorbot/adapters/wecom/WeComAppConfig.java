package app.mentorbot.adapters.wecom;

import java.time.Duration;
import java.util.Objects;

/**
 * The self-built app (自建应用): HTTP callbacks in, {@code message/send} out.
 *
 * @param corpId         the CorpID (企业ID); also the receive id every callback must be encrypted for
 * @param agentId        the app's AgentId
 * @param secret         the app's Secret, for {@code gettoken}
 * @param token          the callback Token (接收消息 → API接收)
 * @param encodingAesKey the callback EncodingAESKey (43 characters)
 * @param apiBaseUrl     https://qyapi.weixin.qq.com, or a fake in tests
 * @param httpTimeout    per call to the API; a timeout answers RetryLater
 * @param maxBodyBytes   larger callback bodies are refused with 400
 */
public record WeComAppConfig(String corpId, long agentId, String secret, String token, String encodingAesKey,
                             String apiBaseUrl, Duration httpTimeout, int maxBodyBytes) {
    public static final String DEFAULT_API = "https://qyapi.weixin.qq.com";
    /** A text message's encrypted callback is a few KB; 64 KB leaves room for any message type. */
    public static final int DEFAULT_MAX_BODY = 64 * 1024;

    public WeComAppConfig {
        require(corpId, "corp-id");
        require(secret, "secret");
        require(token, "token");
        require(encodingAesKey, "encoding-aes-key");
        if (agentId <= 0) throw new IllegalArgumentException("WeCom app: agent-id must be set (a positive number)");
        apiBaseUrl = apiBaseUrl == null || apiBaseUrl.isBlank() ? DEFAULT_API : apiBaseUrl.replaceAll("/+$", "");
        httpTimeout = httpTimeout == null ? Duration.ofSeconds(10) : httpTimeout;
        maxBodyBytes = maxBodyBytes <= 0 ? DEFAULT_MAX_BODY : maxBodyBytes;
    }

    public static WeComAppConfig of(String corpId, long agentId, String secret, String token, String encodingAesKey) {
        return new WeComAppConfig(corpId, agentId, secret, token, encodingAesKey, null, null, 0);
    }

    public WeComAppConfig withApiBaseUrl(String url) {
        return new WeComAppConfig(corpId, agentId, secret, token, encodingAesKey, url, httpTimeout, maxBodyBytes);
    }

    public WeComAppConfig withHttpTimeout(Duration timeout) {
        return new WeComAppConfig(corpId, agentId, secret, token, encodingAesKey, apiBaseUrl, timeout, maxBodyBytes);
    }

    static void require(String value, String name) {
        Objects.requireNonNull(value, "WeCom: " + name + " must be set");
        if (value.isBlank()) throw new IllegalArgumentException("WeCom: " + name + " must not be blank");
    }

    @Override
    public String toString() {
        return "WeComAppConfig[corpId=" + corpId + ", agentId=" + agentId + ", apiBaseUrl=" + apiBaseUrl + "]";
    }
}
