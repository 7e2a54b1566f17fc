package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import app.mentorbot.bot.cli.MentorBot;
import app.mentorbot.bot.testing.ExampleSchool;
import app.mentorbot.bot.testing.FreshDatabase;
import app.mentorbot.bot.testing.SchoolDayClock;
import app.mentorbot.bot.web.Invitations;
import app.mentorbot.conversations.dialogue.Links;
import app.mentorbot.conversations.roster.RosterStore;

/**
 * A class head moves a student on the proposal page, over HTTP against the running bot outside demo mode: 孙丽 (T02,
 * head of 高二(1)班) opens her signed link in her signed-in browser, and a row's form moves 李华 (S02) to herself, as
 * 「把李华调给孙老师」 would. The form posts to the same signed link, from her browser only: another browser, another
 * site, a mentor's own link, or a student of another class moves nobody.
 */
@SpringBootTest(classes = MentorBot.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "mentorbot.demo=false")
@Import(SchoolDayClock.class)
class PairingPageMoveTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        FreshDatabase.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    Invitations invitations;
    @Autowired
    Links links;
    @Autowired
    RosterStore rosters;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment env;

    private final HttpClient browser = HttpClient.newHttpClient();

    @BeforeEach
    void theSchoolHasImportedItsRosterAndMatchedItsChoices() throws Exception {
        if (!rosters.load("main").isEmpty()) return;
        ExampleSchool.imported(rosters, tx);
        RosterImportCommandTest.Run run = MentorMatchingTest.match(env, "../config/example-choices.csv");
        assertThat(run.exit()).as(run.err()).isZero();
    }

    String mentorInProposal(String studentId) {
        return jdbc.sql("select coalesce(mentor_id, '-') || ' ' || coalesce(moved_by, '-') from match_pairing where student_id = ? "
                + "order by proposal_id desc limit 1").param(studentId).query(String.class).single();
    }

    long proposal() {
        return jdbc.sql("select max(id) from match_proposal").query(Long.class).single();
    }

    @Test
    void theClassHeadMovesAStudentFromTheRowsFormAndNobodyElseCan() throws Exception {
        String sun = signedIn("T02");
        String page = links.pairingPage("main", "T02", proposal());
        HttpResponse<String> opened = send(get(page), sun);
        assertThat(opened.statusCode()).isEqualTo(200);
        Matcher form = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"><select name=\"mentor\"[^>]*>.*?</select> <button name=\"student\" value=\"S02\">")
                .matcher(opened.body());
        assertThat(form.find()).as("李华's row has a move form").isTrue();
        String action = form.group(1).replace("&amp;", "&");
        assertThat(action).startsWith("/pages/pairing/" + proposal() + "/move?viewer=T02&exp=");
        assertThat(opened.body()).contains("<option value=\"T02\">孙丽（余 4）</option>").doesNotContain("<option value=\"T04\">")
                .as("钱芳 does not teach 高二(1)班");
        String before = mentorInProposal("S02");

        assertThat(send(post(action, "S02", "T02").header("Sec-Fetch-Site", "cross-site"), sun).statusCode())
                .as("a form on another site").isEqualTo(403);
        assertThat(send(post(action, "S02", "T02").header("Origin", "https://evil.example"), sun).statusCode()).isEqualTo(403);
        assertThat(send(post(action, "S02", "T02"), null).statusCode()).as("her link in another browser").isEqualTo(403);
        assertThat(send(post(action, "S02", "T02"), signedIn("T03")).statusCode()).as("赵强's browser").isEqualTo(403);
        String zhaosOwn = links.pairingPage("main", "T03", proposal());
        String zhao = signedIn("T03");
        assertThat(send(get(zhaosOwn), zhao).statusCode()).as("a mentor cannot open the proposal").isEqualTo(403);
        String zhaosAction = zhaosOwn.substring(zhaosOwn.indexOf("/pages/")).replace("?", "/move?");
        assertThat(send(post(zhaosAction, "S02", "T03"), zhao).statusCode()).as("nor move anyone with his own link").isEqualTo(403);
        assertThat(mentorInProposal("S02")).isEqualTo(before);

        HttpResponse<String> moved = send(post(action, "S02", "T02").header("Sec-Fetch-Site", "same-origin")
                .header("Origin", "http://localhost:" + port), sun);
        assertThat(moved.statusCode()).isEqualTo(303);
        assertThat(mentorInProposal("S02")).isEqualTo("T02 T02");
        HttpResponse<String> after = send(get(moved.headers().firstValue("Location").orElseThrow()), sun);
        assertThat(after.body()).contains("已把 李华 调给 孙丽老师（方案里 孙丽老师 现有 5 名，名额 8）。", "导师 孙丽：5 名", "（孙丽 调整）");

        HttpResponse<String> again = send(post(action, "S02", "孙老师"), sun);
        assertThat(send(get(again.headers().firstValue("Location").orElseThrow()), sun).body())
                .as("the chat's words for a teacher work too").contains("李华 已经在这位老师名下了");
        HttpResponse<String> other = send(post(action, "S17", "T02"), sun);
        assertThat(send(get(other.headers().firstValue("Location").orElseThrow()), sun).body()).contains("这名学生不在你能调整的班级里");
        assertThat(mentorInProposal("S17")).as("高二(2)班 is not hers").doesNotStartWith("T02");
    }

    private String signedIn(String person) throws Exception {
        HttpResponse<String> opened = send(get("/?token=" + invitations.issue(person)), null);
        assertThat(opened.statusCode()).isEqualTo(303);
        String setCookie = opened.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(url(path));
    }

    private HttpRequest.Builder post(String path, String student, String mentor) {
        String form = "student=" + URLEncoder.encode(student, StandardCharsets.UTF_8) + "&mentor=" + URLEncoder.encode(mentor, StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(url(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
    }

    private URI url(String path) {
        return URI.create(path.startsWith("http") ? path : "http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String cookie) throws Exception {
        if (cookie != null) request.header("Cookie", cookie);
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
