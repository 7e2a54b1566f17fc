package app.mentorbot.bot.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

import app.mentorbot.bot.settings.BotSettings;

/** With no {@code spring.datasource.url} the bot brings its own PostgreSQL. */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfig.NoExternalDatabase.class)
public class EmbeddedDatabaseConfig {

    public static final class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return isEmbedded(context.getEnvironment());
        }
    }

    public static boolean isEmbedded(Environment env) {
        String url = env.getProperty("spring.datasource.url");
        return url == null || url.isBlank();
    }

    @Bean(destroyMethod = "close")
    EmbeddedServer embeddedServer(BotSettings settings) {
        return EmbeddedServer.start(settings.dataDir());
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedServer server) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername(server.user());
        config.setPassword(server.password());
        config.setPoolName("mentorbot-embedded");
        config.setMaximumPoolSize(10);
        config.setConnectionTimeout(3_000); // as for an external database: fail fast, spool, tell the sender
        return new HikariDataSource(config);
    }
}
