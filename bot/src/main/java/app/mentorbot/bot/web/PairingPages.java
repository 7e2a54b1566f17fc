package app.mentorbot.bot.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.mentorbot.conversations.pairing.Pairings;
import app.mentorbot.conversations.pairing.Proposal;
import app.mentorbot.conversations.people.Person;
import app.mentorbot.conversations.people.Role;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.SchoolClass;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The proposed pairing (导师分配方案) behind a {@link SignedLinks} link: an admin sees every student of it, a class
 * head the students of the classes they head, as the roster stands today; anyone else (a mentor, a parent) a
 * polite 403 that names nobody. Tags (special situations) are shown only here, so only to those two. The same link
 * with {@code .xlsx} gives the confirmed part as a workbook (导师结对名单), to the same viewers; with {@code /move}, a
 * row's form moves a student as chat does.
 */
@RestController
class PairingPages {
    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final SignedLinks links;
    private final Viewers viewers;
    private final Pairings pairings;

    PairingPages(SignedLinks links, Viewers viewers, Pairings pairings) {
        this.links = links;
        this.viewers = viewers;
        this.pairings = pairings;
    }

    @GetMapping(value = "/pages/pairing/{proposalId}", produces = Html.TYPE)
    ResponseEntity<String> pairing(@PathVariable String proposalId, @RequestParam(required = false) String viewer,
                                   @RequestParam(required = false) String exp, @RequestParam(required = false) String sig,
                                   @RequestParam(required = false) String done, @RequestParam(required = false) String student) {
        if (!links.valid(SignedLinks.Page.PAIRING, viewer, proposalId, exp, sig) || !proposalId.matches("\\d{1,18}")) return refuse("refuse.link");
        Optional<Shown> shown = shown(proposalId, viewer);
        if (shown.isEmpty()) return refuse("refuse.pairing");
        Shown s = shown.get();
        String query = links.query(SignedLinks.Page.PAIRING, viewer, proposalId, Long.parseLong(exp));
        String workbook = "/pages/pairing/" + proposalId + ".xlsx" + query;
        boolean open = isOpen(s.schoolId(), s.proposal()) && s.proposal().rows().stream().anyMatch(r -> s.students().contains(r.studentId()) && !r.confirmed());
        String move = open ? "/pages/pairing/" + proposalId + "/move" + query : null;
        return ResponseEntity.ok().header("Cache-Control", "no-store").contentType(Html.MEDIA_TYPE)
                .body(PairingHtml.render(s.proposal(), s.roster(), s.students(), workbook, move, MoveNotice.of(done, student, s.proposal(), s.roster(), s.students())));
    }

    /**
     * A move from the page's form: the same signed link (and, through {@link PageLinkGate}, the same browser) as the
     * page, posted from the page itself (a browser's Sec-Fetch-Site or Origin naming another site is refused), and the
     * same rules and code as a move in chat ({@link Pairings#move(String, Roster, Proposal, Set, String, String, String)}).
     * Answers with the page again (303), saying what was done.
     */
    @PostMapping(value = "/pages/pairing/{proposalId}/move", produces = Html.TYPE)
    ResponseEntity<String> move(@PathVariable String proposalId, @RequestParam(required = false) String viewer,
                                @RequestParam(required = false) String exp, @RequestParam(required = false) String sig,
                                @RequestParam(required = false) String student, @RequestParam(required = false) String mentor,
                                @RequestHeader(value = "Sec-Fetch-Site", required = false) String fetchSite,
                                @RequestHeader(value = "Origin", required = false) String origin, HttpServletRequest request) {
        if (!links.valid(SignedLinks.Page.PAIRING, viewer, proposalId, exp, sig) || !proposalId.matches("\\d{1,18}")) return refuse("refuse.link");
        if (!fromThisSite(fetchSite, origin, request)) return refuse("refuse.crossSite");
        Optional<Shown> shown = shown(proposalId, viewer);
        if (shown.isEmpty()) return refuse("refuse.pairing");
        Shown s = shown.get();
        if (!isOpen(s.schoolId(), s.proposal())) return refuse("refuse.pairingClosed");
        String who = student == null ? "" : student.strip();
        Pairings.MoveOutcome outcome = pairings.move(s.schoolId(), s.roster(), s.proposal(), s.students(), who,
                mentor == null ? "" : mentor, s.viewerId());
        String page = "/pages/pairing/" + proposalId + links.query(SignedLinks.Page.PAIRING, viewer, proposalId, Long.parseLong(exp))
                + "&done=" + MoveNotice.code(outcome) + "&student=" + URLEncoder.encode(who, StandardCharsets.UTF_8);
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Cache-Control", "no-store").location(URI.create(page)).build();
    }

