package app.mentorbot.bot.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import app.mentorbot.bot.cli.MentorBot;
import app.mentorbot.bot.testing.ChatClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tools.jackson.databind.JsonNode;

/**
 * PostgreSQL stops while teachers keep writing: the bot keeps answering ("稍后会记录"), loses no
 * accepted note, and files every one of them once the database is back, without a restart. Meanwhile
 * /healthz says "down" with 503, and "up" again afterwards.
 * The outage lasts {@code -Dfault.outage.seconds} (8 by default; the README's fault run uses 60).
 */
class DatabaseOutageTest {
    static final int OUTAGE_SECONDS = Integer.getInteger("fault.outage.seconds", 8);

    @TempDir
    Path pgDir;
    @TempDir
    Path dataDir;

    static EmbeddedPostgres start(Path dir, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(dir.toFile()).setCleanDataDirectory(false).setPort(port).start();
    }

    long count(int port, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** "STATUS BODY" of /healthz, asked from this machine. */
    static String health(ConfigurableApplicationContext bot) throws Exception {
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) bot).getWebServer().getPort() + "/healthz")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() + " " + answer.body();
    }

    ConfigurableApplicationContext bot(int port) {
        return new SpringApplicationBuilder(MentorBot.class).run("--server.port=0",
                "--mentorbot.demo=true", "--mentorbot.demo-records=false", "--mentorbot.example-school=../config/example-school.json",
                "--mentorbot.data-dir=" + dataDir, "--spring.datasource.url=jdbc:postgresql://localhost:" + port + "/postgres",
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--mentorbot.spool.retry=1s");
    }

    @Test
    void anAnswerWrittenDuringAnOutageIsAppliedToItsNoteAndALaterMessageWaitsItsTurn() throws Exception {
        EmbeddedPostgres pg = start(pgDir.resolve("pg"), 0);
        int port = pg.getPort();
        ConfigurableApplicationContext bot = bot(port);
        try (ChatClient liu = ChatClient.as(((WebServerApplicationContext) bot).getWebServer().getPort(), "T01")) {
            assertThat(liu.replyTo(liu.say("晚自习和张晓明谈了下"))).contains("1");

            pg.close();
            assertThat(liu.replyTo(liu.say("1"))).contains("稍后会记录");
            Thread.sleep(3_000); // longer than the bot's spool-only moment after it finds the database away
            pg = start(pgDir.resolve("pg"), port);
            // At once, before the spool is replayed: it must not be handled ahead of the answer above.
            assertThat(liu.replyTo(liu.say("不对，是昨天"))).contains("稍后会记录");

            assertThat(liu.pushContaining("已记录")).contains("张小明");
            assertThat(liu.pushContaining("已更正")).as("the correction reached the record the answer made");
            assertThat(count(port, "select count(*) from record where note = '晚自习和张晓明谈了下' "
                    + "and event_date = (now() at time zone 'Asia/Shanghai')::date - 1")).isEqualTo(1);
        } finally {
            bot.close();
            pg.close();
        }
    }

    @Test
    void notesWrittenWhileTheDatabaseIsDownAreFiledOnceWhenItComesBack() throws Exception {
        EmbeddedPostgres pg = start(pgDir.resolve("pg"), 0);
        int port = pg.getPort();
        ConfigurableApplicationContext bot = bot(port);
        try (ChatClient liu = ChatClient.as(((WebServerApplicationContext) bot).getWebServer().getPort(), "T01")) {
            assertThat(liu.replyTo(liu.say("今天和张小明单独谈心，聊了数学"))).startsWith("已记录");

            pg.close();
            List<String> during = new ArrayList<>();
            String[] notes = {"给李华爸爸打了电话，聊了期中考试", "和周文聊了聊，没什么大问题", "黄佳怡这两天情绪很低落，需要重点关注"};
            for (String note : notes) {
                String id = liu.say(note);
                during.add(id);
                assertThat(liu.replyTo(id)).contains("稍后会记录");
            }
            liu.sayWithId(during.get(0), notes[0]); // a page resending after a reconnect changes nothing
            liu.next();
            assertThat(health(bot)).as("/healthz while the database is away").startsWith("503 ").contains("\"status\":\"down\"");
            Thread.sleep(OUTAGE_SECONDS * 1000L);

            pg = start(pgDir.resolve("pg"), port);
            int confirmed = 0;
            long deadline = System.currentTimeMillis() + 60_000;
            while (confirmed < notes.length && System.currentTimeMillis() < deadline) {
                JsonNode frame = liu.next();
                if (frame.path("text").asString().startsWith("已记录")) confirmed++;
            }
            assertThat(confirmed).as("every note written during the outage is confirmed afterwards").isEqualTo(notes.length);
            for (String note : notes) {
                assertThat(count(port, "select count(*) from record where note = '" + note + "'")).as(note).isEqualTo(1);
            }
            assertThat(liu.replyTo(liu.say("今天和王子轩单独谈心"))).as("and the bot works as before").startsWith("已记录");
            assertThat(health(bot)).startsWith("200 ").contains("\"status\":\"up\"");
        } finally {
            bot.close();
            pg.close();
        }
    }
}
