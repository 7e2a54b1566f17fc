package app.mentorbot.bot.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Chinese font embedded in every PDF: {@code mentorbot.pdf.font} or Debian's fonts-wqy-zenhei, read once. From a
 * .ttc collection it takes WenQuanYiZenHei (else the collection's first font); a font PDFBox cannot embed (CFF
 * outlines, as in fonts-noto-cjk) or one without Chinese glyphs counts as missing. When it is missing the log says
 * once which package to install, and {@link #withFont} answers empty, so only the PDF links are affected.
 *
 * <p>The parsed font is shared by every document, and fontbox's font is not safe for concurrent use: documents are
 * made one at a time, under this object's lock.
 */
@Component
class PdfFont {
    /** The family name the PDF's style sheet asks for. */
    static final String FAMILY = "MentorBot CJK";
    private static final String PREFERRED = "WenQuanYiZenHei";
    private static final Logger log = LoggerFactory.getLogger(PdfFont.class);

    private final Path path;
    private final AtomicBoolean warned = new AtomicBoolean();
    private TrueTypeFont font;
    private boolean tried;

    PdfFont(PdfSettings settings) {
        this.path = settings.fontOrDefault();
    }

    /** Whether a usable font was found (reads it on the first call). */
    synchronized boolean available() {
        return load().isPresent();
    }

    /** The font read from {@code file}: the outlines PDFBox embeds, the file Batik reads for the charts' text. */
    record Loaded(TrueTypeFont outlines, Path file) {}

    /** {@code work} applied to the font, one caller at a time; empty when no usable font exists. */
    synchronized <T> Optional<T> withFont(Function<Loaded, T> work) {
        return load().map(f -> work.apply(new Loaded(f, path)));
    }

    /** The PDF of a page's HTML ({@link HtmlPdf}); empty when no usable font exists. */
    Optional<byte[]> pdf(String html) {
        return withFont(f -> HtmlPdf.render(html, f));
    }

    private Optional<TrueTypeFont> load() {
        if (!tried) {
            tried = true;
            try {
                font = read(path);
            } catch (IOException | RuntimeException e) {
                font = null;
                warnOnce("cannot be read (" + e.getClass().getSimpleName() + ")");
            }
        }
        return Optional.ofNullable(font);
    }

    private TrueTypeFont read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            warnOnce("is not there");
            return null;
        }
        TrueTypeFont ttf;
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
            TrueTypeCollection collection = new TrueTypeCollection(file.toFile()); // stays open with the font it holds
            ttf = collection.getFontByName(PREFERRED);
            if (ttf == null) {
                TrueTypeFont[] first = new TrueTypeFont[1];
                collection.processAllFonts(f -> { if (first[0] == null) first[0] = f; });
                ttf = first[0];
            }
        } else {
            ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
        }
        if (ttf == null || ttf.getUnicodeCmapLookup(false) == null || ttf.getUnicodeCmapLookup(false).getGlyphId('导') == 0) {
            warnOnce("has no Chinese glyphs");
            return null;
        }
        try (PDDocument scratch = new PDDocument()) {
            PDType0Font.load(scratch, ttf, true); // throws for fonts PDFBox cannot embed
        }
        return ttf;
    }

    private void warnOnce(String why) {
        if (warned.compareAndSet(false, true)) {
            log.warn("PDF archives are off: the font {} {}. Install Debian's fonts-wqy-zenhei (apt-get install -y fonts-wqy-zenhei) "
                    + "or set mentorbot.pdf.font to a TrueType font (.ttf/.ttc) with Chinese glyphs; pages and chat are not affected.", path, why);
        }
    }
}
