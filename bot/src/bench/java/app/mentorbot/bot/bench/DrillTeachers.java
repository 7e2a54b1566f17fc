package app.mentorbot.bot.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The teachers of the failover drill: each signed in (a device row, as an opened invitation leaves), each with
 * one web chat page open on one of the bot instances, sending notes open loop at a fixed total rate. Every
 * note carries a unique marker of letters ({@code （演练abcd）}), so it can be found in {@code record} afterwards,
 * and every answer is kept by the note it answers: 已记录 (filed), 收到！系统正在恢复 (spooled), anything else.
 */
final class DrillTeachers {
    static final String REMINDER_WORD = "故障切换演练";
    private static final Pattern REPLY_TO = Pattern.compile("\"replyTo\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TEXT = Pattern.compile("\"text\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern KEY = Pattern.compile("\"key\"\\s*:\\s*(\\d+)");

    /** One note and what came back for it (times in epoch millis, 0 = not yet). */
    static final class Note {
        final String id;
        final String marker;
        final String teacherId;
        final int bot;
        final long sentAt;
        volatile long confirmedAt;
        volatile long spooledAt;
        volatile String other;

        Note(String id, String marker, String teacherId, int bot, long sentAt) {
            this.id = id;
            this.marker = marker;
            this.teacherId = teacherId;
            this.bot = bot;
            this.sentAt = sentAt;
        }
    }

    final List<Note> notes = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Note> byId = new ConcurrentHashMap<>();
    /** Teacher → outbox keys of the drill reminder frames received (a repeat of one key is allowed: the page drops it). */
    final Map<String, Set<Long>> reminderKeys = new ConcurrentHashMap<>();
    final Map<String, Integer> reminderFrames = new ConcurrentHashMap<>();
    private final List<Page> pages = new ArrayList<>();

    /** Signs every teacher in, as a browser that opened an invitation link would be; returns each teacher's cookie value. */
    static Map<String, String> signIn(Connection c, List<School.Teacher> teachers) throws Exception {
        Map<String, String> keys = new java.util.HashMap<>();
        Timestamp now = Timestamp.from(Instant.now());
        Timestamp until = Timestamp.from(Instant.now().plus(Duration.ofDays(1)));
        try (PreparedStatement redeemed = c.prepareStatement("insert into invitation_redeemed (token_hash, school_id, person_id, redeemed_at) values (?, 'main', ?, ?)");
             PreparedStatement device = c.prepareStatement("insert into web_device (key_hash, school_id, person_id, token_hash, created_at, expires_at) "
                     + "values (?, 'main', ?, ?, ?, ?)")) {
            for (School.Teacher t : teachers) {
                String key = UUID.randomUUID().toString();
                String token = sha256("drill-invitation|" + key);
                redeemed.setString(1, token);
                redeemed.setString(2, t.id());
                redeemed.setTimestamp(3, now);
                redeemed.executeUpdate();
                device.setString(1, sha256(key));
                device.setString(2, t.id());
                device.setString(3, token);
                device.setTimestamp(4, now);
                device.setTimestamp(5, until);
                device.executeUpdate();
                keys.put(t.id(), key);
            }
        }
        return keys;
    }

    /** Opens each teacher's page on the instance {@code i % ports.length}. */
    void connect(School school, List<School.Teacher> teachers, Map<String, String> cookies, int... ports) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
        for (int i = 0; i < teachers.size(); i++) {
            School.Teacher t = teachers.get(i);
            Page page = new Page(t.id(), i % ports.length, school.menteesOf(t.id()).stream().map(School.Student::name).toList());
            pages.add(page);
            opening.add(http.newWebSocketBuilder().header("Cookie", "mentorbot_device=" + cookies.get(t.id()))
                    .buildAsync(URI.create("ws://127.0.0.1:" + ports[page.bot] + "/ws/chat"), page.listener())
                    .thenApply(ws -> page.opened(ws)));
        }
        for (CompletableFuture<WebSocket> f : opening) f.get(60, TimeUnit.SECONDS);
    }

    /**
     * Sends {@code rate} notes a second, page after page, from {@code startIndex}, until {@code untilMillis};
     * each at its scheduled time (open loop). Returns the next index.
     */
    int send(int rate, int startIndex, long untilMillis) {
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime();
        Random rnd = new Random(startIndex);
        int i = startIndex;
        for (long k = 0; ; k++, i++) {
            long wait = start + k * period - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
            if (System.currentTimeMillis() >= untilMillis) return i;
            Page page = pages.get(i % pages.size());
            String marker = marker(i);
            Note n = new Note("n" + i, marker, page.teacherId, page.bot, System.currentTimeMillis());
            byId.put(n.id, n);
            notes.add(n);
            page.send("{\"id\":\"" + n.id + "\",\"text\":\"" + page.note(rnd) + "（演练" + marker + "）\"}");
        }
    }

    /** Letters only, so the note reader reads no number, date or score into it. */
    static String marker(int i) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < 5; k++, i /= 26) b.append((char) ('a' + i % 26));
        return b.reverse().toString();
    }

    void close() {
        for (Page p : pages) {
            if (p.ws != null) p.ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }

    private void frame(String teacherId, String frame) {
        Matcher t = TEXT.matcher(frame);
        String text = t.find() ? t.group(1) : "";
        Matcher r = REPLY_TO.matcher(frame);
        Note n = r.find() ? byId.get(r.group(1)) : null;
        long now = System.currentTimeMillis();
        if (n != null) {
            if (text.startsWith("已记录")) {
                if (n.confirmedAt == 0) n.confirmedAt = now;
            } else if (text.startsWith("收到！系统正在恢复")) {
                if (n.spooledAt == 0) n.spooledAt = now;
            } else {
                n.other = text.length() > 40 ? text.substring(0, 40) : text;
            }
        } else if (text.contains(REMINDER_WORD)) {
            Matcher k = KEY.matcher(frame);
            reminderKeys.computeIfAbsent(teacherId, x -> ConcurrentHashMap.newKeySet()).add(k.find() ? Long.parseLong(k.group(1)) : -1L);
            reminderFrames.merge(teacherId, 1, Integer::sum);
        }
    }

    private final class Page {
        final String teacherId;
        final int bot;
        final List<String> mentees;
        volatile WebSocket ws;
        private CompletableFuture<WebSocket> last;

        Page(String teacherId, int bot, List<String> mentees) {
            this.teacherId = teacherId;
            this.bot = bot;
            this.mentees = mentees;
        }

        WebSocket opened(WebSocket w) {
            ws = w;
            last = CompletableFuture.completedFuture(w);
            return w;
        }

        /** Notes about one mentee: each files one record straight away. */
        String note(Random rnd) {
            String template;
            do template = School.NOTES[rnd.nextInt(School.NOTES.length)]; while (template.contains("%s和%s"));
            return String.format(template, mentees.get(rnd.nextInt(mentees.size())));
        }

        /** java.net.http allows one outstanding send per socket: chain them. */
        synchronized void send(String frame) {
            last = last.thenCompose(w -> w.sendText(frame, true));
        }

        WebSocket.Listener listener() {
            return ChatLoadBench.wholeFrames(f -> frame(teacherId, f));
        }
    }

    static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
