package app.mentorbot.conversations.understanding;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

import app.mentorbot.conversations.roster.Roster;

/**
 * CPU time of the reading thread per note, for each note of {@link ReaderBenchmark}'s mix: less
 * sensitive to a busy machine than JMH's wall time (another process on the same core stretches the
 * wall clock, not this thread's CPU time), so two readers can be compared on a shared machine.
 *
 * <p>Run after the benchmark's build command (see {@link ReaderBenchmark}):
 * <pre>
 * java -cp conversations/target/test-classes:conversations/target/classes:$(cat conversations/target/bench.cp) \
 *     app.mentorbot.conversations.understanding.ReaderCpuTime [rounds]
 * </pre>
 * Each round reads every note 2,000 times warm; the figure printed per round is the mean over the 12
 * notes of the CPU µs a read takes, and the last line the median round.
 */
public final class ReaderCpuTime {
    private ReaderCpuTime() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Roster roster = BigRoster.generate(3000, 60, 400);
        List<String> notes = ReaderBenchmark.notes(roster, ReaderBenchmark.SENDER);
        NoteReader reader = new NoteReader(roster);
        reader.awaitReady();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int i = 0; i < 3_000; i++) for (String n : notes) sink += reader.read(ReaderBenchmark.SENDER, n, ReaderBenchmark.NOW).studentIds().size();
        double[] means = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            double sum = 0;
            StringBuilder each = new StringBuilder();
            for (String n : notes) {
                long t0 = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < 2_000; i++) sink += reader.read(ReaderBenchmark.SENDER, n, ReaderBenchmark.NOW).studentIds().size();
                double us = (cpu.getCurrentThreadCpuTime() - t0) / 2_000 / 1_000.0;
                sum += us;
                each.append(String.format(" %.1f", us));
            }
            means[r] = sum / notes.size();
            System.out.printf("round %d: mean %.1f µs/note (each:%s)%n", r + 1, means[r], each);
        }
        java.util.Arrays.sort(means);
        System.out.printf("median of %d rounds: %.1f µs/note CPU (load %s)  [%d]%n", rounds, means[rounds / 2],
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), sink % 2);
    }
}
