package app.mentorbot.bot.bench;

import static app.mentorbot.bot.bench.SchoolScaleBench.TODAY;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.sql.DataSource;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.bot.database.EmbeddedServer;
import app.mentorbot.conversations.dialogue.Links;
import app.mentorbot.conversations.digests.DigestBuilder;
import app.mentorbot.conversations.roster.RosterStore;

/**
 * District scale: {@code --schools} generated schools (default 50, each as {@link SchoolScaleBench}'s: 3,000
 * students, 400 teachers, 60 classes) with the autumn term so far of work each (27 records a student from 1
 * September to {@link SchoolScaleBench#TODAY}, 81,000 a school, with their students, reminders, monthly conferences
 * and decisions), COPYed by {@link SchoolLoad} into one embedded PostgreSQL, two schools at a time. Then every
 * school's weekly summaries, run by 1 and by 4 {@link DistrictWorker} JVMs ({@link DistrictInstances}) that each walk
 * all schools and claim each (school, job, slot) in {@code slot_run}; checked from slot_run, the outbox and the
 * workers' reports (every school exactly once). Then, on the district's tables, one school's class digests
 * ({@link DigestBuilder}, in-process) and its school overview page (HTTP GET of the signed link, as
 * {@link LeadershipBench}).
 *
 * <pre>java -cp … app.mentorbot.bot.bench.DistrictBench [--schools 50] [--workers 1,4] [--order rotated|same]
 *     [--keep DIR | --reuse DIR] [--load-threads 2] [--school s001]</pre>
 * {@code --keep DIR} leaves the generated database in DIR; {@code --reuse DIR} runs on such a DIR without generating;
 * {@code --school} is the school whose digests and overview are timed.
 */
public final class DistrictBench {
    static final LocalDate TERM_START = LocalDate.of(2026, 9, 1);
    static final int RECORDS_PER_STUDENT = 27;

    private DistrictBench() {}

