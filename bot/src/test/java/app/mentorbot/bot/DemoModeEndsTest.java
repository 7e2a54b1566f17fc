package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import app.mentorbot.bot.cli.MentorBot;
import app.mentorbot.bot.demo.Modes;
import app.mentorbot.bot.cli.ImportCommand;
import app.mentorbot.bot.testing.ChatClient;
import app.mentorbot.bot.testing.RunningBot;
import app.mentorbot.bot.testing.TestDatabase;
import app.mentorbot.conversations.roster.RosterJson;
import app.mentorbot.conversations.roster.RosterStore;

/**
 * Demo mode lets anyone open anyone's chat, so it lives only as long as the example school: an import ends
 * it for good, also for a bot already running, and asking for it on a real roster stops the start.
 */
class DemoModeEndsTest {
    @TempDir
    Path dir;

    /** The example school with other people in it: what a school's own 花名册 looks like to the bot. */
    Path realSchool() throws Exception {
        String example = Files.readString(Path.of("../config/example-school.json"));
        Path file = dir.resolve("real-school.json");
        Files.writeString(file, example.replace("刘洋", "周建国").replace("张小明", "孙悦"));
        return file;
    }

    static int get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static boolean chatOpensAs(int port, String person) throws Exception {
        try (ChatClient c = ChatClient.as(port, person)) {
            return c.closeReason() == null && c.isOpen();
        } catch (Exception refused) {
            return false;
        }
    }

    @Test
    void afterAnImportTheQuickStartsCommandRunsWithoutDemoAndDemoTrueRefusesToStart() throws Exception {
        Path data = dir.resolve("data");
        int exit = ImportCommand.run(new String[] {realSchool().toString(), "--mentorbot.data-dir=" + data});
        assertThat(exit).isZero();

        try (ConfigurableApplicationContext bot = new SpringApplicationBuilder(MentorBot.class)
                .run("--server.port=0", "--mentorbot.data-dir=" + data, "--mentorbot.example-school=../config/example-school.json")) {
            int port = ((WebServerApplicationContext) bot).getWebServer().getPort();
            assertThat(bot.getBean(Modes.class).demo()).isFalse();
            assertThat(get(port, "/api/demo/people")).as("no list of the school's people").isEqualTo(404);
            assertThat(get(port, "/chat")).as("the page wants an invitation").isEqualTo(403);
            assertThat(chatOpensAs(port, "T01")).as("?as= opens no one's chat").isFalse();
        }

        assertThatThrownBy(() -> new SpringApplicationBuilder(MentorBot.class).run("--server.port=0", "--mentorbot.data-dir=" + data,
                "--mentorbot.demo=true", "--mentorbot.demo-records=false", "--mentorbot.example-school=../config/example-school.json").close())
                .hasRootCauseInstanceOf(Modes.DemoOnRealRoster.class)
                .rootCause().hasMessageContaining("不能再开启演示模式");
    }

    @Test
    void anImportWhileTheDemoRunsEndsItWithinSeconds() throws Exception {
        String url = TestDatabase.newDatabase();
        try (RunningBot bot = RunningBot.start(url, Map.of())) {
            assertThat(get(bot.port(), "/api/demo/people")).isEqualTo(200);

            int exit = ImportCommand.run(new String[] {realSchool().toString(), "--spring.datasource.url=" + url,
                    "--spring.datasource.username=" + TestDatabase.user(), "--spring.datasource.password=" + TestDatabase.password()});
            assertThat(exit).isZero();

            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (get(bot.port(), "/api/demo/people") == 200 && System.nanoTime() < deadline) Thread.sleep(200);
            assertThat(get(bot.port(), "/api/demo/people")).isEqualTo(404);
            assertThat(chatOpensAs(bot.port(), "T01")).isFalse();
        }
    }

    @Test
    void aRealRosterImportedByAnEarlierVersionWithoutTheMarkIsRecognisedAsReal() throws Exception {
        String url = TestDatabase.newDatabase();
        try (RunningBot first = RunningBot.start(url, Map.of("mentorbot.demo", "false"))) {
            var roster = RosterJson.read(Files.newInputStream(realSchool()));
            first.bean(TransactionTemplate.class).executeWithoutResult(s -> first.bean(RosterStore.class).replace("main", roster));
            first.jdbc().sql("delete from bot_setting where key = 'demo_retired'").update();
        }
        assertThatThrownBy(() -> RunningBot.start(url, Map.of()).close()).hasRootCauseInstanceOf(Modes.DemoOnRealRoster.class);
    }
}
