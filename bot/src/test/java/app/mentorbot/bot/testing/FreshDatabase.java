package app.mentorbot.bot.testing;

import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
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

    /**
     * Every test class annotated {@link ChatTest} or {@link BotTest} gets its own context on its own new database
     * (registered in META-INF/spring.factories): no class sees another's rows, and no class repeats this set-up.
     */
    public static final class PerTestClass implements ContextCustomizerFactory {
        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
            MergedAnnotations annotations = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY);
            return annotations.isPresent(ChatTest.class) || annotations.isPresent(BotTest.class) ? new OwnDatabase(testClass) : null;
        }
    }

    private record OwnDatabase(Class<?> testClass) implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context, "spring.datasource.url=" + TestDatabase.newDatabase(),
                    "spring.datasource.username=" + TestDatabase.user(), "spring.datasource.password=" + TestDatabase.password());
        }
    }
}