    record Generated(int schools, long records, long reminders, long loadMillis, long analyzeMillis) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Args.parse(args);
        boolean reuse = o.containsKey("reuse");
        Path dir = reuse ? Path.of(o.get("reuse")) : o.containsKey("keep") ? Path.of(o.get("keep")) : Files.createTempDirectory("mentorbot-district");
        Files.createDirectories(dir);
        int[] workerCounts = Arrays.stream(o.getOrDefault("workers", "1,4").split(",")).mapToInt(Integer::parseInt).toArray();
        String order = o.getOrDefault("order", "rotated");
        Properties saved = new Properties();
        if (reuse) {
            try (var in = Files.newBufferedReader(dir.resolve("district.properties"))) {
                saved.load(in);
            }
        }
        int n = reuse ? Integer.parseInt(saved.getProperty("schools")) : Integer.parseInt(o.getOrDefault("schools", "50"));
        List<String> schools = IntStream.range(0, n).mapToObj(DistrictBench::schoolId).toList();
        String measured = o.getOrDefault("school", schools.get(0));
        System.out.printf("# district of %d schools in %s (load average %s)%n", n, dir, BotProcess.loadAverage());
        ConfigurableApplicationContext ctx = SchoolScaleBench.start(dir, "--management.server.port=0",
                "--mentorbot.overview.warm-up=false", "--mentorbot.school-id=" + measured);
        try {
            DataSource ds = ctx.getBean(DataSource.class);
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            Generated gen;
            String genLoad;
            if (reuse) {
                gen = new Generated(n, Long.parseLong(saved.getProperty("records")), Long.parseLong(saved.getProperty("reminders")),
                        Long.parseLong(saved.getProperty("loadMillis")), Long.parseLong(saved.getProperty("analyzeMillis")));
                genLoad = saved.getProperty("loadAverage") + " (when generated)";
            } else {
                gen = generate(ds, n, Integer.parseInt(o.getOrDefault("load-threads", "2")));
                genLoad = BotProcess.loadAverage();
                saved.putAll(Map.of("schools", String.valueOf(n), "records", String.valueOf(gen.records()), "reminders", String.valueOf(gen.reminders()),
                        "loadMillis", String.valueOf(gen.loadMillis()), "analyzeMillis", String.valueOf(gen.analyzeMillis()), "loadAverage", genLoad));
                try (var out = Files.newBufferedWriter(dir.resolve("district.properties"))) {
                    saved.store(out, "DistrictBench's generated district");
                }
            }
            generationTable(jdbc, gen, genLoad, reuse);
            for (String s : schools) ctx.getBean(RosterStore.class).forget(s); // read before the rows were there

            EmbeddedServer pg = ctx.getBean(EmbeddedServer.class);
            Map<String, String> env = Map.of("SPRING_DATASOURCE_URL", pg.jdbcUrl(), "SPRING_DATASOURCE_USERNAME", pg.user(),
                    "SPRING_DATASOURCE_PASSWORD", pg.password());
            Map<String, Long> mentors = new HashMap<>();
            jdbc.sql("select school_id, count(distinct mentor_id) from student where active group by school_id")
                    .query(rs -> { mentors.put(rs.getString(1), rs.getLong(2)); });
            List<String> rows = new ArrayList<>();
            List<DistrictInstances.Result> results = new ArrayList<>();
            for (int w : workerCounts) {
                jdbc.sql("delete from slot_run where job = ?").param(DistrictWorker.JOB).update();
                jdbc.sql("delete from outbox").update();
                String before = BotProcess.loadAverage();
                DistrictInstances.Result r = DistrictInstances.run(w, schools, order, env, dir);
                results.add(r);
                rows.add(weeklyRow(r, n, check(jdbc, r, schools, mentors), before + " → " + BotProcess.loadAverage()));
            }
            System.out.printf("%n## District weekly summaries (%d schools; every school's WeeklySummaries.send in a transaction of its own that "
                    + "first claims (school, weekly-summary, slot) in slot_run; instances = separate JVMs, order %s; machine %d cores)%n%n",
                    n, order, Runtime.getRuntime().availableProcessors());
            System.out.println("| instances | started (all ready) | wall time, all schools | each instance done after | schools run per instance | one school p50 / slowest three | "
                    + "claim waits (sum) | checked | load avg (before → after) |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            rows.forEach(System.out::println);
            heapTable(results);
            latencyTable(ctx, jdbc, measured, n);
            if (n < 50) {
                for (DistrictInstances.Result r : results) {
                    System.out.printf("extrapolated to 50 schools, %d instance(s): %.0f s (%.1f s a school as measured here)%n",
                            r.workers(), r.wallMillis() / 1000.0 * 50 / n, r.wallMillis() / 1000.0 / n);
                }
            }
        } finally {
            ctx.close();
            if (!reuse && !o.containsKey("keep")) SchoolScaleBench.deleteTree(dir);
        }
    }

    static String schoolId(int i) {
        return String.format("s%03d", i + 1);
    }

