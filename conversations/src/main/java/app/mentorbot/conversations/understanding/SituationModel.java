package app.mentorbot.conversations.understanding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A second reader of risky situations, for paraphrases whose words no {@code situation-*} list holds
 * yet: a linear model over the characters of a sentence (single characters, pairs and triples),
 * trained when the reader starts from labelled sentences that ship with it
 * ({@code understanding/situation-examples/*.tsv}: {@code LABEL<TAB>sentence}, one a line).
 *
 * <p>Why a model and not more words: the lists catch a situation only when each of its parts is
 * listed; a model trained on many differently-worded examples also weighs parts it has seen in other
 * combinations (割, 血, 不想醒, 堵, 群里, 关机…) and the wording around them, and learns from the
 * near-misses beside them (打篮球, 防欺凌班会, 累死了) what does not count. It only ever adds a
 * suspected signal (疑似): the teacher is asked, so a false alarm costs one tap.
 *
 * <p>Multinomial logistic regression by stochastic gradient descent on hashed features; training is
 * deterministic (fixed order and seed), takes well under a second for a few thousand sentences, and
 * the model is immutable and thread-safe afterwards. No library: the whole model is this class,
 * and a machine-learning library would bring far more than one linear layer.
 */
final class SituationModel {
    /** What a sentence describes, for the risk model ({@link #risks()}). */
    enum Label { NONE, SELF_HARM, FIGHT, BULLYING, RUNAWAY, ABUSE }

    /** What a sentence describes, for the family model ({@link #family()}). */
    enum FamilyLabel { NONE, FAMILY }

    /** What a sentence describes, for the mood model ({@link #mood()}): a student's ongoing low mood or anxiety. */
    enum MoodLabel { NONE, PSYCH }

    /** What a whole note tells, for the note model ({@link #notes()}): a note a careful reader flags SAFETY, or not. */
    enum NoteLabel { NONE, SAFETY }

    /**
     * The likeliest label of a sentence other than NONE (by its ordinal in the model's label set) and how likely
     * it is that the sentence describes anything but NONE.
     */
    record Guess(int label, double risk) {
        boolean is(Enum<?> l) {
            return label == l.ordinal();
        }
    }

    /** A labelled sentence; {@code label} is the ordinal in the model's label set, NONE first. */
    record Example(int label, String text) {}

    private static final int BITS = 18;
    static final int MASK = (1 << BITS) - 1;
    private static final int EPOCHS = 12;
    /**
     * The risk model's passes over its examples: more than the family model's, since twenty schools' notes and the
     * hand-written sets disagree more; chosen by leave-one-school-out (ModelCrossCheck): 20 passes kept the same
     * recall with fewer false alarms than 12 or 30.
     */
    static final int RISK_EPOCHS = 20;
    /**
     * The note model's passes over its examples: whole notes, fewer and longer than the sentences, settle later. Chosen
     * leave one school out on forty-two schools (twentieth pass), each at the threshold its rule picks
     * ({@link ModelSuspicion#SUSPICION_THRESHOLD}): 12 of 1,852 signals missed with 889 false alarms at 20 passes
     * (threshold 0.35), 849 at 40 (0.37); 8 passes were worse at every threshold, 60 no better than 40.
     */
    static final int NOTE_EPOCHS = 40;
    /**
     * How much the note model smooths the counts its features' evidence is weighed by ({@link #evidence}): added to
     * each feature's count in SAFETY and in other notes. Leave one school out on forty-six schools (twenty-first pass),
     * 1 and 8 were worse than 2 and 4, which were within a few false alarms of each other; 4 was ahead at forty-two schools too.
     * The other models were no better weighed so: the sentence models lost signals or flags, and the whole-note FAMILY
     * model, though 0.012 better in FAMILY F1 leave one school out, read a mother working late (在超市上班，晚上八点才下班)
     * as a family in hardship, at its threshold and above.
     */
    static final double NOTE_EVIDENCE_SMOOTHING = 4;
    private static final int MAXN = 3;
    private static final double RATE = 0.4;
    private static final double L2 = 1e-6;

    private final int labels;
    private final float[] weights;   // [feature bucket * labels + label]: one feature's weights side by side
    private final float[] bias;

    private SituationModel(int labels, float[] weights, float[] bias) {
        this.labels = labels;
        this.weights = weights;
        this.bias = bias;
    }

    /**
     * The model trained on the examples that ship with the reader, once per JVM, on a thread of its own that
     * starts with the first reader: start-up does not wait for it, and a note read before it is ready waits.
     */
    private static final class BuiltIn {
        static final FutureTask<SituationModel> RISKS = new FutureTask<>(
                () -> train(load("/understanding/situation-examples/examples.list", Label.class), Label.values().length, RISK_EPOCHS));
        static final FutureTask<SituationModel> MOOD = new FutureTask<>(
                () -> train(load("/understanding/mood-examples/examples.list", MoodLabel.class), MoodLabel.values().length));
        static final FutureTask<SituationModel> NOTES = new FutureTask<>(
                () -> trainWeighed(load("/understanding/note-examples/examples.list", NoteLabel.class), NoteLabel.values().length, NOTE_EPOCHS, NOTE_EVIDENCE_SMOOTHING));
        static final FutureTask<SituationModel> KINDS = new FutureTask<>(
                () -> train(load("/understanding/kind-examples/examples.list", Kind.class), Kind.values().length));
        static final FutureTask<SituationModel> FAMILY_NOTES = new FutureTask<>(
                () -> train(load("/understanding/family-note-examples/examples.list", FamilyLabel.class), FamilyLabel.values().length));
        static final FutureTask<SituationModel> MOOD_NOTES = new FutureTask<>(
                () -> train(load("/understanding/mood-note-examples/examples.list", MoodLabel.class), MoodLabel.values().length));
        static final FutureTask<SituationModel> FAMILY = new FutureTask<>(
                () -> train(load("/understanding/family-examples/examples.list", FamilyLabel.class), FamilyLabel.values().length));

        static {
            Thread t = new Thread(() -> {
                RISKS.run();
                NOTES.run();
                KINDS.run();
                FAMILY.run();
                MOOD.run();
                FAMILY_NOTES.run();
                MOOD_NOTES.run();
            }, "situation-model-training");
            t.setDaemon(true);
            t.start();
        }
    }

    /** Starts training the built-in models, if it has not started. */
    static void startTraining() {
        BuiltIn.RISKS.isDone();
    }

    /** The built-in model of risky situations ({@link Label}), waiting for its training if it is not done. */
    static SituationModel risks() {
        return waitFor(BuiltIn.RISKS);
    }

    /**
     * The built-in model of whole notes ({@link NoteLabel}): what the rest of a note tells about its riskiest sentence (who
     * called, what the teacher did about it, an accident explained two sentences later), waiting for its training.
     */
    static SituationModel notes() {
        return waitFor(BuiltIn.NOTES);
    }

    /** The built-in model of a whole note's {@link Kind}, trained on the corpus notes' kinds, waiting for its training. */
    static SituationModel kinds() {
        return waitFor(BuiltIn.KINDS);
    }

    /** The built-in model of whole notes that tell of a family in hardship ({@link FamilyLabel}), waiting for its training. */
    static SituationModel familyNotes() {
        return waitFor(BuiltIn.FAMILY_NOTES);
    }

    /** The built-in model of whole notes that tell of a student's lasting low mood or anxiety ({@link MoodLabel}), waiting for its training. */
    static SituationModel moodNotes() {
        return waitFor(BuiltIn.MOOD_NOTES);
    }

    /** The built-in model of a student's mood ({@link MoodLabel}), waiting for its training if it is not done. */
    static SituationModel mood() {
        return waitFor(BuiltIn.MOOD);
    }

    /** The built-in model of a family's situation ({@link FamilyLabel}), waiting for its training if it is not done. */
    static SituationModel family() {
        return waitFor(BuiltIn.FAMILY);
    }

    static SituationModel waitFor(FutureTask<SituationModel> training) {
        try {
            return training.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the situation model was training", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the situation model could not be trained", e.getCause());
        }
    }

    static SituationModel train(List<Example> examples, int labels) {
        return train(examples, labels, EPOCHS);
    }

    static SituationModel train(List<Example> examples, int labels, int epochs) {
        return train(examples, featuresOf(examples), labels, epochs, null);
    }

    /** A model of examples whose features are read some other way than {@link #features} (FollowUpModel's). */
    static SituationModel train(List<Example> examples, List<int[]> features, int labels) {
        return train(examples, features, labels, EPOCHS, null);
    }

    /** A model whose features count by their {@link #evidence} in the examples, smoothed by {@code smoothing}. */
    static SituationModel trainWeighed(List<Example> examples, int labels, int epochs, double smoothing) {
        List<int[]> features = featuresOf(examples);
        return train(examples, features, labels, epochs, evidence(examples, features, smoothing));
    }

    /** Each example's {@link #features}, in order: computed once for both the evidence and the training. */
    static List<int[]> featuresOf(List<Example> examples) {
        List<int[]> out = new ArrayList<>(examples.size());
        for (Example e : examples) out.add(features(e.text()));
        return out;
    }

    /**
     * How strongly each feature tells a positive example (any label but NONE) from a NONE one, by how often it stands in
     * each: |log((p + a) / |p| ÷ (q + a) / |q|)| over the notes it occurs in, scaled so that a seen feature counts 1 on
     * average. The naive-Bayes weighting of a linear model's features (Wang and Manning, 2012): on a few thousand notes,
     * a three-char run seen in ten SAFETY notes and no other weighs more from the first pass, while one as common in
     * both (老师, 今天) weighs little. Leave one school out on forty-six schools, with the suspicion's log-odds sum
     * ({@link ModelSuspicion}), it kept the same signals with a fifth fewer false alarms.
     */
    static float[] evidence(List<Example> examples, List<int[]> features, double smoothing) {
        int[] positive = new int[1 << BITS], none = new int[1 << BITS], lastNote = new int[1 << BITS];
        long inPositive = 0, inNone = 0;
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            for (int h : features.get(i)) {
                if (lastNote[h] == i + 1) continue;   // a feature counts once a note
                lastNote[h] = i + 1;
                if (e.label() != 0) {
                    positive[h]++;
                    inPositive++;
                } else {
                    none[h]++;
                    inNone++;
                }
            }
        }
        double p = inPositive + smoothing * positive.length, q = inNone + smoothing * none.length;
        float[] out = new float[1 << BITS];   // a feature no example holds keeps 0: it is never trained or read in training
        double sum = 0;
        int seen = 0;
        for (int h = 0; h < out.length; h++) {
            if (positive[h] + none[h] == 0) continue;
            out[h] = (float) Math.abs(Math.log((positive[h] + smoothing) / p / ((none[h] + smoothing) / q)));
            sum += out[h];
            seen++;
        }
        float mean = (float) (sum / Math.max(1, seen));
        for (int h = 0; h < out.length; h++) out[h] /= mean;
        return out;
    }

    private static SituationModel train(List<Example> examples, List<int[]> features, int labels, int epochs, float[] evidence) {
        float[] w = new float[(1 << BITS) * labels];
        float[] b = new float[labels];
        int[] order = new int[examples.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Random random = new Random(20261203L);
        double[] p = new double[labels];
        for (int epoch = 0; epoch < epochs; epoch++) {
            shuffle(order, random);
            double rate = RATE / (1 + epoch * 0.5);
            for (int i : order) {
                int[] f = features.get(i);
                float scale = (float) (1 / Math.sqrt(Math.max(1, f.length)));
                probabilities(w, b, labels, f, scale, evidence, p);
                int gold = examples.get(i).label();
                for (int k = 0; k < labels; k++) {
                    double g = (k == gold ? 1 : 0) - p[k];
                    b[k] += (float) (rate * g);
                    float step = (float) (rate * g * scale), decay = (float) (rate * L2);
                    if (evidence == null) {
                        for (int h : f) w[h * labels + k] += step - decay * w[h * labels + k];
                    } else {
                        for (int h : f) w[h * labels + k] += step * evidence[h] - decay * w[h * labels + k];
                    }
                }
            }
        }
        // a feature's weight times its evidence, once: reading costs what it did before features were weighed
        if (evidence != null) for (int h = 0, at = 0; h < evidence.length; h++) for (int k = 0; k < labels; k++, at++) w[at] *= evidence[h];
        return new SituationModel(labels, w, b);
    }

    Guess read(String sentence) {
        return read(features(sentence));
    }

    /** Reads a sentence already turned into its {@link #features}: several models may read the same features. */
    Guess read(int[] f) {
        if (f.length == 0) return new Guess(0, 0);
        double[] p = new double[labels];
        probabilities(weights, bias, labels, f, (float) (1 / Math.sqrt(f.length)), null, p);
        int best = 1;
        for (int k = 2; k < p.length; k++) if (p[k] > p[best]) best = k;
        return new Guess(best, 1 - p[0]);
    }

    /** How likely each label is (by ordinal) for a text already turned into its {@link #features}; all zero for no features. */
    double[] likelihoods(int[] f) {
        double[] p = new double[labels];
        if (f.length > 0) probabilities(weights, bias, labels, f, (float) (1 / Math.sqrt(f.length)), null, p);
        return p;
    }

    private static void probabilities(float[] w, float[] b, int labels, int[] f, float scale, float[] evidence, double[] out) {
        double[] z = new double[labels];
        if (evidence == null) {
            for (int h : f) for (int k = 0, at = h * labels; k < labels; k++) z[k] += w[at + k];
        } else {
            for (int h : f) for (int k = 0, at = h * labels; k < labels; k++) z[k] += w[at + k] * evidence[h];
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < out.length; k++) {
            out[k] = b[k] + z[k] * scale;
            max = Math.max(max, out[k]);
        }
        double sum = 0;
        for (int k = 0; k < out.length; k++) sum += out[k] = Math.exp(out[k] - max);
        for (int k = 0; k < out.length; k++) out[k] /= sum;
    }

    /**
     * The hashed character 1-, 2- and 3-grams of a sentence, punctuation and spaces dropped, digits
     * as one symbol. A masked name (□) stays a character: "□说" is a feature like any other.
     */
    static int[] features(String sentence) {
        StringBuilder t = new StringBuilder(sentence.length() + 2).append('^');
        for (int i = 0; i < sentence.length(); i++) {
            char c = sentence.charAt(i);
            if (Character.isDigit(c)) c = '0';
            else if (!Character.isLetter(c) && c != NoteText.NAME_MASK) continue;
            t.append(c);
        }
        t.append('$');
        int n = t.length();
        if (n <= 2) return new int[0];
        int[] out = new int[MAXN * n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            int h = 0x9E3779B9;
            for (int len = 1; len <= MAXN && i + len <= n; len++) {
                h = (h ^ t.charAt(i + len - 1)) * 0x01000193;
                int mixed = (h ^ (h >>> 15)) * 0x2C1B3C6D;
                if (len > 1 || (t.charAt(i) != '^' && t.charAt(i) != '$')) out[k++] = (mixed ^ (mixed >>> 12) ^ len) & MASK;
            }
        }
        return java.util.Arrays.copyOf(out, k);
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int x = a[i];
            a[i] = a[j];
            a[j] = x;
        }
    }

    /** The examples of every file named in {@code list} (one resource name a line, next to it). */
    static <L extends Enum<L>> List<Example> load(String list, Class<L> labels) {
        String dir = list.substring(0, list.lastIndexOf('/') + 1);
        List<Example> out = new ArrayList<>();
        for (String file : lines(list)) {
            if (!file.isBlank() && !file.startsWith("#")) out.addAll(loadFile(dir + file.strip(), labels));
        }
        if (out.isEmpty()) throw new IllegalStateException("no situation examples in " + list);
        return out;
    }

    /** The examples of one resource file: {@code LABEL<TAB>sentence} lines, {@code #} lines skipped. */
    static <L extends Enum<L>> List<Example> loadFile(String resource, Class<L> labels) {
        return parse(lines(resource), labels);
    }

    /** Examples from {@code LABEL<TAB>sentence} lines, {@code #} lines skipped (a resource's or a file's). */
    static <L extends Enum<L>> List<Example> parse(List<String> lines, Class<L> labels) {
        List<Example> out = new ArrayList<>();
        for (String line : lines) {
            int tab = line.indexOf('\t');
            if (tab < 0 || line.startsWith("#")) continue;
            L label = Enum.valueOf(labels, line.substring(0, tab).strip());
            out.add(new Example(label.ordinal(), NoteText.of(line.substring(tab + 1)).simple));
        }
        return out;
    }

    static List<String> lines(String resource) {
        try (InputStream in = SituationModel.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
