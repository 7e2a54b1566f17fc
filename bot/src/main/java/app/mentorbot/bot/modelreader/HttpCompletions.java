package app.mentorbot.bot.modelreader;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import app.mentorbot.conversations.modelreader.Completions;

/**
 * {@link Completions} over HTTP with the JDK's client: one POST to the configured URL, the whole
 * exchange bounded by the timeout, no redirects followed (an answer must come from the URL the admin
 * wrote), no retries (a late answer is no use to a teacher who has moved on).
 */
public final class HttpCompletions implements Completions {
    private final HttpClient http;
    private final URI uri;
    private final String apiKey;
    private final Duration timeout;

    public HttpCompletions(URI uri, String apiKey, Duration timeout) {
        this.uri = uri;
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    public static HttpCompletions of(ModelReaderSettings settings) {
        return new HttpCompletions(settings.completionsUri(), settings.apiKey(), settings.timeout());
    }

    @Override
    public String complete(String requestBody) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(requestBody, StandardCharsets.UTF_8));
        if (apiKey != null && !apiKey.isBlank()) request.header("Authorization", "Bearer " + apiKey);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {   // connecting or answering
            throw new TimedOut(e);
        }
        if (response.statusCode() / 100 != 2) throw new Refused(response.statusCode());
        return response.body();
    }
}