    /** Every school through {@link SchoolLoad}, {@code threads} at a time, each in its own id range; one vacuum analyze at the end. */
    static Generated generate(DataSource ds, int n, int threads) throws Exception {
        int days = (int) ChronoUnit.DAYS.between(TERM_START, TODAY) + 1;
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> loads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            loads.add(pool.submit(() -> {
                School school = School.generate(60, 50, 400, 11 + k);
                long s = System.nanoTime();
                long[] c = SchoolLoad.load(ds, school, new SchoolLoad.Plan(schoolId(k), "压测中学" + (k + 1) + "校", RECORDS_PER_STUDENT, days, 3,
                        k * 10_000_000L, 5 + k, false));
                System.out.printf("school %s: %d records, %d reminders in %d ms%n", schoolId(k), c[0], c[1], (System.nanoTime() - s) / 1_000_000);
                return c;
            }));
        }
        long records = 0;
        long reminders = 0;
        try {
            for (Future<long[]> f : loads) {
                records += f.get()[0];
                reminders += f.get()[1];
            }
        } finally {
            pool.shutdown();
        }
        long loadMillis = (System.nanoTime() - t0) / 1_000_000;
        long a0 = System.nanoTime();
        try (var c = ds.getConnection(); var st = c.createStatement()) {
            st.execute("vacuum analyze");
        }
        return new Generated(n, records, reminders, loadMillis, (System.nanoTime() - a0) / 1_000_000);
    }

    private static void generationTable(JdbcClient jdbc, Generated g, String load, boolean reused) {
        long students = count(jdbc, "student");
        long teachers = count(jdbc, "teacher");
        String size = jdbc.sql("select pg_size_pretty(pg_database_size(current_database()))").query(String.class).single();
        System.out.printf("%n## District generated (%s; COPY, 2 schools at a time, then one vacuum analyze)%n%n", reused ? "reused from --keep" : "this run");
        System.out.println("| schools | students / teachers | records / record_student rows | reminders | conference dates / decisions | database | "
                + "generation (COPY) | vacuum analyze | load avg |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        System.out.printf("| %d | %,d / %,d | %,d / %,d | %,d | %,d / %,d | %s | %.1f min | %.1f min | %s |%n", g.schools(), students, teachers,
                count(jdbc, "record"), count(jdbc, "record_student"), count(jdbc, "reminder"), count(jdbc, "conference_date"),
                count(jdbc, "conference_decision"), size, g.loadMillis() / 60_000.0, g.analyzeMillis() / 60_000.0, load);
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    /**
     * Every school exactly once: one slot_run row for each (the key allows no second), each school's outbox rows
     * equal to its mentors (a second run would double them), and the workers' reports name each school once.
     */
    static String check(JdbcClient jdbc, DistrictInstances.Result r, List<String> schools, Map<String, Long> mentors) {
        List<String> problems = new ArrayList<>(r.failures());
        Map<String, Long> claims = new HashMap<>();
        jdbc.sql("select school_id, count(*) from slot_run where job = ? and slot_at = ? group by school_id")
                .params(DistrictWorker.JOB, java.sql.Timestamp.from(DistrictWorker.SLOT)).query(rs -> { claims.put(rs.getString(1), rs.getLong(2)); });
        Map<String, Long> outbox = new HashMap<>();
        jdbc.sql("select school_id, count(*) from outbox group by school_id").query(rs -> { outbox.put(rs.getString(1), rs.getLong(2)); });
        Map<String, Integer> reported = new HashMap<>();
        for (DistrictInstances.SchoolRun run : r.runs()) reported.merge(run.school(), 1, Integer::sum);
        for (String s : schools) {
            if (claims.getOrDefault(s, 0L) != 1) problems.add(s + " claimed " + claims.getOrDefault(s, 0L) + "x");
            if (!outbox.getOrDefault(s, 0L).equals(mentors.get(s))) problems.add(s + " outbox " + outbox.getOrDefault(s, 0L) + " ≠ " + mentors.get(s));
            if (reported.getOrDefault(s, 0) != 1) problems.add(s + " reported run " + reported.getOrDefault(s, 0) + "x");
        }
        if (claims.size() != schools.size() || outbox.size() != schools.size()) problems.add("rows for schools outside the district");
        long rows = outbox.values().stream().mapToLong(Long::longValue).sum();
        return problems.isEmpty() ? "each school once: " + claims.size() + " slot_run rows, " + String.format("%,d", rows) + " outbox rows = its mentors"
                : "FAILED: " + String.join("; ", problems.subList(0, Math.min(5, problems.size())));
    }

    private static String weeklyRow(DistrictInstances.Result r, int n, String checked, String load) {
        List<DistrictInstances.SchoolRun> runs = r.runs().stream().sorted(Comparator.comparingLong(DistrictInstances.SchoolRun::millis)).toList();
        String slowest = IntStream.range(0, Math.min(3, runs.size())).mapToObj(i -> runs.get(runs.size() - 1 - i)).map(x -> String.format("%.1f s %s (instance %d)", x.millis() / 1000.0, x.school(), x.worker()))
                .reduce((a, b) -> a + ", " + b).orElse("");
        long[] per = new long[r.workers()];
        for (DistrictInstances.SchoolRun run : r.runs()) per[run.worker()]++;
        long claimWait = r.runs().stream().mapToLong(DistrictInstances.SchoolRun::claimMillis).sum()
                + r.skips().stream().mapToLong(DistrictInstances.SchoolRun::claimMillis).sum();
        String done = Arrays.stream(r.doneMillis()).mapToObj(ms -> String.format("%.1f s", ms / 1000.0)).reduce((a, b) -> a + ", " + b).orElse("");
        String each = Arrays.stream(per).mapToObj(String::valueOf).reduce((a, b) -> a + " / " + b).orElse("");
        return String.format("| %d | %.0f s | %.1f s (%.2f s a school) | %s | %s | %.2f s / %s | %.1f s | %s | %s |", r.workers(),
                r.startMillis() / 1000.0, r.wallMillis() / 1000.0, r.wallMillis() / 1000.0 / n, done, each, runs.get(runs.size() / 2).millis() / 1000.0,
                slowest, claimWait / 1000.0, checked, load);
    }

    private static void heapTable(List<DistrictInstances.Result> results) {
        System.out.printf("%n## Heap per instance (MB in use after a full GC: just started / after its schools; committed and process RSS then)%n%n");
        System.out.println("| instances | instance | heap just started | heap after its schools | committed | RSS |");
        System.out.println("|---|---|---|---|---|---|");
        for (DistrictInstances.Result r : results) {
            for (DistrictInstances.Heap h : r.heaps()) {
                System.out.printf("| %d | %d | %d MB | %d MB | %d MB | %d MB |%n", r.workers(), h.worker(), h.startedUsed(), h.used(), h.committed(), h.rssMb());
            }
        }
    }

    /** One school's class digests and its overview page, on the district's tables. */
    private static void latencyTable(ConfigurableApplicationContext ctx, JdbcClient jdbc, String school, int n) throws Exception {
        DigestBuilder digests = ctx.getBean(DigestBuilder.class);
        List<String> classes = jdbc.sql("select id from school_class where school_id = ? order by id").param(school).query(String.class).list();
        List<Double> digestMs = new ArrayList<>();
        for (int i = 0; i < 111; i++) {
            long s = System.nanoTime();
            if (digests.build(school, classes.get(i % classes.size()), TODAY).isEmpty()) throw new IllegalStateException("no digest");
            digestMs.add((System.nanoTime() - s) / 1e6);
        }
        double digestFirst = digestMs.get(0);
        List<Double> timed = sorted(digestMs.subList(11, digestMs.size())); // after 10 warm-up calls, 100 timed

        String admin = jdbc.sql("select max(id) from teacher where school_id = ?").param(school).query(String.class).single();
        jdbc.sql("update teacher set is_admin = true where school_id = ? and id = ?").params(school, admin).update();
        ctx.getBean(RosterStore.class).forget(school);
        String url = "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port")
                + LeadershipBench.path(ctx.getBean(Links.class).schoolOverview(school, admin));
        HttpClient browser = LeadershipBench.browser();
        List<Double> overviewMs = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            long s = System.nanoTime();
            HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() != 200) throw new IllegalStateException("school overview: HTTP " + page.statusCode());
            overviewMs.add((System.nanoTime() - s) / 1e6);
        }
        double overviewFirst = overviewMs.remove(0);

        // the school's weekly summaries in-process, in a transaction rolled back: a first and 3 more
        var send = DistrictWorker.weeklySend(ctx);
        Object summaries = ctx.getBean(send.getDeclaringClass());
        var tx = ctx.getBean(org.springframework.transaction.support.TransactionTemplate.class);
        List<Double> weeklyMs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long s = System.nanoTime();
            tx.executeWithoutResult(status -> {
                DistrictWorker.invoke(send, summaries, school, TODAY, DistrictWorker.SLOT);
                status.setRollbackOnly();
            });
            weeklyMs.add((System.nanoTime() - s) / 1e6);
        }
        double weeklyFirst = weeklyMs.remove(0);
        weeklyMs = sorted(weeklyMs);
        overviewMs = sorted(overviewMs);
        System.out.printf("%n## One school among %d (%s: 3,000 students, 60 classes), in-process on the district's tables (load avg %s)%n%n",
                n, school, BotProcess.loadAverage());
        System.out.println("| what | first | p50 | p99 / max | calls |");
        System.out.println("|---|---|---|---|---|");
        System.out.printf("| one class digest (DigestBuilder.build, classes in turn) | %.0f ms | %.0f ms | %.0f ms (p99) | 100 after 10 warm-up |%n",
                digestFirst, timed.get(49), timed.get(98));
        System.out.printf("| school overview (全校情况), HTTP GET | %.0f ms | %.0f ms | %.0f ms (max) | 10 after the first |%n",
                overviewFirst, overviewMs.get(overviewMs.size() / 2), overviewMs.get(overviewMs.size() - 1));
        System.out.printf("| the school's weekly summaries (WeeklySummaries.send, rolled back) | %.0f ms | %.0f ms | %.0f ms (max) | 3 after the first |%n",
                weeklyFirst, weeklyMs.get(1), weeklyMs.get(2));
    }

    private static List<Double> sorted(List<Double> values) {
        return values.stream().sorted().toList();
    }
}
