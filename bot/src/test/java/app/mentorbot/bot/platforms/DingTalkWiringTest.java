package app.mentorbot.bot.platforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.annotation.UserConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import app.mentorbot.adapters.api.Adapter;
import app.mentorbot.adapters.api.RateLimit;
import app.mentorbot.adapters.dingtalk.DingTalkAdapter;
import app.mentorbot.bot.outbox.AdapterGroup;

/** The DingTalk adapter appears only when enabled, binds its settings, and takes its secret from the environment. */
class DingTalkWiringTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(UserConfigurations.of(DingTalkWiring.class))
            .withBean(Clock.class, Clock::systemUTC);

    @Test
    void withoutEnabledThereIsNoDingTalkAdapter() {
        runner.withPropertyValues("mentorbot.adapters.dingtalk.client-id=dingabc")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Adapter.class));
    }

    @Test
    void enabledWithTheSecretFromTheEnvironmentItIsAnAdapterWithItsSettings() {
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                Map.of("MENTORBOT_ADAPTERS_DINGTALK_CLIENT_SECRET", "s3cret-from-env"))))
                .withPropertyValues("mentorbot.adapters.dingtalk.enabled=true",
                        "mentorbot.adapters.dingtalk.client-id=dingabc",
                        "mentorbot.adapters.dingtalk.silence-timeout=2m",
                        "mentorbot.adapters.dingtalk.sends-per-minute=40",
                        "mentorbot.adapters.dingtalk.api-base-url=http://127.0.0.1:9/")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(Adapter.class);
                    assertThat(context.getBean(Adapter.class)).isInstanceOf(DingTalkAdapter.class);
                    assertThat(context.getBean(Adapter.class).platform()).isEqualTo("dingtalk");
                    assertThat(context.getBean(Adapter.class).rateLimit()).contains(new RateLimit(40, Duration.ofMinutes(1)));
                    DingTalkSettings settings = context.getBean(DingTalkSettings.class);
                    assertThat(settings.clientSecret()).isEqualTo("s3cret-from-env");
                    assertThat(settings.toOptions().silenceTimeout()).isEqualTo(Duration.ofMinutes(2));
                    assertThat(settings.toOptions().robotCode()).isEqualTo("dingabc");
                    assertThat(settings.toOptions().apiBaseUrl()).isEqualTo("http://127.0.0.1:9");
                    assertThat(settings.toString()).doesNotContain("s3cret-from-env");
                });
    }

    @Test
    void enabledWithoutASecretTheBotRefusesToStartAndSaysWhichVariable() {
        runner.withPropertyValues("mentorbot.adapters.dingtalk.enabled=true", "mentorbot.adapters.dingtalk.client-id=dingabc")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("MENTORBOT_ADAPTERS_DINGTALK_CLIENT_SECRET"));
    }

    private ApplicationContextRunner withEnv(Map<String, Object> env) {
        return runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env)));
    }

    @Test
    void twoSchoolsWithTheirOwnAppsAreAdaptersOfTheirOwnTuningUnsetTakenFromTheDeploymentsBlockWhichMayBeOff() {
        withEnv(Map.of("MENTORBOT_ADAPTERS_DINGTALK_SCHOOLS_EAST_CLIENT_SECRET", "east-s3cret",
                "MENTORBOT_ADAPTERS_DINGTALK_SCHOOLS_WEST_CLIENT_SECRET", "west-s3cret"))
                .withPropertyValues("mentorbot.adapters.dingtalk.sends-per-minute=40",
                        "mentorbot.adapters.dingtalk.silence-timeout=2m",
                        "mentorbot.adapters.dingtalk.schools.east.client-id=dingeast",
                        "mentorbot.adapters.dingtalk.schools.east.sends-per-minute=5",
                        "mentorbot.adapters.dingtalk.schools.west.client-id=dingwest",
                        "mentorbot.adapters.dingtalk.schools.west.robot-code=robotwest")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(DingTalkAdapter.class);
                    List<Adapter> apps = context.getBean(AdapterGroup.class).adapters();
                    assertThat(apps).extracting(Adapter::platform).containsExactly("dingtalk@east", "dingtalk@west");
                    assertThat(apps.get(0).rateLimit()).contains(new RateLimit(5, Duration.ofMinutes(1)));
                    assertThat(apps.get(1).rateLimit()).contains(new RateLimit(40, Duration.ofMinutes(1)));
                    DingTalkSettings settings = context.getBean(DingTalkSettings.class);
                    assertThat(settings.toOptions("west").clientSecret()).isEqualTo("west-s3cret");
                    assertThat(settings.toOptions("west").robotCode()).isEqualTo("robotwest");
                    assertThat(settings.toOptions("east").robotCode()).isEqualTo("dingeast");
                    assertThat(settings.toOptions("east").silenceTimeout()).isEqualTo(Duration.ofMinutes(2));
                    assertThat(settings.toString()).contains("dingeast", "dingwest")
                            .doesNotContain("east-s3cret").doesNotContain("west-s3cret");
                    assertThat(settings.toOptions("east").toString()).doesNotContain("east-s3cret");
                });
    }

    @Test
    void aSchoolsBlockWithoutItsClientIdStopsTheStartNamingTheSchoolAndTheSetting() {
        withEnv(Map.of("MENTORBOT_ADAPTERS_DINGTALK_SCHOOLS_EAST_CLIENT_SECRET", "east-s3cret"))
                .withPropertyValues("mentorbot.adapters.dingtalk.schools.east.robot-code=r1")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("school east").hasMessageContaining("mentorbot.adapters.dingtalk.schools.east.client-id")
                        .hasMessageNotContaining("east-s3cret"));
    }

    @Test
    void aSchoolsBlockWithoutItsSecretStopsTheStartNamingTheSchoolsOwnVariable() {
        runner.withPropertyValues("mentorbot.adapters.dingtalk.schools.east.client-id=dingeast")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("MENTORBOT_ADAPTERS_DINGTALK_SCHOOLS_EAST_CLIENT_SECRET"));
    }

    @Test
    void aSchoolsBlockSwitchedOffStartsNoAppForIt() {
        runner.withPropertyValues("mentorbot.adapters.dingtalk.schools.east.enabled=false",
                        "mentorbot.adapters.dingtalk.schools.east.client-id=dingeast")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(DingTalkAdapter.class);
                    assertThat(context.getBean(AdapterGroup.class).adapters()).isEmpty();
                });
    }
}
