package app.mentorbot.bot.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.mentorbot.bot.cli.MentorBot;
import app.mentorbot.bot.testing.ChatClient;
import app.mentorbot.bot.testing.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * The bot is killed with SIGKILL while a teacher is sending notes, and started again on the same
 * database. The page resends whatever was not confirmed (with the same ids, as the real page does):
 * in the end every note is stored exactly once.
 */
class KilledUnderLoadTest {
    static final int NOTES = 60;
    static final Pattern PORT = Pattern.compile("MentorBot ready: http://localhost:(\\d+)/");

    @TempDir
    Path dataDir;

    record Child(Process process, int port) {}

    Child startBot(String url) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), MentorBot.class.getName(),
                "--server.port=0", "--mentorbot.demo=true", "--mentorbot.demo-records=false", "--mentorbot.example-school=../config/example-school.json",
                "--mentorbot.data-dir=" + dataDir, "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + TestDatabase.user(), "--spring.datasource.password=" + TestDatabase.password()))
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String line;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            Matcher m = PORT.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> { try { while (out.readLine() != null) { /* keep the pipe open */ } } catch (Exception ignored) { } });
                drain.setDaemon(true);
                drain.start();
                return new Child(p, Integer.parseInt(m.group(1)));
            }
        }
        p.destroyForcibly();
        throw new AssertionError("the bot did not come up");
    }

    @Test
    void killedMidwayAndRestartedEveryNoteIsStoredExactlyOnce() throws Exception {
        String url = TestDatabase.newDatabase();
        Map<String, String> notes = new LinkedHashMap<>();
        for (int i = 1; i <= NOTES; i++) notes.put("load-" + i, "今天和张小明单独谈心，第" + i + "次，聊了学习");
        Set<String> confirmed = new HashSet<>();

        Child first = startBot(url);
        try (ChatClient liu = ChatClient.as(first.port(), "T01")) {
            int sent = 0;
            for (Map.Entry<String, String> n : notes.entrySet()) {
                liu.sayWithId(n.getKey(), n.getValue());
                if (++sent == NOTES / 2) {
                    first.process().destroyForcibly(); // SIGKILL: no shutdown hooks, no goodbyes
                    break;
                }
                Thread.sleep(20);
            }
            collect(liu, confirmed, 1_000);
        } catch (Exception expectedWhenKilled) {
            // the socket dies with the process
        }
        first.process().waitFor(20, TimeUnit.SECONDS);

        Child second = startBot(url);
        try (ChatClient liu = ChatClient.as(second.port(), "T01")) {
            for (int round = 0; round < 3 && confirmed.size() < NOTES; round++) {
                for (Map.Entry<String, String> n : notes.entrySet()) {
                    if (!confirmed.contains(n.getKey())) liu.sayWithId(n.getKey(), n.getValue());
                }
                collect(liu, confirmed, 15_000);
            }
        } finally {
            second.process().destroy();
            second.process().waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(confirmed).hasSize(NOTES);
        try (Connection c = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password())) {
            for (String text : notes.values()) {
                ResultSet rs = c.createStatement().executeQuery("select count(*) from record where note = '" + text + "'");
                rs.next();
                assertThat(rs.getLong(1)).as(text).isEqualTo(1);
            }
            ResultSet rs = c.createStatement().executeQuery("select count(*) from record");
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(NOTES);
        }
    }

    /** Gathers confirmations until all notes are in or nothing arrives for a while. */
    private static void collect(ChatClient chat, Set<String> confirmed, long quietMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (confirmed.size() < NOTES && System.currentTimeMillis() < deadline) {
            JsonNode frame;
            try {
                frame = chat.next(quietMillis);
            } catch (AssertionError none) {
                return;
            }
            if (frame == null) return;
            String replyTo = frame.path("replyTo").asString(null);
            if (replyTo != null && frame.path("text").asString().startsWith("已记录")) confirmed.add(replyTo);
        }
    }
}
