package app.mentorbot.bot.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.logging.Level;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;

/**
 * A page's own HTML as a PDF. The HTML is parsed as a browser parses it (jsoup) and handed to openhtmltopdf as a DOM,
 * so the pages stay HTML5 and need no XHTML variant; then, on that DOM: what only makes sense on screen
 * ({@code .noprint}: the download links) goes, and a print style sheet asks for the embedded Chinese font, A4 pages
 * and table headers repeated on every page. Inline SVG charts are drawn by Batik as vectors, their text in the same
 * font. Nothing is fetched: the pages hold no external resources, and the renderer is told to load none.
 */
final class HtmlPdf {
    private static final String PRINT_STYLE = "@page{size:A4;margin:16mm 14mm}"
            + "body,svg,text{font-family:'" + PdfFont.FAMILY + "'}body{max-width:none;margin:0;padding:0;font-size:10.5pt}"
            + "table{-fs-table-paginate:paginate}.wrap{overflow:visible}tr,.key,figure{page-break-inside:avoid}"
            + "a{color:inherit;text-decoration:none}.wrap td:first-child,table.plan th{white-space:nowrap}";

    private static final Logger log = LoggerFactory.getLogger(HtmlPdf.class);

    static {
        XRLog.setLoggingEnabled(false); // its messages may quote the page; problems come to the diagnostic consumer below
    }

    private HtmlPdf() {}

    /** The PDF of {@code html}, with {@code font} embedded as a subset. */
    static byte[] render(String html, PdfFont.Loaded font) {
        Document page = Jsoup.parse(html);
        page.select(".noprint").remove();
        page.head().appendElement("style").text(PRINT_STYLE);
        page.select("svg").attr("font-family", PdfFont.FAMILY);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (PDDocument pdf = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder()
                    .useFastMode()
                    .usePDDocument(pdf)
                    .useFont(new PDFontSupplier(PDType0Font.load(pdf, font.outlines(), true)), PdfFont.FAMILY)
                    .useFont(() -> open(font.file()), PdfFont.FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL, true,
                            EnumSet.of(BaseRendererBuilder.FSFontUseCase.SVG))
                    .useSVGDrawer(new BatikSVGDrawer(BatikSVGDrawer.SvgScriptMode.SECURE,
                            BatikSVGDrawer.SvgExternalResourceMode.SECURE))
                    .useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                    .useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
                    .withProducer("MentorBot")
                    .withDiagnosticConsumer(HtmlPdf::diagnostic)
                    .withW3cDocument(new W3CDom().fromJsoup(page), "about:blank")
                    .toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Rendering problems by kind only: their arguments may hold what people wrote. */
    private static void diagnostic(Diagnostic d) {
        if (d.getLevel().intValue() >= Level.SEVERE.intValue()) log.warn("PDF rendering: {}", d.getLogMessageId().getEnum());
    }

    private static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
