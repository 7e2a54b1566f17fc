package app.mentorbot.bot;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import app.mentorbot.bot.database.EmbeddedDatabaseConfig;

/** Demo mode is on with the embedded database and off with an external one, unless set explicitly. */
@Component
public class Modes {
    private final boolean demo;
    private final boolean embedded;

    public Modes(BotSettings settings, Environment env) {
        this.embedded = EmbeddedDatabaseConfig.isEmbedded(env);
        this.demo = settings.demo() != null ? settings.demo() : embedded;
    }

    public boolean demo() {
        return demo;
    }

    public boolean embedded() {
        return embedded;
    }
}
