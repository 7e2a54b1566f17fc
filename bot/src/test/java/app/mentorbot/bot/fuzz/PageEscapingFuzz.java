package app.mentorbot.bot.fuzz;

import static app.mentorbot.bot.fuzz.BotFuzz.FAILURE;
import static app.mentorbot.bot.fuzz.BotFuzz.http;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.mentorbot.adapters.api.testing.Hostile;
import app.mentorbot.bot.testing.ChatClient;

/**
 * Stored words on the pages, for {@link BotFuzz}: notes carrying HTML and script payloads go in through the web
 * chat, then every page that shows stored words (student page, growth file, digest, summary draft, the chat page)
 * is read: the payloads come out escaped, and no tag appears that the page's own template does not have.
 */
final class PageEscapingFuzz {
    private final BotFuzz fuzz;

    PageEscapingFuzz(BotFuzz fuzz) {
        this.fuzz = fuzz;
    }

    private static final Pattern TAG = Pattern.compile("<[a-zA-Z!/][^>]*>");

    /** Notes carrying HTML payloads, then every page that shows stored words: escaped, no new tags. */
    void run() throws Exception {
        Hostile h = new Hostile(fuzz.seed("HTML pages"));
        Map<String, String> before = pages();
        List<String> payloads = new ArrayList<>(Hostile.HTML);
        for (int i = 0; i < Math.max(20, fuzz.n() / 100); i++) payloads.add((h.pick(Hostile.HTML) + h.mix(2) + h.pick(Hostile.HTML)).replace("\u0000", "")); // NUL: known bug, tested elsewhere
        try (ChatClient liuYang = ChatClient.as(fuzz.port, "T01")) {
            for (String p : payloads) {
                String id = liuYang.say("今天和张小明谈心，他说" + p + "，下周再跟进");
                String reply = liuYang.replyTo(id);
                assertThat(reply).as("answer to a note carrying %s", p).doesNotStartWith(FAILURE);
            }
        }
        Map<String, String> after = pages();
        String student = after.get("student page");
        assertThat(student).as("the student page shows the stored notes, escaped").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        for (Map.Entry<String, String> page : after.entrySet()) {
            String html = page.getValue();
            String baseline = before.get(page.getKey());
            for (String needle : List.of("<script", "<img", "<svg", "<iframe", "<body", "<style")) {
                int own = needle.equals("<svg") ? charts(html) : 0;
                int ownBefore = needle.equals("<svg") ? charts(baseline) : 0;
                assertThat(countIgnoringCase(html, needle) - own).as("%s in %s (%d before the payloads)", needle, page.getKey(),
                        countIgnoringCase(baseline, needle)).isLessThanOrEqualTo(countIgnoringCase(baseline, needle) - ownBefore);
            }
            Matcher tags = TAG.matcher(html);
            while (tags.find()) {
                String tag = tags.group().toLowerCase();
                if (baseline.toLowerCase().contains(tag)) continue; // the template's own markup
                assertThat(tag).as("a tag in %s", page.getKey()).doesNotContain("onerror=").doesNotContain("onload=")
                        .doesNotContain("javascript:").doesNotContain("alert(").doesNotContain("prompt(");
            }
            for (String p : Hostile.HTML) {
                if (p.contains("<") && !p.startsWith("&")) assertThat(html).as("raw payload in %s", page.getKey()).doesNotContain(p);
            }
        }
        fuzz.stillWorks();
    }

    /** The pages' own charts (Svg, always in a figure): a growth file gains one with its first record. */
    private static int charts(String html) {
        return countIgnoringCase(html, "<figure><svg xmlns=\"http://www.w3.org/2000/svg\"");
    }

    /** Every HTML page that shows stored words, signed for T01 (mentor of 张小明 S01, in class 高二(1)班). */
    private Map<String, String> pages() throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        String classId = fuzz.jdbc.sql("select class_id from student where id = 'S01'").query(String.class).optional().orElse("C01");
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("student page", fuzz.links.studentPage("main", "T01", "S01"));
        urls.put("growth file", fuzz.links.growthFile("main", "T01", "S01"));
        String head = fuzz.jdbc.sql("select head_teacher_id from school_class where id = ?").param(classId).query(String.class).optional().orElse("T01");
        urls.put("digest", fuzz.links.digestPage("main", head, classId));
        urls.put("summary draft", fuzz.links.summaryDraft("main", "T01", "T01"));
        urls.put("chat page /", "/");
        urls.put("chat page /chat", "/chat");
        for (Map.Entry<String, String> u : urls.entrySet()) {
            if (u.getValue() == null) continue;
            String url = u.getValue().startsWith("http") ? u.getValue() : "http://localhost:" + fuzz.port + u.getValue();
            url = url.replaceFirst("^https?://[^/]+", "http://localhost:" + fuzz.port);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("%s at %s", u.getKey(), url).isEqualTo(200);
            pages.put(u.getKey(), r.body());
        }
        return pages;
    }

    private static int countIgnoringCase(String haystack, String needle) {
        String h = haystack.toLowerCase();
        int count = 0;
        for (int at = h.indexOf(needle); at >= 0; at = h.indexOf(needle, at + 1)) count++;
        return count;
    }
}
