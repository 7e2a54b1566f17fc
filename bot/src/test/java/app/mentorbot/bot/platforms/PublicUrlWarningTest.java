package app.mentorbot.bot.platforms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class PublicUrlWarningTest {

    @Test
    void anEnabledPlatformWithoutAPublicUrlIsWarnedAboutByName() {
        MockEnvironment env = new MockEnvironment().withProperty("mentorbot.adapters.dingtalk.enabled", "true");
        assertThat(PublicUrlWarning.warning(env)).hasValueSatisfying(w -> assertThat(w).contains("mentorbot.public-url", "dingtalk"));
    }

    @Test
    void thereIsNoWarningWithAPublicUrlOrWithOnlyTheWebChat() {
        assertThat(PublicUrlWarning.warning(new MockEnvironment())).isEmpty();
        assertThat(PublicUrlWarning.warning(new MockEnvironment().withProperty("mentorbot.adapters.xmpp.enabled", "true")
                .withProperty("mentorbot.public-url", "https://bot.school.example"))).isEmpty();
    }

    @Test
    void aSchoolsOwnAppCountsAsThePlatformEnabledThoughTheDeploymentsIsOff() {
        MockEnvironment env = new MockEnvironment().withProperty("mentorbot.adapters.wecom.schools.east.corp-id", "ww1");
        assertThat(PublicUrlWarning.warning(env)).hasValueSatisfying(w -> assertThat(w).contains("wecom").doesNotContain("dingtalk"));
    }
}
