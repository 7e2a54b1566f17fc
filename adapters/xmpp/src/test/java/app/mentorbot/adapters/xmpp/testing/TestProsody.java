package app.mentorbot.adapters.xmpp.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * The real Prosody that XMPP tests log in to: {@code .ci/prosody.sh start DIR} runs one on 127.0.0.1:15280 with the
 * accounts bot/botpass, teacher1/t1pass and parent1/p1pass on {@value #DOMAIN} and rooms on {@value #ROOMS}.
 * {@value #ENV} names its WebSocket endpoint, and then a server that does not answer fails the tests; unset, the
 * adapter's tests look on 127.0.0.1:15280 and are skipped when nothing answers there, and tests that must not
 * run without it ask {@link #configured()}. Shared with the bot's tests through the xmpp module's test-jar.
 */
public final class TestProsody {
    public static final String ENV = "MENTORBOT_TEST_PROSODY";
    public static final String DOMAIN = "school.localhost";
    public static final String ROOMS = "classes." + DOMAIN;
    public static final String BOT = "bot@" + DOMAIN;
    public static final String TEACHER1 = "teacher1@" + DOMAIN;
    public static final String PARENT1 = "parent1@" + DOMAIN;
    private static final URI LOCAL = URI.create("ws://127.0.0.1:15280/xmpp-websocket");

    private TestProsody() {}

    /** Whether {@value #ENV} names a server; for {@code @EnabledIf("app.mentorbot.adapters.xmpp.testing.TestProsody#configured")}. */
    public static boolean configured() {
        String value = System.getenv(ENV);
        return value != null && !value.isBlank();
    }

    /** The server's WebSocket endpoint: see the class comment for when it fails or skips the test. */
    public static URI uri() {
        if (configured()) {
            URI uri = URI.create(System.getenv(ENV).strip());
            if (!answers(uri)) fail(ENV + "=" + uri + " is set but nothing answers there: is Prosody running (.ci/prosody.sh start DIR)?");
            return uri;
        }
        assumeTrue(answers(LOCAL), "no Prosody on 127.0.0.1:15280 and " + ENV
                + " unset: real-server XMPP tests skipped (start one with .ci/prosody.sh start DIR)");
        return LOCAL;
    }

    /** A name no earlier run on the same server used (resources, rooms, message texts). */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Waits up to 10 s for the condition; an AssertionError naming {@code what} otherwise. */
    public static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within 10 s: " + what);
            Thread.sleep(25);
        }
    }

    private static boolean answers(URI uri) {
        int port = uri.getPort() > 0 ? uri.getPort() : ("wss".equals(uri.getScheme()) ? 443 : 80);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(uri.getHost(), port), 1_000);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
