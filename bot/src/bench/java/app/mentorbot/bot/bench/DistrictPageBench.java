package app.mentorbot.bot.bench;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import javax.sql.DataSource;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import app.mentorbot.conversations.dialogue.Links;
import app.mentorbot.conversations.leadership.DistrictFigures;
import app.mentorbot.conversations.leadership.OverviewBuilder;
import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.records.RecordStore;
import app.mentorbot.conversations.roster.RosterJson;
import app.mentorbot.conversations.roster.RosterStore;
import app.mentorbot.conversations.understanding.Kind;
import app.mentorbot.conversations.understanding.TalkType;

/**
 * The district page (全区情况) over {@code --schools} generated schools of a modest size ({@code --classes} classes of
 * {@code --per-class} students, {@code --mentors} mentors; {@link DistrictBench}'s term of records, 27 a student),
 * through HTTP as a district admin's browser opens it: the first request, then requests with nothing changed, then
 * requests right after one school's records changed (a note filed there, then a note withdrawn; another school each time); then
 * in-process, every school's overview built one after another against the kept figures' stamps.
 *
 * <pre>java -cp … app.mentorbot.bot.bench.DistrictPageBench [--schools 12] [--classes 20] [--per-class 40] [--mentors 120]
 *     [--keep DIR | --reuse DIR]</pre>
 */
