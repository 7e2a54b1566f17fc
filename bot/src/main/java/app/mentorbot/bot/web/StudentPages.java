package app.mentorbot.bot.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.mentorbot.bot.BotSettings;
import app.mentorbot.conversations.dialogue.Links;
import app.mentorbot.conversations.people.Access;
import app.mentorbot.conversations.people.Person;
import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.records.RecordStore;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.RosterStore;
import app.mentorbot.conversations.roster.Student;

/**
 * A student's full record page, reached from a cut answer in chat. The link is signed for the person
 * it was sent to and expires (7 days); the page checks again that this person may read the student,
 * since roles change. Every text on the page is escaped.
 */
@RestController
class StudentPages implements Links {
    static final Duration LINK_LIFETIME = Duration.ofDays(7);
    private final Invitations signer;
    private final Clock clock;
    private final BotSettings settings;
    private final RosterStore rosters;
    private final RecordStore records;

    StudentPages(Invitations signer, Clock clock, BotSettings settings, RosterStore rosters, RecordStore records) {
        this.signer = signer;
        this.clock = clock;
        this.settings = settings;
        this.rosters = rosters;
        this.records = records;
    }

    @Override
    public String studentPage(String viewerId, String studentId) {
        long exp = clock.instant().plus(LINK_LIFETIME).getEpochSecond();
        String sig = signer.sign(payload(viewerId, studentId, exp));
        String base = settings.publicUrl() == null ? "" : settings.publicUrl().replaceAll("/+$", "");
        return base + "/pages/student/" + enc(studentId) + "?viewer=" + enc(viewerId) + "&exp=" + exp + "&sig=" + sig;
    }

    private static String payload(String viewer, String student, long exp) {
        return "student-page|" + viewer + "|" + student + "|" + exp;
    }

    @GetMapping(value = "/pages/student/{studentId}", produces = "text/html;charset=UTF-8")
    ResponseEntity<String> page(@PathVariable String studentId, @RequestParam String viewer, @RequestParam long exp,
                                @RequestParam String sig) {
        boolean signed = MessageDigest.isEqual(signer.sign(payload(viewer, studentId, exp)).getBytes(StandardCharsets.US_ASCII),
                sig.getBytes(StandardCharsets.US_ASCII));
        if (!signed || exp < clock.instant().getEpochSecond()) return refuse("链接无效或已过期，请在聊天中重新查询。");
        Roster roster = rosters.load(settings.schoolId());
        Optional<Person> who = Person.find(settings.schoolId(), roster, viewer);
        Optional<Student> student = roster.student(studentId);
        if (who.isEmpty() || student.isEmpty() || !Access.mayRead(who.get(), student.get(), roster)) {
            return refuse("你没有查看这位学生记录的权限。");
        }
        List<Record> all = records.recentForStudent(settings.schoolId(), studentId, 500);
        StringBuilder html = new StringBuilder(Html.head(student.get().name() + " 的记录"));
        html.append("<h1>").append(Html.escape(student.get().name())).append(" 的记录</h1><ol class=\"records\">");
        LocalDate today = LocalDate.now(clock);
        for (Record r : all) {
            html.append("<li><span class=\"date\">").append(Html.escape(r.date() == null ? "" : r.date().toString()))
                    .append("</span> <span class=\"kind\">").append(Html.escape(r.kind().name()))
                    .append("</span><p>").append(Html.escape(r.note())).append("</p></li>");
        }
        html.append("</ol>").append(Html.foot());
        return ResponseEntity.ok().header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer")
                .contentType(MediaType.TEXT_HTML).body(html.toString());
    }

    private static ResponseEntity<String> refuse(String why) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_HTML)
                .body(Html.head("导师助手") + "<p>" + Html.escape(why) + "</p>" + Html.foot());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
