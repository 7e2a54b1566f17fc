package app.mentorbot.conversations.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.FutureTask;

/**
 * A second reader of a report's follow-up day: is the day the rules picked one the teacher plans to do something on, or
 * a day in someone else's plans or in the school's calendar (她爸说下周五回来, 约了周五放学去江边单挑, 下礼拜去杭州做手术,
 * 两周后复查)? The rules tell the teacher's plan by its words and by who speaks (EventDays); across many writers a
 * guardian's, a doctor's or a bully's plans are told in ways no rule has seen. A linear model over the characters around
 * the day ({@link #features}), trained on the corpus's training notes ({@code followup-examples/notes-<school>.tsv}: each
 * future day of a report, PLAN when it is the gold follow-up, else NONE), drops the rules' day when it thinks the day is
 * unlikely to be the teacher's ({@link #DOUBT}). It never adds a day: where the rules found none, such a model (tried
 * offline, ten folds by school over the training schools) added more wrong days than right ones at every threshold.
 */
final class FollowUpModel {
    /** A report's future day: NONE, or the day the teacher plans to follow up on. */
    enum Label { NONE, PLAN }

    /**
     * How likely the rules' day must be a plan of the teacher's for it to stand. Chosen leave one school out on the
     * seventy-four training schools (twenty-ninth pass; each school read by a model trained without it): follow-ups right
     * 10,042 of 10,230 with no model, 10,067 at 0.3, 10,066 at 0.4, 10,061 at 0.5; whole records 9,515, 9,536, 9,535, 9,529.
     * The lowest of the best keeps the most of the teacher's own plans (each one a reminder).
     */
    static final double DOUBT = 0.3;

    /** The characters read on each side of the day. */
    private static final int WINDOW = 20;

    private FollowUpModel() {
    }

    /** Whether the model doubts that the day at {@code t} in the masked note {@code s} is the teacher's own plan. */
    static boolean doubts(String s, DateResolver.TimeExpr t) {
        return plan(s, t) < DOUBT;
    }

    /** How likely the model thinks the day at {@code t} in the masked note {@code s} is one the teacher plans to act on. */
    static double plan(String s, DateResolver.TimeExpr t) {
        return SituationModel.waitFor(BuiltIn.MODEL).read(features(s, t.start(), t.end())).risk();
    }

    /** Trained once per JVM on a thread of its own, started with the first reader; a note read before it is ready waits. */
    private static final class BuiltIn {
        static final FutureTask<SituationModel> MODEL = new FutureTask<>(() -> train(SituationModel.lines("/understanding/followup-examples/examples.list")));

        static {
            Thread t = new Thread(MODEL, "follow-up-model-training");
            t.setDaemon(true);
            t.start();
        }
    }

    /** Starts training the built-in model, if it has not started. */
    static void startTraining() {
        BuiltIn.MODEL.isDone();
    }

    /** A model from the example files named in a list's lines ({@code LABEL<TAB>start<TAB>end<TAB>masked note}). */
    static SituationModel train(List<String> files) {
        List<SituationModel.Example> examples = new ArrayList<>();
        List<int[]> features = new ArrayList<>();
        for (String file : files) {
            if (file.isBlank() || file.startsWith("#")) continue;
            for (String line : SituationModel.lines("/understanding/followup-examples/" + file.strip())) {
                String[] f = line.split("\t", 4);
                if (f.length < 4 || line.startsWith("#")) continue;
                examples.add(new SituationModel.Example(Label.valueOf(f[0]).ordinal(), f[3]));
                features.add(features(f[3], Integer.parseInt(f[1]), Integer.parseInt(f[2])));
            }
        }
        return SituationModel.train(examples, features, Label.values().length);
    }

    /**
     * The hashed character 1-, 2- and 3-grams of three stretches, each hashed apart: the {@link #WINDOW} characters
     * before the day (who speaks or acts: 他爸说, 我跟他约了) and after it (what happens then: 回来, 再找他, 复查), and the
     * day's clause with the day itself as one mark. Unlike the situation models' features, punctuation stays: where a
     * clause ends matters to whose plan a day is.
     */
    static int[] features(String s, int start, int end) {
        int cs = Clauses.clauseStart(s, start), ce = Clauses.clauseEnd(s, end);
        List<Integer> out = new ArrayList<>();
        grams('^' + s.substring(Math.max(0, start - WINDOW), start), 1, out);
        grams(s.substring(end, Math.min(s.length(), end + WINDOW)) + '$', 2, out);
        grams(s.substring(cs, start) + '◇' + s.substring(end, ce), 3, out);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void grams(String t, int stretch, List<Integer> out) {
        for (int i = 0; i < t.length(); i++) {
            int h = 0x9E3779B9 * stretch;
            for (int len = 1; len <= 3 && i + len <= t.length(); len++) {
                h = (h ^ t.charAt(i + len - 1)) * 0x01000193;
                int mixed = (h ^ (h >>> 15)) * 0x2C1B3C6D;
                out.add((mixed ^ (mixed >>> 12) ^ len) & SituationModel.MASK);
            }
        }
    }
}
