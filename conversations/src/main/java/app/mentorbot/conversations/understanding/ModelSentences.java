package app.mentorbot.conversations.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * A note's sentences as the {@link SituationModel}s read them: each turned into the models' features once, when a model
 * first reads it, so the risk, family and mood models share the work.
 */
final class ModelSentences {
    private final String text;
    private final List<int[]> spans = new ArrayList<>();
    private final List<int[]> features = new ArrayList<>();
    private int[] whole;

    ModelSentences(String text) {
        this.text = text;
        int from = 0;
        while (from < text.length()) {
            int to = Clauses.sentenceEnd(text, from);
            if (to > from) {
                spans.add(new int[] {from, to});
                features.add(null);
            }
            from = to + 1;
        }
    }

    private int[] features(int i) {
        int[] f = features.get(i);
        if (f == null) features.set(i, f = SituationModel.features(text.substring(spans.get(i)[0], spans.get(i)[1])));
        return f;
    }

    /** The whole note's features, for the models that read a note whole; made once, when the first of them reads it. */
    int[] whole() {
        if (whole == null) whole = SituationModel.features(text);
        return whole;
    }

    /** The sentence a model found likeliest, and where it is in the note. */
    record Likeliest(SituationModel.Guess guess, int from, int to) {}

    /** The sentence {@code model} finds likeliest at or above {@code threshold}, among those {@code readable} lets it read; or null. */
    static Likeliest likeliest(SituationModel model, ModelSentences sentences, double threshold, BiPredicate<Integer, Integer> readable) {
        Likeliest best = null;
        for (int i = 0; i < sentences.spans.size(); i++) {
            int from = sentences.spans.get(i)[0], to = sentences.spans.get(i)[1];
            if (!readable.test(from, to)) continue;
            SituationModel.Guess g = model.read(sentences.features(i));
            if (g.risk() >= threshold && (best == null || g.risk() > best.guess.risk())) best = new Likeliest(g, from, to);
        }
        return best;
    }

    /** The sentences {@code readable} lets {@code model} read, riskiest first. */
    static List<Likeliest> ranked(SituationModel model, ModelSentences sentences, BiPredicate<Integer, Integer> readable) {
        List<Likeliest> out = new ArrayList<>();
        for (int i = 0; i < sentences.spans.size(); i++) {
            int from = sentences.spans.get(i)[0], to = sentences.spans.get(i)[1];
            if (readable.test(from, to)) out.add(new Likeliest(model.read(sentences.features(i)), from, to));
        }
        out.sort((a, b) -> Double.compare(b.guess().risk(), a.guess().risk()));
        return out;
    }
}
