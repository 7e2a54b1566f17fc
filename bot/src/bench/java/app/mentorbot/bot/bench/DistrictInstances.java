package app.mentorbot.bot.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@link DistrictWorker} instances as separate JVMs on the district's database: started together, told GO once
 * all are ready, timed from GO to the last DONE. Each worker's other output (Spring's warnings) goes to a log
 * file in {@code logDir}.
 */
final class DistrictInstances {
    private DistrictInstances() {}

    record SchoolRun(String school, int worker, long millis, int sent, long claimMillis) {}

    /** A worker's heap in MB after a full GC, just started and after its schools, and its resident set then. */
    record Heap(int worker, long startedUsed, long used, long committed, long rssMb) {}

    record Result(int workers, long startMillis, long wallMillis, List<SchoolRun> runs, List<SchoolRun> skips, List<String> failures,
                  List<Heap> heaps, long[] doneMillis) {}

    static Result run(int workers, List<String> schools, String order, Map<String, String> env, Path logDir) throws Exception {
        List<Process> processes = new ArrayList<>();
        List<SchoolRun> runs = Collections.synchronizedList(new ArrayList<>());
        List<SchoolRun> skips = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        long[][] heap = new long[workers][4];
        long[] done = new long[workers];
        CountDownLatch ready = new CountDownLatch(workers);
        CountDownLatch finished = new CountDownLatch(workers);
        long launched = System.nanoTime();
        long[] go = {0};
        for (int i = 0; i < workers; i++) {
            List<String> cmd = List.of(BotProcess.java(), "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"),
                    DistrictWorker.class.getName(), "--schools", String.join(",", schools), "--index", String.valueOf(i),
                    "--of", String.valueOf(workers), "--order", order);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().putAll(env);
            Process p = pb.start();
            processes.add(p);
            int w = i;
            Path log = logDir.resolve("worker-" + workers + "-" + i + ".log");
            Thread reader = new Thread(() -> read(p, w, log, runs, skips, failures, heap[w], ready, finished, done, go), "worker-" + i);
            reader.setDaemon(true);
            reader.start();
        }
        try {
            if (!ready.await(15, TimeUnit.MINUTES)) throw new IllegalStateException("workers not ready in 15 minutes; see " + logDir);
            long startMillis = (System.nanoTime() - launched) / 1_000_000;
            go[0] = System.nanoTime();
            for (Process p : processes) {
                OutputStream in = p.getOutputStream();
                in.write("GO\n".getBytes(StandardCharsets.UTF_8));
                in.flush();
            }
            if (!finished.await(6, TimeUnit.HOURS)) throw new IllegalStateException("workers not done in 6 hours");
            long wall = 0;
            for (long d : done) wall = Math.max(wall, d);
            for (Process p : processes) p.waitFor(2, TimeUnit.MINUTES);
            List<Heap> heaps = new ArrayList<>();
            for (int i = 0; i < workers; i++) heaps.add(new Heap(i, heap[i][0], heap[i][1], heap[i][2], heap[i][3]));
            return new Result(workers, startMillis, wall, List.copyOf(runs), List.copyOf(skips), List.copyOf(failures), heaps, done);
        } finally {
            for (Process p : processes) if (p.isAlive()) p.destroy();
        }
    }

    private static void read(Process p, int w, Path log, List<SchoolRun> runs, List<SchoolRun> skips, List<String> failures, long[] heap,
                             CountDownLatch ready, CountDownLatch finished, long[] done, long[] go) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log))) {
            boolean isDone = false;
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.startsWith("DW ")) {
                    out.println(line);
                    continue;
                }
                String[] f = line.substring(3).split(" ");
                switch (f[0]) {
                    case "READY" -> ready.countDown();
                    case "RAN" -> runs.add(new SchoolRun(f[1], w, Long.parseLong(f[2]), Integer.parseInt(f[3]), Long.parseLong(f[4])));
                    case "SKIP" -> skips.add(new SchoolRun(f[1], w, 0, 0, Long.parseLong(f[2])));
                    case "FAIL" -> failures.add(f[1] + " (" + f[2] + ", instance " + w + ")");
                    case "HEAP0" -> heap[0] = Long.parseLong(f[1]);
                    case "HEAP" -> {
                        heap[1] = Long.parseLong(f[1]);
                        heap[2] = Long.parseLong(f[2]);
                        heap[3] = Long.parseLong(f[3]);
                    }
                    case "DONE" -> {
                        done[w] = (System.nanoTime() - go[0]) / 1_000_000;
                        isDone = true;
                        finished.countDown();
                    }
                    default -> out.println(line);
                }
            }
            if (!isDone) {
                failures.add("instance " + w + " exited before DONE (see " + log + ")");
                ready.countDown();
                finished.countDown();
            }
        } catch (IOException e) {
            failures.add("instance " + w + ": " + e);
            ready.countDown();
            finished.countDown();
        }
    }
}
