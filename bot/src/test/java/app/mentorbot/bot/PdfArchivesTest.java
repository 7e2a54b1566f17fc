package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import app.mentorbot.bot.web.GrowthFileArchive;
import app.mentorbot.conversations.roster.Student;

/**
 * The PDF archives over the {@link KnownRecords}: a growth file and the conference digest as PDFs, reached from the
 * 「下载 PDF」 link on their pages, read back with PDFBox (text in the embedded Chinese font, the SVG charts drawn as
 * vectors); the same refusals as the pages; and the term-end zip with one PDF per student.
 */
class PdfArchivesTest extends KnownRecords {
    /** The charts' first colour (Svg.COLORS[0]): individual talks in the bars, the cells of the coverage grid. */
    static final int CHART_GREEN = 0x2f7d57;
    /** The fourth colour (Svg.COLORS[3]): observations and other records in the growth file's monthly bars. */
    static final int CHART_BLUE = 0x6b8fc7;

    @Autowired
    GrowthFileArchive archive;

    @TempDir
    Path dir;

    /** Debian's fonts-wqy-zenhei, which .ci/fonts.sh installs; a bare machine skips these tests. */
    static final Path WQY = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

    @BeforeEach
    void theChineseFontIsInstalled() {
        Assumptions.assumeTrue(Files.isRegularFile(WQY), "fonts-wqy-zenhei is not installed (.ci/fonts.sh installs it)");
    }

