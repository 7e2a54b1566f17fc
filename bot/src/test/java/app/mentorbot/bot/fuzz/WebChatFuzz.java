package app.mentorbot.bot.fuzz;

import static app.mentorbot.bot.fuzz.BotFuzz.FAILURE;
import static app.mentorbot.bot.fuzz.BotFuzz.abbreviate;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import app.mentorbot.adapters.api.testing.Hostile;
import app.mentorbot.bot.testing.ChatClient;
import tools.jackson.databind.JsonNode;

/**
 * The web chat surface of {@link BotFuzz}: hostile frames (not JSON, wrong types, blank or too long texts, deep
 * nesting, bad ids, replays) from seven people on sockets of their own at once. Every frame is answered on a socket
 * that stays open; a refused frame leaves no row, an accepted one exactly one, and a record only where the
 * answer said so.
 */
final class WebChatFuzz {
    private final BotFuzz fuzz;

    WebChatFuzz(BotFuzz fuzz) {
        this.fuzz = fuzz;
    }

    /** What one fuzzed frame was meant to be, and what came of it. */
    private record Sent(String person, String id, String frame, boolean mustBeRefused) {}

    /** Frames from seven people on their own sockets at once; the rows and records that came of them. */
    void run() throws Exception {
        Hostile h = new Hostile(fuzz.seed("web chat frames"));
        int n = fuzz.n();
        List<String> people = List.of("T01", "T02", "T03", "T04", "T05", "P01", "X99");
        // Frames are generated up front from the one seed, so a run replays exactly whatever the thread timing.
        List<List<Sent>> plans = new ArrayList<>();
        for (String p : people) plans.add(new ArrayList<>());
        for (int i = 0; i < n; i++) {
            int who = h.nextInt(people.size());
            List<Sent> plan = plans.get(who);
            plan.add(webChatFrame(h, people.get(who), "f" + i, plan));
        }
        long inboundBefore = fuzz.count("select count(*) from inbound_message where platform = 'webchat'");
        Map<String, String> replies = new ConcurrentHashMap<>();
        Map<String, String> frames = new ConcurrentHashMap<>();
        List<String> refusedIds = new CopyOnWriteArrayList<>();
        List<String> problems = new CopyOnWriteArrayList<>();
        AtomicInteger refused = new AtomicInteger();
        Set<String> acceptedIds = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(people.size());
        List<Future<?>> runs = new ArrayList<>();
        for (int w = 0; w < people.size(); w++) {
            List<Sent> plan = plans.get(w);
            String person = people.get(w);
            runs.add(pool.submit(() -> {
                ChatClient chat = ChatClient.as(fuzz.port, person);
                try {
                    Set<String> answered = new HashSet<>();
                    for (Sent s : plan) {
                        // Every frame, however long or broken, is answered on a socket that stays open.
                        chat.sendRaw(s.frame());
                        JsonNode answer = answerTo(chat, s, answered);
                        if (answer == null) {
                            problems.add("no answer to frame " + s.id() + " of " + person + ": " + abbreviate(s.frame()));
                            continue;
                        }
                        String error = answer.path("error").asString(null);
                        String replyTo = answer.path("replyTo").asString(null);
                        if (replyTo != null) answered.add(replyTo);
                        if (error != null) {
                            refused.incrementAndGet();
                            if (s.id() != null) refusedIds.add(person + "/" + s.id());
                        } else {
                            if (s.mustBeRefused()) problems.add("frame meant to be refused was taken: " + abbreviate(s.frame()));
                            acceptedIds.add(person + "/" + replyTo);
                            replies.put(person + "/" + replyTo, answer.path("text").asString(""));
                            frames.put(person + "/" + replyTo, s.frame());
                        }
                        if (!chat.isOpen()) {
                            problems.add("socket of " + person + " closed after " + abbreviate(s.frame()));
                            return null;
                        }
                    }
                } finally {
                    chat.close();
                }
                return null;
            }));
        }
        for (Future<?> run : runs) run.get();
        pool.shutdown();

        // No row for a refused frame: the rows that appeared are exactly the accepted frames' (each id once).
        fuzz.awaitQuiet();
        List<String> stored = fuzz.jdbc.sql("select platform_message_id from inbound_message where platform = 'webchat' and id > 0")
                .query(String.class).list();
        List<String> neverAccepted = refusedIds.stream().filter(id -> !acceptedIds.contains(id)).toList();
        assertThat(stored).as("rows of refused frames").doesNotContainAnyElementsOf(neverAccepted);
        List<Map<String, Object>> failed = fuzz.jdbc.sql("select platform_message_id, left(coalesce(body, ''), 120) as body from inbound_message "
                + "where platform = 'webchat' and status = 'FAILED'").query().listOfRows();
        List<String> failedReplies = new ArrayList<>();
        int knownFailures = 0;
        for (Map.Entry<String, String> e : replies.entrySet()) {
            if (!e.getValue().startsWith(FAILURE)) continue;
            String frame = frames.getOrDefault(e.getKey(), "");
            if ((frame.contains("\\u0000") || frame.contains("\u0000"))
                    && fuzz.knownBugs("a message text containing U+0000 fails in RawInbox.store (PostgreSQL text cannot hold NUL)")) {
                knownFailures++;
                continue;
            }
            failedReplies.add(e.getKey() + ": " + abbreviate(frame));
        }
        System.out.printf("[fuzz] web chat: %d frames, %d refused by the adapter, %d accepted, %d failed in the pipeline%n",
                n, refused.get(), acceptedIds.size(), failedReplies.size());
        assertThat(problems).as("web chat problems").isEmpty();
        assertThat(failed).as("messages the pipeline failed on (each is a bug: the sender is told to try again)").isEmpty();
        assertThat(failedReplies).as("frames answered with the failure apology").isEmpty();
        // The NUL failures leave no row at all (the insert itself fails).
        assertThat(fuzz.count("select count(*) from inbound_message where platform = 'webchat'") - inboundBefore)
                .as("new inbound rows == accepted frames (refused frames leave none, replays add none)")
                .isEqualTo(acceptedIds.size() - knownFailures);
        // A record comes only from an accepted frame whose answer confirmed it or asked a question the next note answered.
        List<Map<String, Object>> recorded = fuzz.jdbc.sql("select distinct m.platform_message_id as id from record r "
                + "join inbound_message m on m.id = r.source_message_id where m.platform = 'webchat'").query().listOfRows();
        for (Map<String, Object> row : recorded) {
            String id = (String) row.get("id");
            String reply = replies.get(id);
            if (reply == null || id.startsWith("P")) continue; // not one of ours, or a parent's (relayed: one PARENT_CONTACT a day)
            assertThat(reply).as("answer to %s, which made a record", id).containsAnyOf("已记录", "提醒你", "已记下", "已更正", "已发送", "已转达", "？", "?", "哪", "请回复");
        }
        fuzz.stillWorks();
    }

