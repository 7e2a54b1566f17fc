package app.mentorbot.conversations.assessments;

import java.util.Optional;
import java.util.Set;

import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.understanding.Flag;
import app.mentorbot.conversations.understanding.Topic;

/**
 * The four areas of a stage assessment (思想表现、学业成绩、心理状态、生活习惯), each with the topic and flags of a
 * record that speak of it: 学业 (topic or flag), 心理 (topic, the 心理 flag or SAFETY), 生活 (topic, or the 家庭 flag).
 */
public enum Area {
    THOUGHT(Topic.THOUGHT, Set.of(), "思想"),
    ACADEMIC(Topic.ACADEMIC, Set.of(Flag.ACADEMIC), "学业", "学习"),
    PSYCH(Topic.PSYCH, Set.of(Flag.PSYCH, Flag.SAFETY), "心理", "情绪"),
    LIFE(Topic.LIFE, Set.of(Flag.FAMILY), "生活");

    private final Topic topic;
    private final Set<Flag> flags;
    private final String[] words;

    Area(Topic topic, Set<Flag> flags, String... words) {
        this.topic = topic;
        this.flags = flags;
        this.words = words;
    }

    /** Whether a record speaks of this area. */
    boolean in(Record r) {
        return r.topics().contains(topic) || r.flags().stream().anyMatch(flags::contains);
    }

    /** Whether a record raises a flag of this area. */
    boolean flaggedIn(Record r) {
        return r.flags().stream().anyMatch(flags::contains);
    }

    /** The area a flag belongs to. */
    public static Optional<Area> of(Flag f) {
        for (Area a : values()) if (a.flags.contains(f)) return Optional.of(a);
        return Optional.empty();
    }

    /** The area a mentor's word names: 学业, 学业成绩, 学习, 心理状态, 情绪… */
    static Optional<Area> named(String word) {
        for (Area a : values()) {
            for (String w : a.words) if (word.startsWith(w)) return Optional.of(a);
        }
        return Optional.empty();
    }
}
