package app.mentorbot.bot.platforms;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;

import app.mentorbot.adapters.slack.SlackOptions;

/**
 * The {@code mentorbot.adapters.slack.*} settings (example: config/adapters/slack.example.yml). The two
 * tokens come from the environment only: {@code MENTORBOT_ADAPTERS_SLACK_APP_TOKEN} (xapp-…) and
 * {@code MENTORBOT_ADAPTERS_SLACK_BOT_TOKEN} (xoxb-…), which Spring binds to these keys.
 *
 * @param enabled        turns the deployment's Slack app on
 * @param appToken       app-level token with connections:write (Socket Mode)
 * @param botToken       bot token with chat:write
 * @param apiBaseUrl     Web API root; https://slack.com/api unless testing against a fake
 * @param silenceTimeout a Socket Mode link quiet for this long (no frame, no pong) is reopened; default 60 s
 * @param schools        schools with a workspace app of their own, by school id: the same keys, the tokens from
 *                       {@code MENTORBOT_ADAPTERS_SLACK_SCHOOLS_<ID>_APP_TOKEN} and {@code …_BOT_TOKEN}; api-base-url
 *                       and silence-timeout the deployment's where unset; on unless {@code enabled: false}
 */
@ConfigurationProperties("mentorbot.adapters.slack")
public record SlackSettings(boolean enabled, String appToken, String botToken, URI apiBaseUrl, Duration silenceTimeout,
                            Map<String, School> schools) {
    static final String PLATFORM = "slack";

    public SlackSettings {
        schools = SchoolBlocks.checked(PLATFORM, schools);
    }

    /** A school's own Slack app: the keys of the deployment's block. */
    public record School(Boolean enabled, String appToken, String botToken, URI apiBaseUrl, Duration silenceTimeout) {
        /** Never prints the tokens. */
        @Override
        public String toString() {
            return "School[enabled=" + enabled + ", apiBaseUrl=" + apiBaseUrl + ", appToken=" + (appToken == null ? "unset" : "***")
                    + ", botToken=" + (botToken == null ? "unset" : "***") + "]";
        }
    }

    /** Checked here, at startup, so a missing or swapped token stops the bot with a clear message. */
    SlackOptions toOptions() {
        return new SlackOptions(appToken, botToken, apiBaseUrl, silenceTimeout, null, null);
    }

    /** The schools whose own app is on, by id, in id order. */
    Map<String, School> schoolsOn() {
        return SchoolBlocks.on(schools, School::enabled);
    }

    /** A school's own app, its tokens checked here naming the school's variables. */
    SlackOptions toOptions(String schoolId) {
        School s = schools.get(schoolId);
        String app = SchoolBlocks.requireSecret(s.appToken(), PLATFORM, schoolId, "app-token");
        String bot = SchoolBlocks.requireSecret(s.botToken(), PLATFORM, schoolId, "bot-token");
        try {
            return new SlackOptions(app, bot, SchoolBlocks.or(s.apiBaseUrl(), apiBaseUrl), SchoolBlocks.or(s.silenceTimeout(), silenceTimeout),
                    null, null);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the slack app of school " + schoolId + ": " + e.getMessage(), e);
        }
    }

    /** Never prints the tokens. */
    @Override
    public String toString() {
        return "SlackSettings[enabled=" + enabled + ", apiBaseUrl=" + apiBaseUrl + ", silenceTimeout=" + silenceTimeout
                + ", appToken=" + (appToken == null ? "unset" : "***") + ", botToken=" + (botToken == null ? "unset" : "***")
                + ", schools=" + new TreeMap<>(schools) + "]";
    }
}
