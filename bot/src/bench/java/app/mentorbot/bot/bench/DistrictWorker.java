package app.mentorbot.bot.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One "instance" of {@link DistrictBench}: the bot in a JVM of its own on the district's PostgreSQL (the
 * {@code SPRING_DATASOURCE_*} environment), which on {@code GO} (its stdin) walks every school once, from its own
 * starting point, and runs that school's weekly summaries ({@code WeeklySummaries.send}) in a transaction of the
 * school's own that first claims (school, weekly-summary, slot) in {@code slot_run} the way {@code SlotScheduler}
 * claims a slot: {@code insert … on conflict do nothing}; a school claimed elsewhere is skipped (after waiting for
 * the other transaction, if it is still open). One school's failure or slowness rolls back or holds only that
 * school. Reports on stdout as {@code DW} lines: RAN school ms sent claim-ms | SKIP school claim-ms | FAIL school
 * | HEAP used committed rss (MB, after a full GC) | READY | DONE.
 *
 * <pre>java -cp … app.mentorbot.bot.bench.DistrictWorker --schools s001,s002,… --index 0 --of 4 [--order rotated|same]</pre>
 */
public final class DistrictWorker {
    static final String JOB = "weekly-summary";
    static final Instant SLOT = SchoolScaleBench.TODAY.atTime(16, 30).atZone(SchoolScaleBench.ZONE).toInstant();

    private DistrictWorker() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Args.parse(args);
        List<String> schools = List.of(o.get("schools").split(","));
        int index = Integer.parseInt(o.get("index"));
        int of = Integer.parseInt(o.get("of"));
        int start = "same".equals(o.getOrDefault("order", "rotated")) ? 0 : index * schools.size() / of;
        Path dir = Files.createTempDirectory("mentorbot-district-worker");
        ConfigurableApplicationContext ctx = SchoolScaleBench.start(dir, "--management.server.port=0",
                "--mentorbot.overview.warm-up=false", "--mentorbot.school-id=" + schools.get(start));
        try {
            Method send = weeklySend(ctx);
            Object summaries = ctx.getBean(send.getDeclaringClass());
            TransactionTemplate tx = ctx.getBean(TransactionTemplate.class);
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            String holder = "district-worker-" + index;
            say("HEAP0 " + heap());
            say("READY");
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            if (!"GO".equals(in.readLine())) return;
            for (int k = 0; k < schools.size(); k++) {
                String school = schools.get((start + k) % schools.size());
                long t0 = System.nanoTime();
                long[] claimNanos = {0};
                try {
                    Integer sent = tx.execute(status -> {
                        long c0 = System.nanoTime();
                        int claimed = jdbc.sql("insert into slot_run (school_id, job, slot_at, started_at, holder) values (?, ?, ?, ?, ?) "
                                        + "on conflict do nothing")
                                .params(school, JOB, Timestamp.from(SLOT), Timestamp.from(Instant.now()), holder).update();
                        claimNanos[0] = System.nanoTime() - c0;
                        if (claimed == 0) return null;
                        return invoke(send, summaries, school, SchoolScaleBench.TODAY, SLOT);
                    });
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    if (sent == null) say("SKIP " + school + " " + claimNanos[0] / 1_000_000);
                    else say("RAN " + school + " " + ms + " " + sent + " " + claimNanos[0] / 1_000_000);
                } catch (RuntimeException e) {
                    say("FAIL " + school + " " + e.getClass().getSimpleName());
                }
            }
            say("HEAP " + heap());
            say("DONE");
        } finally {
            ctx.close();
            SchoolScaleBench.deleteTree(dir);
        }
    }

    /** {@code WeeklySummaries.send(schoolId, day, slot)}, package-private in the schedule package. */
    static Method weeklySend(ConfigurableApplicationContext ctx) throws ReflectiveOperationException {
        Class<?> type = Class.forName("app.mentorbot.bot.schedule.WeeklySummaries");
        Method send = type.getDeclaredMethod("send", String.class, LocalDate.class, Instant.class);
        send.setAccessible(true);
        return send;
    }

    static Integer invoke(Method send, Object summaries, String school, LocalDate day, Instant slot) {
        try {
            return (Integer) send.invoke(summaries, school, day, slot);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Heap in use and committed after a full GC, and the process's resident set, in MB. */
    private static String heap() throws Exception {
        System.gc();
        System.gc();
        MemoryUsage h = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long rssKb = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0);
        return h.getUsed() / (1 << 20) + " " + h.getCommitted() / (1 << 20) + " " + rssKb / 1024;
    }

    private static void say(String line) {
        System.out.println("DW " + line);
        System.out.flush();
    }
}
