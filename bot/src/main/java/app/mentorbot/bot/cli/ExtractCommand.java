package app.mentorbot.bot.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import app.mentorbot.bot.modelreader.CaseReaders;
import app.mentorbot.bot.modelreader.HttpCompletions;
import app.mentorbot.bot.modelreader.ModelReaderSettings;
import app.mentorbot.conversations.modelreader.ModelReader;
import app.mentorbot.conversations.modelreader.ModelReaderCounters;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.RosterJson;
import app.mentorbot.conversations.understanding.Extraction;

/**
 * {@code extract --roster R.json [--reader rules|model|both]}: the note reader on its own, cases on
 * stdin, answers on stdout, as docs/notes.md defines. No Spring, no database. With the default
 * {@code --reader rules} no network either; {@code model} and {@code both} call the school's model
 * server ({@code --model-url}, {@code --model}, {@code --timeout} seconds, else the
 * {@code MENTORBOT_READER_MODEL_*} environment; the key only from {@code MENTORBOT_READER_MODEL_API_KEY})
 * and print its counters on stderr.
 */
public final class ExtractCommand {
    private static final String USAGE = "usage: java -jar mentorbot.jar extract --roster ROSTER.json [--reader rules|model|both] "
            + "[--model-url URL --model NAME --timeout SECONDS] < cases.jsonl > answers.jsonl";

    private ExtractCommand() {}

    public static int run(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) continue;
            int eq = a.indexOf('=');
            if (eq > 0) opts.put(a.substring(2, eq), a.substring(eq + 1));
            else if (i + 1 < args.length) opts.put(a.substring(2), args[++i]);
        }
        Path roster = opts.containsKey("roster") ? Path.of(opts.get("roster")) : null;
        String which = opts.getOrDefault("reader", "rules");
        if (roster == null || !Files.isReadable(roster) || !which.matches("rules|model|both")) {
            System.err.println(USAGE);
            return 2;
        }
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            Roster r = RosterJson.read(roster);
            int unreadable;
            if (which.equals("rules")) {
                unreadable = Extraction.run(r, in, out);
            } else {
                ModelReaderCounters counters = new ModelReaderCounters();
                ModelReaderSettings settings = new ModelReaderSettings(true, opt(opts, "model-url", "BASE_URL"), opt(opts, "model", "MODEL"),
                        System.getenv("MENTORBOT_READER_MODEL_API_KEY"), timeout(opt(opts, "timeout", "TIMEOUT")));
                ModelReader model = new ModelReader(HttpCompletions.of(settings), settings.model(), counters);
                unreadable = Extraction.run(r, in, out, CaseReaders.of(which, r, model));
                System.err.printf("model reader: %d calls, %d timeouts, %d invalid answers, %d failures%n",
                        counters.calls(), counters.timeouts(), counters.invalidAnswers(), counters.failures());
            }
            out.flush();
            if (unreadable > 0) {
                // ids only: a case's text is a note about a child
                System.err.printf("extract: %d line(s) could not be read and were answered OTHER; their answers carry the doubt "
                        + "%sjson (not a JSON object), %snow (\"now\" is not an ISO time with its offset, such as "
                        + "2026-03-10T15:00:00+08:00) or %scase%n", unreadable, Extraction.UNREADABLE, Extraction.UNREADABLE, Extraction.UNREADABLE);
            }
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            return 2;
        } catch (IOException | RuntimeException e) {
            System.err.println("extract failed: " + e);
            return 1;
        }
    }

    private static String opt(Map<String, String> opts, String name, String env) {
        String v = opts.get(name);
        return v != null ? v : System.getenv("MENTORBOT_READER_MODEL_" + env);
    }

    private static Duration timeout(String seconds) {
        if (seconds == null || seconds.isBlank()) return null;
        return seconds.startsWith("P") ? Duration.parse(seconds) : Duration.ofMillis(Math.round(Double.parseDouble(seconds) * 1000));
    }
}
