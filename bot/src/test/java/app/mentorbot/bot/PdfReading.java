package app.mentorbot.bot;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;

/** What a test reads back from a PDF with PDFBox: its text, its embedded fonts, and the shapes filled in a colour. */
final class PdfReading {
    private PdfReading() {}

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** The names of the fonts the pages use that are embedded in the file. */
    static Set<String> embeddedFonts(byte[] pdf) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    if (font != null && font.isEmbedded()) names.add(font.getName());
                }
            }
        }
        return names;
    }

    /** How many paths are filled in {@code rgb} (0xRRGGBB) on all pages, forms included: the bars and cells of a chart. */
    static int filledIn(byte[] pdf, int rgb) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int count = 0;
            for (PDPage page : doc.getPages()) {
                FillCounter counter = new FillCounter(page, rgb);
                counter.processPage(page);
                count += counter.count;
            }
            return count;
        }
    }

    /** Counts fills in one colour; everything else a page draws is ignored. */
    private static final class FillCounter extends PDFGraphicsStreamEngine {
        private final int rgb;
        private final Point2D.Float current = new Point2D.Float();
        int count;

        FillCounter(PDPage page, int rgb) {
            super(page);
            this.rgb = rgb;
        }

        @Override
        public void fillPath(int windingRule) throws IOException {
            if ((getGraphicsState().getNonStrokingColor().toRGB() & 0xFFFFFF) == rgb) count++;
        }

        @Override
        public void fillAndStrokePath(int windingRule) throws IOException {
            fillPath(windingRule);
        }

        @Override public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {}
        @Override public void drawImage(PDImage pdImage) {}
        @Override public void clip(int windingRule) {}
        @Override public void moveTo(float x, float y) { current.setLocation(x, y); }
        @Override public void lineTo(float x, float y) { current.setLocation(x, y); }
        @Override public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) { current.setLocation(x3, y3); }
        @Override public Point2D getCurrentPoint() { return current; }
        @Override public void closePath() {}
        @Override public void endPath() {}
        @Override public void strokePath() {}
        @Override public void shadingFill(COSName shadingName) {}
    }
}
