package app.mentorbot.conversations.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class PerThreadTest {
    @Test
    void eachThreadKeepsItsOwnValueWhileAnotherThreadUsesItsOwn() throws InterruptedException {
        AtomicInteger made = new AtomicInteger();
        PerThread<Integer> values = new PerThread<>(made::incrementAndGet);
        int mine = values.get();
        AtomicReference<Integer> theirs = new AtomicReference<>();
        AtomicReference<Integer> theirsAgain = new AtomicReference<>();
        Thread other = new Thread(() -> {
            theirs.set(values.get());
            theirsAgain.set(values.get());
        });
        other.start();
        other.join();
        assertThat(theirs.get()).isNotEqualTo(mine).isEqualTo(theirsAgain.get());
        assertThat(values.get()).isEqualTo(mine);
        assertThat(made.get()).isEqualTo(2);
    }
}
