package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import app.mentorbot.bot.testing.BotTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * /healthz tells anyone whether the bot is up (a load balancer, an uptime monitor); how it is run and how busy
 * it is (demo mode, embedded database, open chat pages, backlog) only the operator on the machine itself learns.
 */
@BotTest
class HealthzTest {

    @LocalServerPort
    int port;
    @Autowired
    WebApplicationContext context;

    @Test
    void fromAnotherMachineTheAnswerIsOnlyUp() throws Exception {
        MvcResult answer = MockMvcBuilders.webAppContextSetup(context).build().perform(get("/healthz").with(from("203.0.113.7"))).andReturn();
        assertThat(answer.getResponse().getStatus()).isEqualTo(200);
        assertThat(json(answer.getResponse().getContentAsString())).isEqualTo(Map.of("status", "up"));
    }

    @Test
    void throughAReverseProxyOnTheSameMachineTheAnswerIsOnlyUp() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                .header("X-Forwarded-For", "203.0.113.7").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json(answer.body())).isEqualTo(Map.of("status", "up"));
    }

    @Test
    void fromTheMachineItselfTheOperatorAlsoSeesTheDetails() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json(answer.body())).containsEntry("status", "up").containsEntry("demo", true)
                .containsKeys("embeddedDatabase", "webChatSessions", "inboundBacklog");

        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
        String overIpv6 = mvc.perform(get("/healthz").with(from("0:0:0:0:0:0:0:1"))).andReturn().getResponse().getContentAsString();
        assertThat(json(overIpv6)).containsEntry("status", "up").containsKey("inboundBacklog");
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String body) {
        return JsonMapper.builder().build().readValue(body, Map.class);
    }
}
