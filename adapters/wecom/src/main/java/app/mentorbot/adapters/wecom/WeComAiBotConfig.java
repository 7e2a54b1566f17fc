package app.mentorbot.adapters.wecom;

import java.time.Duration;
import java.util.Objects;

import app.mentorbot.adapters.api.connection.Backoff;

/**
 * The smart robot (智能机器人) long connection: a WebSocket to WeCom subscribed with bot id and secret.
 *
 * @param botId      the Bot ID
 * @param secret     the bot's Secret
 * @param url        wss://openws.work.weixin.qq.com, or a fake in tests
 * @param heartbeat  how often to send {@code ping}; two unanswered pings mean the connection is dead
 * @param ackTimeout how long a reply or send waits for WeCom's ack frame (the SDK waits 5 s)
 * @param gateCheck  how often to ask the gate (renew the lease); with a lease, a third of its time to live
 * @param gate       whether this instance may hold the connection
 * @param backoff    delays between reconnect attempts; by default 1 s doubling to 30 s, jittered, as the official SDK
 */
public record WeComAiBotConfig(String botId, String secret, String url, Duration heartbeat, Duration ackTimeout,
                               Duration gateCheck, ConnectionGate gate, Backoff backoff) {
    public static final String DEFAULT_URL = "wss://openws.work.weixin.qq.com";

    public WeComAiBotConfig {
        WeComAppConfig.require(botId, "aibot.bot-id");
        WeComAppConfig.require(secret, "aibot.secret");
        url = url == null || url.isBlank() ? DEFAULT_URL : url;
        heartbeat = positive(heartbeat, Duration.ofSeconds(30));
        ackTimeout = positive(ackTimeout, Duration.ofSeconds(5));
        gateCheck = positive(gateCheck, Duration.ofSeconds(10));
        gate = gate == null ? ConnectionGate.always() : gate;
        backoff = backoff == null ? Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(30)) : backoff;
    }

    public static WeComAiBotConfig of(String botId, String secret) {
        return new WeComAiBotConfig(botId, secret, null, null, null, null, null, null);
    }

    public WeComAiBotConfig withUrl(String newUrl) {
        return new WeComAiBotConfig(botId, secret, newUrl, heartbeat, ackTimeout, gateCheck, gate, backoff);
    }

    public WeComAiBotConfig withGate(ConnectionGate newGate, Duration checkEvery) {
        return new WeComAiBotConfig(botId, secret, url, heartbeat, ackTimeout, checkEvery, newGate, backoff);
    }

    public WeComAiBotConfig withTimings(Duration newHeartbeat, Duration newAckTimeout, Backoff newBackoff) {
        return new WeComAiBotConfig(botId, secret, url, newHeartbeat, newAckTimeout, gateCheck, gate, newBackoff);
    }

    private static Duration positive(Duration d, Duration fallback) {
        Objects.requireNonNull(fallback);
        return d == null || d.isZero() || d.isNegative() ? fallback : d;
    }

    @Override
    public String toString() {
        return "WeComAiBotConfig[botId=" + botId + ", url=" + url + "]";
    }
}
