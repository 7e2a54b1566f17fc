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
    private final Map<String, Adapter> byPlatform = new LinkedHashMap<>();

    Adapters(List<Adapter> adapters) {
        for (Adapter a : adapters) {
            if (byPlatform.putIfAbsent(a.platform(), a) != null) {
                throw new IllegalStateException("two adapters for platform " + a.platform());
            }
        }
    }

    public Optional<Adapter> find(String platform) {
        return Optional.ofNullable(byPlatform.get(platform));
    }

    public List<Adapter> all() {
        return List.copyOf(byPlatform.values());
    }
}
