package app.mentorbot.bot.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.transaction.support.TransactionTemplate;

import app.mentorbot.conversations.roster.RosterJson;
import app.mentorbot.conversations.roster.RosterStore;

/** The example school (config/example-school.json) as a school outside demo mode imports it: once per database. */
public final class ExampleSchool {
    private ExampleSchool() {}

    public static void imported(RosterStore rosters, TransactionTemplate tx) throws IOException {
        if (!rosters.load("main").isEmpty()) return;
        try (InputStream in = Files.newInputStream(Path.of("../config/example-school.json"))) {
            var roster = RosterJson.read(in);
            tx.executeWithoutResult(s -> rosters.replace("main", roster));
        }
    }
}
