package app.mentorbot.conversations.understanding;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The five mentor duties a note touches, by the topic-*.txt lists of the {@link Lexicon}. Deliberately narrow where a word is shared:
 * a subject name alone (物理) is not ACADEMIC, because 选物理化学 is subject choice (CAREER);
 * 考 alone is not ACADEMIC (考军校). Topics are not negated: "没有情绪问题" still touched the subject.
 */
final class TopicLexicon {
    record Hit(Topic topic, int start, int end) {}

    private final Map<Topic, Cues> cues = new EnumMap<>(Topic.class);

    TopicLexicon(Lexicon lexicon) {
        for (Topic t : Topic.values()) cues.put(t, lexicon.cues("topic-" + t.name().toLowerCase(Locale.ROOT)));
    }

    List<Hit> find(String s) {
        List<Hit> hits = new ArrayList<>();
        for (var e : cues.entrySet()) {
            Cues.Span m = e.getValue().find(s);
            if (m != null) hits.add(new Hit(e.getKey(), m.start(), m.end()));
        }
        return hits;
    }
}
