package app.mentorbot.bot.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import app.mentorbot.adapters.api.testing.Patience;
import jakarta.servlet.http.HttpServlet;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * DingTalk for bot tests, any number of apps at once: a WireMock OpenAPI (a stream ticket per app: the ticket is the
 * app's client id; an access token per app, {@code token-<client id>}; every robot send and session webhook taken)
 * and a stream gateway (embedded Tomcat, WebSocket /connect) that knows each connection by its ticket, so a test
 * hands a bot message to one app's stream.
 */
public final class FakeDingTalk implements AutoCloseable {
    private static final Logger TOMCAT_LOG = Logger.getLogger("org.apache");
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        TOMCAT_LOG.setLevel(Level.SEVERE);
    }

    public final WireMockServer api = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private final Tomcat tomcat = new Tomcat();
    private final Map<String, Session> streams = new ConcurrentHashMap<>();

    public FakeDingTalk(String... clientIds) throws Exception {
        tomcat.setBaseDir(Files.createTempDirectory("fake-dingtalk").toString());
        tomcat.setPort(0);
        tomcat.getConnector();
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "nothing", new HttpServlet() {});
        context.addServletMappingDecoded("/", "nothing");
        context.addServletContainerInitializer(new WsSci(), null);
        context.addServletContainerInitializer((classes, servletContext) -> {
            ServerContainer container = (ServerContainer) servletContext.getAttribute(ServerContainer.class.getName());
            try {
                container.addEndpoint(ServerEndpointConfig.Builder.create(Stream.class, "/connect")
                        .configurator(new ServerEndpointConfig.Configurator() {
                            @Override
                            @SuppressWarnings("unchecked")
                            public <T> T getEndpointInstance(Class<T> endpointClass) {
                                return (T) new Stream();
                            }
                        }).build());
            } catch (DeploymentException e) {
                throw new IllegalStateException(e);
            }
        }, null);
        tomcat.start();
        api.start();
        String endpoint = "ws://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/connect";
        for (String clientId : clientIds) {
            api.stubFor(post(urlPathEqualTo("/v1.0/gateway/connections/open"))
                    .withRequestBody(matchingJsonPath("$.clientId", equalTo(clientId)))
                    .willReturn(okJson("{\"endpoint\":\"" + endpoint + "\",\"ticket\":\"" + clientId + "\"}")));
            api.stubFor(post(urlPathEqualTo("/v1.0/oauth2/accessToken"))
                    .withRequestBody(matchingJsonPath("$.appKey", equalTo(clientId)))
                    .willReturn(okJson("{\"accessToken\":\"token-" + clientId + "\",\"expireIn\":7200}")));
        }
        api.stubFor(post(urlPathEqualTo("/v1.0/robot/oToMessages/batchSend")).willReturn(okJson("{\"processQueryKey\":\"q\"}")));
        api.stubFor(post(urlPathMatching("/hook/.*")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
    }

    /** A session webhook on this fake, for the replies to one app's messages. */
    public String webhook(String name) {
        return api.baseUrl() + "/hook/" + name;
    }

    /** Waits until the app with this client id has its stream open. */
    public void awaitStream(String clientId) throws InterruptedException {
        long deadline = System.nanoTime() + Patience.of(Duration.ofSeconds(20)).toNanos();
        while (!streams.containsKey(clientId)) {
            if (System.nanoTime() > deadline) throw new AssertionError("app " + clientId + " never opened its stream");
            Thread.sleep(20);
        }
    }

    /** A one-to-one text message from {@code userId} to the robot of the app {@code clientId}, replies to {@code webhook}. */
    public void say(String clientId, String messageId, String userId, String text, String webhook, Instant at) throws Exception {
        awaitStream(clientId);
        ObjectNode data = JSON.createObjectNode().put("conversationId", "cid-" + userId).put("msgId", messageId)
                .put("senderStaffId", userId).put("senderId", "$:LWCP_v1:$" + userId).put("conversationType", "1")
                .put("sessionWebhook", webhook).put("sessionWebhookExpiredTime", at.plusSeconds(5400).toEpochMilli())
                .put("createAt", at.toEpochMilli()).put("robotCode", clientId).put("msgtype", "text");
        data.putObject("text").put("content", text);
        ObjectNode frame = JSON.createObjectNode().put("specVersion", "1.0").put("type", "CALLBACK");
        frame.putObject("headers").put("messageId", "frame-" + messageId).put("topic", "/v1.0/im/bot/messages/get")
                .put("contentType", "application/json").put("time", String.valueOf(at.toEpochMilli()));
        frame.put("data", JSON.writeValueAsString(data));
        Session stream = streams.get(clientId);
        synchronized (stream) {
            stream.getBasicRemote().sendText(JSON.writeValueAsString(frame));
        }
    }

    @Override
    public void close() throws Exception {
        api.stop();
        tomcat.stop();
        tomcat.destroy();
    }

    /** One app's stream, known by the ticket it came with (the client id). */
    final class Stream extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) ack -> {});
            var tickets = session.getRequestParameterMap().get("ticket");
            if (tickets != null) streams.put(tickets.get(0), session);
        }
    }
}
