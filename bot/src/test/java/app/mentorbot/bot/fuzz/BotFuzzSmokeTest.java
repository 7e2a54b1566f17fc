package app.mentorbot.bot.fuzz;

import app.mentorbot.adapters.api.testing.Hostile;

/** A small run of the fuzz harness in every build: 200 inputs per surface. */
class BotFuzzSmokeTest extends BotFuzz {
    @Override
    int n() {
        return 200;
    }

    @Override
    long seed(String surface) {
        return Hostile.seed(surface, 20_240_902L);
    }
}
