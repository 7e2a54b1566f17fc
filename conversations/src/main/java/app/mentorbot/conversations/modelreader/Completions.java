package app.mentorbot.conversations.modelreader;

import java.io.IOException;

/**
 * The school's model server, one call: an OpenAI-compatible {@code /v1/chat/completions} request body in,
 * the response body out. The bot's implementation speaks HTTP to the one URL the admin configured; it
 * throws {@link TimedOut} when the answer is late and {@link Refused} for any status but 2xx.
 */
@FunctionalInterface
public interface Completions {
    String complete(String requestBody) throws IOException, InterruptedException;

    /** No answer within the configured time. */
    final class TimedOut extends IOException {
        public TimedOut(Throwable cause) {
            super("the model server did not answer in time", cause);
        }
    }

    /** The server answered with an error status (429 busy, 500, 401 ...). */
    final class Refused extends IOException {
        private final int status;

        public Refused(int status) {
            super("the model server answered " + status);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
