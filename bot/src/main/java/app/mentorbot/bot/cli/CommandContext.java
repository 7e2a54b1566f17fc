package app.mentorbot.bot.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import app.mentorbot.bot.settings.BotSettings;
import app.mentorbot.bot.database.EmbeddedDatabaseConfig;
import app.mentorbot.bot.database.EmbeddedServer;
import app.mentorbot.bot.database.RunningServer;

/**
 * The bot's own configuration without the web server, for one-shot commands. A command's standard output is its
 * answer only ({@code student-data export S06 > S06.json}): logs go to standard error (logback-spring.xml), and
 * Spring's default banner is replaced by an empty one, should {@code spring.main.banner-mode} ever be turned on.
 *
 * With the embedded database, a bot running on the same data folder holds it; the command then connects to that
 * bot's server as to an external database ({@link RunningServer}). A bot that has not said where its server
 * listens (an older version) leaves {@link EmbeddedServer.DataFolderInUse}, which {@link #explain} turns into one
 * Chinese sentence: Spring's own report of a failed start, a stack trace, is switched off for commands.
 */
final class CommandContext {
    private static final String RUNNING_BOT = "mentorbot-running-bot";

    private CommandContext() {}

    /** True when the command reached the database through a running bot's embedded server. */
    static boolean besideRunningBot(ConfigurableApplicationContext context) {
        return context.getEnvironment().getPropertySources().contains(RUNNING_BOT);
    }

    static ConfigurableApplicationContext open(String[] springArgs) {
        return open(MentorBot.class, springArgs);
    }

    /** A context of only {@code sources} (with Spring Boot's auto-configuration, if they ask for it), set up as above. */
    static ConfigurableApplicationContext open(Class<?> sources, String[] springArgs) {
        return new SpringApplicationBuilder(sources)
                .web(WebApplicationType.NONE)
                .banner((environment, source, out) -> { })
                .logStartupInfo(false)
                .properties("logging.level.app.mentorbot=WARN",
                        "logging.level.org.springframework.boot.SpringApplication=OFF", // the command says why it failed
                        "logging.level.org.springframework.context=ERROR") // "cancelling refresh attempt"
                .listeners(useRunningBotsServer())
                .run(springArgs);
    }

    private static ApplicationListener<ApplicationEnvironmentPreparedEvent> useRunningBotsServer() {
        return event -> {
            ConfigurableEnvironment env = event.getEnvironment();
            if (!EmbeddedDatabaseConfig.isEmbedded(env)) return;
            Path dataDir = Binder.get(env).bind("mentorbot.data-dir", Path.class).orElse(Path.of("data"));
            if (!EmbeddedServer.inUse(dataDir)) return; // we start the server ourselves
            RunningServer server = RunningServer.find(dataDir).orElseThrow(() -> new EmbeddedServer.DataFolderInUse(dataDir));
            env.getPropertySources().addFirst(new MapPropertySource(RUNNING_BOT, Map.of(
                    "spring.datasource.url", server.jdbcUrl(),
                    "spring.datasource.username", server.user(),
                    "spring.datasource.password", server.password())));
        };
    }

    /** What a command prints when it fails: the polite explanation alone (exit 3), or the failure with its trace (exit 1). */
    static int fail(String what, RuntimeException e) {
        String polite = explain(e);
        if (polite != null) {
            System.err.println(polite);
            return 3;
        }
        System.err.println(what + "：" + e);
        e.printStackTrace();
        return 1;
    }

    /** The polite explanation hidden in a failed start, if there is one. */
    static String explain(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EmbeddedServer.DataFolderInUse) return t.getMessage();
        }
        return null;
    }

    static String[] springArgs(String[] args) {
        return Arrays.stream(args).filter(a -> a.startsWith("--")).toArray(String[]::new);
    }

    /**
     * The school a command is about: {@code --school=ID} (a district deployment serves several), else the deployment's
     * own {@code mentorbot.school-id}.
     */
    static String school(String[] args, ConfigurableApplicationContext context) {
        return Arrays.stream(args).filter(a -> a.startsWith("--school=")).map(a -> a.substring("--school=".length()).strip())
                .filter(s -> !s.isEmpty()).findFirst()
                .orElseGet(() -> context.getBean(BotSettings.class).schoolId());
    }

    static String firstPlain(String[] args) {
        return Arrays.stream(args).filter(a -> !a.startsWith("--")).findFirst().orElse(null);
    }
}
