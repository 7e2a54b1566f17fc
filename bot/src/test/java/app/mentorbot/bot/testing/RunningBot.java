package app.mentorbot.bot.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.bot.cli.MentorBot;

/**
 * One run of the whole bot, started as {@code java -jar} would start it (demo mode, the example school, a
 * random port) but on a database and a {@link SchoolDayClock} the test chooses, so that a test can stop
 * the bot and start it again on the same data: a restart. The test framework keeps one context per test
 * class and cannot do that. Like the framework, it keeps the {@code @TestConfiguration}s of other test
 * classes out of the component scan.
 */
public final class RunningBot implements AutoCloseable {
    private final ConfigurableApplicationContext context;

    private RunningBot(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Starts the bot on the database at {@code databaseUrl} (one from {@link TestDatabase#newDatabase}), with
     * {@code settings} on top of the defaults; settings win over application.yml, as command-line ones do.
     */
    public static RunningBot start(String databaseUrl, Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("spring.datasource.url", databaseUrl);
        all.put("spring.datasource.username", TestDatabase.user());
        all.put("spring.datasource.password", TestDatabase.password());
        all.put("server.port", "0");
        all.put("mentorbot.demo", "true");
        all.put("mentorbot.example-school", "../config/example-school.json");
        all.putAll(settings);
        List<String> args = new ArrayList<>();
        all.forEach((k, v) -> args.add("--" + k + "=" + v));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(MentorBot.class, SchoolDayClock.class)
                .initializers(c -> c.getBeanFactory().registerSingleton("runningBotExcludesTestConfigurations", new NoTestConfigurations()))
                .run(args.toArray(String[]::new));
        return new RunningBot(context);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The web chat's port. */
    public int port() {
        return ((org.springframework.boot.web.server.context.WebServerApplicationContext) context).getWebServer().getPort();
    }

    public JdbcClient jdbc() {
        return bean(JdbcClient.class);
    }

    /** Stops the bot as a shutdown would: adapters log out, the context closes. */
    @Override
    public void close() {
        context.close();
    }

    /** Other test classes' nested {@code @TestConfiguration}s would otherwise be scanned in, clocks and fake adapters. */
    public static final class NoTestConfigurations extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return reader.getAnnotationMetadata().isAnnotated(TestConfiguration.class.getName());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof NoTestConfigurations;
        }

        @Override
        public int hashCode() {
            return NoTestConfigurations.class.hashCode();
        }
    }
}
