package app.mentorbot.bot.platforms;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import app.mentorbot.adapters.slack.SlackOptions;

/**
 * The {@code mentorbot.adapters.slack.*} settings (example: config/adapters/slack.example.yml). The two
 * tokens come from the environment only: {@code MENTORBOT_ADAPTERS_SLACK_APP_TOKEN} (xapp-…) and
 * {@code MENTORBOT_ADAPTERS_SLACK_BOT_TOKEN} (xoxb-…), which Spring binds to these keys.
 *
 * @param enabled        turns the Slack adapter on
 * @param appToken       app-level token with connections:write (Socket Mode)
 * @param botToken       bot token with chat:write
 * @param apiBaseUrl     Web API root; https://slack.com/api unless testing against a fake
 * @param silenceTimeout a Socket Mode link quiet for this long (no frame, no pong) is reopened; default 60 s
 */
@ConfigurationProperties("mentorbot.adapters.slack")
public record SlackSettings(boolean enabled, String appToken, String botToken, URI apiBaseUrl, Duration silenceTimeout) {

    /** Checked here, at startup, so a missing or swapped token stops the bot with a clear message. */
    SlackOptions toOptions() {
        return new SlackOptions(appToken, botToken, apiBaseUrl, silenceTimeout, null, null);
    }

    /** Never prints the tokens. */
    @Override
    public String toString() {
        return "SlackSettings[enabled=" + enabled + ", apiBaseUrl=" + apiBaseUrl + ", silenceTimeout=" + silenceTimeout
                + ", appToken=" + (appToken == null ? "unset" : "***") + ", botToken=" + (botToken == null ? "unset" : "***") + "]";
    }
}
