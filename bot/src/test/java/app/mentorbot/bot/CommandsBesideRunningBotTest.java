package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import app.mentorbot.bot.RosterImportCommandTest.Run;
import app.mentorbot.bot.cli.BackupCommand;
import app.mentorbot.bot.cli.ImportCommand;
import app.mentorbot.bot.cli.InviteCommand;
import app.mentorbot.bot.cli.MentorBot;
import app.mentorbot.bot.files.OwnerOnly;
import app.mentorbot.bot.testing.ChatClient;

/**
 * With the embedded database, {@code invite}, {@code import} and {@code backup} work while the bot runs: they use
 * the running bot's server, not the data folder it holds; {@code restore} asks for the bot to be stopped. A bot that has not said where its server listens gets one Chinese
 * sentence from the command, and no stack trace.
 */
class CommandsBesideRunningBotTest {
    @TempDir
    Path dir;

    static HttpResponse<Void> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());
    }

    @Test
    void inviteAndImportRunBesideTheEmbeddedBotAndTheBotSeesTheNewRosterWithinTwoSeconds() throws Exception {
        Path data = dir.resolve("data");
        Path school = dir.resolve("real-school.json");
        Files.writeString(school, Files.readString(Path.of("../config/example-school.json")).replace("张小明", "孙悦"));
        try (ConfigurableApplicationContext bot = new SpringApplicationBuilder(MentorBot.class).run("--server.port=0",
                "--mentorbot.data-dir=" + data, "--mentorbot.example-school=../config/example-school.json")) {
            int port = ((WebServerApplicationContext) bot).getWebServer().getPort();

            Run invite = RosterImportCommandTest.capture(() -> InviteCommand.run(new String[] {"T01", "--mentorbot.data-dir=" + data}));
            assertThat(invite.exit()).as(invite.err()).isZero();
            assertThat(OwnerOnly.isPrivate(data.resolve("pg-port"))).as("where the server listens, for the owner only").isTrue();
            String link = invite.out().strip();
            assertThat(link).contains("/?token=");
            HttpResponse<Void> opened = get(port, link.substring(link.indexOf("/?token=")));
            String setCookie = opened.headers().firstValue("Set-Cookie").orElseThrow();
            String cookie = setCookie.substring(0, setCookie.indexOf(';'));

            Run imported = RosterImportCommandTest.capture(() -> ImportCommand.run(new String[] {school.toString(), "--mentorbot.data-dir=" + data}));
            long importedAt = System.nanoTime();
            assertThat(imported.exit()).as(imported.err()).isZero();
            assertThat(imported.out()).contains("名单已导入");

            long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (get(port, "/api/demo/people").statusCode() == 200 && System.nanoTime() < deadline) Thread.sleep(100);
            assertThat(get(port, "/api/demo/people").statusCode()).as("the running bot saw the import: demo is over").isEqualTo(404);
            // the cached roster is compared with the database at most every 2 seconds (RosterStore): wait out that bound
            long rosterSeen = importedAt + Duration.ofMillis(2100).toNanos();
            while (System.nanoTime() < rosterSeen) Thread.sleep(50);
            try (ChatClient t = ChatClient.withHeaders(port, Map.of("Cookie", cookie))) {
                t.say("上周五去孙悦家家访，父母离异，跟爷爷奶奶住");
                assertThat(t.reply()).as("the new roster's student is known").startsWith("已记录：").contains("孙悦");
            }

            Path backup = dir.resolve("beside-the-bot.zip");
            Run taken = RosterImportCommandTest.capture(() -> BackupCommand.backup(new String[] {backup.toString(), "--mentorbot.data-dir=" + data}));
            assertThat(taken.exit()).as(taken.err()).isZero();
            assertThat(taken.out()).contains("已备份到");
            Run restore = RosterImportCommandTest.capture(() -> BackupCommand.restore(new String[] {backup.toString(), "--replace", "--mentorbot.data-dir=" + data}));
            assertThat(restore.exit()).as("restore is the one command that waits for the bot to stop").isEqualTo(3);
            assertThat(restore.err()).contains("请先停止机器人");
        }
        assertThat(data.resolve("pg-port")).as("removed when the bot stops").doesNotExist();
    }

    @Test
    void aBotThatDoesNotSayWhereItsServerListensGetsOneSentenceAndNoStackTrace() throws Exception {
        Path data = OwnerOnly.directory(dir.resolve("data"));
        try (FileChannel channel = FileChannel.open(data.resolve("mentorbot.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = channel.lock()) { // what an older bot does: the lock, and no pg-port
            Run invite = RosterImportCommandTest.capture(() -> InviteCommand.run(new String[] {"T01", "--mentorbot.data-dir=" + data}));
            assertThat(invite.exit()).isEqualTo(3);
            assertThat(invite.out()).isEmpty();
            assertThat(invite.err()).contains("正被另一个运行中的导师助手使用");
            assertThat(invite.err().lines()).noneMatch(line -> line.startsWith("\tat ")).hasSizeLessThan(3);
        }
    }
}
