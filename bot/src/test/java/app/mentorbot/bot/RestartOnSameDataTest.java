package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.bot.cli.MentorBot;
import app.mentorbot.bot.testing.ChatClient;
import app.mentorbot.bot.testing.TestDatabase;

/** Flyway builds the schema in an empty database, and a restarted bot finds its records and open questions. */
class RestartOnSameDataTest {

    static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(MentorBot.class).run("--server.port=0", "--mentorbot.demo=true", "--mentorbot.demo-records=false",
                "--mentorbot.example-school=../config/example-school.json",
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + TestDatabase.user(),
                "--spring.datasource.password=" + TestDatabase.password());
    }

    static int port(ConfigurableApplicationContext c) {
        return ((WebServerApplicationContext) c).getWebServer().getPort();
    }

    @Test
    void flywayMigratesAnEmptyDatabaseAndTheBotRestartsOnTheSameData() throws Exception {
        String url = TestDatabase.newDatabase();
        try (ConfigurableApplicationContext first = start(url)) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Long.class).single()).isPositive();
            try (ChatClient t = ChatClient.as(port(first), "T01")) {
                t.say("给李华爸爸打了电话，聊了期中考试的情况");
                assertThat(t.reply()).startsWith("已记录：");
                t.say("今天和张伟谈心，聊了学习方法");
                assertThat(t.reply()).contains("张伟");
            }
        }
        try (ConfigurableApplicationContext second = start(url)) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from record where kind = 'PARENT_CONTACT'").query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from student").query(Long.class).single()).isEqualTo(20);
            try (ChatClient t = ChatClient.as(port(second), "T01")) {
                // the question asked before the restart is still open
                t.say("黄佳怡");
                assertThat(t.reply()).startsWith("已记录：").contains("黄佳怡");
            }
        }
    }
}
