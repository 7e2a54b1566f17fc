package app.mentorbot.bot.bench;

import static app.mentorbot.bot.bench.SchoolScaleBench.SCHOOL;
import static app.mentorbot.bot.bench.SchoolScaleBench.TODAY;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.bot.district.SchoolPartitioning;
import app.mentorbot.conversations.district.SchoolPartitions;
import app.mentorbot.conversations.records.RecordStore;

/**
 * Partitioning by school: the generated 1x school ({@link SchoolLoad}, a year of records) on the bot's embedded
 * database, optionally beside copies of its records under other school ids ({@code --schools N}: N schools in all,
 * so the step has rows to move), then the {@code partition-by-school} step timed, and one school's record reads
 * (a term of all records, one mentor's records) timed and EXPLAINed before and after.
 *
 * <pre>java -cp … app.mentorbot.bot.bench.PartitionBench [--schools 1]</pre>
 */
public final class PartitionBench {
    static final String ALL = "select r.id from record r where r.school_id = 'main' and r.deleted_at is null "
            + "and r.event_date between '2026-09-01' and '2026-11-27'";

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Args.parse(args);
        int schools = Integer.parseInt(o.getOrDefault("schools", "1"));
        Path dir = Files.createTempDirectory("mentorbot-partition");
        ConfigurableApplicationContext ctx = SchoolScaleBench.start(dir);
        try {
            School school = School.generate(60, 50, 400, 11);
            long[] counts = SchoolLoad.load(ctx.getBean(DataSource.class), school);
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            for (int i = 2; i <= schools; i++) {
                String id = "s" + i;
                jdbc.sql("insert into school (id, name) values (?, ?)").params(id, id).update();
                jdbc.sql("insert into record (school_id, author_id, kind, talk_type, channel, event_date, follow_up, topics, flags, note, "
                        + "evidence, created_at) select ?, author_id, kind, talk_type, channel, event_date, follow_up, topics, flags, note, "
                        + "evidence, created_at from record where school_id = ?").params(id, SCHOOL).update();
            }
            jdbc.sql("vacuum analyze record").update();
            long total = jdbc.sql("select count(*) from record").query(Long.class).single();
            String mentor = school.students.get(0).mentorId();
            RecordStore records = ctx.getBean(RecordStore.class);
            System.out.printf("# %d school(s), %d records in all (%d of them the school's), load avg %s%n", schools, total, counts[0], BotProcess.loadAverage());

            double[] before = reads(records, mentor);
            String planBefore = plan(jdbc);

            long t = System.nanoTime();
            SchoolPartitions.Outcome done = ctx.getBean(SchoolPartitioning.class).now();
            long convertMillis = (System.nanoTime() - t) / 1_000_000;
            String loadAfterConversion = BotProcess.loadAverage();
            jdbc.sql("analyze record").update();

            double[] after = reads(records, mentor);
            String planAfter = plan(jdbc);
            long again = System.nanoTime();
            boolean nothing = ctx.getBean(SchoolPartitioning.class).now().changedNothing();
            long againMillis = (System.nanoTime() - again) / 1_000_000;

            System.out.println();
            System.out.println("## Partition by school (in-process, the bot's embedded PostgreSQL 17; reads: median of 9 warm runs)");
            System.out.println();
            System.out.println("| schools / records | conversion (tables, partitions, rows moved) | second run | a term of the school's records, before → after | one mentor's term, before → after | load avg |");
            System.out.println("|---|---|---|---|---|---|");
            System.out.printf("| %d / %d | %.1f s (%s, %d, %d) | %d ms%s | %.1f → %.1f ms (%d records) | %.1f → %.1f ms | %s |%n", schools, total,
                    convertMillis / 1000.0, String.join(" + ", done.converted()), done.partitionsMade(), done.rowsMoved(), againMillis,
                    nothing ? "" : " (changed something!)", before[0], after[0], (long) before[2], before[1], after[1], loadAfterConversion);
            System.out.println();
            System.out.println("Plan before:\n" + planBefore);
            System.out.println("Plan after:\n" + planAfter);
        } finally {
            ctx.close();
            SchoolScaleBench.deleteTree(dir);
        }
    }

    /** Median ms of the school's term of records, of one mentor's term of records, and how many records the first holds. */
    static double[] reads(RecordStore records, String mentor) {
        List<Double> all = new ArrayList<>();
        List<Double> one = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < 10; i++) {
            long t = System.nanoTime();
            n = records.all(SCHOOL, TODAY.minusDays(87), TODAY).size();
            if (i > 0) all.add((System.nanoTime() - t) / 1e6);
            t = System.nanoTime();
            records.byAuthor(SCHOOL, mentor, TODAY.minusDays(87), TODAY);
            if (i > 0) one.add((System.nanoTime() - t) / 1e6);
        }
        all.sort(Double::compare);
        one.sort(Double::compare);
        return new double[] {all.get(all.size() / 2), one.get(one.size() / 2), n};
    }

    static String plan(JdbcClient jdbc) {
        return String.join("\n", jdbc.sql("explain (analyze, costs off, timing off, summary off) " + ALL).query(String.class).list());
    }
}
