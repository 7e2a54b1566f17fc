package app.mentorbot.adapters.wecom;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays the smart robot's gateway wss://openws.work.weixin.qq.com (as WeCom's official aibot SDK talks to it)
 * on loopback: every request is upgraded to a WebSocket, acks subscribe and ping frames as the real gateway
 * does (same req_id, errcode 0), and acks replies and sends with whatever errcode the test set (or not at all
 * when null).
 */
final class FakeAiBotGateway implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MockWebServer server = new MockWebServer();
    private final BlockingQueue<Connection> connections = new LinkedBlockingQueue<>();
    volatile int subscribeErrcode = 0;
    volatile boolean answerPings = true;
    volatile Integer respondErrcode = 0;
    volatile Integer sendErrcode = 0;

    FakeAiBotGateway() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                Connection c = new Connection();
                connections.add(c);
                return new MockResponse.Builder().webSocketUpgrade(c).build();
            }
        });
        server.start();
    }

    String url() {
        return "ws://" + server.getHostName() + ":" + server.getPort() + "/";
    }

    Connection nextConnection(Duration timeout) throws InterruptedException {
        Connection c = connections.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (c == null) throw new AssertionError("no connection within " + timeout);
        return c;
    }

    boolean connectsWithin(Duration timeout) throws InterruptedException {
        Connection c = connections.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return c != null;
    }

    /** A recorded frame from src/test/resources/wecom/aibot with its placeholders filled in. */
    static String fixture(String name, String reqId, String msgId) {
        try (InputStream in = FakeAiBotGateway.class.getResourceAsStream("/wecom/aibot/" + name + ".json")) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip()
                    .replace("REQ_ID", reqId).replace("MSG_ID", msgId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }

    final class Connection extends WebSocketListener {
        private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        private final List<JsonNode> seen = new ArrayList<>();
        volatile WebSocket socket;
        volatile boolean closed;

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            socket = webSocket;
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            JsonNode frame = JSON.readTree(text);
            // answer first, record after: a test that reacts to the record must not change this answer
            String cmd = frame.path("cmd").asString("");
            String reqId = frame.path("headers").path("req_id").asString("");
            switch (cmd) {
                case "aibot_subscribe" -> ack(reqId, subscribeErrcode, subscribeErrcode == 0 ? "ok" : "invalid bot_id or secret");
                case "ping" -> {
                    if (answerPings) ack(reqId, 0, "ok");
                }
                case "aibot_respond_msg" -> {
                    Integer code = respondErrcode;
                    if (code != null) ack(reqId, code, code == 0 ? "ok" : "fail");
                }
                case "aibot_send_msg" -> {
                    Integer code = sendErrcode;
                    if (code != null) ack(reqId, code, code == 0 ? "ok" : "fail");
                }
                default -> { }
            }
            frames.add(frame);
        }

        private void ack(String reqId, int errcode, String errmsg) {
            socket.send("{\"headers\":{\"req_id\":\"" + reqId + "\"},\"errcode\":" + errcode + ",\"errmsg\":\"" + errmsg + "\"}");
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            closed = true;
            webSocket.close(1000, null);
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            closed = true;
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            closed = true;
        }

        void push(String frame) {
            socket.send(frame);
        }

        /** The next frame with this cmd, skipping others (pings interleave). */
        JsonNode next(String cmd, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                JsonNode f = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
                if (f == null) throw new AssertionError("no " + cmd + " frame within " + timeout + "; saw " + seen);
                seen.add(f);
                if (cmd.equals(f.path("cmd").asString(""))) return f;
            }
        }

        boolean closedWithin(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!closed && System.nanoTime() < deadline) Thread.sleep(10);
            return closed;
        }

        /** Ends the connection from the server side, as WeCom does when it drops a link. */
        void drop() {
            socket.close(1001, "going away");
        }
    }
}
