package app.mentorbot.bot.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The failover drill: a PostgreSQL primary and its streaming standby ({@code .ci/pg-pair.sh}), two bot instances
 * ({@code java -jar}) on one multi-host JDBC URL that asks for the primary, teachers' web chat pages open on both
 * and sending notes at a fixed rate. Mid-load the primary dies ({@code pg_ctl stop -m immediate}) and, a few seconds
 * later (what a failover manager would take to decide), the standby is promoted. A reminder slot falls due between
 * the two, with a reminder due for every teacher. Then, from the promoted database and the answers the pages got:
 * <ul>
 * <li>no accepted note lost: every note answered 已记录 or 收到！系统正在恢复 (spooled) is in {@code record};</li>
 * <li>no note filed twice;</li>
 * <li>the notes sent between the crash and the promotion are all filed, after the promotion;</li>
 * <li>the slot ran once: one outbox row and one delivered message (one outbox key) per teacher.</li>
 * </ul>
 * It prints the time from the crash to the first note confirmed again and to the last spooled note filed, and
 * exits 1 when a check fails.
 *
 * <pre>java -cp … app.mentorbot.bot.bench.FailoverBench --pair DIR [--jar bot/target/mentorbot.jar] [--teachers 40]
 *      [--rate 100] [--before 15] [--after 25] [--promote-after 3] [--ready 300] [--drain 180] [--keep]</pre>
 * ({@code --keep} keeps the work dir with the bots' logs, which a failed run always keeps).
 */
public final class FailoverBench {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String NOTE_MARK = "（演练";

    private final Map<String, String> o;
    private final List<String> failures = new ArrayList<>();

    private FailoverBench(Map<String, String> o) {
        this.o = o;
    }

    public static void main(String[] args) throws Exception {
        int failed = new FailoverBench(Args.parse(args)).run();
        System.exit(failed == 0 ? 0 : 1);
    }

    private int opt(String key, int dflt) {
        return Integer.parseInt(o.getOrDefault(key, String.valueOf(dflt)));
    }

    private boolean reminderChecked;

    int run() throws Exception {
        Path jar = Path.of(o.getOrDefault("jar", "bot/target/mentorbot.jar"));
        Path pair = Path.of(o.get("pair"));
        Map<String, String> ports = new HashMap<>();
        for (String line : Files.readAllLines(pair.resolve("ports.env"))) ports.put(line.split("=")[0], line.split("=")[1]);
        String script = o.getOrDefault("pair-script", ".ci/pg-pair.sh");
        int teacherCount = opt("teachers", 40), rate = opt("rate", 100), before = opt("before", 15), after = opt("after", 25);
        int promoteAfter = opt("promote-after", 3), drainSeconds = opt("drain", 180);
        System.setProperty("bench.ready-seconds", o.getOrDefault("ready", "300"));
        String url = "jdbc:postgresql://127.0.0.1:" + ports.get("PRIMARY_PORT") + ",127.0.0.1:" + ports.get("STANDBY_PORT")
                + "/mentorbot?targetServerType=primary&hostRecheckSeconds=1&connectTimeout=2";
        Map<String, String> env = Map.of("SPRING_DATASOURCE_URL", url, "SPRING_DATASOURCE_USERNAME", "postgres");

        Path work = Files.createTempDirectory("mentorbot-failover");
        School school = School.generate(Math.max(2, teacherCount * 8 / 50), 50, teacherCount, 17);
        Files.writeString(work.resolve("roster.json"), school.rosterJson(), StandardCharsets.UTF_8);
        System.out.printf("# failover drill: %d teachers, %d students; replication %s; %d notes/s over %d s, the primary stopped after %d s, "
                        + "the standby promoted %d s later; work dir %s; load %s%n", teacherCount, school.students.size(), ports.get("MODE"), rate,
                before + after, before, promoteAfter, work, BotProcess.loadAverage());
        int rc = BotProcess.run(jar, work.resolve("import.log"), env, "import", work.resolve("roster.json").toString(),
                "--mentorbot.data-dir=" + work.resolve("data-a"));
        if (rc != 0) throw new IllegalStateException("import failed (" + rc + "), see " + work.resolve("import.log"));

        // reminder slots every 15 s for the next 15 minutes: once both instances are ready, the drill picks the first slot
        // that leaves --before seconds of load before the crash, 1 s before that slot
        ZonedDateTime firstSlot = ZonedDateTime.now(ZONE).plusSeconds(30).truncatedTo(ChronoUnit.MINUTES);
        List<ZonedDateTime> slots = new ArrayList<>();
        for (int i = 0; i < 60; i++) slots.add(firstSlot.plusSeconds(15L * i));
        Map<String, String> cookies;
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            cookies = DrillTeachers.signIn(c, school.teachers);
        }
        List<String> args = botArguments(slots);
        CompletableFuture<BotProcess> a = CompletableFuture.supplyAsync(() -> start(jar, work, "a", env, args));
        CompletableFuture<BotProcess> b = CompletableFuture.supplyAsync(() -> start(jar, work, "b", env, args));
        DrillTeachers pages = new DrillTeachers();
        try (BotProcess botA = joinOrClose(a, b); BotProcess botB = b.join()) {
            System.out.printf("both instances ready (%d ms, %d ms)  [load %s]%n", botA.readyMillis, botB.readyMillis, BotProcess.loadAverage());
            pages.connect(school, school.teachers, cookies, botA.port, botB.port);
            long earliest = System.currentTimeMillis() + before * 1000L + 2_000;
            ZonedDateTime slot = slots.stream().filter(t -> t.toInstant().toEpochMilli() - 1_000 >= earliest).findFirst()
                    .orElseThrow(() -> new IllegalStateException("start-up took longer than the 15 minutes of reminder slots"));
            long crashAt = slot.toInstant().toEpochMilli() - 1_000;
            LocalDate day = slot.toLocalDate();
            boolean weekday = day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
            Thread.sleep(Math.max(0, crashAt - before * 1000L - System.currentTimeMillis()));
            long[] switchTimes = new long[3];
            CompletableFuture<Void> drill = CompletableFuture.runAsync(() -> {
                reminderChecked = weekday && addRemindersAfter(url, slot.minusSeconds(15).toInstant(), crashAt, school.teachers, day);
                failover(script, pair, crashAt, promoteAfter, switchTimes);
            });
            pages.send(rate, 0, crashAt + after * 1000L);
            String loadAfterSending = BotProcess.loadAverage();
            drill.join();
            long crash = switchTimes[0], promoting = switchTimes[1], promoted = switchTimes[2];
            Map<String, Filed> filed = drain(url, pages, drainSeconds, reminderChecked ? teacherCount : 0);
            report(url, pages, filed, crash, promoting, promoted, loadAfterSending);
            if (reminderChecked) checkReminders(url, pages, school.teachers, slot.toInstant(), crash);
            else if (!weekday) System.out.println("reminders: " + day + " is a weekend in Asia/Shanghai, when no reminder slot runs: the slot check is skipped");
            else System.out.println("reminders: the slot before the drill's had not run 0.5 s before the crash (machine too busy): the slot check is skipped");
        } finally {
            pages.close();
        }
        if (failures.isEmpty()) System.out.println("PASS: no accepted note lost, none filed twice" + (reminderChecked ? ", each reminder sent once" : ""));
        for (String f : failures) System.out.println("FAIL: " + f);
        if (failures.isEmpty() && !o.containsKey("keep")) SchoolScaleBench.deleteTree(work);
        else System.out.println("bot logs kept in " + work);
        return failures.size();
    }

    /** The bots' settings for the drill: a one-second scheduler, the slots, a term around today, no holiday, no quiet hours now. */
    private static List<String> botArguments(List<ZonedDateTime> slots) {
        LocalDate day = slots.get(0).toLocalDate();
        DateTimeFormatter hm = DateTimeFormatter.ofPattern("HH:mm");
        ZonedDateTime quiet = slots.get(0).plusHours(12);
        return List.of("--mentorbot.demo=false", "--mentorbot.scheduler.tick=1s", "--mentorbot.scheduler.initial-delay=1s",
                "--mentorbot.school.schedule.reminder-slots=" + String.join(",", slots.stream()
                        .map(t -> t.toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm:ss"))).toList()),
                "--mentorbot.school.terms[0].name=演练学期", "--mentorbot.school.terms[0].start=" + day.minusDays(60),
                "--mentorbot.school.terms[0].end=" + day.plusDays(60), "--mentorbot.school.terms[0].summary-due=" + day.plusDays(60),
                "--mentorbot.school.holidays[0].name=无", "--mentorbot.school.holidays[0].from=2000-01-01", "--mentorbot.school.holidays[0].to=2000-01-01",
                "--mentorbot.quiet-hours.start=" + quiet.format(hm), "--mentorbot.quiet-hours.end=" + quiet.plusMinutes(1).format(hm),
                "--mentorbot.overview.warm-up=false");
    }

    /** The first bot, closing the second when the first did not start (so no bot is left running). */
    private static BotProcess joinOrClose(CompletableFuture<BotProcess> first, CompletableFuture<BotProcess> second) throws Exception {
        try {
            return first.join();
        } catch (RuntimeException e) {
            try {
                second.join().close();
            } catch (RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
    }

    private static BotProcess start(Path jar, Path work, String name, Map<String, String> env, List<String> args) {
        try {
            List<String> all = new ArrayList<>(args);
            all.add("--management.server.port=" + BotProcess.freePort());
            return BotProcess.start(jar, work.resolve("data-" + name), work.resolve("bot-" + name + ".log"), env, all.toArray(String[]::new));
        } catch (Exception e) {
            throw new IllegalStateException("bot " + name + " did not start", e);
        }
    }

    /**
     * Once the slot before the drill's has run (so it cannot take them), one reminder due today for every teacher,
     * two for every other one: each teacher must still get one message, from the drill's slot. False when that
     * earlier slot had not run half a second before the crash.
     */
    private static boolean addRemindersAfter(String url, Instant previousSlot, long crashAt, List<School.Teacher> teachers, LocalDate day) {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             PreparedStatement ran = c.prepareStatement("select count(*) from slot_run where job = 'reminders' and slot_at = ?");
             PreparedStatement ps = c.prepareStatement("insert into reminder (school_id, person_id, kind, text, due_on, status, created_at) "
                     + "values ('main', ?, 'EXPLICIT', ?, ?, 'PENDING', now())")) {
            ran.setTimestamp(1, Timestamp.from(previousSlot));
            while (true) {
                try (ResultSet rs = ran.executeQuery()) {
                    if (rs.next() && rs.getInt(1) > 0) break;
                }
                if (System.currentTimeMillis() > crashAt - 500) return false;
                Thread.sleep(100);
            }
            c.setAutoCommit(false);
            for (int i = 0; i < teachers.size(); i++) {
                for (int k = 0; k < (i % 2 == 0 ? 2 : 1); k++) {
                    ps.setString(1, teachers.get(i).id());
                    ps.setString(2, DrillTeachers.REMINDER_WORD + (k == 0 ? "：检查值班表" : "：交导师记录"));
                    ps.setObject(3, day);
                    ps.executeUpdate();
                }
            }
            c.commit();
            return true;
        } catch (Exception e) {
            throw new IllegalStateException("could not add the drill's reminders", e);
        }
    }

    /**
     * Stops the primary, then promotes the standby; times: [0] the stop command returned (the primary is down: a
     * note sent just before may still have committed there), [1] the promote command is started (nothing can commit
     * on the standby before), [2] it returned (the standby is writable).
     */
    private static void failover(String script, Path pair, long crashAt, int promoteAfter, long[] times) {
        try {
            Thread.sleep(Math.max(0, crashAt - System.currentTimeMillis()));
            pairCommand(script, "crash", pair);
            times[0] = System.currentTimeMillis();
            Thread.sleep(Math.max(0, times[0] + promoteAfter * 1000L - System.currentTimeMillis()));
            times[1] = System.currentTimeMillis();
            pairCommand(script, "promote", pair);
            times[2] = System.currentTimeMillis();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pairCommand(String script, String what, Path pair) throws Exception {
        Process p = new ProcessBuilder(script, what, pair.toString()).inheritIO().start();
        if (p.waitFor() != 0) throw new IllegalStateException(script + " " + what + " failed");
    }

    /** A note's marker as filed: how many records carry it, the first one's filing time. */
    record Filed(int count, long firstAt) {}

    /** Waits until every accepted note is filed and every teacher's reminder arrived (or the drain time is up). */
    private static Map<String, Filed> drain(String url, DrillTeachers pages, int seconds, int reminderTeachers) throws Exception {
        long until = System.currentTimeMillis() + seconds * 1000L;
        Map<String, Filed> filed = Map.of();
        while (System.currentTimeMillis() < until) {
            try {
                filed = filedNotes(url);
            } catch (java.sql.SQLException away) {
                Thread.sleep(500);
                continue;
            }
            Map<String, Filed> now = filed;
            // every note filed and its 已记录 delivered, or answered with something else (the page would resend it)
            boolean notesDone = pages.notes.stream().allMatch(n -> now.containsKey(n.marker) ? n.confirmedAt > 0 : n.other != null);
            if (notesDone && pages.reminderKeys.size() >= reminderTeachers) break;
            Thread.sleep(500);
        }
        return filed;
    }

    private static Map<String, Filed> filedNotes(String url) throws Exception {
        Map<String, Filed> filed = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select substring(note from '" + NOTE_MARK + "([a-z]{5})）'), count(*), min(created_at) from record "
                     + "where note like '%" + NOTE_MARK + "%' group by 1")) {
            while (rs.next()) filed.put(rs.getString(1), new Filed(rs.getInt(2), rs.getTimestamp(3).getTime()));
        }
        return filed;
    }

    private void report(String url, DrillTeachers pages, Map<String, Filed> filed, long crash, long promoting, long promoted, String load)
            throws Exception {
        List<DrillTeachers.Note> notes = List.copyOf(pages.notes);
        int confirmed = 0, spooled = 0, otherAnswer = 0, silent = 0, lostConfirmed = 0, lostSpooled = 0, unfiled = 0, duplicates = 0;
        int duringSwitch = 0, switchFiledEarly = 0, switchUnfiled = 0;
        long firstConfirmedAgain = Long.MAX_VALUE, lastSpooledFiled = 0, firstConfirmedAfterPromotion = Long.MAX_VALUE;
        for (DrillTeachers.Note n : notes) {
            Filed f = filed.get(n.marker);
            if (n.confirmedAt > 0) confirmed++;
            if (n.spooledAt > 0) spooled++;
            if (n.confirmedAt == 0 && n.spooledAt == 0) {
                if (n.other != null) otherAnswer++;
                else silent++;
            }
            if (f == null) {
                unfiled++;
                if (n.confirmedAt > 0) lostConfirmed++;
                else if (n.spooledAt > 0) lostSpooled++;
            } else if (f.count() > 1) {
                duplicates++;
            }
            if (n.sentAt >= crash && n.confirmedAt > 0) firstConfirmedAgain = Math.min(firstConfirmedAgain, n.confirmedAt);
            if (n.sentAt >= promoted && n.confirmedAt > 0) firstConfirmedAfterPromotion = Math.min(firstConfirmedAfterPromotion, n.confirmedAt);
            if (n.spooledAt > 0 && f != null) lastSpooledFiled = Math.max(lastSpooledFiled, f.firstAt());
            if (n.sentAt >= crash && n.sentAt < promoting) {
                duringSwitch++;
                if (f == null) switchUnfiled++;
                else if (f.firstAt() < promoting) switchFiledEarly++;
            }
        }
        System.out.println();
        System.out.println("| notes sent | answered 已记录 | answered 收到 (spooled) | other answer | no answer | filed | not filed | filed twice | load avg after sending |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        System.out.printf("| %d | %d | %d | %d | %d | %d | %d | %d | %s |%n", notes.size(), confirmed, spooled, otherAnswer, silent, notes.size() - unfiled,
                unfiled, duplicates, load);
        System.out.println();
        System.out.printf("primary stopped at +0 (pg_ctl stop returned); promotion started at +%.1f s, standby writable at +%.1f s%n",
                (promoting - crash) / 1000.0, (promoted - crash) / 1000.0);
        System.out.printf("first note sent after the promotion confirmed (已记录) at +%s%n", firstConfirmedAfterPromotion == Long.MAX_VALUE ? "never"
                : String.format("%.1f s", (firstConfirmedAfterPromotion - crash) / 1000.0));
        System.out.printf("first note sent after the stop confirmed (已记录) at +%s%n", firstConfirmedAgain == Long.MAX_VALUE ? "never"
                : String.format("%.1f s", (firstConfirmedAgain - crash) / 1000.0));
        System.out.printf("last spooled note filed at +%s (%d spooled)%n", lastSpooledFiled == 0 ? "-" : String.format("%.1f s", (lastSpooledFiled - crash) / 1000.0),
                spooled);
        System.out.printf("notes sent while no primary (stop to promotion): %d, filed after the promotion: %d%n", duringSwitch, duringSwitch - switchUnfiled - switchFiledEarly);
        if (lostConfirmed > 0) failures.add(lostConfirmed + " notes answered 已记录 are not in record (accepted, then lost)");
        if (lostSpooled > 0) failures.add(lostSpooled + " spooled notes were never filed");
        if (duplicates > 0) failures.add(duplicates + " notes filed more than once");
        if (switchUnfiled > 0) failures.add(switchUnfiled + " notes sent while there was no primary are not filed");
        if (switchFiledEarly > 0) failures.add(switchFiledEarly + " notes sent while there was no primary were filed before the promotion");
        if (silent > 0) System.out.println("note: " + silent + " notes got no answer within the drain time; their replies in the outbox: " + unsentReplies(url, notes));
        if (otherAnswer > 0) System.out.println("note: " + otherAnswer + " notes got another answer, e.g. " + notes.stream().filter(n -> n.other != null).findFirst().map(n -> n.other).orElse(""));
    }

    /** Where the replies to the unanswered notes are: outbox rows by status, attempts and last error. */
    private static String unsentReplies(String url, List<DrillTeachers.Note> notes) throws Exception {
        String[] ids = notes.stream().filter(n -> n.confirmedAt == 0 && n.spooledAt == 0 && n.other == null).map(n -> n.teacherId + "/" + n.id).toArray(String[]::new);
        List<String> groups = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             PreparedStatement ps = c.prepareStatement("select status, attempts, coalesce(left(last_error, 40), '-'), count(*) from outbox "
                     + "where reply_to = any(?) group by 1, 2, 3 order by 4 desc")) {
            ps.setArray(1, c.createArrayOf("text", ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) groups.add(rs.getInt(4) + " " + rs.getString(1) + " after " + rs.getInt(2) + " attempts (" + rs.getString(3) + ")");
            }
        }
        return groups.isEmpty() ? "none" : String.join(", ", groups);
    }

    /**
     * Each teacher: one outbox row and one message (one outbox key) with the drill's reminders, all marked delivered,
     * by one slot run: the drill's slot, or a later one when the switch took longer than the slots' 15 s.
     */
    private void checkReminders(String url, DrillTeachers pages, List<School.Teacher> teachers, Instant slot, long crash) throws Exception {
        Map<String, Integer> rows = new HashMap<>();
        List<String> runs = new ArrayList<>();
        int pending;
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select recipient_id, count(*) from outbox where body like '%" + DrillTeachers.REMINDER_WORD + "%' group by 1")) {
                while (rs.next()) rows.put(rs.getString(1), rs.getInt(2));
            }
            try (ResultSet rs = st.executeQuery("select r.delivered_slot, count(*), min(s.started_at) from reminder r left join slot_run s "
                    + "on s.job = 'reminders' and s.slot_at = r.delivered_slot where r.text like '" + DrillTeachers.REMINDER_WORD + "%' "
                    + "and r.status = 'DELIVERED' group by 1 order by 1")) {
                while (rs.next()) runs.add(String.format("%d by the slot due at +%.1f s, claimed at +%.1f s", rs.getInt(2),
                        (rs.getTimestamp(1).getTime() - crash) / 1000.0, (rs.getTimestamp(3).getTime() - crash) / 1000.0));
            }
            try (ResultSet rs = st.executeQuery("select count(*) from reminder where text like '" + DrillTeachers.REMINDER_WORD + "%' and status <> 'DELIVERED'")) {
                rs.next();
                pending = rs.getInt(1);
            }
        }
        int wrongRows = 0, twice = 0, waiting = 0, repeats = 0;
        for (School.Teacher t : teachers) {
            if (rows.getOrDefault(t.id(), 0) != 1) wrongRows++;
            int keys = pages.reminderKeys.getOrDefault(t.id(), java.util.Set.of()).size();
            if (keys > 1) twice++;
            if (keys == 0) waiting++;
            repeats += Math.max(0, pages.reminderFrames.getOrDefault(t.id(), 0) - 1);
        }
        System.out.printf("reminders (drill slot due at +%.1f s): delivered %s; %d teachers, with not exactly one outbox row: %d, "
                        + "with two reminder messages: %d, whose message had not arrived by the end of the drain: %d (frames resent for the same row: %d); "
                        + "reminders not marked delivered: %d%n", (slot.toEpochMilli() - crash) / 1000.0, runs.isEmpty() ? "none" : String.join("; ", runs),
                teachers.size(), wrongRows, twice, waiting, repeats, pending);
        if (wrongRows > 0) failures.add(wrongRows + " teachers have not exactly one reminder row in the outbox");
        if (twice > 0) failures.add(twice + " teachers received two reminder messages");
        if (pending > 0) failures.add(pending + " drill reminders not delivered");
        if (runs.size() > 1) failures.add("the drill's reminders were delivered by " + runs.size() + " slot runs");
    }
}
