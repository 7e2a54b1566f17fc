package app.mentorbot.bot.platforms;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

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
 * @param enabled        the deployment's self-built app (自建应用): callback URL in, message/send out
 * @param corpId         the CorpID (我的企业 → 企业信息 → 企业ID)
 * @param agentId        the app's AgentId
 * @param secret         the app's Secret
 * @param token          the callback Token (接收消息服务器配置)
 * @param encodingAesKey the callback EncodingAESKey (43 characters)
 * @param apiBaseUrl     https://qyapi.weixin.qq.com unless testing against a fake
 * @param httpTimeout    timeout of each API call; default 10 s
 * @param callbackPath   where WeCom posts callbacks on this server; default /callbacks/wecom
 * @param aibot          the smart robot (智能机器人) long connection
 * @param schools        schools with a corp of their own, by school id: the same keys; the secrets from
 *                       {@code MENTORBOT_ADAPTERS_WECOM_SCHOOLS_<ID>_SECRET} (…{@code _TOKEN}, …{@code _ENCODING_AES_KEY},
 *                       …{@code _AIBOT_SECRET}); api-base-url and http-timeout the deployment's where unset; a school's
 *                       app answers at {@code <callback-path>/<school id>}, e.g. /callbacks/wecom/east
 */
@ConfigurationProperties("mentorbot.adapters.wecom")
public record WeComSettings(boolean enabled, String corpId, Long agentId, String secret, String token, String encodingAesKey,
                            String apiBaseUrl, Duration httpTimeout, String callbackPath, AiBot aibot, Map<String, School> schools) {
    public static final String DEFAULT_CALLBACK_PATH = "/callbacks/wecom";
    static final String PLATFORM = "wecom";

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

    /**
     * A school's own corp: the keys of the deployment's block. Its app is on with {@code enabled: true}, or with
     * {@code enabled} unset when a corp-id or agent-id is given; its robot with {@code aibot.enabled: true}.
     */
    public record School(Boolean enabled, String corpId, Long agentId, String secret, String token, String encodingAesKey,
                         String apiBaseUrl, Duration httpTimeout, AiBot aibot) {
        boolean appOn() {
            return enabled == null ? corpId != null || agentId != null : enabled;
        }

        boolean aiBotOn() {
            return aibot != null && aibot.enabled();
        }

        /** Never prints a secret. */
        @Override
        public String toString() {
            return "School[app=" + appOn() + ", corpId=" + corpId + ", agentId=" + agentId + ", apiBaseUrl=" + apiBaseUrl
                    + ", secret=" + (secret == null ? "unset" : "***") + ", token=" + (token == null ? "unset" : "***")
                    + ", encodingAesKey=" + (encodingAesKey == null ? "unset" : "***") + ", aibot=" + aibot + "]";
        }
    }

    public WeComSettings {
        callbackPath = callbackPath == null || callbackPath.isBlank() ? DEFAULT_CALLBACK_PATH : callbackPath;
        schools = SchoolBlocks.checked(PLATFORM, schools);
    }

    boolean aiBotEnabled() {
        return aibot != null && aibot.enabled();
    }

    /** The schools whose own app or robot is on, by id, in id order. */
    Map<String, School> schoolsOn() {
        return SchoolBlocks.on(schools, s -> s.appOn() || s.aiBotOn());
    }

    /** Where a school's app gets its callbacks: /callbacks/wecom/east. */
    String callbackPath(String schoolId) {
        return callbackPath + "/" + schoolId;
    }

    /** Checked here, at startup, so missing settings stop the bot with the name of what to set. */
    WeComAppConfig toAppConfig() {
        if (!callbackPath.startsWith("/")) {
            throw new IllegalStateException("mentorbot.adapters.wecom.callback-path must start with /: " + callbackPath);
        }
        return app("WeCom", corpId, agentId, secret, token, encodingAesKey, apiBaseUrl, httpTimeout, WeComSettings::deploymentName);
    }

    WeComAiBotConfig toAiBotConfig(ConnectionGate gate) {
        return aiBot("WeCom", aibot, gate, WeComSettings::deploymentName);
    }

    /** A school's own app, checked as the deployment's is, naming the school's keys and variables. */
    WeComAppConfig toAppConfig(String schoolId) {
        School s = schools.get(schoolId);
        return app("WeCom of school " + schoolId, s.corpId(), s.agentId(), s.secret(), s.token(), s.encodingAesKey(),
                SchoolBlocks.or(s.apiBaseUrl(), apiBaseUrl), SchoolBlocks.or(s.httpTimeout(), httpTimeout), schoolName(schoolId));
    }

    WeComAiBotConfig toAiBotConfig(String schoolId, ConnectionGate gate) {
        return aiBot("WeCom of school " + schoolId, schools.get(schoolId).aibot(), gate, schoolName(schoolId));
    }

    private static WeComAppConfig app(String who, String corpId, Long agentId, String secret, String token, String aesKey,
                                      String apiBaseUrl, Duration httpTimeout, UnaryOperator<String> name) {
        require(who, corpId, name.apply("corp-id"));
        if (agentId == null || agentId <= 0) throw new IllegalStateException(who + " app enabled but " + name.apply("agent-id") + " is not set");
        require(who, secret, name.apply("SECRET"));
        require(who, token, name.apply("TOKEN"));
        require(who, aesKey, name.apply("ENCODING_AES_KEY"));
        return new WeComAppConfig(corpId.strip(), agentId, secret.strip(), token.strip(), aesKey.strip(), apiBaseUrl, httpTimeout, 0);
    }

    private static WeComAiBotConfig aiBot(String who, AiBot aibot, ConnectionGate gate, UnaryOperator<String> name) {
        require(who, aibot.botId(), name.apply("aibot.bot-id"));
        require(who, aibot.secret(), name.apply("AIBOT_SECRET"));
        return new WeComAiBotConfig(aibot.botId().strip(), aibot.secret().strip(), aibot.url(), aibot.heartbeat(), null,
                aibot.leaseTtlOrDefault().dividedBy(3), gate, null);
    }

    /** A setting's name in the deployment's block; an upper-case key is a secret, named by its environment variable. */
    private static String deploymentName(String key) {
        return key.equals(key.toUpperCase(Locale.ROOT)) ? "MENTORBOT_ADAPTERS_WECOM_" + key : "mentorbot.adapters.wecom." + key;
    }

    private static UnaryOperator<String> schoolName(String schoolId) {
        return key -> key.equals(key.toUpperCase(Locale.ROOT)) ? SchoolBlocks.variable(PLATFORM, schoolId, key)
                : SchoolBlocks.setting(PLATFORM, schoolId, key);
    }

    private static void require(String who, String value, String name) {
        if (value == null || value.isBlank()) throw new IllegalStateException(who + " enabled but " + name + " is not set");
    }

    /** Never prints a secret. */
    @Override
    public String toString() {
        return "WeComSettings[enabled=" + enabled + ", corpId=" + corpId + ", agentId=" + agentId
                + ", apiBaseUrl=" + apiBaseUrl + ", httpTimeout=" + httpTimeout + ", callbackPath=" + callbackPath
                + ", secret=" + (secret == null ? "unset" : "***") + ", token=" + (token == null ? "unset" : "***")
                + ", encodingAesKey=" + (encodingAesKey == null ? "unset" : "***") + ", aibot=" + aibot
                + ", schools=" + new TreeMap<>(schools) + "]";
    }
}
