package app.mentorbot.adapters.slack;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import app.mentorbot.adapters.api.connection.Backoff;

/** A fast backoff that remembers which attempt numbers it was asked about. */
final class RecordingBackoff implements Backoff {
    final List<Integer> attempts = new CopyOnWriteArrayList<>();

    @Override
    public Duration delay(int attempt) {
        attempts.add(attempt);
        return Duration.ofMillis(20);
    }
}
