package app.mentorbot.bot.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.mentorbot.conversations.digests.ConferenceDigest;
import app.mentorbot.conversations.digests.DigestBuilder;
import app.mentorbot.conversations.digests.GrowthFile;
import app.mentorbot.conversations.digests.GrowthFileBuilder;
import app.mentorbot.conversations.digests.SemesterSummary;
import app.mentorbot.conversations.digests.SummaryBuilder;
import app.mentorbot.conversations.people.Access;
import app.mentorbot.conversations.people.Person;
import app.mentorbot.conversations.people.Role;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.SchoolClass;
import app.mentorbot.conversations.roster.Student;

/**
 * The case-conference digest (HTML, .xlsx and .pdf), a student's growth file (HTML and .pdf) and a mentor's draft
 * summary, each behind a {@link SignedLinks} link; a PDF is the page's own HTML ({@link HtmlPdf}) under the page's signature. Every request checks the signature and expiry, then access again as
 * the roster stands today: the digest for the class's head or an admin; the growth file for whoever
 * {@link Access#mayRead} the student; the summary for the teacher themself or an admin. Anything else is a
 * polite 403 page that says nothing about the subject.
 */
@RestController
class DigestPages {
    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final SignedLinks links;
    private final Clock clock;
    private final Viewers viewers;
    private final DigestBuilder digests;
    private final GrowthFileBuilder growthFiles;
    private final SummaryBuilder summaries;
    private final PdfFont pdfs;

    DigestPages(SignedLinks links, Clock clock, Viewers viewers, DigestBuilder digests,
                GrowthFileBuilder growthFiles, SummaryBuilder summaries, PdfFont pdfs) {
        this.pdfs = pdfs;
        this.links = links;
        this.clock = clock;
        this.viewers = viewers;
        this.digests = digests;
        this.growthFiles = growthFiles;
        this.summaries = summaries;
    }

    @GetMapping(value = "/pages/digest/{classId}", produces = Html.TYPE)
    ResponseEntity<String> digest(@PathVariable String classId, @RequestParam(required = false) String viewer,
                                  @RequestParam(required = false) String exp, @RequestParam(required = false) String sig) {
        Optional<ConferenceDigest> digest = digestFor(classId, viewer, exp, sig);
        if (digest.isEmpty()) return refuseDigest(classId, viewer, exp, sig);
        long expires = Long.parseLong(exp);
        return page(DigestHtml.render(digest.get(), signed(SignedLinks.Page.DIGEST, classId, ".xlsx", viewer, expires),
                signed(SignedLinks.Page.DIGEST, classId, ".pdf", viewer, expires)));
    }

    @GetMapping("/pages/digest/{classId}.pdf")
    ResponseEntity<?> digestPdf(@PathVariable String classId, @RequestParam(required = false) String viewer,
                                @RequestParam(required = false) String exp, @RequestParam(required = false) String sig) {
        Optional<ConferenceDigest> digest = digestFor(classId, viewer, exp, sig);
        if (digest.isEmpty()) return refuseDigest(classId, viewer, exp, sig);
        return pdf(DigestHtml.render(digest.get(), null, null), fileName(digest.get()) + ".pdf");
    }

    @GetMapping("/pages/digest/{classId}.xlsx")
    ResponseEntity<?> digestWorkbook(@PathVariable String classId, @RequestParam(required = false) String viewer,
                                     @RequestParam(required = false) String exp, @RequestParam(required = false) String sig) {
        Optional<ConferenceDigest> digest = digestFor(classId, viewer, exp, sig);
        if (digest.isEmpty()) return refuseDigest(classId, viewer, exp, sig);
        return download(XLSX, fileName(digest.get()) + ".xlsx", XlsxDigest.write(digest.get()));
    }

    private ResponseEntity<String> refuseDigest(String classId, String viewer, String exp, String sig) {
        return refuse(links.valid(SignedLinks.Page.DIGEST, viewer, classId, exp, sig) ? "refuse.digest" : "refuse.link");
    }

    private static String fileName(ConferenceDigest d) {
        return PageHtml.t("digest.title", d.className()).replace(' ', '_') + "_" + d.today();
    }

    /** The digest when the link holds and the viewer heads the class or is an admin. */
    private Optional<ConferenceDigest> digestFor(String classId, String viewer, String exp, String sig) {
        if (!links.valid(SignedLinks.Page.DIGEST, viewer, classId, exp, sig)) return Optional.empty();
        Viewers.Viewer v = viewers.of(viewer);
        Roster roster = v.roster();
        Optional<Person> who = v.person();
        Optional<SchoolClass> c = roster.schoolClass(classId);
        if (who.isEmpty() || c.isEmpty()) return Optional.empty();
        boolean allowed = who.get().is(Role.ADMIN) || v.personId().equals(c.get().headTeacherId());
        return allowed ? digests.build(v.schoolId(), classId, today()) : Optional.empty();
    }

