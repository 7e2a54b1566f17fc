package app.mentorbot.conversations.understanding;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.Student;

/**
 * Speed of the note reader on a school of 3,000 students (60 classes, 400 teachers, {@link BigRoster}).
 *
 * <ul>
 *   <li>{@code warmPerNote}: average time per note, one thread, over a mix of realistic notes
 *       (short and narrative, traditional characters, a voice-input slip, a query, a reminder).
 *       Target ≤ 20 µs.</li>
 *   <li>{@code coldConstruct}: a fresh JVM builds the reader for the big roster (lexicon, name
 *       index, sounds of every name).</li>
 *   <li>{@code coldFirstNote}: a fresh JVM, reader built at start-up (untimed), reads its first
 *       note. Target < 100 ms.</li>
 *   <li>{@code coldConstructAndFirstNote}: a fresh JVM builds the reader and reads one note.</li>
 * </ul>
 *
 * Run (offline, one command, from the repository root; about a minute and a half):
 * <pre>
 * ./mvnw -B -ntp -o -q -pl conversations test-compile dependency:build-classpath -Dmdep.includeScope=test \
 *     -Dmdep.outputFile=target/bench.cp &amp;&amp; java -cp conversations/target/test-classes:conversations/target/classes:$(cat conversations/target/bench.cp) \
 *     org.openjdk.jmh.Main ReaderBenchmark
 * </pre>
 * Add JMH options after the class name, e.g. {@code ReaderBenchmark.warm -f 1} for a quick look.
 * (exec-maven-plugin is not usable offline here, and JMH forks need a real classpath, hence java -cp.)
 *
 * <p>Figures (2026-11-27, 2 shared cores with a load average of 6–10 from other builds, so wall
 * times are inflated and noisy; before and after were run back to back):
 * <ul>
 *   <li>{@code warmPerNote}: before the cue gating 294 ± 267 µs; after 41–98 µs (± 27–54).
 *       Unloaded, the same code was earlier measured at 100–160 µs before.</li>
 *   <li>CPU time of the reading thread (ThreadMXBean), each of the 12 notes read 5,000 times
 *       warm, mean over the notes: before 85–102 µs, after 16.6–17.7 µs (a 5–6× cut);
 *       the longest notes (narrative, traditional) take 22–32 µs, the short ones 4–14 µs.</li>
 *   <li>{@code coldFirstNote}: 69–77 ms (target &lt; 100 ms, met); {@code coldConstruct} 0.8–1.0 s.</li>
 * </ul>
 * Where the time went, and what was done: java.util.regex tried every branch of each big
 * alternation at every offset of the note, dozens of times per note; {@link GatedPattern} now
 * tries a pattern only at offsets whose char can start a match ({@link FirstChars}, held in a
 * cache-friendly {@link CharSet}), and word tries skip offsets no word starts at. The homophone
 * scan for misheard names tests a first-syllable bit before building any key.
 */
@Threads(1)
public class ReaderBenchmark {
    static final ZonedDateTime NOW = ZonedDateTime.parse("2026-09-16T21:00:00+08:00");
    static final String SENDER = "T7";

    /** The roster and notes only: nothing of the reader is loaded before a cold measurement. */
    @State(Scope.Benchmark)
    public static class School {
        Roster roster;
        List<String> notes;

        @Setup
        public void setUp() {
            roster = BigRoster.generate(3000, 60, 400);
            notes = notes(roster, SENDER);
        }
    }

    @State(Scope.Benchmark)
    public static class Warm {
        NoteReader reader;

        /** As the bot does once it is up (ReaderWarmUp): the reader built and its situation model trained. */
        @Setup
        public void setUp(School school) {
            reader = new NoteReader(school.roster);
            reader.awaitReady();
        }
    }

    /** A realistic mix, written around the sender's own mentees and one student elsewhere in the school. */
    static List<String> notes(Roster roster, String sender) {
        List<Student> mine = roster.menteesOf(sender);
        String a = mine.get(0).name(), b = mine.get(1).name(), c = mine.get(2).name();
        String given = a.substring(a.length() - 2);
        String other = roster.students().get(1234).name();
        String slip = b.substring(0, b.length() - 1) + (b.endsWith("雨") ? "语" : "宇");
        List<String> n = new ArrayList<>();
        n.add("今天下午和" + a + "单独谈心，他最近数学成绩下滑，晚上睡不好，下周三再跟进一下");
        n.add("给" + b + "爸爸打了电话，聊了期中考试的情况，家长说孩子在家玩手机比较多");
        n.add("本周三下午第二节课后，我把" + c + "叫到办公室。他最近上课总是走神，作业也经常拖欠。聊下来才知道父母上个月离婚了，"
                + "他跟着外婆住。我安慰了他，约好下周一再聊一次。");
        n.add("昨天晚自習後，" + a + "來辦公室找我，說最近和室友關係很緊張，晚上睡不好，成績也下滑了。我們聊了四十多分鐘。下週一我再了解一下情況。");
        n.add(given + "今天主动来找我，说想选物理化学生物，问我意见");
        n.add("上周五晚上" + b + "的妈妈打来电话，说孩子周末在家一直玩手机，作业拖到很晚才写。我建议家长和孩子约定手机使用时间。周三我再找他聊聊。");
        n.add("今天和" + slip + "谈了谈月考的情况");
        n.add(other + "今天在走廊哭，问她也不说话");
        n.add("月底前要和所有学生家长都联系一遍");
        n.add("帮我查一下上个月我和哪些学生谈过话");
        n.add("好的，谢谢");
        n.add("前天和" + a + "、" + c + "在操场边走边聊，主要是聊怎么安排作息，两个人都比较焦虑");
        return n;
    }

    /** Warm: average per note over the mix. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 5, time = 2)
    @Measurement(iterations = 5, time = 2)
    @Fork(2)
    @OperationsPerInvocation(12)
    public void warmPerNote(School school, Warm warm, Blackhole bh) {
        for (String note : school.notes) bh.consume(warm.reader.read(SENDER, note, NOW));
    }

    /** Cold: a fresh JVM (one fork per sample) builds the reader for the big roster. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(8)
    public NoteReader coldConstruct(School school) {
        return new NoteReader(school.roster);
    }

    /** Cold: a fresh JVM whose reader was built at start-up (untimed) reads its first note. Target < 100 ms. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(8)
    public Note coldFirstNote(School school, Warm built) {
        return built.reader.read(SENDER, school.notes.get(2), NOW);
    }

    /** Cold: a fresh JVM builds the reader and reads its first note, waiting for the situation model's training. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(8)
    public Note coldConstructAndFirstNote(School school) {
        return new NoteReader(school.roster).read(SENDER, school.notes.get(2), NOW);
    }
}
