package app.mentorbot.adapters.slack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where recent inbound messages were, by event id, so a reply lands in the same Slack thread. Bounded
 * (least recently used goes first) and in memory only: after a restart a reply simply goes to the chat.
 */
final class RecentThreads {
    record Place(String chatId, String channel, String threadTs) {}

    private final Map<String, Place> places;

    RecentThreads(int capacity) {
        this.places = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Place> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void put(String messageId, Place place) {
        places.put(messageId, place);
    }

    synchronized Place get(String messageId) {
        return messageId == null ? null : places.get(messageId);
    }
}