    @GetMapping(value = "/pages/growth/{studentId}", produces = Html.TYPE)
    ResponseEntity<String> growthFile(@PathVariable String studentId, @RequestParam(required = false) String viewer,
                                      @RequestParam(required = false) String exp, @RequestParam(required = false) String sig) {
        if (!links.valid(SignedLinks.Page.GROWTH, viewer, studentId, exp, sig)) return refuse("refuse.link");
        Optional<GrowthFile> file = growthFileFor(studentId, viewer);
        return file.isEmpty() ? refuse("refuse.growth")
                : page(GrowthFileHtml.render(file.get(), signed(SignedLinks.Page.GROWTH, studentId, ".pdf", viewer, Long.parseLong(exp))));
    }

    @GetMapping("/pages/growth/{studentId}.pdf")
    ResponseEntity<?> growthFilePdf(@PathVariable String studentId, @RequestParam(required = false) String viewer,
                                    @RequestParam(required = false) String exp, @RequestParam(required = false) String sig) {
        if (!links.valid(SignedLinks.Page.GROWTH, viewer, studentId, exp, sig)) return refuse("refuse.link");
        Optional<GrowthFile> file = growthFileFor(studentId, viewer);
        if (file.isEmpty()) return refuse("refuse.growth");
        GrowthFile g = file.get();
        return pdf(GrowthFileHtml.render(g, null), PageHtml.t("growth.title", g.name()).replace(' ', '_') + "_" + g.today() + ".pdf");
    }

    /** The growth file when the viewer may read the student, as the roster stands today (the link is already checked). */
    private Optional<GrowthFile> growthFileFor(String studentId, String viewer) {
        Viewers.Viewer v = viewers.of(viewer);
        Roster roster = v.roster();
        Optional<Person> who = v.person();
        Optional<Student> student = roster.student(studentId);
        if (who.isEmpty() || student.isEmpty() || !Access.mayRead(who.get(), student.get(), roster)) return Optional.empty();
        return growthFiles.build(v.schoolId(), studentId, today());
    }

    @GetMapping(value = "/pages/summary/{teacherId}", produces = Html.TYPE)
    ResponseEntity<String> summary(@PathVariable String teacherId, @RequestParam(required = false) String viewer,
                                   @RequestParam(required = false) String exp, @RequestParam(required = false) String sig) {
        if (!links.valid(SignedLinks.Page.SUMMARY, viewer, teacherId, exp, sig)) return refuse("refuse.link");
        Viewers.Viewer v = viewers.of(viewer);
        Roster roster = v.roster();
        Optional<Person> who = v.person();
        if (who.isEmpty() || !(v.personId().equals(teacherId) && who.get().isStaff() || who.get().is(Role.ADMIN))) return refuse("refuse.summary");
        Optional<SemesterSummary> summary = summaries.build(v.schoolId(), teacherId, today());
        return summary.isEmpty() ? refuse("refuse.summary") : page(SummaryHtml.render(summary.get()));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A relative link to another form of the page being shown ({@code .xlsx}, {@code .pdf}), under the same signature. */
    private String signed(SignedLinks.Page page, String subject, String suffix, String viewer, long exp) {
        return page.path + URLEncoder.encode(subject, StandardCharsets.UTF_8) + suffix + links.query(page, viewer, subject, exp);
    }

    /** A PDF download; without a usable font, a polite page saying so (503), and the rest of the bot carries on. */
    private ResponseEntity<?> pdf(String html, String name) {
        Optional<byte[]> pdf = pdfs.pdf(html);
        if (pdf.isPresent()) return download(MediaType.APPLICATION_PDF, name, pdf.get());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Cache-Control", "no-store").contentType(Html.MEDIA_TYPE)
                .body(PageHtml.refusal("refuse.noFont"));
    }

    private static ResponseEntity<byte[]> download(MediaType type, String name, byte[] body) {
        return ResponseEntity.ok().contentType(type).header("Cache-Control", "no-store")
                .header("Content-Disposition", ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    private static ResponseEntity<String> page(String html) {
        return ResponseEntity.ok().header("Cache-Control", "no-store").contentType(Html.MEDIA_TYPE).body(html);
    }

    private static ResponseEntity<String> refuse(String key) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).header("Cache-Control", "no-store").contentType(Html.MEDIA_TYPE)
                .body(PageHtml.refusal(key));
    }
}
