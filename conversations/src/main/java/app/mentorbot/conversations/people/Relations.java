package app.mentorbot.conversations.people;

import java.util.Map;

/** Turns a roster relation (母亲, 祖母...) into the word a teacher says (妈妈, 奶奶...). */
final class Relations {
    private static final Map<String, String> SPOKEN = Map.ofEntries(
            Map.entry("母亲", "妈妈"), Map.entry("父亲", "爸爸"),
            Map.entry("祖母", "奶奶"), Map.entry("祖父", "爷爷"),
            Map.entry("外祖母", "外婆"), Map.entry("外祖父", "外公"));

    private Relations() {}

    static String spoken(String relation) {
        if (relation == null || relation.isBlank()) return "家长";
        return SPOKEN.getOrDefault(relation, relation);
    }
}
