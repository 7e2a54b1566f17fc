package app.mentorbot.bot.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.mentorbot.bot.schools.Schools;
import app.mentorbot.conversations.leadership.DistrictFigures;
import app.mentorbot.conversations.leadership.DistrictGrants;
import app.mentorbot.conversations.leadership.SchoolFigures;
import app.mentorbot.conversations.people.Person;
import app.mentorbot.conversations.people.Role;

/**
 * The district's page (全区情况), behind a {@link SignedLinks} link made for an admin of the district office: one
 * line of figures per school (the school overview's own arithmetic, the term's latest week), each linking to that
 * school's overview, signed for the same viewer. Each school's figures are kept while its records are unchanged
 * ({@link DistrictFigures}). No student and no teacher is named here; below a school's figures
 * the district sees only what that school's admin allowed (see {@link LeadershipPages}).
 */
@RestController
class DistrictPages {
    private final SignedLinks links;
    private final Clock clock;
    private final Schools schools;
    private final Viewers viewers;
    private final DistrictFigures figures;
    private final DistrictGrants grants;

    DistrictPages(SignedLinks links, Clock clock, Schools schools, Viewers viewers, DistrictFigures figures, DistrictGrants grants) {
        this.links = links;
        this.clock = clock;
        this.schools = schools;
        this.viewers = viewers;
        this.figures = figures;
        this.grants = grants;
    }

    @GetMapping(value = "/pages/district/{districtId}", produces = Html.TYPE)
    ResponseEntity<String> district(@PathVariable String districtId, @RequestParam(required = false) String viewer,
                                    @RequestParam(required = false) String exp, @RequestParam(required = false) String sig) {
        if (!links.valid(SignedLinks.Page.DISTRICT, viewer, districtId, exp, sig)) return refuse("refuse.link");
        Viewers.Viewer v = viewers.of(viewer);
        Optional<Person> who = v.person();
        if (!schools.isDistrict(districtId) || !districtId.equals(v.schoolId()) || who.isEmpty() || !who.get().is(Role.ADMIN)) {
            return refuse("refuse.district");
        }
        LocalDate today = LocalDate.now(clock);
        List<String> all = schools.all();
        List<SchoolFigures> each = figures.of(all, today); // only schools whose records changed are computed again
        List<DistrictHtml.Line> lines = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            lines.add(new DistrictHtml.Line(each.get(i), grants.granted(all.get(i)), links.overviewFor(viewer, all.get(i))));
        }
        return ResponseEntity.ok().header("Cache-Control", "no-store").contentType(Html.MEDIA_TYPE)
                .body(DistrictHtml.render(v.roster().schoolName(), today, lines));
    }

    private static ResponseEntity<String> refuse(String key) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).header("Cache-Control", "no-store").contentType(Html.MEDIA_TYPE)
                .body(PageHtml.refusal(key));
    }
}
