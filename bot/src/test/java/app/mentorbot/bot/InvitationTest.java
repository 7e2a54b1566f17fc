package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import app.mentorbot.bot.cli.MentorBot;
import app.mentorbot.bot.testing.ChatClient;
import app.mentorbot.bot.testing.ExampleSchool;
import app.mentorbot.bot.testing.FreshDatabase;
import app.mentorbot.bot.testing.SchoolDayClock;
import app.mentorbot.bot.testing.TestClock;
import app.mentorbot.bot.web.Invitations;
import app.mentorbot.bot.web.SignedLinks;
import app.mentorbot.bot.web.SignedOutPages;
import app.mentorbot.bot.web.WebDevices;
import app.mentorbot.conversations.roster.RosterStore;

/**
 * Outside demo mode the web chat opens only through an invitation link, once: the browser that opens it
 * is signed in (an HttpOnly device cookie), and the same link forwarded to anyone else opens nothing. Page
 * links are bound to their viewer's browser the same way.
 * 刘洋 (T01) is a mentor, 张小明's mother is P01.
 */
@SpringBootTest(classes = MentorBot.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mentorbot.demo=false", "mentorbot.device-ttl=90d"})
@Import(SchoolDayClock.class)
class InvitationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        FreshDatabase.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    Invitations invitations;
    @Autowired
    WebDevices devices;
    @Autowired
    SignedLinks links;
    @Autowired
    RosterStore rosters;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    TestClock clock;
    @Autowired
    SignedOutPages signedOutPages;

    private final HttpClient browser = HttpClient.newHttpClient();

    @BeforeEach
    void theSchoolHasImportedItsRoster() throws Exception {
        ExampleSchool.imported(rosters, tx);
    }

    @AfterEach
    void backToTuesdayAfternoon() {
        clock.set(SchoolDayClock.TUESDAY_AFTERNOON);
    }

    @Test
    void aMentorOpensHisInvitationAndChatsFromThatBrowser() throws Exception {
        HttpResponse<String> opened = get("/?token=" + invitations.issue("T01"), null);
        assertThat(opened.statusCode()).isEqualTo(303);
        assertThat(opened.headers().firstValue("Location")).hasValue("/");
        String setCookie = opened.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith(WebDevices.COOKIE + "=").contains("HttpOnly").contains("SameSite=Lax")
                .contains("Max-Age=" + Duration.ofDays(90).toSeconds());
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        HttpResponse<String> page = get("/", cookie);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("导师助手");

        try (ChatClient liuYang = ChatClient.withHeaders(port, Map.of("Cookie", cookie))) {
            assertThat(liuYang.replyTo(liuYang.say("今天和张小明单独谈心，聊了数学"))).startsWith("已记录：").contains("张小明");
        }
    }

    @Test
    void aForwardedLinkOpensNothingInAnotherBrowser() throws Exception {
        String link = "/?token=" + invitations.issue("P01");
        String mothersCookie = cookieOf(get(link, null));

        HttpResponse<String> forwarded = get(link, null);
        assertThat(forwarded.statusCode()).isEqualTo(403);
        assertThat(forwarded.body()).contains("已经在另一个浏览器中打开过").doesNotContain("{{");
        assertThat(forwarded.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(get("/", null).statusCode()).isEqualTo(403);
        try (ChatClient stranger = ChatClient.withHeaders(port, Map.of())) {
            assertThat(stranger.next().path("error").asString()).isEqualTo("no_access");
            assertThat(stranger.closeReason()).isNotNull();
        }

        // The mother reopening her link in her own browser still gets in, without a new cookie.
        HttpResponse<String> again = get(link, mothersCookie);
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(get("/", mothersCookie).statusCode()).isEqualTo(200);
    }

    @Test
    void anExpiredOrForgedLinkIsRefusedPolitely() throws Exception {
        String token = invitations.issue("T01");
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        HttpResponse<String> wrong = get("/?token=" + forged, null);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).contains("需要邀请链接");

        clock.advance(Duration.ofDays(31));
        HttpResponse<String> late = get("/?token=" + token, null);
        assertThat(late.statusCode()).isEqualTo(403);
        assertThat(late.body()).contains("已过期");
        assertThat(late.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void aPageOnAnotherSiteCannotTalkThroughASignedInBrowser() throws Exception {
        String cookie = cookieOf(get("/?token=" + invitations.issue("T01"), null));
        try (ChatClient evil = ChatClient.withHeaders(port, Map.of("Cookie", cookie, "Origin", "https://evil.example"))) {
            assertThat(evil.next().path("error").asString()).isEqualTo("no_access");
        }
        try (ChatClient ours = ChatClient.withHeaders(port, Map.of("Cookie", cookie, "Origin", "http://localhost:" + port))) {
            assertThat(ours.replyTo(ours.say("和周文聊了聊，没什么大问题"))).startsWith("已记录：");
        }
    }

    @Test
    void aSignedOutBrowserIsSentBackToTheInvitationPage() throws Exception {
        String cookie = cookieOf(get("/?token=" + invitations.issue("T03"), null));
        assertThat(get("/", cookie).statusCode()).isEqualTo(200);

        assertThat(devices.signOut("T03")).isEqualTo(1);

        assertThat(get("/", cookie).statusCode()).isEqualTo(403);
        try (ChatClient lostPhone = ChatClient.withHeaders(port, Map.of("Cookie", cookie))) {
            assertThat(lostPhone.next().path("error").asString()).isEqualTo("no_access");
        }
    }

    @Test
    void aPageOpenWhenItsBrowserIsSignedOutIsClosedAtTheNextCheck() throws Exception {
        String lostCookie = cookieOf(get("/?token=" + invitations.issue("T04"), null));
        String othersCookie = cookieOf(get("/?token=" + invitations.issue("T02"), null));
        try (ChatClient lostPhone = ChatClient.withHeaders(port, Map.of("Cookie", lostCookie));
             ChatClient sun = ChatClient.withHeaders(port, Map.of("Cookie", othersCookie))) {
            // replyTo: the day's reminders may be waiting for them and arrive first
            assertThat(lostPhone.replyTo(lostPhone.say("和张小敏聊了聊，没什么大问题"))).startsWith("已记录：");

            devices.signOut("T04");
            signedOutPages.closePagesOfSignedOutBrowsers();

            assertThat(lostPhone.next().path("error").asString()).isEqualTo("no_access");
            assertThat(lostPhone.closeReason()).isNotNull();
            assertThat(sun.isOpen()).as("someone else's page stays open").isTrue();
            assertThat(sun.replyTo(sun.say("和张小明聊了聊，没什么大问题"))).startsWith("已记录：");
        }
    }

    @Test
    void browsersRacingForOneLinkLeaveExactlyOneSignedIn() throws Exception {
        String link = "/?token=" + invitations.issue("P02");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> tries = new ArrayList<>();
            for (int i = 0; i < 8; i++) tries.add(pool.submit((Callable<HttpResponse<String>>) () -> get(link, null)));
            List<Integer> statuses = new ArrayList<>();
            int cookies = 0;
            for (Future<HttpResponse<String>> t : tries) {
                statuses.add(t.get().statusCode());
                if (t.get().headers().firstValue("Set-Cookie").isPresent()) cookies++;
            }
            assertThat(statuses).containsOnly(303, 403).filteredOn(s -> s == 303).hasSize(1);
            assertThat(cookies).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
    }

    // Page links from the chat (growth file, digest, records) are not bearer tokens either: they open only in
    // the signed-in browser of the person they were made for. T01 mentors 黄佳怡 (S06); T02 heads 高二(1)班 (C21).

    @Test
    void aMentorsLinkOpensInTheBrowserHeSignedInWith() throws Exception {
        String liuYang = signedIn("T01");
        HttpResponse<String> page = get(links.growthFile("main", "T01", "S06"), liuYang);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("黄佳怡");
    }

    @Test
    void aLinkForwardedToAFamilyGroupIsRefusedInEveryOtherBrowser() throws Exception {
        String liuYang = signedIn("T01");
        String link = links.growthFile("main", "T01", "S06");
        assertThat(get(link, liuYang).statusCode()).isEqualTo(200);

        HttpResponse<String> stranger = get(link, null);
        assertThat(stranger.statusCode()).isEqualTo(403);
        assertThat(stranger.body()).contains("在聊天中重新获取链接").doesNotContain("黄佳怡");
        assertThat(stranger.headers().firstValue("Set-Cookie")).isEmpty();

        HttpResponse<String> mother = get(link, signedIn("P01"));
        assertThat(mother.statusCode()).isEqualTo(403);
        assertThat(mother.body()).contains("发给另一位用户").doesNotContain("黄佳怡");
    }

    @Test
    void aTeacherOpeningHerLinkFirstInDingTalksBrowserIsSignedInThereOnceAndTheSameLinkOpensNowhereElse() throws Exception {
        String digest = links.digestPage("main", "T02", "C21");
        HttpResponse<String> first = get(digest, null);
        assertThat(first.statusCode()).isEqualTo(200);
        String setCookie = first.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax");
        String dingTalkBrowser = setCookie.substring(0, setCookie.indexOf(';'));

        assertThat(get(digest, dingTalkBrowser).statusCode()).as("again in the same browser").isEqualTo(200);
        assertThat(get(digest, null).statusCode()).as("the same link in a second browser").isEqualTo(403);
    }

    @Test
    void signingAPersonOutEndsTheLinksAlreadySentToThem() throws Exception {
        String phone = signedIn("T01");
        String opened = links.growthFile("main", "T01", "S06");
        assertThat(get(opened, phone).statusCode()).isEqualTo(200);
        String neverOpened = links.studentPage("main", "T01", "S06");

        clock.advance(Duration.ofMinutes(5));
        devices.signOut("T01");

        assertThat(get(opened, phone).statusCode()).as("the lost phone").isEqualTo(403);
        assertThat(get(neverOpened, null).statusCode()).as("an unopened link from before the sign-out").isEqualTo(403);

        clock.advance(Duration.ofMinutes(1));
        String fresh = links.growthFile("main", "T01", "S06");
        assertThat(get(fresh, null).statusCode()).as("a link made after the sign-out, on the new phone").isEqualTo(200);
    }

    @Test
    void anotherPersonsInvitationDoesNotQuietlyReplaceTheBrowsersSignIn() throws Exception {
        String liuYang = signedIn("T01");
        HttpResponse<String> mothersLink = get("/?token=" + invitations.issue("P01"), liuYang);
        assertThat(mothersLink.statusCode()).isEqualTo(403);
        assertThat(mothersLink.body()).contains("已经以另一个人的身份登录");
        assertThat(mothersLink.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(get(links.growthFile("main", "T01", "S06"), liuYang).statusCode()).as("still 刘洋's browser").isEqualTo(200);
    }

    @Test
    void aNewSigningKeyEndsEveryLinkSentButNoOneIsSignedOut() throws Exception {
        String liuYang = signedIn("T01");
        String unopenedInvitation = "/?token=" + invitations.issue("T03");
        String unopenedPage = links.growthFile("main", "T01", "S06");

        invitations.rotateKey();

        assertThat(get(unopenedInvitation, null).statusCode()).isEqualTo(403);
        assertThat(get(unopenedPage, null).statusCode()).isEqualTo(403);
        assertThat(get("/", liuYang).statusCode()).as("still signed in").isEqualTo(200);
        assertThat(get(links.growthFile("main", "T01", "S06"), liuYang).statusCode()).as("new links work").isEqualTo(200);
    }

    @Test
    void theChatPageLearnsWhoIsSignedInAndAParentSeesTheirChildsMentor() throws Exception {
        String mother = signedIn("P01");
        HttpResponse<String> parent = get("/api/me", mother);
        assertThat(parent.statusCode()).isEqualTo(200);
        assertThat(parent.body()).contains("\"role\":\"PARENT\"", "张小明妈妈", "导师：刘洋").doesNotContain("P02");
        assertThat(get("/api/me", signedIn("T02")).body()).contains("\"name\":\"孙丽\"", "班主任");
        assertThat(get("/api/me", null).statusCode()).as("no browser, nobody").isEqualTo(404);
    }

    private String signedIn(String person) throws Exception {
        return cookieOf(get("/?token=" + invitations.issue(person), null));
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : "http://localhost:" + port + path));
        if (cookie != null) request.header("Cookie", cookie);
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookieOf(HttpResponse<String> opened) {
        assertThat(opened.statusCode()).isEqualTo(303);
        String setCookie = opened.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }
}
