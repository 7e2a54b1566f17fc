package app.mentorbot.conversations.understanding;
import java.util.List;
public class Prof {
    public static void main(String[] a) {
        var roster = BigRoster.generate(3000, 60, 400);
        List<String> notes = ReaderBenchmark.notes(roster, ReaderBenchmark.SENDER);
        long t0 = System.nanoTime();
        NoteReader r = new NoteReader(roster);
        long t1 = System.nanoTime();
        r.read(ReaderBenchmark.SENDER, notes.get(2), ReaderBenchmark.NOW);
        long t2 = System.nanoTime();
        System.out.printf("construct %.1f ms, first note %.1f ms%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6);
        int n = Integer.parseInt(a[0]);
        long s = System.nanoTime();
        for (int i = 0; i < n; i++) for (String note : notes) r.read(ReaderBenchmark.SENDER, note, ReaderBenchmark.NOW);
        System.out.printf("warm %.1f us/note%n", (System.nanoTime() - s) / 1e3 / n / notes.size());
        for (String note : notes) {
            long q = System.nanoTime();
            for (int i = 0; i < 200; i++) r.read(ReaderBenchmark.SENDER, note, ReaderBenchmark.NOW);
            System.out.printf("%8.1f us  %s%n", (System.nanoTime() - q) / 1e3 / 200, note.substring(0, Math.min(20, note.length())));
        }
    }
}
