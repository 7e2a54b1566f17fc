package app.mentorbot.bot.cli;

import java.util.Arrays;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import app.mentorbot.bot.database.EmbeddedServer;

/**
 * The bot's own configuration without the web server, for one-shot commands. A command's standard output is its
 * answer only ({@code student-data export S06 > S06.json}): logs go to standard error (logback-spring.xml), and
 * Spring's default banner is replaced by an empty one, should {@code spring.main.banner-mode} ever be turned on.
 */
final class CommandContext {
    private CommandContext() {}

    static ConfigurableApplicationContext open(String[] springArgs) {
        return new SpringApplicationBuilder(MentorBot.class)
                .web(WebApplicationType.NONE)
                .banner((environment, source, out) -> { })
                .logStartupInfo(false)
                .properties("logging.level.app.mentorbot=WARN")
                .run(springArgs);
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

    static String firstPlain(String[] args) {
        return Arrays.stream(args).filter(a -> !a.startsWith("--")).findFirst().orElse(null);
    }
}
