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
        static final FutureTask<SituationModel> MODEL = PlaceModels.inBackground("follow-up-model-training",
                () -> PlaceModels.train("followup-examples", Label.class, FollowUpModel::features));
    }

    /** Starts training the built-in model, if it has not started. */
    static void startTraining() {
        BuiltIn.MODEL.isDone();
    }

    /** Waits until the built-in model is trained ({@link NoteReader#awaitReady}). */
    static void awaitTrained() {
        SituationModel.waitFor(BuiltIn.MODEL);
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
        StretchGrams.add('^' + s.substring(Math.max(0, start - WINDOW), start), 1, out);
        StretchGrams.add(s.substring(end, Math.min(s.length(), end + WINDOW)) + '$', 2, out);
        StretchGrams.add(s.substring(cs, start) + '◇' + s.substring(end, ce), 3, out);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
