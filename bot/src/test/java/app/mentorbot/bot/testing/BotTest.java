package app.mentorbot.bot.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

import app.mentorbot.bot.cli.MentorBot;

/**
 * The whole bot on a random port against a new real database of its own ({@link FreshDatabase.PerTestClass}), in demo
 * mode with the example school.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = MentorBot.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mentorbot.demo=true", "mentorbot.demo-records=false", "mentorbot.example-school=../config/example-school.json"})
public @interface BotTest {
}
