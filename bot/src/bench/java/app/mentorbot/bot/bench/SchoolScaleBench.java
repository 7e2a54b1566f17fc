package app.mentorbot.bot.bench;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import app.mentorbot.bot.cli.MentorBot;
import app.mentorbot.bot.testing.RunningBot;
import app.mentorbot.conversations.dialogue.Links;
import app.mentorbot.conversations.digests.DigestBuilder;
import app.mentorbot.conversations.roster.RosterStore;

/**
 * School scale: a generated school (3,000 students, 400 mentors, 60 classes, parents, a year of records,
 * reminders, conference dates and decisions) copied into the real schema after Flyway ({@link SchoolLoad}), then the school-wide
 * jobs timed through the application's own beans, in-process, on the bot's embedded database: every weekly
 * summary ({@code WeeklySummaries.send}, in a transaction rolled back afterwards), every class's conference
 * digest ({@link DigestBuilder#build}), and one student's growth file page (a GET of the signed link the
 * {@link Links} bean makes). Repeated at 1x, 2x and 4x the school.
 *
 * <pre>java -cp … app.mentorbot.bot.bench.SchoolScaleBench [--scales 1,2,4] [--keep DIR]</pre>
 * With {@code --keep DIR} the 1x data folder is left in DIR with links.txt (signed page links) for
 * {@link StartupMemoryBench}.
 */
