package app.mentorbot.bot.platforms;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.mentorbot.adapters.slack.SlackAdapter;
import app.mentorbot.bot.outbox.AdapterGroup;

/**
 * Slack, when {@code mentorbot.adapters.slack.enabled=true} (the deployment's app) or a school has its own under
 * {@code mentorbot.adapters.slack.schools}: each adapter joins the bot's {@code Adapters}, a school's as
 * {@code slack@<school>}, and the outbox dispatcher starts and stops them. Socket Mode needs no inbound URL,
 * so there is no controller here.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnPlatform(SlackSettings.PLATFORM)
@EnableConfigurationProperties(SlackSettings.class)
class SlackWiring {

    @Bean
    @ConditionalOnProperty(prefix = "mentorbot.adapters.slack", name = "enabled", havingValue = "true")
    SlackAdapter slackAdapter(SlackSettings settings, Clock clock) {
        return new SlackAdapter(settings.toOptions(), clock);
    }

    @Bean
    AdapterGroup slackSchoolApps(SlackSettings settings, Clock clock) {
        return SchoolApp.group(settings.schoolsOn().keySet(), school -> new SlackAdapter(settings.toOptions(school), clock));
    }
}
