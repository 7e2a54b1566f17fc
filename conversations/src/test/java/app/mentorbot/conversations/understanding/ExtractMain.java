package app.mentorbot.conversations.understanding;

import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import app.mentorbot.conversations.roster.RosterJson;

/** Test-scope entry point for scoring a labelled set by hand: ExtractMain ROSTER.json < cases > answers. */
public final class ExtractMain {
    public static void main(String[] args) throws Exception {
        Extraction.run(RosterJson.read(Path.of(args[0])),
                new InputStreamReader(System.in, StandardCharsets.UTF_8),
                new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    }
}
