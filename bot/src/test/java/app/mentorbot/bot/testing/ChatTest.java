package app.mentorbot.bot.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import app.mentorbot.adapters.api.testing.FakeChat;
import app.mentorbot.bot.cli.MentorBot;

/**
 * The bot without a web server, on a new real database of its own ({@link FreshDatabase.PerTestClass}), in demo mode with the example school, talked to
 * through {@link FakeChat} (inject it): dialogue tests read as transcripts and need no socket.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = MentorBot.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"mentorbot.demo=true", "mentorbot.demo-records=false", "mentorbot.example-school=../config/example-school.json"})
@Import(ChatTest.Platform.class)
public @interface ChatTest {

    @TestConfiguration(proxyBeanMethods = false)
    class Platform {
        /** First among the adapters, so people with no platform binding are reached here. */
        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        FakeChat fakeChat(Clock clock) {
            return new FakeChat(clock);
        }
    }
}
