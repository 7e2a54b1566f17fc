package app.mentorbot.bot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import app.mentorbot.bot.testing.BotTest;
import app.mentorbot.bot.testing.SchoolDayClock;
import app.mentorbot.conversations.dialogue.Links;
import app.mentorbot.conversations.leadership.DistrictFigures;
import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.records.RecordStore;
import app.mentorbot.conversations.roster.RosterJson;
import app.mentorbot.conversations.roster.RosterStore;
import app.mentorbot.conversations.understanding.Flag;
import app.mentorbot.conversations.understanding.Kind;
import app.mentorbot.conversations.understanding.Topic;

/**
 * The district page over two schools (the demo school "main" and "east", the same roster under another name): a
 * school's figures are computed again when its records changed, and only then. The count of computations is the
 * district figures' own; no timing.
 */
@BotTest
@Import(SchoolDayClock.class)
@TestPropertySource(properties = "mentorbot.district.id=qu")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistrictPageFiguresTest {
    @Autowired
    Links links;
    @Autowired
    RecordStore records;
    @Autowired
    RosterStore rosters;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    DistrictFigures figures;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    private static final String MAIN = "示范中学（演示）";
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @BeforeAll
    void eastAndTheDistrictOffice() throws Exception {
        String example = Files.readString(Path.of("../config/example-school.json")).replace("示范中学（演示）", "东城中学");
        tx.executeWithoutResult(s -> {
            rosters.replace("east", RosterJson.read(new ByteArrayInputStream(example.getBytes(StandardCharsets.UTF_8))));
            rosters.replace("qu", RosterJson.read(new ByteArrayInputStream("""
                    {"school": "城区教育局", "classes": [], "students": [], "parents": [],
                     "teachers": [{"id": "D01", "name": "马明", "subject": "基础教育科", "classes": [], "admin": true}]}
                    """.getBytes(StandardCharsets.UTF_8))));
        });
    }

    @Test
    void aSchoolsNewNoteShowsOnTheNextLookAndOnlyThatSchoolIsComputedAgain() throws Exception {
        String link = links.districtOverview("qu", "D01");
        String first = page(link);
        int eastBefore = flagged(first, "东城中学");
        int mainBefore = flagged(first, MAIN);
        long computed = figures.computed();

        assertThat(flagged(page(link), "东城中学")).isEqualTo(eastBefore);
        assertThat(figures.computed()).as("nothing changed: no school computed again").isEqualTo(computed);

        records.save(new Record(null, "east", "T01", Kind.OBSERVATION, null, null, LocalDate.of(2026, 3, 9), null, Set.of(Topic.PSYCH),
                Set.of(Flag.PSYCH), List.of("S03"), "情绪低落", List.of(), null, SchoolDayClock.TUESDAY_AFTERNOON.toInstant()));
        String after = page(link);
        assertThat(flagged(after, "东城中学")).as("east's new flagged student").isEqualTo(eastBefore + 1);
        assertThat(flagged(after, MAIN)).isEqualTo(mainBefore);
        assertThat(figures.computed()).as("east alone computed again").isEqualTo(computed + 1);

        records.save(new Record(null, "main", "T03", Kind.OBSERVATION, null, null, LocalDate.of(2026, 3, 9), null, Set.of(Topic.PSYCH),
                Set.of(Flag.PSYCH), List.of("S13"), "情绪低落", List.of(), null, SchoolDayClock.TUESDAY_AFTERNOON.toInstant()));
        String third = page(link);
        assertThat(flagged(third, MAIN)).as("main's new flagged student").isEqualTo(mainBefore + 1);
        assertThat(flagged(third, "东城中学")).isEqualTo(eastBefore + 1);
        assertThat(figures.computed()).as("main alone computed again").isEqualTo(computed + 2);
    }

    /** The flagged column of a school's row. */
    private static int flagged(String html, String schoolName) {
        Matcher m = Pattern.compile(">" + Pattern.quote(schoolName) + "</a></td>(?:<td class=\"n\">[^<]*</td>){4}<td class=\"n\">(\\d+)</td>").matcher(html);
        assertThat(m.find()).as("a row for %s", schoolName).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private String page(String link) throws Exception {
        String local = "http://localhost:" + port + link.substring(link.indexOf("/pages/"));
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create(local)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }
}
