package app.mentorbot.bot.platforms;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.mentorbot.adapters.dingtalk.DingTalkAdapter;
import app.mentorbot.bot.outbox.AdapterGroup;

/**
 * DingTalk, when {@code mentorbot.adapters.dingtalk.enabled=true} (the deployment's app) or a school has its own app
 * under {@code mentorbot.adapters.dingtalk.schools}: each adapter joins the bot's {@code Adapters}, a school's as
 * {@code dingtalk@<school>} ({@link SchoolApp}), and the outbox dispatcher starts and stops them. Stream mode dials
 * out to DingTalk, so there is no inbound URL and no controller here.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnPlatform(DingTalkSettings.PLATFORM)
@EnableConfigurationProperties(DingTalkSettings.class)
class DingTalkWiring {

    @Bean
    @ConditionalOnProperty(prefix = "mentorbot.adapters.dingtalk", name = "enabled", havingValue = "true")
    DingTalkAdapter dingTalkAdapter(DingTalkSettings settings, Clock clock) {
        return new DingTalkAdapter(settings.toOptions(), clock);
    }

    @Bean
    AdapterGroup dingTalkSchoolApps(DingTalkSettings settings, Clock clock) {
        return SchoolApp.group(settings.schoolsOn().keySet(), school -> new DingTalkAdapter(settings.toOptions(school), clock));
    }
}
