package app.mentorbot.bot.platforms;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import app.mentorbot.adapters.wecom.ConnectionGate;
import app.mentorbot.adapters.wecom.WeComAiBotConfig;
import app.mentorbot.adapters.wecom.WeComAppConfig;

/**
 * The {@code mentorbot.adapters.wecom.*} settings (example: config/adapters/wecom.example.yml). WeCom can be set
 * up two ways, each switched on by itself; both are the one platform "wecom" (a person is their WeCom userid either
 * way). Secrets come from the environment only, bound by Spring from {@code MENTORBOT_ADAPTERS_WECOM_SECRET},
 * {@code _TOKEN}, {@code _ENCODING_AES_KEY} and {@code MENTORBOT_ADAPTERS_WECOM_AIBOT_SECRET}.
 *
 * @param enabled        the self-built app (自建应用): callback URL in, message/send out
 * @param corpId         the CorpID (我的企业 → 企业信息 → 企业ID)
 * @param agentId        the app's AgentId
 * @param secret         the app's Secret
 * @param token          the callback Token (接收消息服务器配置)
 * @param encodingAesKey the callback EncodingAESKey (43 characters)
 * @param apiBaseUrl     https://qyapi.weixin.qq.com unless testing against a fake
 * @param httpTimeout    timeout of each API call; default 10 s
 * @param callbackPath   where WeCom posts callbacks on this server; default /callbacks/wecom
 * @param aibot          the smart robot (智能机器人) long connection
 */
@ConfigurationProperties("mentorbot.adapters.wecom")
public record WeComSettings(boolean enabled, String corpId, Long agentId, String secret, String token, String encodingAesKey,
                            String apiBaseUrl, Duration httpTimeout, String callbackPath, AiBot aibot) {
    public static final String DEFAULT_CALLBACK_PATH = "/callbacks/wecom";

    /**
     * @param enabled   turns the long connection on
     * @param botId     the robot's Bot ID
     * @param secret    the robot's Secret
     * @param url       wss://openws.work.weixin.qq.com unless testing against a fake
     * @param heartbeat ping period; default 30 s
     * @param leaseTtl  only the holder of the lease "wecom-aibot:BOTID" connects; renewed every third of this; default 30 s
     */
    public record AiBot(boolean enabled, String botId, String secret, String url, Duration heartbeat, Duration leaseTtl) {
        Duration leaseTtlOrDefault() {
            return leaseTtl == null || leaseTtl.compareTo(Duration.ofSeconds(3)) < 0 ? Duration.ofSeconds(30) : leaseTtl;
        }

        @Override
        public String toString() {
            return "AiBot[enabled=" + enabled + ", botId=" + botId + ", url=" + url + ", heartbeat=" + heartbeat
                    + ", leaseTtl=" + leaseTtl + ", secret=" + (secret == null ? "unset" : "***") + "]";
        }
    }

    public WeComSettings {
        callbackPath = callbackPath == null || callbackPath.isBlank() ? DEFAULT_CALLBACK_PATH : callbackPath;
    }

    boolean aiBotEnabled() {
        return aibot != null && aibot.enabled();
    }

    /** Checked here, at startup, so missing settings stop the bot with the name of what to set. */
    WeComAppConfig toAppConfig() {
        require(corpId, "mentorbot.adapters.wecom.corp-id");
        if (agentId == null || agentId <= 0) {
            throw new IllegalStateException("WeCom app enabled but mentorbot.adapters.wecom.agent-id is not set");
        }
        require(secret, "MENTORBOT_ADAPTERS_WECOM_SECRET");
        require(token, "MENTORBOT_ADAPTERS_WECOM_TOKEN");
        require(encodingAesKey, "MENTORBOT_ADAPTERS_WECOM_ENCODING_AES_KEY");
        if (!callbackPath.startsWith("/")) {
            throw new IllegalStateException("mentorbot.adapters.wecom.callback-path must start with /: " + callbackPath);
        }
        return new WeComAppConfig(corpId.strip(), agentId, secret.strip(), token.strip(), encodingAesKey.strip(),
                apiBaseUrl, httpTimeout, 0);
    }

    WeComAiBotConfig toAiBotConfig(ConnectionGate gate) {
        require(aibot.botId(), "mentorbot.adapters.wecom.aibot.bot-id");
        require(aibot.secret(), "MENTORBOT_ADAPTERS_WECOM_AIBOT_SECRET");
        return new WeComAiBotConfig(aibot.botId().strip(), aibot.secret().strip(), aibot.url(), aibot.heartbeat(), null,
                aibot.leaseTtlOrDefault().dividedBy(3), gate, null);
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) throw new IllegalStateException("WeCom enabled but " + name + " is not set");
    }

    /** Never prints a secret. */
    @Override
    public String toString() {
        return "WeComSettings[enabled=" + enabled + ", corpId=" + corpId + ", agentId=" + agentId
                + ", apiBaseUrl=" + apiBaseUrl + ", httpTimeout=" + httpTimeout + ", callbackPath=" + callbackPath
                + ", secret=" + (secret == null ? "unset" : "***") + ", token=" + (token == null ? "unset" : "***")
                + ", encodingAesKey=" + (encodingAesKey == null ? "unset" : "***") + ", aibot=" + aibot + "]";
    }
}
