package app.mentorbot.bot.web;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.mentorbot.bot.settings.BotSettings;
import app.mentorbot.conversations.pairing.Pairings;
import app.mentorbot.conversations.pairing.Proposal;
import app.mentorbot.conversations.people.Person;
import app.mentorbot.conversations.people.Role;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.RosterStore;
import app.mentorbot.conversations.roster.SchoolClass;

/**
 * The proposed pairing (导师分配方案) behind a {@link SignedLinks} link: an admin sees every student of it, a class
 * head the students of the classes they head, as the roster stands today; anyone else (a mentor, a parent) a
 * polite 403 that names nobody. Tags (special situations) are shown only here, so only to those two. The same link
 * with {@code .xlsx} gives the confirmed part as a workbook (导师结对名单), to the same viewers.
 */
@RestController
class PairingPages {
    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final SignedLinks links;
    private final BotSettings settings;
    private final RosterStore rosters;
    private final Pairings pairings;

    PairingPages(SignedLinks links, BotSettings settings, RosterStore rosters, Pairings pairings) {
        this.links = links;
        this.settings = settings;
        this.rosters = rosters;
        this.pairings = pairings;
    }

    @GetMapping(value = "/pages/pairing/{proposalId}", produces = Html.TYPE)
    ResponseEntity<String> pairing(@PathVariable String proposalId, @RequestParam(required = false) String viewer,
                                   @RequestParam(required = false) String exp, @RequestParam(required = false) String sig) {
        if (!links.valid(SignedLinks.Page.PAIRING, viewer, proposalId, exp, sig) || !proposalId.matches("\\d{1,18}")) return refuse("refuse.link");
        Optional<Shown> shown = shown(proposalId, viewer);
        if (shown.isEmpty()) return refuse("refuse.pairing");
        String workbook = "/pages/pairing/" + proposalId + ".xlsx" + links.query(SignedLinks.Page.PAIRING, viewer, proposalId, Long.parseLong(exp));
        return ResponseEntity.ok().header("Cache-Control", "no-store").contentType(Html.MEDIA_TYPE)
                .body(PairingHtml.render(shown.get().proposal(), shown.get().roster(), shown.get().students(), workbook));
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
    private record Shown(Proposal proposal, Roster roster, Set<String> students) {}

    /** An admin: every student of the proposal; a class head: those of the classes they head; anyone else: nothing. */
    private Optional<Shown> shown(String proposalId, String viewer) {
        Roster roster = rosters.load(settings.schoolId());
        Optional<Person> who = Person.find(settings.schoolId(), roster, viewer);
        Optional<Proposal> proposal = pairings.byId(settings.schoolId(), Long.parseLong(proposalId));
        if (who.isEmpty() || !who.get().isStaff() || proposal.isEmpty()) return Optional.empty();
        Set<String> classes = who.get().is(Role.ADMIN)
                ? Set.copyOf(roster.classes().stream().map(SchoolClass::id).toList())
                : Set.copyOf(roster.classes().stream().filter(c -> viewer.equals(c.headTeacherId())).map(SchoolClass::id).toList());
        Set<String> students = Pairings.studentsOf(proposal.get(), roster, classes);
        return students.isEmpty() ? Optional.empty() : Optional.of(new Shown(proposal.get(), roster, students));
    }

    private static ResponseEntity<String> refuse(String key) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).header("Cache-Control", "no-store").contentType(Html.MEDIA_TYPE)
                .body(PageHtml.refusal(key));
    }
}
