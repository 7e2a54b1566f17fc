package app.mentorbot.bot.testing;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a Spring test at a new empty database on the test run's PostgreSQL. */
public final class FreshDatabase {
    private FreshDatabase() {}

    public static void register(DynamicPropertyRegistry registry) {
        String url = TestDatabase.newDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", TestDatabase::user);
        registry.add("spring.datasource.password", TestDatabase::password);
    }
}
