package app.mentorbot.bot.modelreader;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mentorbot.reader.model.*}: the school's own language model as a second reader, off by default.
 * {@code base-url} is the server's OpenAI-compatible root (http://10.0.0.5:8000 or …/v1), {@code model}
 * the name it serves, {@code api-key} taken from the environment ({@code MENTORBOT_READER_MODEL_API_KEY},
 * never a file in the repository), {@code timeout} how long an answer may take (default 3 s). Only this
 * URL is ever called, and only when {@code enabled} is true.
 */
@ConfigurationProperties("mentorbot.reader.model")
public record ModelReaderSettings(boolean enabled, String baseUrl, String model, String apiKey, Duration timeout) {
    public ModelReaderSettings {
        timeout = timeout == null ? Duration.ofSeconds(3) : timeout;
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("mentorbot.reader.model.timeout must be positive");
        if (enabled) {
            if (baseUrl == null || !(baseUrl.startsWith("http://") || baseUrl.startsWith("https://"))) {
                throw new IllegalArgumentException("mentorbot.reader.model.base-url must be an http(s) URL when the model reader is enabled");
            }
            if (model == null || model.isBlank()) throw new IllegalArgumentException("mentorbot.reader.model.model must name the model");
        }
    }

    /** The chat completions endpoint under the base URL, whether or not the admin wrote the /v1. */
    public URI completionsUri() {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return URI.create(base.endsWith("/v1") ? base + "/chat/completions" : base + "/v1/chat/completions");
    }
}
