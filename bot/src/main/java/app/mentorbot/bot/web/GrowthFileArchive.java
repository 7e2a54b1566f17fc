package app.mentorbot.bot.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.stereotype.Component;

import app.mentorbot.conversations.digests.GrowthFile;
import app.mentorbot.conversations.digests.GrowthFileBuilder;
import app.mentorbot.conversations.duties.Ledger;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.RosterStore;
import app.mentorbot.conversations.roster.SchoolClass;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.schedule.SchoolCalendar;

/**
 * The term-end archive for the school's records office: every student's growth file as a PDF, one zip. Entries are
 * {@code <term>/<class>/<student number>_<name>.pdf}, by class then student number; names help whoever files the
 * archive (the admin who runs it may read every file anyway) and can be left out. The zip is written beside its
 * target, readable by its owner only, and moved into place when complete, so a half-written archive never has the
 * final name. PDFs are made one at a time ({@link PdfFont}) and streamed into the zip, so memory stays flat.
 */
@Component
public class GrowthFileArchive {
    private static final Pattern SHORT_TERM = Pattern.compile("(\\d{4})-(\\d{4})-([12])");
    private static final Pattern UNSAFE = Pattern.compile("[\\\\/:*?\"<>|\\p{Cntrl}]");

    /** What was written: the term, one PDF per student, the zip's size, how long it took. */
    public record Written(String term, int students, long bytes, Duration took) {}

    /** Thrown when no usable Chinese font exists (the log has said which package to install). */
    public static final class NoFont extends RuntimeException {
        NoFont() {
            super("no Chinese font for PDFs");
        }
    }

    private final PdfFont font;
    private final Clock clock;
    private final RosterStore rosters;
    private final GrowthFileBuilder growthFiles;
    private final Ledger ledger;

    GrowthFileArchive(PdfFont font, Clock clock, RosterStore rosters, GrowthFileBuilder growthFiles, Ledger ledger) {
        this.font = font;
        this.clock = clock;
        this.rosters = rosters;
        this.growthFiles = growthFiles;
        this.ledger = ledger;
    }

    /** The school's configured terms' names, for a message when a term is not found. */
    public List<String> termNames(String schoolId) {
        return ledger.rules(schoolId).calendar().terms().stream().map(SchoolCalendar.Term::name).toList();
    }

    /**
     * The term named: as in the school's calendar, or as {@code 2026-2027-1} for 2026-2027学年第一学期; null or blank means
     * the current term, or the last one when school is out.
     */
    public Optional<String> term(String schoolId, String name) {
        SchoolCalendar calendar = ledger.rules(schoolId).calendar();
        if (name == null || name.isBlank()) return Optional.of(calendar.currentOrLastTerm(LocalDate.now(clock)).name());
        Matcher shortName = SHORT_TERM.matcher(name.strip());
        String wanted = shortName.matches()
                ? shortName.group(1) + "-" + shortName.group(2) + "学年第" + (shortName.group(3).equals("1") ? "一" : "二") + "学期"
                : name.strip();
        return calendar.terms().stream().map(SchoolCalendar.Term::name).filter(wanted::equals).findFirst();
    }

    /** Writes every student's growth file of one school, as it stands today, into {@code zip} (which must not exist yet). */
    public Written write(String schoolId, String term, Path zip, boolean withNames) throws IOException {
        if (!font.available()) throw new NoFont();
        if (Files.exists(zip)) throw new FileAlreadyExistsException(zip.toString());
        long start = System.nanoTime();
        LocalDate today = LocalDate.now(clock);
        Roster roster = rosters.load(schoolId);
        Map<String, String> classNames = roster.classes().stream().collect(Collectors.toMap(SchoolClass::id, SchoolClass::name));
        Function<String, String> className = id -> classNames.getOrDefault(id, id);
        List<Student> students = roster.students().stream()
                .sorted(Comparator.comparing((Student s) -> className.apply(s.classId()))
                        .thenComparing(Student::id)).toList();
        Path dir = zip.toAbsolutePath().getParent();
        Path partial = ownerOnly(dir, zip.getFileName().toString());
        int written = 0;
        try {
            try (OutputStream file = Files.newOutputStream(partial); ZipOutputStream out = new ZipOutputStream(file)) {
                for (Student s : students) {
                    Optional<GrowthFile> g = growthFiles.build(schoolId, s.id(), today);
                    if (g.isEmpty()) continue;
                    byte[] pdf = font.pdf(GrowthFileHtml.render(g.get(), null)).orElseThrow(NoFont::new);
                    String name = safe(term) + "/" + safe(className.apply(s.classId())) + "/" + safe(s.id())
                            + (withNames ? "_" + safe(s.name()) : "") + ".pdf";
                    out.putNextEntry(new ZipEntry(name));
                    out.write(pdf);
                    out.closeEntry();
                    written++;
                }
            }
            Files.move(partial, zip, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return new Written(term, written, Files.size(zip), Duration.ofNanos(System.nanoTime() - start));
    }

    /** A new empty file beside the target, rw for its owner only where the file system knows owners. */
    private static Path ownerOnly(Path dir, String target) throws IOException {
        Path file = dir.resolve("." + target + ".partial");
        Files.deleteIfExists(file);
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createFile(file);
    }

    private static String safe(String part) {
        String s = UNSAFE.matcher(part == null ? "" : part.strip()).replaceAll("_");
        return s.isEmpty() || s.equals(".") || s.equals("..") ? "_" : s;
    }
}