    @Test
    void theGrowthFilePdfFromThePagesLinkHoldsTheChineseTextInAnEmbeddedFontAndTheChart() throws Exception {
        String html = page(links.growthFile("main", "T01", "S06"));
        HttpResponse<byte[]> response = get(pdfLink(html, "/pages/growth/S06.pdf"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        byte[] pdf = response.body();
        String text = PdfReading.text(pdf).replaceAll("\\s+", ""); // table cells wrap lines anywhere
        assertThat(text).contains("黄佳怡成长档案", "班级：高二(1)班", "导师：刘洋", "指导计划", "待跟进", "2026年3月",
                "和黄佳怡单独谈心", "再找黄佳怡聊一次", "家长联系（电话）");
        assertThat(text).as("the page's download links stay on the page").doesNotContain("下载PDF", "可直接打印本页");
        assertThat(text).as("escaped on the page, plain text in the PDF").contains("<script>alert('x')</script>&请大家关注");
        assertThat(PdfReading.embeddedFonts(pdf)).anyMatch(name -> name.endsWith("WenQuanYiZenHei"));
        assertThat(html).contains("每月的记录（按类型）");
        // the monthly chart: individual talks (green) in its legend and March's bar; observations (blue) in the legend, January, March
        assertThat(PdfReading.filledIn(pdf, CHART_GREEN)).isEqualTo(2);
        assertThat(PdfReading.filledIn(pdf, CHART_BLUE)).isEqualTo(3);
    }

    @Test
    void theDigestPdfFromThePagesLinkHoldsTheKeyStudentsAndBothCharts() throws Exception {
        String html = page(links.digestPage("main", "T02", "C21"));
        HttpResponse<byte[]> response = get(pdfLink(html, "/pages/digest/C21.pdf"));

        assertThat(response.statusCode()).isEqualTo(200);
        byte[] pdf = response.body();
        String text = PdfReading.text(pdf).replaceAll("\\s+", "");
        assertThat(text).contains("高二(1)班学情会商材料", "班主任：孙丽", "重点学生", "杨帆", "黄佳怡", "导师覆盖", "刘洋");
        assertThat(text).doesNotContain("下载Excel表格", "下载PDF");
        assertThat(PdfReading.embeddedFonts(pdf)).anyMatch(name -> name.endsWith("WenQuanYiZenHei"));
        // every C21 mentee but 杨帆 had an individual talk this period: a green bar each, plus the grid's green cells
        assertThat(PdfReading.filledIn(pdf, CHART_GREEN)).isGreaterThan(8);
    }

    @Test
    void aViewerRefusedThePageIsRefusedThePdfAndLearnsNothingFromIt() throws Exception {
        String growthPdf = links.growthFile("main", "T03", "S06").replace("/pages/growth/S06?", "/pages/growth/S06.pdf?");
        String digestPdf = links.digestPage("main", "T01", "C21").replace("/pages/digest/C21?", "/pages/digest/C21.pdf?");
        String forged = links.growthFile("main", "T01", "S06").replace("/pages/growth/S06?", "/pages/growth/S06.pdf?")
                .replaceAll("sig=[^&]+", "sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        String otherStudent = links.growthFile("main", "T01", "S06").replace("/pages/growth/S06?", "/pages/growth/S16.pdf?");
        for (String link : List.of(growthPdf, digestPdf, forged, otherStudent)) {
            HttpResponse<byte[]> refused = get(link);
            String body = new String(refused.body(), StandardCharsets.UTF_8);
            assertThat(refused.statusCode()).as(link).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).as(link).startsWith("text/html");
            assertThat(body).as(link).doesNotStartWith("%PDF").doesNotContain("黄佳怡", "情绪");
        }
        assertThat(new String(get(growthPdf).body(), StandardCharsets.UTF_8)).contains("你没有查看这位学生成长档案的权限");
    }

    @Test
    void theTermEndArchiveHoldsOnePdfPerStudentByClassAndNumberReadableByItsOwnerOnly() throws Exception {
        Path zip = dir.resolve("成长档案.zip");
        String term = archive.term("main", "2025-2026-2").orElseThrow();
        assertThat(term).isEqualTo("2025-2026学年第二学期");

        GrowthFileArchive.Written written = archive.write("main", term, zip, true);

        List<Student> students = rosters.load(SCHOOL).students();
        Map<String, byte[]> entries = entries(zip);
        assertThat(written.students()).isEqualTo(students.size());
        assertThat(written.bytes()).isEqualTo(Files.size(zip));
        assertThat(entries).hasSize(students.size());
        assertThat(entries).containsKey("2025-2026学年第二学期/高二(1)班/S06_黄佳怡.pdf");
        assertThat(entries.keySet()).allMatch(name -> name.matches("2025-2026学年第二学期/[^/]+班/S\\d{2}_[^/]+\\.pdf"));
        assertThat(PdfReading.text(entries.get("2025-2026学年第二学期/高二(1)班/S06_黄佳怡.pdf"))).contains("黄佳怡 成长档案", "和黄佳怡单独谈心");
        for (Student s : students) {
            String name = entries.keySet().stream().filter(n -> n.contains("/" + s.id() + "_")).findFirst().orElseThrow();
            assertThat(PdfReading.text(entries.get(name))).as(name).contains(s.name() + " 成长档案");
        }
        assertThat(Files.getPosixFilePermissions(zip)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (var left = Files.list(dir)) {
            assertThat(left.toList()).as("no half-written file left beside it").containsExactly(zip);
        }
    }

    @Test
    void theArchiveCanLeaveNamesOutOfItsFileNamesAndNeverOverwritesAnOlderArchive() throws Exception {
        Path zip = dir.resolve("archive.zip");
        archive.write("main", "2025-2026学年第二学期", zip, false);
        assertThat(entries(zip).keySet()).contains("2025-2026学年第二学期/高二(1)班/S06.pdf").noneMatch(n -> n.contains("黄佳怡"));
        long size = Files.size(zip);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> archive.write("main", "2025-2026学年第二学期", zip, true))
                .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
        assertThat(Files.size(zip)).isEqualTo(size);
        assertThat(archive.term("main", "2031-2032-1")).isEmpty();
    }

    /** The 「下载 PDF」 link on a page, as the browser follows it. */
    private static String pdfLink(String html, String path) {
        Matcher m = Pattern.compile("href=\"(" + Pattern.quote(path) + "\\?[^\"]+)\"[^>]*>下载 PDF").matcher(html);
        assertThat(m.find()).as("a 下载 PDF link to " + path).isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    private static Map<String, byte[]> entries(Path zip) throws Exception {
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) entries.put(e.getName(), in.readAllBytes());
        }
        return entries;
    }
}
