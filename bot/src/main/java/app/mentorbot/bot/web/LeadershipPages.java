package app.mentorbot.bot.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.mentorbot.bot.schools.Schools;
import app.mentorbot.conversations.dialogue.Links;
import app.mentorbot.conversations.leadership.DistrictGrants;
import app.mentorbot.conversations.leadership.OverviewBuilder;
import app.mentorbot.conversations.leadership.SchoolOverview;
import app.mentorbot.conversations.leadership.Workload;
import app.mentorbot.conversations.leadership.WorkloadBuilder;
import app.mentorbot.conversations.leadership.WorkloadItem;
import app.mentorbot.conversations.people.Access;
import app.mentorbot.conversations.people.Person;
import app.mentorbot.conversations.people.Role;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.RosterStore;
import app.mentorbot.conversations.roster.SchoolClass;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.roster.Teacher;

/**
 * The leadership's pages behind {@link SignedLinks} links: the school overview (全校情况) for admins, with each
 * class's flagged students one click further (names only of those {@link Access#mayRead} lets the viewer read);
 * the workload (工作量) of every teacher (subject {@link Links#ALL_TEACHERS}, admins) or of one (that teacher, or an
 * admin), for this term or, with {@code period=year}, this school year, as a page, as an .xlsx, and for each count
 * the list behind it ({@code item=…&teacher=…}, the same viewers). Anyone else gets a polite 403 that names nobody.
 */
@RestController
class LeadershipPages {
    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final SignedLinks links;
    private final Clock clock;
    private final Schools schools;
    private final Viewers viewers;
    private final DistrictGrants grants;
    private final RosterStore rosters;
    private final OverviewBuilder overview;
    private final WorkloadBuilder workload;

    LeadershipPages(SignedLinks links, Clock clock, Schools schools, Viewers viewers, DistrictGrants grants, RosterStore rosters, OverviewBuilder overview, WorkloadBuilder workload) {
        this.links = links;
        this.clock = clock;
        this.schools = schools;
        this.viewers = viewers;
        this.grants = grants;
        this.rosters = rosters;
        this.overview = overview;
        this.workload = workload;
    }

    @GetMapping(value = "/pages/overview/{schoolId}", produces = Html.TYPE)
    ResponseEntity<String> overview(@PathVariable String schoolId, @RequestParam(required = false) String viewer,
                                    @RequestParam(required = false) String exp, @RequestParam(required = false) String sig,
                                    @RequestParam(required = false) String flagged) {
        if (!links.valid(SignedLinks.Page.OVERVIEW, viewer, schoolId, exp, sig)) return refuse("refuse.link");
        Viewers.Viewer v = viewers.of(viewer);
        Optional<Person> who = v.person();
        if (who.isEmpty() || !who.get().is(Role.ADMIN)) return refuse("refuse.overview");
        // The school's own admin sees it all; a district admin the figures, and below them only with the school's grant.
        boolean own = schoolId.equals(v.schoolId());
        boolean fromDistrict = !own && schools.isDistrict(v.schoolId()) && schools.all().contains(schoolId);
        if (!own && !fromDistrict) return refuse("refuse.overview");
        boolean below = own || grants.granted(schoolId);
        Roster roster = rosters.load(schoolId);
        String self = "/pages/overview/" + enc(schoolId) + links.query(SignedLinks.Page.OVERVIEW, viewer, schoolId, Long.parseLong(exp));
        if (flagged != null) {
            Optional<SchoolClass> c = roster.schoolClass(flagged);
            if (c.isEmpty() || !below) return refuse(below ? "refuse.overview" : "refuse.districtNoGrant");
            List<String[]> shown = new ArrayList<>();
            int hidden = 0;
            for (String id : overview.flagged(schoolId, flagged, today())) {
                Student s = roster.student(id).orElseThrow();
                if (own && Access.mayRead(who.get(), s, roster)) shown.add(new String[] {s.name(), links.growthFileFor(viewer, id)});
                else if (!own) shown.add(new String[] {s.name(), null}); // a granted district admin: the name, never the file
                else hidden++;
            }
            return page(OverviewHtml.flagged(c.get().name(), shown, hidden, self));
        }
        SchoolOverview o = overview.build(schoolId, today());
        if (!below) o = new SchoolOverview(o.schoolName(), o.today(), o.termName(), o.termStart(), o.students(), o.mentors(), o.grades(),
                o.trend(), List.of());
        return page(OverviewHtml.render(o, workload.dutyRules(schoolId), below ? classId -> self + "&flagged=" + enc(classId) : classId -> null));
    }

