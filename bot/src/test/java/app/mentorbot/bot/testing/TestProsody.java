package app.mentorbot.bot.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/**
 * The Prosody that XMPP tests log in to (start one with {@code .ci/prosody.sh start DIR}; accounts bot/botpass,
 * teacher1/t1pass, parent1/p1pass on school.localhost). {@value #ENV} names its WebSocket endpoint: unset, the
 * tests are skipped ({@link #configured}); set, a server that does not answer fails them ({@link #uri}).
 */
public final class TestProsody {
    public static final String ENV = "MENTORBOT_TEST_PROSODY";
    public static final String DOMAIN = "school.localhost";

    private TestProsody() {}

    /** For {@code @EnabledIf("app.mentorbot.bot.testing.TestProsody#configured")}. */
    public static boolean configured() {
        String value = System.getenv(ENV);
        return value != null && !value.isBlank();
    }

    /** The configured endpoint; an AssertionError when nothing answers there. */
    public static URI uri() {
        if (!configured()) throw new IllegalStateException(ENV + " is not set");
        URI uri = URI.create(System.getenv(ENV).strip());
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 80), 1_000);
        } catch (IOException | IllegalArgumentException e) {
            throw new AssertionError(ENV + "=" + uri + " is set but nothing answers there (" + e.getMessage()
                    + "): is Prosody running (.ci/prosody.sh start DIR)?", e);
        }
        return uri;
    }
}
