package app.mentorbot.bot.platforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.annotation.UserConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import app.mentorbot.adapters.api.Adapter;
import app.mentorbot.adapters.wecom.WeComAdapter;
import app.mentorbot.bot.outbox.AdapterGroup;

/**
 * The WeCom adapter appears when the app or the robot is enabled, binds its settings, takes its secrets from the
 * environment, and the callback controller exists only with the app.
 */
class WeComWiringTest {
    private static final String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(UserConfigurations.of(WeComWiring.class, WeComCallbackController.class))
            .withBean(Clock.class, Clock::systemUTC);

    private static ApplicationContextRunner withEnv(ApplicationContextRunner runner, Map<String, Object> env) {
        return runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env)));
    }

    @Test
    void without_enabled_there_is_no_wecom_adapter_and_no_callback_url() {
        runner.withPropertyValues("mentorbot.adapters.wecom.corp-id=ww1")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Adapter.class)
                        .doesNotHaveBean(WeComCallbackController.class));
    }

    @Test
    void the_app_enabled_with_secrets_from_the_environment_is_a_wecom_adapter_with_a_callback_url() {
        withEnv(runner, Map.of("MENTORBOT_ADAPTERS_WECOM_SECRET", "app-s3cret",
                "MENTORBOT_ADAPTERS_WECOM_TOKEN", "tok3n", "MENTORBOT_ADAPTERS_WECOM_ENCODING_AES_KEY", AES_KEY))
                .withPropertyValues("mentorbot.adapters.wecom.enabled=true", "mentorbot.adapters.wecom.corp-id=ww1",
                        "mentorbot.adapters.wecom.agent-id=1000002")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(Adapter.class).hasSingleBean(WeComCallbackController.class);
                    assertThat(context.getBean(Adapter.class)).isInstanceOf(WeComAdapter.class);
                    assertThat(context.getBean(Adapter.class).platform()).isEqualTo("wecom");
                    WeComSettings settings = context.getBean(WeComSettings.class);
                    assertThat(settings.secret()).isEqualTo("app-s3cret");
                    assertThat(settings.callbackPath()).isEqualTo("/callbacks/wecom");
                    assertThat(settings.toString()).doesNotContain("app-s3cret").doesNotContain("tok3n").doesNotContain(AES_KEY);
                });
    }

    @Test
    void the_app_enabled_without_its_secret_refuses_to_start_and_names_the_variable() {
        withEnv(runner, Map.of("MENTORBOT_ADAPTERS_WECOM_TOKEN", "t", "MENTORBOT_ADAPTERS_WECOM_ENCODING_AES_KEY", AES_KEY))
                .withPropertyValues("mentorbot.adapters.wecom.enabled=true", "mentorbot.adapters.wecom.corp-id=ww1",
                        "mentorbot.adapters.wecom.agent-id=2")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("MENTORBOT_ADAPTERS_WECOM_SECRET"));
    }

    @Test
    void the_robot_alone_is_a_wecom_adapter_without_a_callback_url() {
        withEnv(runner, Map.of("MENTORBOT_ADAPTERS_WECOM_AIBOT_SECRET", "bot-s3cret"))
                .withPropertyValues("mentorbot.adapters.wecom.aibot.enabled=true", "mentorbot.adapters.wecom.aibot.bot-id=aib1")
                .run(context -> {
                    // the lease store is only needed once the adapter starts, which this context never does
                    assertThat(context).hasNotFailed().hasSingleBean(WeComAdapter.class).doesNotHaveBean(WeComCallbackController.class);
                    assertThat(context.getBean(WeComSettings.class).toString()).doesNotContain("bot-s3cret");
                });
    }

    @Test
    void the_robot_enabled_without_its_secret_refuses_to_start_and_names_the_variable() {
        runner.withPropertyValues("mentorbot.adapters.wecom.aibot.enabled=true", "mentorbot.adapters.wecom.aibot.bot-id=aib1")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("MENTORBOT_ADAPTERS_WECOM_AIBOT_SECRET"));
    }

    @Test
    void query_strings_are_url_decoded_and_the_first_value_wins() {
        assertThat(WeComCallbackController.query("msg_signature=ab&echostr=a%2Bb%3D%3D&nonce=1&nonce=2&flag"))
                .containsEntry("msg_signature", "ab").containsEntry("echostr", "a+b==")
                .containsEntry("nonce", "1").containsEntry("flag", "");
    }

    @Test
    void a_school_with_its_own_corp_is_an_adapter_of_its_own_with_a_callback_url_though_the_deployments_app_is_off() {
        withEnv(runner, Map.of("MENTORBOT_ADAPTERS_WECOM_SCHOOLS_EAST_SECRET", "east-s3cret",
                "MENTORBOT_ADAPTERS_WECOM_SCHOOLS_EAST_TOKEN", "east-tok3n", "MENTORBOT_ADAPTERS_WECOM_SCHOOLS_EAST_ENCODING_AES_KEY", AES_KEY))
                .withPropertyValues("mentorbot.adapters.wecom.http-timeout=3s", "mentorbot.adapters.wecom.schools.east.corp-id=ww-east",
                        "mentorbot.adapters.wecom.schools.east.agent-id=1000003")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(WeComAdapter.class).hasSingleBean(WeComCallbackController.class);
                    assertThat(context.getBean(AdapterGroup.class).adapters()).extracting(Adapter::platform).containsExactly("wecom@east");
                    WeComSettings settings = context.getBean(WeComSettings.class);
                    assertThat(settings.callbackPath("east")).isEqualTo("/callbacks/wecom/east");
                    assertThat(settings.toAppConfig("east").corpId()).isEqualTo("ww-east");
                    assertThat(settings.toAppConfig("east").httpTimeout()).isEqualTo(java.time.Duration.ofSeconds(3));
                    assertThat(settings.toString()).contains("ww-east").doesNotContain("east-s3cret").doesNotContain("east-tok3n")
                            .doesNotContain(AES_KEY);
                });
    }

    @Test
    void a_schools_corp_without_its_secret_refuses_to_start_and_names_the_schools_variable() {
        withEnv(runner, Map.of("MENTORBOT_ADAPTERS_WECOM_SCHOOLS_EAST_TOKEN", "t", "MENTORBOT_ADAPTERS_WECOM_SCHOOLS_EAST_ENCODING_AES_KEY", AES_KEY))
                .withPropertyValues("mentorbot.adapters.wecom.schools.east.corp-id=ww-east", "mentorbot.adapters.wecom.schools.east.agent-id=3")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("school east").hasMessageContaining("MENTORBOT_ADAPTERS_WECOM_SCHOOLS_EAST_SECRET"));
    }
}
