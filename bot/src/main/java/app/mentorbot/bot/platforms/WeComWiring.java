package app.mentorbot.bot.platforms;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
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
 * the platform "wecom", which joins the bot's {@code Adapters}; the outbox dispatcher starts and stops it. A school
 * with a corp of its own ({@code mentorbot.adapters.wecom.schools.<school>}) has an adapter of its own,
 * {@code wecom@<school>}, whether or not the deployment has one. The apps' callback URLs are
 * {@link WeComCallbackController}. The robot connects only while this instance holds the
 * lease "wecom-aibot:BOTID" (WeCom keeps one connection per bot, so two instances would kick each other).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(WeComWiring.DeploymentOrSchools.class)
@EnableConfigurationProperties(WeComSettings.class)
class WeComWiring {
    private static final Logger log = LoggerFactory.getLogger(WeComWiring.class);

    static final class DeploymentOrSchools extends AnyNestedCondition {
        DeploymentOrSchools() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @Conditional(AppOrAiBotEnabled.class)
        static final class Deployment {}

        @ConditionalOnPlatform(WeComSettings.PLATFORM)
        static final class Schools {}
    }

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
    @Conditional(AppOrAiBotEnabled.class)
    WeComAdapter weComAdapter(WeComSettings settings, Clock clock, ObjectProvider<Leases> leases) {
        ConnectionGate gate = settings.aiBotEnabled() ? gate(settings.aibot(), leases) : null;
        return new WeComAdapter(clock,
                settings.enabled() ? settings.toAppConfig() : null,
                settings.aiBotEnabled() ? settings.toAiBotConfig(gate) : null);
    }

    /** The schools' own corps, each {@code wecom@<school>}; a school's app gets its callbacks at its own path. */
    @Bean
    WeComSchoolApps weComSchoolApps(WeComSettings settings, Clock clock, ObjectProvider<Leases> leases) {
        Map<String, SchoolApp<WeComAdapter>> apps = new TreeMap<>();
        settings.schoolsOn().forEach((school, s) -> {
            ConnectionGate gate = s.aiBotOn() ? gate(s.aibot(), leases) : null;
            apps.put(school, new SchoolApp<>(school, new WeComAdapter(clock,
                    s.appOn() ? settings.toAppConfig(school) : null,
                    s.aiBotOn() ? settings.toAiBotConfig(school, gate) : null)));
        });
        return new WeComSchoolApps(apps);
    }

    private static ConnectionGate gate(WeComSettings.AiBot aibot, ObjectProvider<Leases> leases) {
        if (aibot.botId() == null || aibot.botId().isBlank()) return null; // the config's check names what to set
        String holder = instanceName();
        log.info("WeCom AI bot {}: this instance competes for its lease as {}", aibot.botId(), holder);
        return leaseGate(leases::getObject, ConnectionGate.leaseName(aibot.botId()), holder, aibot.leaseTtlOrDefault());
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
