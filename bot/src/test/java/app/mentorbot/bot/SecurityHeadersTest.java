package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import app.mentorbot.bot.testing.BotTest;
import app.mentorbot.bot.testing.SchoolDayClock;
import app.mentorbot.conversations.dialogue.Links;

/**
 * Every page the bot serves, opened as a browser opens it: the chat, the refusals, the record, digest, growth-file
 * and summary pages (and the digest's workbook), and the error pages. Each answer carries the same security headers
 * exactly once: a Content-Security-Policy that allows nothing by default and no framing, nosniff, DENY, no-referrer.
 * Every inline script and style block of an HTML page is allowed by its hash, so the policy does not break the page.
 */
@BotTest
@Import(SchoolDayClock.class)
class SecurityHeadersTest {

    @LocalServerPort
    int port;
    @Autowired
    Links links;

    private final HttpClient browser = HttpClient.newHttpClient();

    @Test
    void everyPageCarriesThePolicyNosniffFrameDenialAndNoReferrerOnce() throws Exception {
        Map<String, HttpResponse<String>> pages = new LinkedHashMap<>();
        pages.put("chat /", open("/"));
        pages.put("chat /chat", open("/chat"));
        pages.put("an invitation link that is not one", open("/?token=nonsense"));
        pages.put("a student's records", open(links.studentPage("main", "T01", "S06")));
        pages.put("a student's records, someone else's link", open(links.studentPage("main", "T01", "S06").replace("viewer=T01", "viewer=T02")));
        pages.put("digest", open(links.digestPage("main", "T02", "C21")));
        pages.put("digest workbook", open(links.digestPage("main", "T02", "C21").replace("/pages/digest/C21?", "/pages/digest/C21.xlsx?")));
        pages.put("digest refused", open(links.digestPage("main", "T03", "C21")));
        pages.put("growth file", open(links.growthFile("main", "T01", "S06")));
        pages.put("summary", open(links.summaryDraft("main", "T01", "T01")));
        pages.put("summary refused", open(links.summaryDraft("main", "T01", "T02")));
        pages.put("no such page", open("/no/such/page"));
        pages.put("/error asked for directly", open("/error"));
        pages.put("a query Tomcat cannot read", open("/?=x"));
        pages.put("health", open("/healthz"));
        pages.forEach((what, answer) -> {
            HttpHeaders h = answer.headers();
            assertThat(h.allValues("X-Content-Type-Options")).as(what).containsExactly("nosniff");
            assertThat(h.allValues("X-Frame-Options")).as(what).containsExactly("DENY");
            assertThat(h.allValues("Referrer-Policy")).as(what).containsExactly("no-referrer");
            assertThat(h.allValues("Content-Security-Policy")).as(what).singleElement().satisfies(csp -> {
                assertThat(directive(csp, "default-src")).isEqualTo("'none'");
                assertThat(directive(csp, "frame-ancestors")).isEqualTo("'none'");
                assertThat(csp).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            });
        });
        assertThat(pages.get("digest workbook").statusCode()).isEqualTo(200);
        assertThat(pages.get("digest workbook").headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/vnd.openxmlformats"));
    }

    @Test
    void everyHtmlPageSaysItIsUtf8AndItsInlineScriptsAndStylesAreAllowedByHash() throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("chat", "/");
        pages.put("chat refused", "/?token=nonsense");
        pages.put("student page", links.studentPage("main", "T01", "S06"));
        pages.put("student page refused", links.studentPage("main", "T01", "S06").replace("sig=", "sig=0"));
        pages.put("digest", links.digestPage("main", "T02", "C21"));
        pages.put("digest refused", links.digestPage("main", "T03", "C21"));
        pages.put("growth file", links.growthFile("main", "T01", "S06"));
        pages.put("summary", links.summaryDraft("main", "T01", "T01"));
        pages.put("no such page", "/no/such/page");
        for (Map.Entry<String, String> page : pages.entrySet()) {
            String what = page.getKey();
            HttpResponse<String> answer = open(page.getValue());
            assertThat(answer.headers().firstValue("Content-Type")).as(what)
                    .hasValueSatisfying(type -> assertThat(type.replace(" ", "")).isEqualToIgnoringCase("text/html;charset=UTF-8"));
            String csp = answer.headers().firstValue("Content-Security-Policy").orElseThrow();
            String html = answer.body();
            Matcher inline = Pattern.compile("<(script|style)>(.*?)</\\1>", Pattern.DOTALL).matcher(html);
            while (inline.find()) {
                assertThat(directive(csp, inline.group(1) + "-src")).as(what + ": an inline " + inline.group(1))
                        .contains("'sha256-" + sha256(inline.group(2)) + "'");
            }
            assertThat(html).as(what + ": a style attribute or an event handler would need 'unsafe-inline'")
                    .doesNotContainPattern("<[^>]*\\s(style|on[a-z]+)\\s*=");
            assertThat(html).as(what + ": scripts and styles only inline").doesNotContainPattern("<(script|style)\\s")
                    .doesNotContainPattern("<link\\s(?!rel=\"icon\" href=\"data:image/svg\\+xml,)");
        }
    }

    @Test
    void theChatPageMayOpenItsSocketAndAskItsOwnServerButLoadNothingFromElsewhere() throws Exception {
        String csp = open("/").headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(directive(csp, "connect-src")).isEqualTo("'self'");
        assertThat(directive(csp, "script-src")).startsWith("'sha256-").doesNotContain("'self'");
        assertThat(directive(csp, "base-uri")).isEqualTo("'none'");
        assertThat(directive(csp, "form-action")).as("forms post only here (the pairing page's moves)").isEqualTo("'self'");
        assertThat(directive(csp, "img-src")).as("the inline icon, nothing fetched").isEqualTo("data:");
    }

    @Test
    void theChatPageAndThePagesHaveAnInlineIcon() throws Exception {
        for (String path : java.util.List.of("/", links.digestPage("main", "T02", "C21"), links.growthFile("main", "T01", "S06"))) {
            assertThat(open(path).body()).as(path).contains("<link rel=\"icon\" href=\"data:image/svg+xml,");
        }
    }

    private HttpResponse<String> open(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : "http://localhost:" + port + path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The sources of one directive of a policy, "" when it has none. */
    private static String directive(String csp, String name) {
        return Arrays.stream(csp.split(";")).map(String::strip).filter(d -> d.startsWith(name + " "))
                .map(d -> d.substring(name.length() + 1).strip()).findFirst().orElse("");
    }

    private static String sha256(String text) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
