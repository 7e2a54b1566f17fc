package app.mentorbot.bot.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import org.springframework.context.ConfigurableApplicationContext;

import app.mentorbot.conversations.dialogue.Links;
import app.mentorbot.conversations.roster.RosterStore;

/**
 * The leadership's pages on the generated school of {@link SchoolScaleBench} (3,000 students, 400 mentors, 60
 * classes, a year of records, reminders, conferences and decisions): the school overview (全校情况), every teacher's
 * workload for the term and for the school year, and one teacher's line, each a GET of the signed link the
 * {@link Links} bean makes, over HTTP, on the bot's embedded database; the first request and the p50 / max of 10 more.
 *
 * <pre>java -cp … app.mentorbot.bot.bench.LeadershipBench [--scale 1]</pre>
 */
public final class LeadershipBench {
    private LeadershipBench() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Args.parse(args);
        int f = Integer.parseInt(o.getOrDefault("scale", "1"));
        Path dir = Files.createTempDirectory("mentorbot-leadership");
        ConfigurableApplicationContext ctx = SchoolScaleBench.start(dir);
        try {
            School school = School.generate(60 * f, 50, 400 * f, 11);
            long[] counts = SchoolLoad.load(ctx.getBean(DataSource.class), school);
            String admin = school.teachers.get(school.teachers.size() - 1).id(); // the generated school has none: one teacher heads the scheme
            ctx.getBean(org.springframework.jdbc.core.simple.JdbcClient.class).sql("update teacher set is_admin = true where school_id = ? and id = ?")
                    .params(SchoolScaleBench.SCHOOL, admin).update();
            ctx.getBean(RosterStore.class).forget(SchoolScaleBench.SCHOOL);
            String teacher = school.students.get(0).mentorId();
            Links links = ctx.getBean(Links.class);
            String base = "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port");
            System.out.printf("%n## Leadership pages (%d students, %d teachers, %d classes, %d records, %d reminders; in-process, HTTP GET; load avg %s)%n%n",
                    school.students.size(), school.teachers.size(), school.classes.size(), counts[0], counts[1], BotProcess.loadAverage());
            System.out.println("| page | first | p50 | max | size |");
            System.out.println("|---|---|---|---|---|");
            HttpClient admins = browser();
            time(admins, "school overview (全校情况)", base + path(links.schoolOverview("main", admin)));
            // a note dated today changes no past week: only today's ledger and the class columns are computed again
            School.Student st = school.students.get(1);
            ctx.getBean(app.mentorbot.conversations.records.RecordStore.class).save(new app.mentorbot.conversations.records.Record(null,
                    SchoolScaleBench.SCHOOL, st.mentorId(), app.mentorbot.conversations.understanding.Kind.TALK,
                    app.mentorbot.conversations.understanding.TalkType.INDIVIDUAL, null, java.time.LocalDate.now(), null, java.util.Set.of(),
                    java.util.Set.of(), List.of(st.id()), "谈心", List.of(), null, java.time.Instant.now()));
            once(admins, "school overview, first load after a new note dated today", base + path(links.schoolOverview("main", admin)));
            time(admins, "every teacher's workload, this term", base + path(links.workload("main", admin, Links.ALL_TEACHERS)));
            time(admins, "every teacher's workload, this school year", base + path(links.workload("main", admin, Links.ALL_TEACHERS)) + "&period=year");
            time(browser(), "one teacher's workload line", base + path(links.workload("main", teacher, teacher)));
        } finally {
            ctx.close();
            SchoolScaleBench.deleteTree(dir);
        }
    }

    static String path(String link) {
        return link.substring(link.indexOf("/pages/"));
    }

    /** A browser of its own: a signed link binds the browser it is first opened in, which then keeps its cookie. */
    static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    }

    private static void once(HttpClient http, String what, String url) throws Exception {
        long s = System.nanoTime();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200) throw new IllegalStateException(what + ": HTTP " + page.statusCode());
        System.out.printf("| %s | %.0f ms | | | %,d chars |%n", what, (System.nanoTime() - s) / 1e6, page.body().length());
    }

    private static void time(HttpClient http, String what, String url) throws Exception {
        List<Double> ms = new ArrayList<>();
        int size = 0;
        for (int i = 0; i < 11; i++) {
            long s = System.nanoTime();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            ms.add((System.nanoTime() - s) / 1e6);
            if (page.statusCode() != 200) throw new IllegalStateException(what + ": HTTP " + page.statusCode() + " on request " + (i + 1));
            size = page.body().length();
        }
        double first = ms.remove(0);
        ms.sort(Double::compare);
        System.out.printf("| %s | %.0f ms | %.0f ms | %.0f ms | %,d chars |%n", what, first, ms.get(ms.size() / 2), ms.get(ms.size() - 1), size);
    }
}
