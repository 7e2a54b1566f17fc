package app.mentorbot.bot.bench;

import app.mentorbot.bot.cli.MentorBot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start-up and memory of {@code java -jar mentorbot.jar} with default JVM settings: time from launch to
 * "MentorBot ready" on a fresh data folder (creates the database, loads the demo school) and on the 1x
 * school that {@link SchoolScaleBench} left (--keep); then, on the school, heap in use after a full GC
 * (jcmd GC.run, GC.heap_info) right after start and again after every class's digest page and 100 growth
 * file pages were served through their signed links.
 *
 * <pre>java -cp … app.mentorbot.bot.bench.StartupMemoryBench --jar bot/target/mentorbot.jar --school DIR [--starts 3]</pre>
 */
public final class StartupMemoryBench {
    private static final Pattern USED = Pattern.compile("total (\\d+)K, used (\\d+)K");

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Args.parse(args);
        Path jar = Path.of(o.getOrDefault("jar", "bot/target/mentorbot.jar"));
        int starts = Integer.parseInt(o.getOrDefault("starts", "3"));
        if (o.get("school") == null) {
            demoRestarts(jar, starts);
            return;
        }
        Path school = Path.of(o.get("school"));

        long[] cold = new long[starts];
        for (int i = 0; i < starts; i++) {
            Path fresh = Files.createTempDirectory("mentorbot-cold");
            try (BotProcess bot = BotProcess.start(jar, fresh.resolve("data"), fresh.resolve("bot.log"), Map.of())) {
                cold[i] = bot.readyMillis;
            }
            SchoolScaleBench.deleteTree(fresh);
        }
        String coldLoad = BotProcess.loadAverage();
        long[] warm = new long[starts];
        String[] heap = null;
        for (int i = 0; i < starts; i++) {
            try (BotProcess bot = BotProcess.start(jar, school.resolve("data"), school.resolve("bot-" + i + ".log"), Map.of())) {
                warm[i] = bot.readyMillis;
                if (i == starts - 1) heap = exercise(bot, school.resolve("links.txt"));
            }
        }
        String warmLoad = BotProcess.loadAverage();
        Arrays.sort(cold);
        Arrays.sort(warm);
        System.out.println();
        System.out.println("## Start-up and memory (java -jar, default JVM flags, " + Runtime.version() + ")");
        System.out.println();
        System.out.println("| measure | value | load avg |");
        System.out.println("|---|---|---|");
        System.out.printf("| launch to 'MentorBot ready', fresh data folder (initdb, Flyway, demo school), median of %d | %d ms (min %d, max %d) | %s |%n",
                starts, cold[starts / 2], cold[0], cold[starts - 1], coldLoad);
        System.out.printf("| launch to 'MentorBot ready', 1x school (3,000 students, 150k records), median of %d | %d ms (min %d, max %d) | %s |%n",
                starts, warm[starts / 2], warm[0], warm[starts - 1], warmLoad);
        for (String row : heap) System.out.println(row);
    }

    /** Without a school: launch to ready on the demo school's folder, started again and again (the everyday restart). */
    private static void demoRestarts(Path jar, int starts) throws Exception {
        Path dir = Files.createTempDirectory("mentorbot-demo");
        try {
            try (BotProcess first = BotProcess.start(jar, dir.resolve("data"), dir.resolve("first.log"), Map.of())) {
                System.out.printf("%n| launch to 'MentorBot ready', fresh data folder (initdb, Flyway, demo school) | %d ms | %s |%n",
                        first.readyMillis, BotProcess.loadAverage());
            }
            long[] again = new long[starts];
            for (int i = 0; i < starts; i++) {
                try (BotProcess bot = BotProcess.start(jar, dir.resolve("data"), dir.resolve("bot-" + i + ".log"), Map.of())) {
                    again[i] = bot.readyMillis;
                }
            }
            Arrays.sort(again);
            System.out.printf("| launch to 'MentorBot ready', demo school restarted (%s), median of %d | %d ms (min %d, max %d) | %s |%n",
                    jar, starts, again[starts / 2], again[0], again[starts - 1], BotProcess.loadAverage());
        } finally {
            SchoolScaleBench.deleteTree(dir);
        }
    }

    /** Heap after a full GC right after start, then after serving every digest and 100 growth files. */
    private static String[] exercise(BotProcess bot, Path linksFile) throws Exception {
        List<String> rows = new ArrayList<>();
        rows.add(heapRow(bot, "heap in use after full GC, just started on the 1x school"));
        HttpClient http = HttpClient.newHttpClient();
        List<String> links = Files.readAllLines(linksFile);
        long start = System.nanoTime();
        for (String link : links) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port + link)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new IllegalStateException("HTTP " + r.statusCode() + " for " + link);
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        rows.add(String.format("| %d signed pages served (every class digest + 100 growth files), one after another | %d ms | %s |",
                links.size(), ms, BotProcess.loadAverage()));
        rows.add(heapRow(bot, "heap in use after full GC, after those pages"));
        String rss = Files.readAllLines(Path.of("/proc/" + bot.pid() + "/status")).stream().filter(l -> l.startsWith("VmRSS"))
                .findFirst().orElse("VmRSS: ?").replaceAll("\\s+", " ");
        rows.add("| resident set of the java process (" + rss.trim() + ") | " + rss.replaceAll("[^0-9]", "") .transform(k -> k.isEmpty() ? "?" : Long.parseLong(k) / 1024 + " MB") + " | |");
        return rows.toArray(String[]::new);
    }

    private static String heapRow(BotProcess bot, String what) throws Exception {
        jcmd(bot.pid(), "GC.run");
        String info = jcmd(bot.pid(), "GC.heap_info");
        Matcher m = USED.matcher(info);
        if (!m.find()) return "| " + what + " | ? (" + info.replace('\n', ' ') + ") | |";
        return String.format("| %s | %d MB used (committed %d MB) | %s |", what, Long.parseLong(m.group(2)) / 1024, Long.parseLong(m.group(1)) / 1024,
                BotProcess.loadAverage());
    }

    private static String jcmd(long pid, String command) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid), command)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }
}
