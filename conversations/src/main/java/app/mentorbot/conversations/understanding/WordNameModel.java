package app.mentorbot.conversations.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.FutureTask;

/**
 * A second reader of a student's name that is also a word (高兴, 安静, 田野, 夏天): does it stand where a person stands?
 * The name rules read a person's place from the words around the form ({@link NameContext}); across many writers a child
 * is told acting in ways no rule has seen (安宁在宿舍让几个人围着, 坚强撸起袖子擦汗). A linear model over the characters on
 * either side of the form and the form itself ({@link #features}), trained on the corpus's training notes
 * ({@code word-name-examples/notes-<school>.tsv}: every place such a name stands where the rules see no person, PERSON
 * where the gold names the student, else WORD), keeps a form the rules left unread when it is sure enough of a person ({@link #SURE}). It never
 * drops a form the rules read as a person.
 */
final class WordNameModel {
    /** A word-name's place: a word, or the student. */
    enum Label { WORD, PERSON }

    /**
     * How sure the model must be of a person to keep a form the rules did not read as one. Chosen leave one school out on
     * the eighty-two training schools (thirtieth pass; each school read by a model trained without it): students right
     * 11,206 of 11,350 with no model, 11,115 at 0.5, 11,176 at 0.7, 11,209 at 0.8, 11,217 at 0.9, 11,212 at 0.95;
     * whole records 10,603, 10,511, 10,570, 10,602, 10,611, 10,607. A child's name read where it is a word puts a
     * record on the wrong child, so the model must be sure.
     */
    static final double SURE = 0.9;

    /** The characters read on each side of the form. */
    private static final int WINDOW = 8;

    private WordNameModel() {
    }

    /** Whether the model is sure the form at [start, end) of the note's simplified text is a person. */
    static boolean person(String s, int start, int end) {
        return SituationModel.waitFor(BuiltIn.MODEL).read(features(s, start, end)).risk() >= SURE;
    }

    /** Trained once per JVM on a thread of its own, started with the first reader; a note read before it is ready waits. */
    private static final class BuiltIn {
        static final FutureTask<SituationModel> MODEL = PlaceModels.inBackground("word-name-model-training",
                () -> PlaceModels.train("word-name-examples", Label.class, WordNameModel::features));
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
     * The hashed character 1-, 2- and 3-grams of three stretches, each hashed apart: the {@link #WINDOW} characters before
     * the form (what takes a person: 找, 跟, 班上, a clause's start) and after it (what a person does: 说, 在宿舍, 撸起袖子), and
     * the form itself (安静 stands for a child less often than 向阳). Punctuation stays: a clause's start is a subject's place.
     */
    static int[] features(String s, int start, int end) {
        List<Integer> out = new ArrayList<>();
        StretchGrams.add('^' + s.substring(Math.max(0, start - WINDOW), start), 1, out);
        StretchGrams.add(s.substring(end, Math.min(s.length(), end + WINDOW)) + '$', 2, out);
        StretchGrams.add(s.substring(start, end), 3, out);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
