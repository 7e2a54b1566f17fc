package app.mentorbot.bot.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fair ceiling for the note path: the statements of one note's handling (its transaction, the sender's look-up
 * before it, the outbox dispatcher's claim and mark after it; see {@code .ci/bench-pgbench/note.sql}) replayed raw
 * by pgbench on the database the bot just used, with its durability settings and as many clients as the bot has
 * lanes. The bot is paused (SIGSTOP) meanwhile, so its dispatcher does not compete for the rows pgbench leaves due.
 */
final class Replay {
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");
    private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");
    private final Path script;
    private final String pgbench;
    private final int clients;

    Replay(Path script, String pgbench, int clients) {
        this.script = script;
        this.pgbench = pgbench;
        this.clients = clients;
    }

    /** Runs the replay and returns its Markdown table, beside the bot's best sustained notes/s. */
    String run(BotProcess bot, int teachers, int students, int seconds, double botNotesPerSecond) throws Exception {
        if (!Files.isRegularFile(script) || !Files.isExecutable(Path.of(pgbench))) {
            return "(no pgbench replay: " + script + " or " + pgbench + " missing)\n";
        }
        long statements = Files.readAllLines(script).stream().filter(l -> !l.isBlank() && !l.startsWith("--") && !l.startsWith("\\")).count();
        Path out = Files.createTempFile("pgbench", ".txt");
        String load;
        signal(bot, "STOP");
        try {
            Process p = new ProcessBuilder(List.of(pgbench, "-n", "-M", "prepared", "-h", "127.0.0.1", "-p", String.valueOf(bot.pgPort),
                    "-U", "postgres", "-c", String.valueOf(clients), "-j", "2", "-T", String.valueOf(seconds),
                    "-D", "teachers=" + teachers, "-D", "students=" + students, "-f", script.toString(), "postgres"))
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(seconds + 120L, TimeUnit.SECONDS)) p.destroyForcibly();
            load = BotProcess.loadAverage();
        } finally {
            signal(bot, "CONT");
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        Files.delete(out);
        Matcher tps = TPS.matcher(text);
        if (!tps.find()) return "(pgbench replay failed:)\n" + text + "\n";
        double raw = Double.parseDouble(tps.group(1));
        Matcher latency = LATENCY.matcher(text);
        Matcher failed = FAILED.matcher(text);
        StringBuilder b = new StringBuilder();
        b.append(String.format("The note's own statements replayed raw: pgbench -M prepared -c %d -T %d -f %s (%d statements a note, "
                + "3 commits: the note's transaction, the dispatcher's claim and mark), same database and durability, bot paused%n%n",
                clients, seconds, script, statements));
        b.append("| | notes/s | latency avg ms | failed | load avg |\n|---|---|---|---|---|\n");
        b.append(String.format("| raw replay, %d clients (= the bot's lanes) | %.0f | %s | %s | %s |%n", clients, raw,
                latency.find() ? latency.group(1) : "?", failed.find() ? failed.group(1) : "?", load));
        b.append(String.format("| the bot, best sustained above | %.0f | | | |%n", botNotesPerSecond));
        b.append(String.format("| **bot / raw replay** | **%.2f** | | | |%n", botNotesPerSecond / raw));
        return b.toString();
    }

    private static void signal(BotProcess bot, String signal) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, String.valueOf(bot.pid())).inheritIO().start().waitFor();
    }
}
