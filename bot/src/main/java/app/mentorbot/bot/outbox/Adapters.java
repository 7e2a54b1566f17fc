package app.mentorbot.bot.outbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import app.mentorbot.adapters.api.Adapter;

/** The adapters this bot runs, by platform name. */
@Component
public class Adapters {
    /** The platform of a message no adapter can reach; the dispatcher parks such rows with the reason. */
    public static final String NONE = "none";
    private final Map<String, Adapter> byPlatform = new LinkedHashMap<>();

    public Adapters(List<Adapter> adapters) {
        for (Adapter a : adapters) {
            if (byPlatform.putIfAbsent(a.platform(), a) != null) {
                throw new IllegalStateException("two adapters for platform " + a.platform());
            }
        }
    }

    public Optional<Adapter> find(String platform) {
        return Optional.ofNullable(byPlatform.get(platform));
    }

    /** The adapter that reaches roster people by their ids, when no platform binding says otherwise. */
    public Optional<Adapter> rosterHome() {
        return byPlatform.values().stream().filter(Adapter::signsInRosterPeople).findFirst();
    }

    public List<Adapter> all() {
        return List.copyOf(byPlatform.values());
    }
}
