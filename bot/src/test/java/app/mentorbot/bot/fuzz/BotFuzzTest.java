package app.mentorbot.bot.fuzz;

import app.mentorbot.adapters.api.testing.Hostile;

import org.junit.jupiter.api.Tag;

/**
 * The full fuzz run: {@code -Dfuzz.n} inputs per surface (default 10,000). Not part of the normal build;
 * run with {@code ./mvnw -B -ntp verify -Dgroups=fuzz -Dfuzz.excluded=}.
 */
@Tag("fuzz")
class BotFuzzTest extends BotFuzz {
    @Override
    int n() {
        return Hostile.n(10_000);
    }
}
