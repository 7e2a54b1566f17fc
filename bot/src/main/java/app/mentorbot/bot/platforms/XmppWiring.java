package app.mentorbot.bot.platforms;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.mentorbot.adapters.xmpp.XmppAdapter;
import app.mentorbot.bot.outbox.AdapterGroup;

/**
 * XMPP over WebSocket, when {@code mentorbot.adapters.xmpp.enabled=true} (the deployment's account) or a school has
 * its own under {@code mentorbot.adapters.xmpp.schools}: each adapter joins the bot's {@code Adapters}, a school's as
 * {@code xmpp@<school>}, and the outbox dispatcher starts and stops them. The bot dials out to the server, so there
 * is no inbound URL and no controller here.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnPlatform(XmppSettings.PLATFORM)
@EnableConfigurationProperties(XmppSettings.class)
class XmppWiring {

    @Bean
    @ConditionalOnProperty(prefix = "mentorbot.adapters.xmpp", name = "enabled", havingValue = "true")
    XmppAdapter xmppAdapter(XmppSettings settings, Clock clock) {
        return new XmppAdapter(settings.toConfig(), clock);
    }

    @Bean
    AdapterGroup xmppSchoolApps(XmppSettings settings, Clock clock) {
        return SchoolApp.group(settings.schoolsOn().keySet(), school -> new XmppAdapter(settings.toConfig(school), clock));
    }
}
