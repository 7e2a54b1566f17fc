package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import app.mentorbot.bot.testing.BotTest;
import app.mentorbot.bot.testing.CapturedLogs;
import app.mentorbot.bot.testing.SchoolDayClock;
import app.mentorbot.bot.web.GrowthFileArchive;
import app.mentorbot.conversations.dialogue.Links;
import ch.qos.logback.classic.Level;

/**
 * A server without a usable Chinese font: the pages work as before, their PDF links answer with a polite page saying
 * so, the log says once which package to install, and the term-end archive refuses before writing anything.
 */
@BotTest
@Import(SchoolDayClock.class)
@TestPropertySource(properties = "mentorbot.pdf.font=/nonexistent/no-such-font.ttc")
class PdfWithoutFontTest {
    @Autowired
    Links links;
    @Autowired
    GrowthFileArchive archive;
    @TempDir
    Path dir;

    @RegisterExtension
    CapturedLogs logs = new CapturedLogs();

    @Test
    void thePageStillOpensAndItsPdfLinkExplainsPolitelyWhileTheLogNamesThePackageOnce() throws Exception {
        HttpResponse<String> page = get(links.growthFile("main", "T01", "S06"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("黄佳怡 成长档案", "下载 PDF");

        for (String pdf : List.of(links.growthFile("main", "T01", "S06").replace("/pages/growth/S06?", "/pages/growth/S06.pdf?"),
                links.digestPage("main", "T02", "C21").replace("/pages/digest/C21?", "/pages/digest/C21.pdf?"))) {
            HttpResponse<String> refused = get(pdf);
            assertThat(refused.statusCode()).as(pdf).isEqualTo(503);
            assertThat(refused.body()).as(pdf).contains("PDF 暂时无法生成：服务器上还没有安装中文字体", "网页可以直接打印")
                    .doesNotContain("黄佳怡");
        }

        List<String> warnings = logs.atLeast(Level.WARN).stream().filter(m -> m.contains("fonts-wqy-zenhei")).toList();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("apt-get install -y fonts-wqy-zenhei", "mentorbot.pdf.font").doesNotContain("黄佳怡", "刘洋");
    }

    @Test
    void theTermEndArchiveRefusesBeforeWritingAFile() {
        Path zip = dir.resolve("archive.zip");
        assertThatThrownBy(() -> archive.write("main", "2025-2026学年第二学期", zip, true)).isInstanceOf(GrowthFileArchive.NoFont.class);
        assertThat(Files.exists(zip)).isFalse();
    }

    private static HttpResponse<String> get(String link) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
