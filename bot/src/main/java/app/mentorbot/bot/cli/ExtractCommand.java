package app.mentorbot.bot.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import app.mentorbot.conversations.roster.RosterJson;
import app.mentorbot.conversations.understanding.Extraction;

/**
 * {@code extract --roster R.json}: the note reader on its own, cases on stdin, answers on stdout, as
 * shared/eval/SPEC.md defines. No Spring, no database, no network.
 */
public final class ExtractCommand {
    private ExtractCommand() {}

    public static int run(String[] args) {
        Path roster = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--roster") && i + 1 < args.length) roster = Path.of(args[++i]);
            else if (args[i].startsWith("--roster=")) roster = Path.of(args[i].substring("--roster=".length()));
        }
        if (roster == null || !Files.isReadable(roster)) {
            System.err.println("usage: java -jar mentorbot.jar extract --roster ROSTER.json < cases.jsonl > answers.jsonl");
            return 2;
        }
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            Extraction.run(RosterJson.read(roster), in, out);
            out.flush();
            return 0;
        } catch (IOException | RuntimeException e) {
            System.err.println("extract failed: " + e);
            return 1;
        }
    }
}
