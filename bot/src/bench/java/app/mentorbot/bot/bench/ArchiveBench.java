package app.mentorbot.bot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import app.mentorbot.bot.cli.MentorBot;
import app.mentorbot.bot.testing.RunningBot;
import app.mentorbot.bot.web.GrowthFileArchive;
import app.mentorbot.conversations.roster.RosterStore;

/**
 * The term-end archive ({@link GrowthFileArchive}, what {@code archive FILE.zip} runs): every student's growth file as a
 * PDF into one zip, timed in-process on the bot's embedded database, for the demo school (its example roster and demo
 * records) and for the generated school of {@link SchoolScaleBench} (3,000 students, a year of records, about 50 each).
 *
 * <pre>java -cp … app.mentorbot.bot.bench.ArchiveBench [--classes 60]</pre>
 */
public final class ArchiveBench {
    record Result(String school, int students, long records, double seconds, long bytes, String load) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Args.parse(args);
        int classes = Integer.parseInt(o.getOrDefault("classes", "60"));
        List<Result> results = new ArrayList<>();
        results.add(measure("demo school", null, List.of("--mentorbot.demo=true", "--mentorbot.demo-records=true",
                "--mentorbot.example-school=config/example-school.json")));
        results.add(measure("generated, " + classes + " classes", School.generate(classes, 50, classes * 400 / 60, 11),
                List.of("--mentorbot.demo=false")));
        System.out.println();
        System.out.println("## Term-end archive (one growth-file PDF per student into a zip; in-process, embedded PostgreSQL)");
        System.out.println();
        System.out.println("| school | students | records | time | per student | zip size | per student | load avg |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            System.out.printf("| %s | %d | %d | %.1f s | %.0f ms | %.1f MB | %.0f KB | %s |%n", r.school(), r.students(), r.records(), r.seconds(),
                    r.seconds() * 1000 / Math.max(1, r.students()), r.bytes() / 1e6, r.bytes() / 1e3 / Math.max(1, r.students()), r.load());
        }
    }

    static Result measure(String name, School school, List<String> settings) throws Exception {
        Path dir = Files.createTempDirectory("mentorbot-archive");
        List<String> argv = new ArrayList<>(List.of("--mentorbot.data-dir=" + dir.resolve("data"), "--server.port=0",
                "--mentorbot.scheduler.initial-delay=3650d", "--logging.level.app.mentorbot=WARN",
                "--logging.level.org.springframework.boot.tomcat=WARN", "--logging.level.org.springframework.boot.web.embedded=WARN"));
        argv.addAll(settings);
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(MentorBot.class)
                .initializers(c -> c.getBeanFactory().registerSingleton("benchExcludesTestConfigurations", new RunningBot.NoTestConfigurations()))
                .run(argv.toArray(String[]::new));
        try {
            if (school != null) {
                SchoolLoad.load(ctx.getBean(DataSource.class), school);
                ctx.getBean(RosterStore.class).forget(SchoolScaleBench.SCHOOL);
            }
            long records;
            try (var c = ctx.getBean(DataSource.class).getConnection(); var rs = c.createStatement().executeQuery("select count(*) from record")) {
                rs.next();
                records = rs.getLong(1);
            }
            GrowthFileArchive archive = ctx.getBean(GrowthFileArchive.class);
            String term = archive.term("main", null).orElseThrow();
            Path zip = dir.resolve("archive.zip");
            System.out.printf("# %s: %d records, archiving term %s%n", name, records, term);
            GrowthFileArchive.Written w = archive.write("main", term, zip, true);
            return new Result(name, w.students(), records, w.took().toMillis() / 1000.0, w.bytes(), Files.readString(Path.of("/proc/loadavg")).substring(0, 14));
        } finally {
            ctx.close();
            SchoolScaleBench.deleteTree(dir);
        }
    }
}
