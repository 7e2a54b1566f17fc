package app.mentorbot.bot.platforms;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.mentorbot.adapters.dingtalk.DingTalkAdapter;

/**
 * DingTalk, when {@code mentorbot.adapters.dingtalk.enabled=true}: the adapter bean joins the bot's
 * {@code Adapters}, and the outbox dispatcher starts and stops it. Stream mode dials out to DingTalk, so there is
 * no inbound URL and no controller here.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "mentorbot.adapters.dingtalk", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(DingTalkSettings.class)
class DingTalkWiring {

    @Bean
    DingTalkAdapter dingTalkAdapter(DingTalkSettings settings, Clock clock) {
        return new DingTalkAdapter(settings.toOptions(), clock);
    }
}
