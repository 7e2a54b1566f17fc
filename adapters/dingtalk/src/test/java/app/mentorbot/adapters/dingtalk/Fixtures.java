package app.mentorbot.adapters.dingtalk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Recorded gateway frames under src/test/resources/frames; {@code {{webhook}}} becomes the given session webhook. */
final class Fixtures {
    private Fixtures() {}

    static String frame(String name, String webhook) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/frames/" + name)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{webhook}}", webhook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String frame(String name) {
        return frame(name, "https://oapi.dingtalk.com/robot/sendBySession?session=abc123");
    }

    /** The frame as a parsed StreamFrames.Frame, as the adapter sees it. */
    static StreamFrames.Frame parsed(String name, String webhook) {
        try {
            return StreamFrames.parse(frame(name, webhook));
        } catch (StreamFrames.BadFrame e) {
            throw new IllegalStateException(e);
        }
    }
}