public final class DistrictPageBench {
    private DistrictPageBench() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Args.parse(args);
        boolean reuse = o.containsKey("reuse");
        Path dir = reuse ? Path.of(o.get("reuse")) : o.containsKey("keep") ? Path.of(o.get("keep")) : Files.createTempDirectory("mentorbot-district-page");
        int n = Integer.parseInt(o.getOrDefault("schools", "12"));
        int classes = Integer.parseInt(o.getOrDefault("classes", "20"));
        int perClass = Integer.parseInt(o.getOrDefault("per-class", "40"));
        int mentors = Integer.parseInt(o.getOrDefault("mentors", "120"));
        ConfigurableApplicationContext ctx = SchoolScaleBench.start(dir, "--management.server.port=0", "--mentorbot.overview.warm-up=false",
                "--mentorbot.school-id=s001", "--mentorbot.district.id=qu");
        try {
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            String genLoad = BotProcess.loadAverage();
            long genMillis = 0;
            if (!reuse) {
                long t0 = System.nanoTime();
                generate(ctx.getBean(DataSource.class), n, classes, perClass, mentors);
                genMillis = (System.nanoTime() - t0) / 1_000_000;
                ctx.getBean(TransactionTemplate.class).executeWithoutResult(s -> ctx.getBean(RosterStore.class).replace("qu", RosterJson.read(
                        new ByteArrayInputStream("""
                                {"school": "城区教育局", "classes": [], "students": [], "parents": [],
                                 "teachers": [{"id": "D01", "name": "马明", "subject": "基础教育科", "classes": [], "admin": true}]}
                                """.getBytes(StandardCharsets.UTF_8)))));
            }
            for (int i = 0; i < n; i++) ctx.getBean(RosterStore.class).forget(DistrictBench.schoolId(i));
            long records = jdbc.sql("select count(*) from record").query(Long.class).single();
            String url = "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port")
                    + LeadershipBench.path(ctx.getBean(Links.class).districtOverview("qu", "D01"));
            HttpClient browser = LeadershipBench.browser();
            String load = BotProcess.loadAverage();
            double first = get(browser, url, n);
            List<Double> unchanged = new ArrayList<>();
            for (int i = 0; i < 5; i++) unchanged.add(get(browser, url, n));
            List<Double> filed = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                fileNote(ctx, DistrictBench.schoolId(1 + i % Math.max(1, n - 1)));
                filed.add(get(browser, url, n));
            }
            List<Double> withdrawn = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                jdbc.sql("update record set deleted_at = now() where id = (select max(id) from record where school_id = ? and deleted_at is null)")
                        .param(DistrictBench.schoolId(1 + (5 + i) % Math.max(1, n - 1))).update();
                withdrawn.add(get(browser, url, n));
            }
            System.out.printf("%n## District page (全区情况), %d schools of %d students (%,d records in all; %s), HTTP GET%n%n",
                    n, classes * perClass, records, reuse ? "reused from --keep" : String.format("generated in %.0f s, load avg %s", genMillis / 1000.0, genLoad));
            System.out.println("| request | time | load avg (before) |");
            System.out.println("|---|---|---|");
            System.out.printf("| first (every school computed) | %.0f ms | %s |%n", first, load);
            System.out.printf("| nothing changed: median / max of 5 | %.0f ms / %.0f ms | |%n", median(unchanged), max(unchanged));
            System.out.printf("| a note filed in one school just before: median / max of 5 | %.0f ms / %.0f ms | |%n", median(filed), max(filed));
            System.out.printf("| a note withdrawn in one school just before: median / max of 3 | %.0f ms / %.0f ms | |%n", median(withdrawn), max(withdrawn));
            System.out.printf("(load avg after: %s; %d cores)%n", BotProcess.loadAverage(), Runtime.getRuntime().availableProcessors());
            inProcess(ctx, n);
        } finally {
            ctx.close();
            if (!reuse && !o.containsKey("keep")) SchoolScaleBench.deleteTree(dir);
        }
    }

    /** An individual talk dated today, by the author of the school's latest record, about that record's first student. */
    private static void fileNote(ConfigurableApplicationContext ctx, String school) {
        String[] who = ctx.getBean(JdbcClient.class).sql("select r.author_id, s.student_id from record r join record_student s on s.record_id = r.id "
                        + "where r.school_id = ? and r.deleted_at is null order by r.id desc limit 1")
                .param(school).query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        ctx.getBean(RecordStore.class).save(new Record(null, school, who[0], Kind.TALK, TalkType.INDIVIDUAL, null,
                LocalDate.now(ctx.getBean(Clock.class)), null, Set.of(), Set.of(), List.of(who[1]), "谈心", List.of(), null, Instant.now()));
    }

    /**
     * The same work in-process, side by side under the same load: every school's overview built (what the page did on
     * every request before the figures were kept) against the kept figures' stamps (what it does when nothing changed).
     */
    private static void inProcess(ConfigurableApplicationContext ctx, int n) {
        OverviewBuilder overview = ctx.getBean(OverviewBuilder.class);
        DistrictFigures figures = ctx.getBean(DistrictFigures.class);
        List<String> schools = IntStream.range(0, n).mapToObj(DistrictBench::schoolId).toList();
        LocalDate today = LocalDate.now(ctx.getBean(Clock.class));
        List<Double> built = new ArrayList<>();
        List<Double> kept = new ArrayList<>();
        String load = BotProcess.loadAverage();
        for (int round = 0; round < 5; round++) {
            long s = System.nanoTime();
            for (String school : schools) overview.build(school, today);
            built.add((System.nanoTime() - s) / 1e6);
            s = System.nanoTime();
            figures.of(schools, today);
            kept.add((System.nanoTime() - s) / 1e6);
        }
        System.out.printf("%n| in-process, nothing changed, rounds alternating (load avg %s → %s) | median / max of 5 |%n|---|---|%n", load, BotProcess.loadAverage());
        System.out.printf("| every school's overview built, one after another (the page's work before) | %.0f ms / %.0f ms |%n", median(built), max(built));
        System.out.printf("| the kept figures: every school's stamp read, nothing computed (the page's work now) | %.0f ms / %.0f ms |%n", median(kept), max(kept));
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("%nheap in use after a full GC, every school's overview and figures kept: %d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    private static void generate(DataSource ds, int n, int classes, int perClass, int mentors) throws Exception {
        int days = (int) ChronoUnit.DAYS.between(DistrictBench.TERM_START, SchoolScaleBench.TODAY) + 1;
        for (int k = 0; k < n; k++) {
            School school = School.generate(classes, perClass, mentors, 11 + k);
            SchoolLoad.load(ds, school, new SchoolLoad.Plan(DistrictBench.schoolId(k), "压测中学" + (k + 1) + "校", DistrictBench.RECORDS_PER_STUDENT,
                    days, 3, k * 10_000_000L, 5 + k, k == n - 1));
        }
    }

    private static double get(HttpClient browser, String url, int schools) throws Exception {
        long s = System.nanoTime();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        double ms = (System.nanoTime() - s) / 1e6;
        if (page.statusCode() != 200) throw new IllegalStateException("district page: HTTP " + page.statusCode());
        long lines = page.body().split("/pages/overview/", -1).length - 1;
        if (lines != schools) throw new IllegalStateException("district page: " + lines + " schools, not " + schools);
        return ms;
    }

    private static double median(List<Double> v) {
        return v.stream().sorted().toList().get(v.size() / 2);
    }

    private static double max(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
