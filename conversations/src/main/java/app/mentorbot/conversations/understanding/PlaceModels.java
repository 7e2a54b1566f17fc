package app.mentorbot.conversations.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;

/**
 * What the small models that read one place in a note share ({@link FollowUpModel}: a day; {@link WordNameModel}: a
 * name that is also a word): their examples ({@code <dir>/examples.list} naming files of {@code LABEL<TAB>start<TAB>end<TAB>text}
 * lines, the place being [start, end) of the text) and their training, once per JVM on a thread of its own.
 */
final class PlaceModels {
    private PlaceModels() {
    }

    /** The features of the place [start, end) of a text. */
    interface Features {
        int[] of(String s, int start, int end);
    }

    /** Starts training a model on a daemon thread of its own; a read before it is ready waits ({@link SituationModel#waitFor}). */
    static FutureTask<SituationModel> inBackground(String threadName, Callable<SituationModel> training) {
        FutureTask<SituationModel> model = new FutureTask<>(training);
        Thread t = new Thread(model, threadName);
        t.setDaemon(true);
        t.start();
        return model;
    }

    /** A model trained on the example files listed in {@code /understanding/<dir>/examples.list}. */
    static <E extends Enum<E>> SituationModel train(String dir, Class<E> labels, Features features) {
        List<SituationModel.Example> examples = new ArrayList<>();
        List<int[]> rows = new ArrayList<>();
        for (String file : SituationModel.lines("/understanding/" + dir + "/examples.list")) {
            if (file.isBlank() || file.startsWith("#")) continue;
            for (String line : SituationModel.lines("/understanding/" + dir + "/" + file.strip())) {
                String[] f = line.split("\t", 4);
                if (f.length < 4 || line.startsWith("#")) continue;
                examples.add(new SituationModel.Example(Enum.valueOf(labels, f[0]).ordinal(), f[3]));
                rows.add(features.of(f[3], Integer.parseInt(f[1]), Integer.parseInt(f[2])));
            }
        }
        return SituationModel.train(examples, rows, labels.getEnumConstants().length);
    }
}
