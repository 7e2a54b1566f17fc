package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import app.mentorbot.bot.testing.BotTest;
import app.mentorbot.bot.testing.CapturedLogs;
import app.mentorbot.bot.testing.ChatClient;
import app.mentorbot.bot.testing.SchoolDayClock;
import ch.qos.logback.classic.Level;

/** What the bot logs at INFO and above never holds what people wrote nor the students' names. */
@BotTest
@Import(SchoolDayClock.class)
class LogPrivacyTest {


    @LocalServerPort
    int port;

    @RegisterExtension
    CapturedLogs logs = new CapturedLogs();

    @Test
    void conversationsAboutStudentsLeaveNoBodiesOrNamesInTheLogs() throws Exception {
        List<String> said = List.of("今天和黄佳怡单独谈心，她说最近很想哭，晚上睡不着",
                "给李华爸爸打了电话，家里最近有变故", "不是李华是李娜", "周文最近的记录", "会商决定：黄佳怡每周谈话一次");
        try (ChatClient liu = ChatClient.as(port, "T01"); ChatClient sun = ChatClient.as(port, "T02");
             ChatClient mother = ChatClient.as(port, "P01")) {
            for (String s : said.subList(0, 4)) liu.replyTo(liu.say(s));
            sun.replyTo(sun.say(said.get(4)));
            mother.replyTo(mother.say("老师，小明说有同学欺负他，不想去学校了"));
            liu.replyTo(liu.say("this is not chinese at all"));
        }
        Thread.sleep(500);
        List<String> lines = logs.atLeast(Level.INFO);
        assertThat(lines).as("the bot did log something at INFO").isNotEmpty();
        for (String forbidden : List.of("黄佳怡", "李华", "李娜", "周文", "张小明", "想哭", "变故", "欺负", "不想去学校", "not chinese")) {
            assertThat(lines).as(forbidden).noneMatch(l -> l.contains(forbidden));
        }
    }

    @Test
    void aQueryTomcatCannotReadIsRefusedWithoutLoggingItsText() throws Exception {
        // A parameter without a name: Tomcat's exception quotes the raw text, and a page link can carry a name.
        String query = "?as=T01&=" + java.net.URLEncoder.encode("黄佳怡想哭", java.nio.charset.StandardCharsets.UTF_8);
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/" + query)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(400);
        Thread.sleep(200);
        List<String> lines = logs.atLeast(Level.INFO);
        assertThat(lines).noneMatch(l -> l.contains("%E9%BB%84") || l.contains("黄佳怡") || l.contains("InvalidParameterException"));
    }
}