    private Sent webChatFrame(Hostile h, String person, String id, List<Sent> earlier) {
        int kind = h.nextInt(20);
        switch (kind) {
            case 0: return new Sent(person, null, h.utf8Garbage(1 + h.nextInt(300)).replace("{", "("), true);
            case 1: return new Sent(person, null, h.pick(List.of("[]", "42", "\"text\"", "null", "true", "[{\"id\":\"a\",\"text\":\"b\"}]")), true);
            case 2: return new Sent(person, id, "{\"id\":\"" + id + "\",\"text\":" + h.pick(List.of("42", "null", "true", "[]",
                    "{\"text\":\"x\"}", "[\"和张小明谈心\"]", "1e999")) + "}", true);
            case 3: return new Sent(person, id, "{\"id\":\"" + id + "\"}", true);
            case 4: return new Sent(person, id, "{\"id\":\"" + id + "\",\"text\":" + Hostile.quote(h.pick(List.of("", " ", "\t\n", "   \r\n "))) + "}", true);
            case 5: return new Sent(person, id, "{\"id\":\"" + id + "\",\"text\":" + Hostile.quote("很".repeat(4001 + h.nextInt(20_000))) + "}", true);
            case 6: return new Sent(person, null, h.deepJson(), true);
            case 7: return new Sent(person, null, "{\"id\":" + Hostile.quote(h.pick(List.of(" ", "x".repeat(101), "\t"))) + ",\"text\":\"hi\"}", true);
            case 8: {
                // Broken JSON: refused, or (if the breakage happened to leave valid JSON) answered; either way answered.
                String good = "{\"id\":\"" + id + "\",\"text\":" + Hostile.quote(h.text()) + "}";
                return new Sent(person, id, h.brokenJson(good), false);
            }
            case 9: {
                // A random JSON object, maybe with an id and a text of any type.
                String body = "{\"id\":\"" + id + "\",\"text\":" + h.jsonValue(3) + ",\"x\":" + h.jsonValue(4) + "}";
                return new Sent(person, id, body, false);
            }
            case 10: {
                // Replay of a recent accepted frame (same client id): answered again, stored once.
                for (int back = earlier.size() - 1; back >= Math.max(0, earlier.size() - 20); back--) {
                    Sent prior = earlier.get(back);
                    if (!prior.mustBeRefused() && prior.id() != null && prior.frame().startsWith("{\"id\":\"" + prior.id() + "\",\"text\":\"")) {
                        return new Sent(person, prior.id(), prior.frame(), false);
                    }
                }
                return new Sent(person, id, "{\"id\":\"" + id + "\",\"text\":" + Hostile.quote(h.pick(Hostile.NOTES)) + "}", false);
            }
            case 11: return new Sent(person, id, "{\"text\":" + Hostile.quote(h.text()) + ",\"id\":\"" + id + "\",\"id\":\"" + id + "\"}", false);
            default: {
                String text = h.text();
                boolean refusedForSure = text.length() > 4000 || text.isBlank();
                return new Sent(person, id, "{\"id\":\"" + id + "\",\"text\":" + Hostile.quote(text) + "}", refusedForSure);
            }
        }
    }

    /**
     * The frame that answers s: its reply (by id) or an error frame; pushes (no replyTo, no error) in between are
     * skipped. A frame whose id may have been mangled (s.id() unsure) takes any answer to an id not answered before.
     */
    private static JsonNode answerTo(ChatClient chat, Sent s, Set<String> answered) throws InterruptedException {
        boolean sure = s.frame().startsWith("{\"id\":\"" + s.id() + "\",\"text\":") || s.mustBeRefused();
        for (int i = 0; i < 50; i++) {
            JsonNode frame;
            try {
                frame = chat.next();
            } catch (AssertionError timeout) {
                return null;
            }
            String replyTo = frame.path("replyTo").asString(null);
            boolean error = frame.hasNonNull("error");
            if (s.id() != null && s.id().equals(replyTo)) return frame;
            if (error && (replyTo == null || s.id() == null || !sure)) return frame;
            if (!sure && replyTo != null && !answered.contains(replyTo)) return frame;
        }
        return null;
    }
}