    /** A browser says where a form was posted from: it must be this site (no header at all: not a browser, let the link decide). */
    private static boolean fromThisSite(String fetchSite, String origin, HttpServletRequest request) {
        if (fetchSite != null && !fetchSite.equals("same-origin")) return false;
        if (origin == null || origin.equals("null")) return true; // the page sends no referrer, so its own posts may say "null"
        try {
            URI o = URI.create(origin.strip());
            String host = request.getHeader("Host");
            return host != null && o.getRawAuthority() != null && o.getRawAuthority().equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private boolean isOpen(String schoolId, Proposal p) {
        return pairings.open(schoolId).map(o -> o.id() == p.id()).orElse(false);
    }

    /** The confirmed pairing as a workbook (导师结对名单): the same link, the same viewers, the same students as the page. */
    @GetMapping("/pages/pairing/{proposalId}.xlsx")
    ResponseEntity<?> pairingWorkbook(@PathVariable String proposalId, @RequestParam(required = false) String viewer,
                                      @RequestParam(required = false) String exp, @RequestParam(required = false) String sig) {
        if (!links.valid(SignedLinks.Page.PAIRING, viewer, proposalId, exp, sig) || !proposalId.matches("\\d{1,18}")) return refuse("refuse.link");
        Optional<Shown> shown = shown(proposalId, viewer);
        if (shown.isEmpty()) return refuse("refuse.pairing");
        String name = PairingXlsx.SHEET + "_" + proposalId + ".xlsx";
        return ResponseEntity.ok().contentType(XLSX).header("Cache-Control", "no-store")
                .header("Content-Disposition", ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(PairingXlsx.write(shown.get().proposal(), shown.get().roster(), shown.get().students()));
    }

    /** What a viewer may see of a proposal. */
    private record Shown(String schoolId, String viewerId, Proposal proposal, Roster roster, Set<String> students) {}

    /** An admin: every student of the proposal; a class head: those of the classes they head; anyone else: nothing. */
    private Optional<Shown> shown(String proposalId, String viewer) {
        Viewers.Viewer v = viewers.of(viewer);
        Roster roster = v.roster();
        Optional<Person> who = v.person();
        Optional<Proposal> proposal = pairings.byId(v.schoolId(), Long.parseLong(proposalId));
        if (who.isEmpty() || !who.get().isStaff() || proposal.isEmpty()) return Optional.empty();
        Set<String> classes = who.get().is(Role.ADMIN)
                ? Set.copyOf(roster.classes().stream().map(SchoolClass::id).toList())
                : Set.copyOf(roster.classes().stream().filter(c -> v.personId().equals(c.headTeacherId())).map(SchoolClass::id).toList());
        Set<String> students = Pairings.studentsOf(proposal.get(), roster, classes);
        return students.isEmpty() ? Optional.empty() : Optional.of(new Shown(v.schoolId(), v.personId(), proposal.get(), roster, students));
    }

    private static ResponseEntity<String> refuse(String key) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).header("Cache-Control", "no-store").contentType(Html.MEDIA_TYPE)
                .body(PageHtml.refusal(key));
    }
}
