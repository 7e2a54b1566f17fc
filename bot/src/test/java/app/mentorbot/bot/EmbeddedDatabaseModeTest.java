package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.bot.cli.MentorBot;
import app.mentorbot.bot.demo.Modes;
import app.mentorbot.bot.database.EmbeddedServer;
import app.mentorbot.bot.testing.ChatClient;

/**
 * With no datasource configured the bot runs its own PostgreSQL in the data folder: data survives
 * a restart, stopping the bot stops the server, and a server left behind by a killed bot is
 * recovered at the next start.
 */
class EmbeddedDatabaseModeTest {
    @TempDir
    Path dataDir;

    ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(MentorBot.class).run("--server.port=0",
                "--mentorbot.data-dir=" + dataDir, "--mentorbot.example-school=../config/example-school.json");
    }

    static boolean postmasterAlive(Path pgDir) throws Exception {
        Path pid = pgDir.resolve("postmaster.pid");
        if (!Files.exists(pid)) return false;
        long p = Long.parseLong(Files.readAllLines(pid).get(0).strip());
        return ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false);
    }

    @Test
    void theEmbeddedServerKeepsDataAcrossRestartsAndStopsWithTheBot() throws Exception {
        try (ConfigurableApplicationContext bot = start()) {
            assertThat(bot.getBean(Modes.class).demo()).as("demo is on with the embedded database").isTrue();
            int port = ((WebServerApplicationContext) bot).getWebServer().getPort();
            try (ChatClient t = ChatClient.as(port, "T01")) {
                t.say("上周五去赵磊家家访，父母离异，跟爷爷奶奶住");
                assertThat(t.reply()).startsWith("已记录：");
            }
            assertThat(postmasterAlive(dataDir.resolve("pg"))).isTrue();
            assertThatThrownBy(() -> EmbeddedServer.start(dataDir)).isInstanceOf(EmbeddedServer.DataFolderInUse.class)
                    .hasMessageContaining("正被另一个运行中的导师助手使用");
        }
        assertThat(postmasterAlive(dataDir.resolve("pg"))).as("the server stops with the bot").isFalse();
        assertThat(EmbeddedServer.inUse(dataDir)).isFalse();

        try (ConfigurableApplicationContext again = start()) {
            JdbcClient jdbc = again.getBean(JdbcClient.class);
            // the demo's own records have home visits too: this one is the note filed before the restart
            assertThat(jdbc.sql("select count(*) from record where kind = 'PARENT_CONTACT' and channel = 'HOME_VISIT' and note like '上周五去赵磊家家访%'")
                    .query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from student").query(Long.class).single()).as("demo school loaded once").isEqualTo(20);
        }
    }

    @Test
    void aServerLeftRunningByAKilledBotIsRecoveredAtTheNextStart() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                MentorBot.class.getName(), "--server.port=0", "--mentorbot.data-dir=" + dataDir,
                "--mentorbot.example-school=../config/example-school.json"))
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean ready = false;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
                if (line.contains("MentorBot ready")) {
                    ready = true;
                    break;
                }
            }
            assertThat(ready).as("the child bot came up").isTrue();
            child.destroyForcibly().waitFor(20, TimeUnit.SECONDS); // SIGKILL: no shutdown hooks run
        }
        assertThat(postmasterAlive(dataDir.resolve("pg"))).as("the crash left PostgreSQL running").isTrue();

        try (EmbeddedServer recovered = EmbeddedServer.start(dataDir)) {
            assertThat(recovered.port()).isPositive();
        }
        assertThat(postmasterAlive(dataDir.resolve("pg"))).isFalse();
    }
}
