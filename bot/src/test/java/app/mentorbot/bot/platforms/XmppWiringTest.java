package app.mentorbot.bot.platforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import app.mentorbot.adapters.api.Adapter;
import app.mentorbot.adapters.xmpp.XmppAdapter;
import app.mentorbot.bot.outbox.AdapterGroup;

/** A school's own XMPP account beside (or instead of) the deployment's: its own adapter, the server shared where unset. */
class XmppWiringTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(XmppWiring.class)
            .withBean(Clock.class, Clock::systemUTC)
            .withPropertyValues("mentorbot.adapters.xmpp.websocket-url=wss://chat.qu.example/xmpp-websocket",
                    "mentorbot.adapters.xmpp.domain=chat.qu.example", "mentorbot.adapters.xmpp.ping-interval=20s");

    private static ApplicationContextRunner withEnvironment(ApplicationContextRunner runner, Map<String, Object> variables) {
        return runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables)));
    }

    @Test
    void aSchoolsOwnAccountOnTheDistrictsServerIsAnAdapterNamedForTheSchoolWhileTheDeploymentsIsOff() {
        withEnvironment(runner, Map.of("MENTORBOT_ADAPTERS_XMPP_SCHOOLS_EAST_PASSWORD", "east-pa55word"))
                .withPropertyValues("mentorbot.adapters.xmpp.schools.east.username=mentorbot-east")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(XmppAdapter.class);
                    assertThat(context.getBean(AdapterGroup.class).adapters()).extracting(Adapter::platform).containsExactly("xmpp@east");
                    XmppSettings settings = context.getBean(XmppSettings.class);
                    assertThat(settings.toConfig("east").domain()).isEqualTo("chat.qu.example");
                    assertThat(settings.toConfig("east").pingInterval()).isEqualTo(Duration.ofSeconds(20));
                    assertThat(settings.toString()).contains("mentorbot-east").doesNotContain("east-pa55word");
                });
    }

    @Test
    void aSchoolsOwnAccountWithoutItsPasswordStopsStartupNamingTheSchoolsVariable() {
        runner.withPropertyValues("mentorbot.adapters.xmpp.schools.east.username=mentorbot-east")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("MENTORBOT_ADAPTERS_XMPP_SCHOOLS_EAST_PASSWORD"));
    }
}
