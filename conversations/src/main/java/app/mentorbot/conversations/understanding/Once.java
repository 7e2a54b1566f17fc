package app.mentorbot.conversations.understanding;

import java.util.function.BooleanSupplier;

/** A test worked out at most once, for a note whose tests ask it from two places (did the student speak first?). */
final class Once {
    private final BooleanSupplier test;
    private int value = -1;

    Once(BooleanSupplier test) {
        this.test = test;
    }

    boolean get() {
        if (value < 0) value = test.getAsBoolean() ? 1 : 0;
        return value == 1;
    }
}