    @GetMapping(value = "/pages/workload/{subject}", produces = Html.TYPE)
    ResponseEntity<String> workload(@PathVariable String subject, @RequestParam(required = false) String viewer,
                                    @RequestParam(required = false) String exp, @RequestParam(required = false) String sig,
                                    @RequestParam(required = false) String period, @RequestParam(required = false) String item,
                                    @RequestParam(required = false) String teacher) {
        if (!links.valid(SignedLinks.Page.WORKLOAD, viewer, subject, exp, sig)) return refuse("refuse.link");
        Viewers.Viewer v = viewers.of(viewer);
        Roster roster = v.roster();
        if (!mayView(v, subject)) return refuse("refuse.workload");
        Workload.Period p = "year".equals(period) ? workload.year(v.schoolId(), today()) : workload.term(v.schoolId(), today());
        String self = "/pages/workload/" + enc(subject) + links.query(SignedLinks.Page.WORKLOAD, viewer, subject, Long.parseLong(exp));
        String periodParam = "&period=" + (p.year() ? "year" : "term");
        if (item != null) {
            String whose = teacher == null ? subject : teacher;
            Optional<Teacher> t = roster.teacher(whose);
            if (t.isEmpty() || !(subject.equals(Links.ALL_TEACHERS) || whose.equals(subject))) return refuse("refuse.workload");
            WorkloadItem i;
            try {
                i = WorkloadItem.ofKey(item);
            } catch (IllegalArgumentException e) {
                return refuse("refuse.workload");
            }
            return page(WorkloadHtml.behind(t.get().name(), i, p, workload.behind(v.schoolId(), whose, i, p), roster, self + periodParam));
        }
        Workload w = shown(v.schoolId(), subject, p);
        String workbook = "/pages/workload/" + enc(subject) + ".xlsx" + links.query(SignedLinks.Page.WORKLOAD, viewer, subject, Long.parseLong(exp))
                + periodParam;
        WorkloadHtml.Nav nav = new WorkloadHtml.Nav(self + "&period=term", self + "&period=year", workbook,
                (t, i) -> self + periodParam + "&item=" + i.key() + "&teacher=" + enc(t));
        return page(WorkloadHtml.render(w, !subject.equals(Links.ALL_TEACHERS), nav));
    }

    @GetMapping("/pages/workload/{subject}.xlsx")
    ResponseEntity<?> workloadWorkbook(@PathVariable String subject, @RequestParam(required = false) String viewer,
                                       @RequestParam(required = false) String exp, @RequestParam(required = false) String sig,
                                       @RequestParam(required = false) String period) {
        if (!links.valid(SignedLinks.Page.WORKLOAD, viewer, subject, exp, sig)) return refuse("refuse.link");
        Viewers.Viewer v = viewers.of(viewer);
        if (!mayView(v, subject)) return refuse("refuse.workload");
        Workload w = shown(v.schoolId(), subject, "year".equals(period) ? workload.year(v.schoolId(), today()) : workload.term(v.schoolId(), today()));
        String name = PageHtml.t("workload.sheet") + "_" + w.period().name() + ".xlsx";
        return ResponseEntity.ok().contentType(XLSX).header("Cache-Control", "no-store")
                .header("Content-Disposition", ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(WorkloadXlsx.write(w));
    }

    /** Every teacher's line for an admin's link, one teacher's for theirs. */
    private Workload shown(String schoolId, String subject, Workload.Period p) {
        Workload all = workload.build(schoolId, p, today());
        if (subject.equals(Links.ALL_TEACHERS)) return all;
        return new Workload(all.period(), all.today(), all.rules(), all.lines().stream().filter(l -> l.teacherId().equals(subject)).toList());
    }

    /** All teachers: admins; one teacher: that teacher, or an admin. */
    private boolean mayView(Viewers.Viewer viewer, String subject) {
        Roster roster = viewer.roster();
        Optional<Person> who = viewer.person();
        if (who.isEmpty() || !who.get().isStaff()) return false;
        if (who.get().is(Role.ADMIN)) return subject.equals(Links.ALL_TEACHERS) || roster.teacher(subject).isPresent();
        return viewer.personId().equals(subject);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static ResponseEntity<String> page(String html) {
        return ResponseEntity.ok().header("Cache-Control", "no-store").contentType(Html.MEDIA_TYPE).body(html);
    }

    private static ResponseEntity<String> refuse(String key) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).header("Cache-Control", "no-store").contentType(Html.MEDIA_TYPE)
                .body(PageHtml.refusal(key));
    }
}
