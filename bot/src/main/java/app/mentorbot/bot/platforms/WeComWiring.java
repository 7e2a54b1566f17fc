package app.mentorbot.bot.platforms;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import app.mentorbot.adapters.wecom.ConnectionGate;
import app.mentorbot.adapters.wecom.WeComAdapter;
import app.mentorbot.bot.leases.Leases;

/**
 * WeCom, when {@code mentorbot.adapters.wecom.enabled=true} (the self-built app) and/or
 * {@code mentorbot.adapters.wecom.aibot.enabled=true} (the smart robot's long connection): one adapter bean for
 * the platform "wecom", which joins the bot's {@code Adapters}; the outbox dispatcher starts and stops it. The
 * app's callback URL is {@link WeComCallbackController}. The robot connects only while this instance holds the
 * lease "wecom-aibot:BOTID" (WeCom keeps one connection per bot, so two instances would kick each other).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(WeComWiring.AppOrAiBotEnabled.class)
@EnableConfigurationProperties(WeComSettings.class)
class WeComWiring {
    private static final Logger log = LoggerFactory.getLogger(WeComWiring.class);

    static final class AppOrAiBotEnabled extends AnyNestedCondition {
        AppOrAiBotEnabled() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(prefix = "mentorbot.adapters.wecom", name = "enabled", havingValue = "true")
        static final class App {}

        @ConditionalOnProperty(prefix = "mentorbot.adapters.wecom.aibot", name = "enabled", havingValue = "true")
        static final class AiBot {}
    }

    @Bean
    WeComAdapter weComAdapter(WeComSettings settings, Clock clock, ObjectProvider<Leases> leases) {
        ConnectionGate gate = null;
        if (settings.aiBotEnabled()) {
            String holder = instanceName();
            gate = leaseGate(leases::getObject, ConnectionGate.leaseName(settings.aibot().botId()), holder,
                    settings.aibot().leaseTtlOrDefault());
            log.info("WeCom AI bot: this instance competes for its lease as {}", holder);
        }
        return new WeComAdapter(clock,
                settings.enabled() ? settings.toAppConfig() : null,
                settings.aiBotEnabled() ? settings.toAiBotConfig(gate) : null);
    }

    /**
     * The robot's connection gate: take or renew the named lease in PostgreSQL; give it up on stop. The lease store
     * is looked up when the adapter first asks, that is once the bot runs.
     */
    static ConnectionGate leaseGate(Supplier<Leases> leases, String name, String holder, Duration ttl) {
        return new ConnectionGate() {
            @Override
            public boolean holdOrAcquire() {
                return leases.get().acquire(name, holder, ttl);
            }

            @Override
            public void release() {
                leases.get().release(name, holder);
            }
        };
    }

    /** Unique per running process: host, pid and a random part (a restarted process is a new holder). */
    static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown-host";
        }
        String pid = ManagementFactory.getRuntimeMXBean().getName().replaceAll("@.*", "");
        return host + "/" + pid + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
