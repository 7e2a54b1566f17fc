package app.mentorbot.bot.outbox;

import java.util.List;

import app.mentorbot.adapters.api.Adapter;

/**
 * Several adapters from one block of settings, as many as it names (the schools' own apps on one platform): they
 * join {@link Adapters} beside the single adapter beans.
 */
public interface AdapterGroup {
    List<Adapter> adapters();
}
