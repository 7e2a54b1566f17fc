package app.mentorbot.bot.bench;

import app.mentorbot.bot.cli.MentorBot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End to end over the web chat: N teachers on real WebSockets send notes about their mentees at a fixed total
 * rate, open loop (each send is scheduled by the clock, never by a reply), against {@code java -jar
 * mentorbot.jar} with its embedded database. Latency runs from a note's scheduled send time to the frame that
 * answers it (same replyTo), so a bot that falls behind is charged for the wait. Then the same number of
 * plain autocommit single-row INSERTs from as many threads, on the same database, gives the commit limit, and
 * pgbench replays a note's own statements raw ({@link Replay}) for the fair comparison: notes/s against that rate.
 *
 * <pre>java -cp … app.mentorbot.bot.bench.ChatLoadBench --jar bot/target/mentorbot.jar [--clients 200]
 *      [--rates 50,200,1000] [--seconds 30] [--warmup 15] [--as-shipped]
 *      [--pgbench /usr/bin/pgbench] [--pgbench-script .ci/bench-pgbench/note.sql] [--pgbench-clients 8]</pre>
 * The jar's embedded PostgreSQL runs with zonky's defaults, fsync=off (postgres -F) and synchronous_commit=off:
 * nothing is durable there. So by default the harness starts the same PostgreSQL binaries itself with
 * fsync=on and synchronous_commit=on in the work dir and gives the jar that database (SPRING_DATASOURCE_URL,
 * demo mode on); {@code --as-shipped} measures the jar on its own embedded database instead.
 */
public final class ChatLoadBench {
    private static final Pattern REPLY_TO = Pattern.compile("\"replyTo\"\\s*:\\s*\"([^\"]+)\"");

    record Sent(long intendedNanos, Phase phase) {}

    static final class Phase {
        final String name;
        final int rate;
        final long startNanos;
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger answered = new AtomicInteger();
        final AtomicInteger answeredInWindow = new AtomicInteger();
        final AtomicLong lastAnswer = new AtomicLong();
        final List<Long> latenciesMicros = java.util.Collections.synchronizedList(new ArrayList<>());
        volatile long windowEnd;
        long commits;
        String load = "";

        Phase(String name, int rate, long startNanos) {
            this.name = name;
            this.rate = rate;
            this.startNanos = startNanos;
        }
    }

