package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import app.mentorbot.bot.testing.BotTest;
import app.mentorbot.bot.testing.ChatClient;
import app.mentorbot.bot.testing.SchoolDayClock;

/**
 * The operator's view: health and Prometheus metrics on the management port, on loopback, apart from the pages.
 * A teacher's note shows as the notes counter rising, the reply as a reply sent on the web chat; no name, id or
 * word of the note appears among the metrics.
 */
@BotTest
@Import(SchoolDayClock.class)
class MetricsTest {
    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    HttpResponse<String> get(int onPort, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + onPort + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    double sample(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(metrics);
        double sum = 0;
        while (m.find()) sum += Double.parseDouble(m.group(2));
        return sum;
    }

    @Test
    void aNoteFiledInChatRaisesTheNotesCounterOnTheManagementPort() throws Exception {
        String before = get(managementPort, "/actuator/prometheus").body();
        double notesBefore = sample(before, "mentorbot_notes_filed_total");
        double readsBefore = sample(before, "mentorbot_reader_seconds_count");

        try (ChatClient liu = ChatClient.as(port, "T01")) {
            assertThat(liu.replyTo(liu.say("今天中午跟杨帆谈了，他说最近睡得不好"))).contains("杨帆");
        }

        String after = get(managementPort, "/actuator/prometheus").body();
        assertThat(sample(after, "mentorbot_notes_filed_total")).isEqualTo(notesBefore + 1);
        assertThat(sample(after, "mentorbot_reader_seconds_count")).isGreaterThan(readsBefore);
        assertThat(after).contains("mentorbot_outbox_backlog", "mentorbot_outbox_parked");
        assertThat(sample(after, "mentorbot_reader_model_calls_total")).as("the language model is off: no call").isZero();
        assertThat(after).as("no name, id or word of the note in any metric").doesNotContain("杨帆", "S05", "T01", "睡得");
    }

    @Test
    void theReplyCountsAsSentOnTheWebChat() throws Exception {
        double sentBefore = sample(get(managementPort, "/actuator/prometheus").body(), "mentorbot_replies_sent_total");
        try (ChatClient liu = ChatClient.as(port, "T01")) {
            liu.replyTo(liu.say("和王子轩聊了学习计划"));
        }
        assertThat(sample(get(managementPort, "/actuator/prometheus").body(), "mentorbot_replies_sent_total")).isGreaterThan(sentBefore);
    }

    @Test
    void healthTellsTheDatabaseAndEachAdapterAndNothingOfItIsOnThePublicPort() throws Exception {
        HttpResponse<String> health = get(managementPort, "/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"db\"").contains("\"adapters\"").contains("\"webchat\":\"running\"");
        assertThat(get(port, "/actuator/health").statusCode()).as("not on the pages' port").isEqualTo(404);
        assertThat(get(managementPort, "/actuator/env").statusCode()).as("only health and prometheus").isEqualTo(404);
    }
}
