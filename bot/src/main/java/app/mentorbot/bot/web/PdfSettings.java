package app.mentorbot.bot.web;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mentorbot.pdf.*}: {@code font}, a TrueType font (.ttf, or a .ttc collection) with Chinese glyphs for the PDF
 * archives; unset means Debian's fonts-wqy-zenhei at its standard path.
 */
@ConfigurationProperties("mentorbot.pdf")
record PdfSettings(Path font) {
    static final Path DEBIAN_WQY_ZENHEI = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

    /** The font file to try: the setting, or Debian's path. */
    Path fontOrDefault() {
        return font == null || font.toString().isBlank() ? DEBIAN_WQY_ZENHEI : font;
    }
}
