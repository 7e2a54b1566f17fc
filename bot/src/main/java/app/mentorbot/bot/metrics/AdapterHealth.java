package app.mentorbot.bot.metrics;

import java.util.Optional;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import app.mentorbot.adapters.api.Adapter;
import app.mentorbot.bot.outbox.Adapters;

/**
 * {@code adapters} on the health page: per platform, "connected" or "disconnected" for an adapter that keeps a
 * connection and says so, "running" for one that has none to keep (the web chat, webhooks). Down while any
 * connection is down. WeCom's robot connection is held by one instance at a time (a lease), so WeCom says nothing
 * here. Platform names only: nothing of the platform's own objects leaves its adapter.
 */
@Component("adaptersHealthIndicator") // shown as "adapters"
class AdapterHealth implements HealthIndicator {
    private final Adapters adapters;

    AdapterHealth(Adapters adapters) {
        this.adapters = adapters;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        for (Adapter a : adapters.all()) {
            Optional<Boolean> connected = a.connectionUp();
            health.withDetail(a.platform(), connected.map(up -> up ? "connected" : "disconnected").orElse("running"));
            if (connected.isPresent() && !connected.get()) health.down();
        }
        return health.build();
    }
}
