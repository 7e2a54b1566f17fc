package app.mentorbot.bot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Which font files make PDFs: a Chinese TrueType font, from the setting or Debian's path; nothing else. */
class PdfFontTest {
    static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    @Test
    void withoutASettingDebiansWenQuanYiZenHeiIsUsedWhereItIsInstalled() {
        Assumptions.assumeTrue(Files.isRegularFile(PdfSettings.DEBIAN_WQY_ZENHEI), "fonts-wqy-zenhei is not installed");
        PdfFont font = new PdfFont(new PdfSettings(null));
        assertThat(font.available()).isTrue();
        assertThat(font.withFont(f -> f.file())).hasValue(PdfSettings.DEBIAN_WQY_ZENHEI);
    }

    @Test
    void aMissingFileOrAFontWithoutChineseGlyphsMeansNoPdfsRatherThanPdfsOfEmptyBoxes() {
        assertThat(new PdfFont(new PdfSettings(Path.of("/nonexistent/font.ttc"))).pdf("<p>你好</p>")).isEmpty();
        Assumptions.assumeTrue(Files.isRegularFile(DEJAVU), "fonts-dejavu-core is not installed");
        assertThat(new PdfFont(new PdfSettings(DEJAVU)).available()).isFalse();
    }
}
