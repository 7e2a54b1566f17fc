package app.mentorbot.adapters.api.connection;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.function.Predicate;

/**
 * What an adapter remembers about recent messages (where a reply should go, which request id answers them), in
 * memory and bounded: past {@code capacity} entries the one put longest ago is forgotten. Putting a key again
 * makes it the newest; reading does not. Safe for several threads. After a restart it is empty, so whatever uses
 * it must have a way to do without.
 */
public final class RecentMap<K, V> {
    private final int capacity;
    private final LinkedHashMap<K, V> entries = new LinkedHashMap<>();

    public RecentMap(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive: " + capacity);
        this.capacity = capacity;
    }

    /** Remembers {@code value} under {@code key} as the newest entry, forgetting the oldest past the capacity. */
    public synchronized void put(K key, V value) {
        entries.remove(key);
        entries.put(key, value);
        if (entries.size() > capacity) {
            Iterator<K> oldest = entries.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** Like {@link #put} when nothing is remembered under {@code key}; otherwise leaves what is there. */
    public synchronized void putIfAbsent(K key, V value) {
        if (!entries.containsKey(key)) put(key, value);
    }

    /** What is remembered under {@code key}, or null (also for a null key). */
    public synchronized V get(K key) {
        return key == null ? null : entries.get(key);
    }

    /** Forgets every entry whose value matches. */
    public synchronized void removeValuesIf(Predicate<? super V> matches) {
        entries.values().removeIf(matches);
    }

    public synchronized int size() {
        return entries.size();
    }

    @Override
    public synchronized String toString() {
        return "RecentMap[" + entries.size() + "/" + capacity + "]";
    }
}
