package app.mentorbot.adapters.xmpp;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * The real Prosody the tests talk to (.ci/prosody.sh starts one). MENTORBOT_TEST_PROSODY names it in CI,
 * where an unreachable server fails the tests; without the variable the tests look on 127.0.0.1:15280
 * and are skipped when nothing answers there.
 */
final class TestProsody {
    static final String ENV = "MENTORBOT_TEST_PROSODY";
    static final String DOMAIN = "school.localhost";
    static final String ROOMS = "classes.school.localhost";
    static final String BOT = "bot@" + DOMAIN;
    static final String TEACHER1 = "teacher1@" + DOMAIN;
    static final String PARENT1 = "parent1@" + DOMAIN;

    private TestProsody() {}

    static URI url() {
        String configured = System.getenv(ENV);
        if (configured != null && !configured.isBlank()) {
            URI uri = URI.create(configured.strip());
            if (!answers(uri)) fail(ENV + "=" + configured + " is set but nothing answers there: is Prosody running (.ci/prosody.sh start DIR)?");
            return uri;
        }
        URI local = URI.create("ws://127.0.0.1:15280/xmpp-websocket");
        assumeTrue(answers(local), "no Prosody on 127.0.0.1:15280 and " + ENV
                + " unset: real-server XMPP tests skipped (start one with .ci/prosody.sh start DIR)");
        return local;
    }

    static XmppConfig botConfig(String resource, List<String> rooms, Duration ping) {
        return new XmppConfig(url(), DOMAIN, "bot", "botpass", resource, rooms, ping);
    }

    static XmppAdapter adapter(XmppConfig config) {
        return new XmppAdapter(config, Clock.systemUTC(), failures -> Duration.ofMillis(100));
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) throw new AssertionError("not within 10 s: " + what);
            Thread.sleep(25);
        }
    }

    private static boolean answers(URI uri) {
        int port = uri.getPort() > 0 ? uri.getPort() : ("wss".equals(uri.getScheme()) ? 443 : 80);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(uri.getHost(), port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