    private final Map<String, Sent> pending = new ConcurrentHashMap<>();
    private final AtomicInteger strayFrames = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Args.parse(args);
        new ChatLoadBench().run(Path.of(o.getOrDefault("jar", "bot/target/mentorbot.jar")), Integer.parseInt(o.getOrDefault("clients", "200")),
                Arrays.stream(o.getOrDefault("rates", "50,200,1000").split(",")).mapToInt(Integer::parseInt).toArray(),
                Integer.parseInt(o.getOrDefault("seconds", "30")), Integer.parseInt(o.getOrDefault("warmup", "15")),
                o.containsKey("as-shipped"), Path.of(o.getOrDefault("pgbench-script", ".ci/bench-pgbench/note.sql")),
                o.getOrDefault("pgbench", "/usr/bin/pgbench"), Integer.parseInt(o.getOrDefault("pgbench-clients", "8")));
    }

    private Replay replay;

    void run(Path jar, int clients, int[] rates, int seconds, int warmup, boolean asShipped, Path script, String pgbench,
             int pgbenchClients) throws Exception {
        replay = new Replay(script, pgbench, pgbenchClients);
        Path work = Files.createTempDirectory("mentorbot-chatbench");
        Path data = work.resolve("data");
        School school = School.generate(Math.max(2, clients * 8 / 50), 50, clients, 7);
        Files.writeString(work.resolve("roster.json"), school.rosterJson(), StandardCharsets.UTF_8);
        System.out.printf("# chat load: %d teachers, %d students, %d classes; work dir %s%n", school.teachers.size(),
                school.students.size(), school.classes.size(), work);
        Map<String, String> env = new java.util.HashMap<>();
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres durable = null;
        if (!asShipped) {
            durable = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().setDataDirectory(work.resolve("pg").toFile())
                    .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").setServerConfig("listen_addresses", "127.0.0.1")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60)).start();
            env.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:" + durable.getPort() + "/postgres");
            env.put("SPRING_DATASOURCE_USERNAME", "postgres");
        }
        try {
            run(jar, clients, rates, seconds, warmup, asShipped, work, data, school, env);
        } finally {
            if (durable != null) durable.close();
            SchoolScaleBench.deleteTree(work); // the bot has stopped: its logs and data go too
        }
    }

    void run(Path jar, int clients, int[] rates, int seconds, int warmup, boolean asShipped, Path work, Path data, School school,
             Map<String, String> env) throws Exception {
        Path roster = work.resolve("roster.json");
        long t0 = System.nanoTime();
        int rc = BotProcess.run(jar, work.resolve("import.log"), env, "import", roster.toString(), "--mentorbot.data-dir=" + data);
        if (rc != 0) throw new IllegalStateException("import failed (" + rc + "), see " + work.resolve("import.log"));
        System.out.printf("import of the roster (creates the database): %d ms%n", (System.nanoTime() - t0) / 1_000_000);

        // An imported roster ends demo mode for good, so the teachers come in as invited browsers do: a device key each.
        BotProcess bot = BotProcess.start(jar, data, work.resolve("bot.log"), env);
        System.out.printf("start-up to 'MentorBot ready' (%s database, %d students): %d ms  [load %s]%n", asShipped ? "embedded" : "external",
                school.students.size(), bot.readyMillis, BotProcess.loadAverage());
        try (BotProcess running = bot) {
            String mode;
            try (Connection c = running.jdbc(); Statement st = c.createStatement()) {
                mode = (asShipped ? "jar's embedded PostgreSQL as shipped" : "same PostgreSQL binaries started durable by the harness")
                    + ": synchronous_commit=" + single(st, "show synchronous_commit") + ", fsync=" + single(st, "show fsync");
            }
            System.out.println("measuring with " + mode);
            signIn(running, school, clients);
            List<Client> sockets = connect(running.port, school, clients);
            System.out.printf("%d WebSockets open%n", sockets.size());

            Phase warm = drive(sockets, "warm-up", 100, warmup);
            drain(warm, 120);
            List<Phase> phases = new ArrayList<>();
            for (int rate : rates) {
                Thread.sleep(3_000);
                long commitsBefore = commits(running);
                Phase p = drive(sockets, rate + "/s", rate, seconds);
                drain(p, 300);
                Thread.sleep(2_000); // an idle backend reports its counters within a second
                p.commits = commits(running) - commitsBefore;
                phases.add(p);
            }
            String replayed = replay.run(running, clients, school.students.size(), seconds, phases.stream()
                    .mapToDouble(ChatLoadBench::sustained).max().orElse(0));
            int inserts = phases.stream().mapToInt(p -> p.sent.get()).max().orElse(10_000);
            String note = String.format(School.NOTES[0], "张小明");
            int[] threadCounts = {clients, 10, 8, 1};
            double[] commitRates = new double[threadCounts.length];
            String[] commitLoads = new String[threadCounts.length];
            for (int i = 0; i < threadCounts.length; i++) {
                // the single thread is far slower: fewer inserts keep it short
                commitRates[i] = commitLimit(running, threadCounts[i] == 1 ? Math.min(inserts, 3_000) : inserts, threadCounts[i], note)[0];
                commitLoads[i] = BotProcess.loadAverage();
            }
            for (Client c : sockets) c.ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");

            System.out.println();
            System.out.println("## End to end over the web chat (" + mode + "), " + clients + " WebSocket clients, open loop, " + seconds + " s per rate");
            System.out.println();
            System.out.println("| offered | sent | answered | p50 ms | p99 ms | max ms | answered/s in window | sustained notes/s | drained after "
                    + "| commits/note | load avg (1/5/15) |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
            for (Phase p : phases) {
                long[] l = p.latenciesMicros.stream().mapToLong(Long::longValue).sorted().toArray();
                double window = (p.windowEnd - p.startNanos) / 1e9;
                double sustained = sustained(p);
                System.out.printf("| %d/s | %d | %d | %.1f | %.1f | %.1f | %.0f | %.0f | %.1f s | %.2f | %s |%n", p.rate, p.sent.get(),
                        p.answered.get(), pct(l, 50), pct(l, 99), l.length == 0 ? 0 : l[l.length - 1] / 1000.0, p.answeredInWindow.get() / window,
                        sustained, (p.lastAnswer.get() - p.windowEnd) / 1e9, p.commits / (double) Math.max(1, p.answered.get()), p.load);
            }
            System.out.println("(commits/note: all commits on the database during the rate, pg_stat_database.xact_commit, per answered note:"
                    + " the notes' own, the outbox dispatcher's claims and marks, anything else the bot ran)");
            System.out.println();
            System.out.printf("Plain JDBC on the same database: %d autocommit single-row INSERTs of a %d-byte note (3,000 for 1 thread)%n%n",
                    inserts, note.getBytes(StandardCharsets.UTF_8).length);
            System.out.println("| threads | commits/s | load avg |");
            System.out.println("|---|---|---|");
            String[] why = {" (= clients)", " (= the bot's pool)", " (= the bot's lanes)", " (= the outbox dispatcher)"};
            for (int i = 0; i < threadCounts.length; i++) {
                System.out.printf("| %d%s | %.0f | %s |%n", threadCounts[i], why[i], commitRates[i], commitLoads[i]);
            }
            System.out.println();
            System.out.print(replayed);
            System.out.printf("frames without a matching replyTo (pushes, reminders): %d%n", strayFrames.get());
        }
    }

    private static long commits(BotProcess bot) throws Exception {
        try (Connection c = bot.jdbc(); Statement st = c.createStatement()) {
            return Long.parseLong(single(st, "select xact_commit from pg_stat_database where datname = current_database()"));
        }
    }

    static double sustained(Phase p) {
        return p.answered.get() / ((p.lastAnswer.get() - p.startNanos) / 1e9);
    }

    /** N threads, each with its own connection, doing autocommit single-row inserts; commits/s. */
    private double[] commitLimit(BotProcess bot, int total, int threads, String note) throws Exception {
        try (Connection c = bot.jdbc(); Statement st = c.createStatement()) {
            st.execute("create table if not exists bench_commit (id bigserial primary key, body text not null, created_at timestamptz not null default now())");
            st.execute("truncate bench_commit");
        }
        AtomicInteger left = new AtomicInteger(total);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < threads; i++) connections.add(bot.jdbc());
        long start = System.nanoTime();
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (Connection c : connections) {
            done.add(pool.submit(() -> {
                try (PreparedStatement ps = c.prepareStatement("insert into bench_commit (body) values (?)")) {
                    while (left.getAndDecrement() > 0) {
                        ps.setString(1, note);
                        ps.executeUpdate();
                    }
                }
                return null;
            }));
        }
        for (var f : done) f.get();
        double rate = total / ((System.nanoTime() - start) / 1e9);
        pool.shutdown();
        for (Connection c : connections) c.close();
        try (Connection c = bot.jdbc(); Statement st = c.createStatement()) {
            st.execute("drop table bench_commit");
        }
        return new double[] {rate};
    }

    private Phase drive(List<Client> sockets, String name, int rate, int seconds) {
        long start = System.nanoTime();
        Phase p = new Phase(name, rate, start);
        long period = 1_000_000_000L / rate;
        int total = rate * seconds;
        Random rnd = new Random(rate);
        for (int i = 0; i < total; i++) {
            long at = start + i * period;
            long wait = at - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
            Client c = sockets.get(i % sockets.size());
            String id = "b" + rate + "-" + i + "-" + c.teacherId;
            String text = c.note(rnd);
            pending.put(id, new Sent(at, p));
            p.sent.incrementAndGet();
            c.send("{\"id\":\"" + id + "\",\"text\":\"" + text + "\"}");
        }
        p.windowEnd = System.nanoTime();
        p.load = BotProcess.loadAverage();
        return p;
    }

    private void drain(Phase p, int maxSeconds) throws InterruptedException {
        long until = System.nanoTime() + maxSeconds * 1_000_000_000L;
        while (p.answered.get() < p.sent.get() && System.nanoTime() < until) Thread.sleep(50);
        if (p.answered.get() < p.sent.get()) System.out.printf("%s: %d notes unanswered after %d s%n", p.name, p.sent.get() - p.answered.get(), maxSeconds);
    }

    private void answered(String frame) {
        Matcher m = REPLY_TO.matcher(frame);
        Sent s = m.find() ? pending.remove(m.group(1)) : null;
        if (s == null) {
            strayFrames.incrementAndGet();
            return;
        }
        long now = System.nanoTime();
        Phase p = s.phase();
        p.latenciesMicros.add((now - s.intendedNanos()) / 1000);
        p.answered.incrementAndGet();
        if (p.windowEnd == 0 || now <= p.windowEnd) p.answeredInWindow.incrementAndGet();
        p.lastAnswer.accumulateAndGet(now, Math::max);
    }

    static String deviceKey(String teacherId) {
        return "chat-bench-device-" + teacherId;
    }

    /** What opening an invitation link leaves behind (a redeemed token and a device key per teacher), written directly. */
    private static void signIn(BotProcess bot, School school, int n) throws Exception {
        try (Connection c = bot.jdbc();
             PreparedStatement token = c.prepareStatement("insert into invitation_redeemed (token_hash, school_id, person_id, redeemed_at) "
                     + "values (?, 'main', ?, now()) on conflict do nothing");
             PreparedStatement device = c.prepareStatement("insert into web_device (key_hash, school_id, person_id, token_hash, created_at, "
                     + "expires_at) values (?, 'main', ?, ?, now(), now() + interval '1 day') on conflict do nothing")) {
            for (int i = 0; i < n; i++) {
                String id = school.teachers.get(i).id();
                String tokenHash = sha256("chat-bench-token-" + id);
                token.setString(1, tokenHash);
                token.setString(2, id);
                token.executeUpdate();
                device.setString(1, sha256(deviceKey(id)));
                device.setString(2, id);
                device.setString(3, tokenHash);
                device.executeUpdate();
            }
        }
    }

    static String sha256(String s) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private List<Client> connect(int port, School school, int n) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<Client>> opening = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            School.Teacher t = school.teachers.get(i);
            Client c = new Client(t.id(), school.menteesOf(t.id()).stream().map(School.Student::name).toList());
            opening.add(http.newWebSocketBuilder().header("Cookie", "mentorbot_device=" + deviceKey(t.id())).buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/chat"), c.listener())
                    .thenApply(ws -> {
                        c.ws = ws;
                        c.last = CompletableFuture.completedFuture(ws);
                        return c;
                    }));
        }
        List<Client> all = new ArrayList<>();
        for (CompletableFuture<Client> f : opening) all.add(f.get(30, TimeUnit.SECONDS));
        Thread.sleep(2_000); // pushes waiting for these pages arrive now; they are not answers
        return all;
    }

    final class Client {
        final String teacherId;
        final List<String> mentees;
        volatile WebSocket ws;
        CompletableFuture<WebSocket> last;
        Client(String teacherId, List<String> mentees) {
            this.teacherId = teacherId;
            this.mentees = mentees;
        }

        String note(Random rnd) {
            String template = School.NOTES[rnd.nextInt(School.NOTES.length)];
            String a = mentees.get(rnd.nextInt(mentees.size()));
            String b = mentees.get((mentees.indexOf(a) + 1) % mentees.size());
            return template.contains("%s和%s") ? String.format(template, a, b) : String.format(template, a);
        }

        /** java.net.http allows one outstanding send per socket: chain them. */
        synchronized void send(String frame) {
            last = last.thenCompose(w -> w.sendText(frame, true));
        }

        WebSocket.Listener listener() {
            return wholeFrames(ChatLoadBench.this::answered);
        }
    }

    /** A socket listener that hands on each text frame whole (a long one arrives in parts). */
    static WebSocket.Listener wholeFrames(java.util.function.Consumer<String> onFrame) {
        StringBuilder partial = new StringBuilder();
        return new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean lastPart) {
                partial.append(data);
                if (lastPart) {
                    String frame = partial.toString();
                    partial.setLength(0);
                    onFrame.accept(frame);
                }
                w.request(1);
                return null;
            }
        };
    }

    static double pct(long[] sortedMicros, double p) {
        if (sortedMicros.length == 0) return 0;
        int i = (int) Math.ceil(p / 100.0 * sortedMicros.length) - 1;
        return sortedMicros[Math.max(0, Math.min(i, sortedMicros.length - 1))] / 1000.0;
    }

    private static String single(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
