package app.mentorbot.bot.testing;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.support.TestPropertySourceUtils;

/** Points a Spring test at a new empty database on the test run's PostgreSQL. */
public final class FreshDatabase {
    private FreshDatabase() {}

    public static void register(DynamicPropertyRegistry registry) {
        String url = TestDatabase.newDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", TestDatabase::user);
        registry.add("spring.datasource.password", TestDatabase::password);
    }

    /** The same for a whole test context, from an annotation ({@link ChatTest}). */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context, "spring.datasource.url=" + TestDatabase.newDatabase(),
                    "spring.datasource.username=" + TestDatabase.user(), "spring.datasource.password=" + TestDatabase.password());
        }
    }
}
