package app.mentorbot.bot.web;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.mentorbot.conversations.people.Access;
import app.mentorbot.conversations.people.Person;
import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.records.RecordStore;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.Student;

/**
 * A student's full record page, reached from a cut answer in chat. The link ({@link SignedLinks#studentPage})
 * is signed for the person it was sent to and expires (7 days); the page checks again that this person may
 * read the student, since roles change. Every text on the page is escaped.
 */
@RestController
class StudentPages {
    private final SignedLinks links;
    private final Viewers viewers;
    private final RecordStore records;

    StudentPages(SignedLinks links, Viewers viewers, RecordStore records) {
        this.links = links;
        this.viewers = viewers;
        this.records = records;
    }

    @GetMapping(value = "/pages/student/{studentId}", produces = Html.TYPE)
    ResponseEntity<String> page(@PathVariable String studentId, @RequestParam(required = false) String viewer,
                                @RequestParam(required = false) String exp, @RequestParam(required = false) String sig) {
        if (!links.valid(SignedLinks.Page.STUDENT, viewer, studentId, exp, sig)) return refuse("链接无效或已过期，请在聊天中重新查询。");
        Viewers.Viewer v = viewers.of(viewer);
        Roster roster = v.roster();
        Optional<Person> who = v.person();
        Optional<Student> student = roster.student(studentId);
        if (who.isEmpty() || student.isEmpty() || !Access.mayRead(who.get(), student.get(), roster)) {
            return refuse("你没有查看这位学生记录的权限。");
        }
        List<Record> all = records.recentForStudent(v.schoolId(), studentId, 500);
        StringBuilder html = new StringBuilder(Html.head(student.get().name() + " 的记录"));
        html.append("<h1>").append(Html.escape(student.get().name())).append(" 的记录</h1><ol class=\"records\">");
        for (Record r : all) {
            html.append("<li><span class=\"date\">").append(Html.escape(r.date() == null ? "" : r.date().toString()))
                    .append("</span> <span class=\"kind\">").append(Html.escape(PageHtml.kind(r.kind(), r.talkType(), r.channel())))
                    .append("</span><p>").append(Html.escape(r.note())).append("</p></li>");
        }
        html.append("</ol>").append(Html.foot());
        return ResponseEntity.ok().header("Cache-Control", "no-store").contentType(Html.MEDIA_TYPE).body(html.toString());
    }

    private static ResponseEntity<String> refuse(String why) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).header("Cache-Control", "no-store").contentType(Html.MEDIA_TYPE)
                .body(Html.head("导师助手") + "<p>" + Html.escape(why) + "</p>" + Html.foot());
    }
}
