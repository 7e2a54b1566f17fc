package app.mentorbot.bot.platforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import app.mentorbot.adapters.api.Adapter;
import app.mentorbot.adapters.slack.SlackAdapter;
import app.mentorbot.bot.outbox.AdapterGroup;

/** The Slack wiring alone: off by default, on with the two tokens taken from environment variables. */
class SlackWiringTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(SlackWiring.class)
            .withBean(Clock.class, Clock::systemUTC);

    private static ApplicationContextRunner withEnvironment(ApplicationContextRunner runner, Map<String, Object> variables) {
        return runner.withInitializer(context -> context.getEnvironment().getPropertySources().addAfter(
                StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME + "-test", variables)));
    }

    @Test
    void withoutEnabledThereIsNoSlackAdapter() {
        runner.run(context -> assertThat(context).doesNotHaveBean(Adapter.class));
    }

    @Test
    void enabledWithTokensFromTheEnvironmentGivesOneAdapterBeanNamedSlack() {
        withEnvironment(runner, Map.of(
                "MENTORBOT_ADAPTERS_SLACK_ENABLED", "true",
                "MENTORBOT_ADAPTERS_SLACK_APP_TOKEN", "xapp-1-A0TEST-1-abc",
                "MENTORBOT_ADAPTERS_SLACK_BOT_TOKEN", "xoxb-1-abc"))
                .withPropertyValues("mentorbot.adapters.slack.silence-timeout=45s")
                .run(context -> {
                    assertThat(context).hasSingleBean(Adapter.class).hasSingleBean(SlackAdapter.class);
                    assertThat(context.getBean(Adapter.class).platform()).isEqualTo("slack");
                    SlackSettings settings = context.getBean(SlackSettings.class);
                    assertThat(settings.silenceTimeout()).hasSeconds(45);
                    assertThat(settings.toString()).doesNotContain("abc");
                    // Built, not started: the outbox dispatcher starts adapters.
                    assertThat(context.getBean(SlackAdapter.class).connected()).isFalse();
                });
    }

    @Test
    void enabledWithoutTokensStopsStartupNamingTheVariable() {
        runner.withPropertyValues("mentorbot.adapters.slack.enabled=true").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("MENTORBOT_ADAPTERS_SLACK_APP_TOKEN");
        });
    }

    /** As the process environment itself: under its own name, so Spring finds map keys in variable names. */
    private static ApplicationContextRunner withProcessEnvironment(ApplicationContextRunner runner, Map<String, Object> variables) {
        return runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables)));
    }

    @Test
    void aSchoolsOwnAppFromItsVariablesAloneIsAnAdapterNamedForTheSchoolAndItsTokensAreNeverPrinted() {
        withProcessEnvironment(runner, Map.of(
                "MENTORBOT_ADAPTERS_SLACK_SCHOOLS_EAST_APP_TOKEN", "xapp-1-A0EAST-1-secretpart",
                "MENTORBOT_ADAPTERS_SLACK_SCHOOLS_EAST_BOT_TOKEN", "xoxb-1-secretpart"))
                .withPropertyValues("mentorbot.adapters.slack.silence-timeout=45s")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(SlackAdapter.class);
                    assertThat(context.getBean(AdapterGroup.class).adapters()).extracting(Adapter::platform).containsExactly("slack@east");
                    SlackSettings settings = context.getBean(SlackSettings.class);
                    assertThat(settings.toOptions("east").silenceTimeout()).hasSeconds(45);
                    assertThat(settings.toString()).contains("east").doesNotContain("secretpart");
                });
    }

    @Test
    void aSchoolsOwnAppWithoutItsBotTokenStopsStartupNamingTheSchoolsVariable() {
        withProcessEnvironment(runner, Map.of("MENTORBOT_ADAPTERS_SLACK_SCHOOLS_EAST_APP_TOKEN", "xapp-1-A0EAST-1-secretpart"))
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("MENTORBOT_ADAPTERS_SLACK_SCHOOLS_EAST_BOT_TOKEN").hasMessageNotContaining("secretpart"));
    }
}
