package app.mentorbot.conversations.duties;

import java.util.Map;

/** Where the ledger finds the students whose plans ask for more than the school's rules (the plans feature). */
@FunctionalInterface
public interface Paces {
    /** Each student of the school with a plan, by id. */
    Map<String, StudentPace> of(String schoolId);

    static Paces none() {
        return schoolId -> Map.of();
    }
}
