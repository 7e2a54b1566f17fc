package app.mentorbot.bot.platforms;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.mentorbot.adapters.xmpp.XmppAdapter;

/**
 * XMPP over WebSocket, when {@code mentorbot.adapters.xmpp.enabled=true}: the adapter bean joins the
 * bot's {@code Adapters}, and the outbox dispatcher starts and stops it. The bot dials out to the
 * school's server, so there is no inbound URL and no controller here.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "mentorbot.adapters.xmpp", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(XmppSettings.class)
class XmppWiring {

    @Bean
    XmppAdapter xmppAdapter(XmppSettings settings, Clock clock) {
        return new XmppAdapter(settings.toConfig(), clock);
    }
}
