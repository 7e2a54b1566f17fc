package app.mentorbot.bot.platforms;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.mentorbot.adapters.slack.SlackAdapter;

/**
 * Slack, when {@code mentorbot.adapters.slack.enabled=true}: the adapter bean joins the bot's
 * {@code Adapters}, and the outbox dispatcher starts and stops it. Socket Mode needs no inbound URL,
 * so there is no controller here.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "mentorbot.adapters.slack", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(SlackSettings.class)
class SlackWiring {

    @Bean
    SlackAdapter slackAdapter(SlackSettings settings, Clock clock) {
        return new SlackAdapter(settings.toOptions(), clock);
    }
}
