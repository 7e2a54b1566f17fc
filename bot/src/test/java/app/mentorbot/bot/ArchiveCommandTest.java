package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import app.mentorbot.bot.RosterImportCommandTest.Run;
import app.mentorbot.bot.cli.ArchiveCommand;

/** {@code java -jar mentorbot.jar archive --term T FILE.zip}: the admin's term-end archive, one growth file PDF per student. */
class ArchiveCommandTest {
    @TempDir
    Path dir;

    String url;

    @BeforeEach
    void aSchoolOfThreeStudentsInTwoClasses() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(PdfArchivesTest.WQY), "fonts-wqy-zenhei is not installed (.ci/fonts.sh installs it)");
        url = PeopleCommandTest.threeStudents(dir);
    }

    String[] with(String... args) {
        return PeopleCommandTest.onDatabase(url, args);
    }

    @Test
    void theArchiveHoldsOnePdfPerStudentUnderTheTermAndClassAndOnlyItsOwnerMayReadIt() throws Exception {
        Path zip = dir.resolve("2026-2027-1.zip");
        Run run = RosterImportCommandTest.capture(() -> ArchiveCommand.run(with("--term", "2026-2027-1", zip.toString())));

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("已写入 2026-2027学年第一学期 成长档案 PDF 3 份", "仅文件所有者可读").doesNotContain("张小明", "李华", "陈思雨");
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                names.add(e.getName());
                assertThat(new String(in.readNBytes(5), StandardCharsets.US_ASCII)).as(e.getName()).isEqualTo("%PDF-");
            }
        }
        assertThat(names).containsExactly("2026-2027学年第一学期/高二(1)班/S01_张小明.pdf", "2026-2027学年第一学期/高二(1)班/S02_李华.pdf",
                "2026-2027学年第一学期/高二(2)班/S04_陈思雨.pdf");
        assertThat(Files.getPosixFilePermissions(zip)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aTermNotInTheCalendarIsNamedBackWithTheTermsThatAreAndNothingIsWritten() throws Exception {
        Path zip = dir.resolve("a.zip");
        Run run = RosterImportCommandTest.capture(() -> ArchiveCommand.run(with("--term=2031-2032-1", zip.toString())));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("校历中没有学期 2031-2032-1", "2026-2027学年第一学期");
        assertThat(Files.exists(zip)).isFalse();
        assertThat(RosterImportCommandTest.capture(() -> ArchiveCommand.run(with("--term"))).exit()).isEqualTo(2);
    }
}
