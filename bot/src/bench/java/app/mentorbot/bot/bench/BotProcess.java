package app.mentorbot.bot.bench;

import app.mentorbot.bot.cli.MentorBot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar mentorbot.jar} as a child process, the way an operator starts it: its log goes to a file,
 * the time from launch to "MentorBot ready" is measured, and the port of its embedded PostgreSQL is read from
 * the log so a benchmark can open plain JDBC connections to the same database.
 */
final class BotProcess implements AutoCloseable {
    private static final Pattern PG_PORT = Pattern.compile("embedded PostgreSQL running on port (\\d+)");
    final Process process;
    final int port;
    final long readyMillis;
    volatile int pgPort = -1;

    private BotProcess(Process process, int port, long readyMillis, int pgPort) {
        this.process = process;
        this.port = port;
        this.readyMillis = readyMillis;
        this.pgPort = pgPort;
    }

    /** One-shot command (import …); returns its exit code, its output goes to {@code log}. */
    static int run(Path jar, Path log, java.util.Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java(), "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        return p.waitFor(10, TimeUnit.MINUTES) ? p.exitValue() : -1;
    }

    static BotProcess start(Path jar, Path dataDir, Path log, java.util.Map<String, String> env, String... extra) throws Exception {
        int port = freePort();
        List<String> cmd = new ArrayList<>(List.of(java(), "-jar", jar.toString(), "--mentorbot.data-dir=" + dataDir,
                "--server.port=" + port));
        cmd.addAll(List.of(extra));
        long t0 = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        CountDownLatch ready = new CountDownLatch(1);
        long[] readyAt = {0};
        int[] pg = {-1};
        Thread pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    out.println(line);
                    Matcher m = PG_PORT.matcher(line);
                    if (m.find()) pg[0] = Integer.parseInt(m.group(1));
                    if (line.contains("MentorBot ready") && ready.getCount() > 0) {
                        readyAt[0] = System.nanoTime();
                        ready.countDown();
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "bot-log");
        pump.setDaemon(true);
        pump.start();
        int readySeconds = Integer.getInteger("bench.ready-seconds", 120); // a busy machine needs longer
        if (!ready.await(readySeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the bot did not get ready within " + readySeconds + " s; see " + log);
        }
        String external = env.get("SPRING_DATASOURCE_URL");
        if (external != null) pg[0] = Integer.parseInt(external.replaceAll(".*:(\\d+)/.*", "$1"));
        return new BotProcess(p, port, (readyAt[0] - t0) / 1_000_000, pg[0]);
    }

    Connection jdbc() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres", "postgres", "");
    }

    long pid() {
        return process.pid();
    }

    /** Stops the bot as Ctrl-C would (graceful shutdown; the embedded PostgreSQL stops with it). */
    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
