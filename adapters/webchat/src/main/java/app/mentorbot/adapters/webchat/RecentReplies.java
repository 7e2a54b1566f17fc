package app.mentorbot.adapters.webchat;

import java.util.LinkedHashMap;
import java.util.Map;

/** A small bounded memory of reply frames by the message they answer (least recently used goes first). */
final class RecentReplies {
    private final Map<String, String> frames;

    RecentReplies(int capacity) {
        this.frames = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void put(String messageId, String frame) {
        frames.putIfAbsent(messageId, frame);
    }

    synchronized String get(String messageId) {
        return frames.get(messageId);
    }
}