public final class SchoolScaleBench {
    static final String SCHOOL = "main";
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27); // a Friday in the autumn term
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    record Result(int scale, int students, int mentors, int classes, long records, long reminders, long loadMillis,
                  long weeklyFirst, long weeklyWarm, int weeklyCount, long digestsFirstTotal, long digestsWarmTotal,
                  double digestP50, double digestMax, long growthFirst, double growthP50, double growthMax, int growthRecords, String load) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Args.parse(args);
        int[] scales = Arrays.stream(o.getOrDefault("scales", "1,2,4").split(",")).mapToInt(Integer::parseInt).toArray();
        Path keep = o.containsKey("keep") ? Path.of(o.get("keep")) : null;
        List<Result> results = new ArrayList<>();
        for (int f : scales) {
            Path dir = f == 1 && keep != null ? keep : Files.createTempDirectory("mentorbot-school" + f + "x");
            results.add(measure(f, dir, f == 1 && keep != null));
            if (!(f == 1 && keep != null)) deleteTree(dir);
        }
        System.out.println();
        System.out.println("## School scale (in-process, the app's beans, embedded PostgreSQL; warm = the slower of 2 runs after the first; at 2x and 4x, 20 classes are timed and the all-class total extrapolated)");
        System.out.println();
        System.out.println("| school | students / mentors / classes | records / reminders | COPY load | all weekly summaries (first / warm) | all class digests (first / warm total) | one class digest p50 / max | growth file page GET (first / p50 / max, records) | load avg |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            System.out.printf("| %dx | %d / %d / %d | %d / %d | %.1f s | %d ms / %d ms (%d mentors) | %d ms / %d ms | %.0f ms / %.0f ms | %d / %.0f / %.0f ms (%d) | %s |%n",
                    r.scale(), r.students(), r.mentors(), r.classes(), r.records(), r.reminders(), r.loadMillis() / 1000.0,
                    r.weeklyFirst(), r.weeklyWarm(), r.weeklyCount(), r.digestsFirstTotal(), r.digestsWarmTotal(), r.digestP50(), r.digestMax(),
                    r.growthFirst(), r.growthP50(), r.growthMax(), r.growthRecords(), r.load());
        }
    }

    static Result measure(int f, Path dir, boolean keepLinks) throws Exception {
        System.out.printf("# %dx school in %s%n", f, dir);
        ConfigurableApplicationContext ctx = start(dir);
        try {
            School school = School.generate(60 * f, 50, 400 * f, 11);
            long t0 = System.nanoTime();
            long[] counts = SchoolLoad.load(ctx.getBean(DataSource.class), school);
            long loadMillis = (System.nanoTime() - t0) / 1_000_000;
            ctx.getBean(RosterStore.class).forget(SCHOOL);
            System.out.printf("loaded %d records, %d reminders in %d ms%n", counts[0], counts[1], loadMillis);

            // all weekly summaries, as the Friday slot runs them (in one transaction; rolled back so runs repeat)
            Class<?> type = Class.forName("app.mentorbot.bot.schedule.WeeklySummaries");
            Object summaries = ctx.getBean(type);
            Method send = type.getDeclaredMethod("send", String.class, LocalDate.class, Instant.class);
            send.setAccessible(true);
            TransactionTemplate tx = ctx.getBean(TransactionTemplate.class);
            Instant slot = TODAY.atTime(16, 30).atZone(ZONE).toInstant();
            long[] weekly = new long[3];
            int[] count = {0};
            for (int i = 0; i < weekly.length; i++) {
                long s = System.nanoTime();
                tx.executeWithoutResult(status -> {
                    try {
                        count[0] = (Integer) send.invoke(summaries, SCHOOL, TODAY, slot);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                    status.setRollbackOnly();
                });
                weekly[i] = (System.nanoTime() - s) / 1_000_000;
            }

            // every class's digest
            DigestBuilder digests = ctx.getBean(DigestBuilder.class);
            long[] totals = new long[2];
            List<Double> perClass = new ArrayList<>();
            // every class at 1x; at larger scales a fixed sample of 20 classes, the total extrapolated
            List<School.SchoolClass> timed = f == 1 ? school.classes : school.classes.subList(0, 20);
            for (int round = 0; round < 2; round++) {
                long s = System.nanoTime();
                for (School.SchoolClass c : timed) {
                    long cs = System.nanoTime();
                    if (digests.build(SCHOOL, c.id(), TODAY).isEmpty()) throw new IllegalStateException("no digest for " + c.id());
                    if (round == 1) perClass.add((System.nanoTime() - cs) / 1e6);
                }
                totals[round] = (System.nanoTime() - s) / 1_000_000 * school.classes.size() / timed.size();
            }
            perClass.sort(Double::compare);

            // one student's growth file page, through the signed link and HTTP
            Links links = ctx.getBean(Links.class);
            int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
            HttpClient http = HttpClient.newHttpClient();
            Random rnd = new Random(3);
            List<Double> growth = new ArrayList<>();
            long growthFirst = 0;
            int growthRecords = 0;
            for (int i = 0; i < 21; i++) {
                School.Student st = school.students.get(i == 0 ? 0 : rnd.nextInt(school.students.size()));
                String url = "http://127.0.0.1:" + port + links.growthFile("main", st.mentorId(), st.id());
                long s = System.nanoTime();
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
                double ms = (System.nanoTime() - s) / 1e6;
                if (page.statusCode() != 200) throw new IllegalStateException("growth file page: HTTP " + page.statusCode());
                if (i == 0) {
                    growthFirst = Math.round(ms);
                    growthRecords = ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                            .sql("select count(*) from record_student where student_id = ?").param(st.id()).query(Integer.class).single();
                } else growth.add(ms);
            }
            growth.sort(Double::compare);
            if (keepLinks) writeLinks(dir.resolve("links.txt"), links, school);

            breakdown(ctx, school, f);
            long[] warm = Arrays.copyOfRange(weekly, 1, weekly.length);
            Arrays.sort(warm);
            return new Result(f, school.students.size(), school.teachers.size(), school.classes.size(), counts[0], counts[1], loadMillis,
                    weekly[0], warm[warm.length / 2], count[0], totals[0], totals[1], perClass.get(perClass.size() / 2),
                    perClass.get(perClass.size() - 1), growthFirst, growth.get(growth.size() / 2), growth.get(growth.size() - 1),
                    growthRecords, BotProcess.loadAverage());
        } finally {
            ctx.close();
        }
    }

    /** The bot in-process on a data folder of its own, on a random port, quiet, its scheduler held back; {@code extra} arguments after. */
    static ConfigurableApplicationContext start(Path dir, String... extra) {
        List<String> args = new ArrayList<>(List.of("--mentorbot.data-dir=" + dir.resolve("data"), "--server.port=0", "--mentorbot.demo=false",
                "--mentorbot.scheduler.initial-delay=3650d", "--logging.level.app.mentorbot=WARN",
                "--logging.level.org.springframework.boot.tomcat=WARN", "--logging.level.org.springframework.boot.web.embedded=WARN"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(MentorBot.class)
                .initializers(c -> c.getBeanFactory().registerSingleton("benchExcludesTestConfigurations", new RunningBot.NoTestConfigurations()))
                .run(args.toArray(String[]::new));
    }

    /** Where a digest's and the weekly job's time goes: the reads they make, timed one by one (warm). */
    static void breakdown(ConfigurableApplicationContext ctx, School school, int f) {
        var records = ctx.getBean(app.mentorbot.conversations.records.RecordStore.class);
        var ledger = ctx.getBean(app.mentorbot.conversations.duties.Ledger.class);
        var reminders = ctx.getBean(app.mentorbot.conversations.reminders.ReminderBook.class);
        var calendar = ledger.rules("main").calendar();
        School.SchoolClass c = school.classes.get(0);
        List<String> ids = school.students.stream().filter(s -> s.classId().equals(c.id())).map(School.Student::id).toList();
        List<String> mentors = school.students.stream().filter(s -> s.classId().equals(c.id())).map(School.Student::mentorId).distinct().toList();
        LocalDate termStart = calendar.currentOrLastTerm(TODAY).start();
        LocalDate ledgerFrom = termStart.minusDays(ledger.rules("main").rules().individualTalkDays() * 2L);
        for (int warmup = 0; warmup < 2; warmup++) {
            long t = System.nanoTime();
            int about = records.about(SCHOOL, ids, termStart.isBefore(TODAY.minusDays(30)) ? termStart : TODAY.minusDays(30), TODAY).size();
            long aboutMs = (System.nanoTime() - t) / 1_000_000;
            t = System.nanoTime();
            ledger.mentors(SCHOOL, mentors, TODAY);
            long ledgerMs = (System.nanoTime() - t) / 1_000_000;
            t = System.nanoTime();
            int all = records.all(SCHOOL, ledgerFrom, TODAY).size();
            long allMs = (System.nanoTime() - t) / 1_000_000;
            t = System.nanoTime();
            reminders.openAbout(SCHOOL, ids);
            long openMs = (System.nanoTime() - t) / 1_000_000;
            t = System.nanoTime();
            for (School.Teacher m : school.teachers) reminders.pending(SCHOOL, m.id(), TODAY.plusDays(1), TODAY.plusDays(10));
            long pendingMs = (System.nanoTime() - t) / 1_000_000;
            var digests = ctx.getBean(DigestBuilder.class);
            t = System.nanoTime();
            digests.previousConference(SCHOOL, c.id(), TODAY);
            long previousMs = (System.nanoTime() - t) / 1_000_000;
            t = System.nanoTime();
            digests.build(SCHOOL, c.id(), TODAY);
            long buildMs = (System.nanoTime() - t) / 1_000_000;
            if (warmup == 1) System.out.printf("breakdown %dx, class %s: whole digest %d ms, previous conference %d ms%n", f, c.id(), buildMs, previousMs);
            if (warmup == 1) System.out.printf("breakdown %dx, class %s (%d students, %d mentors): records.about(class, term) %d rows %d ms | "
                            + "ledger.mentors(class's mentors) %d ms, of which records.all(school, %s..%s) %d rows %d ms | reminders.openAbout %d ms | "
                            + "weekly job: reminders.pending x %d mentors %d ms%n", f, c.id(), ids.size(), mentors.size(), about, aboutMs, ledgerMs,
                    ledgerFrom, TODAY, all, allMs, openMs, school.teachers.size(), pendingMs);
        }
    }

    /** Signed links to every class's digest and 100 students' growth files, for the start-up and memory run. */
    private static void writeLinks(Path file, Links links, School school) throws IOException {
        List<String> lines = new ArrayList<>();
        for (School.SchoolClass c : school.classes) lines.add(links.digestPage("main", c.headId(), c.id()));
        for (int i = 0; i < 100; i++) {
            School.Student st = school.students.get(i * 29 % school.students.size());
            lines.add(links.growthFile("main", st.mentorId(), st.id()));
        }
        Files.write(file, lines);
    }

    static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
