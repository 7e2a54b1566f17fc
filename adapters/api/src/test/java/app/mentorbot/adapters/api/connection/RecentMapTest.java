package app.mentorbot.adapters.api.connection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentMapTest {
    private final RecentMap<String, String> recent = new RecentMap<>(3);

    @Test
    void pastItsCapacityTheEntryPutLongestAgoIsForgotten() {
        for (int i = 1; i <= 4; i++) recent.put("m" + i, "v" + i);

        assertThat(recent.get("m1")).isNull();
        assertThat(recent.get("m2")).isEqualTo("v2");
        assertThat(recent.get("m4")).isEqualTo("v4");
        assertThat(recent.size()).isEqualTo(3);
    }

    @Test
    void puttingAKeyAgainMakesItTheNewestButReadingItDoesNot() {
        recent.put("a", "1");
        recent.put("b", "2");
        recent.put("c", "3");
        recent.put("a", "1 again");
        recent.get("b");
        recent.put("d", "4");

        assertThat(recent.get("a")).isEqualTo("1 again");
        assertThat(recent.get("b")).as("read, but put longest ago").isNull();
        assertThat(recent.get("c")).isEqualTo("3");
    }

    @Test
    void putIfAbsentKeepsTheFirstValue() {
        recent.putIfAbsent("m", "first");
        recent.putIfAbsent("m", "second");

        assertThat(recent.get("m")).isEqualTo("first");
    }

    @Test
    void entriesCanBeForgottenByTheirValueAndANullKeyFindsNothing() {
        recent.put("m1", "https://hook/1");
        recent.put("m2", "https://hook/2");
        recent.removeValuesIf("https://hook/1"::equals);

        assertThat(recent.get("m1")).isNull();
        assertThat(recent.get("m2")).isEqualTo("https://hook/2");
        assertThat(recent.get(null)).isNull();
    }
}
