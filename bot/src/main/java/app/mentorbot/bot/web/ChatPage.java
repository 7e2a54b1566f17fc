package app.mentorbot.bot.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.mentorbot.adapters.webchat.WebChatAdapter;
import app.mentorbot.bot.schools.Schools;
import app.mentorbot.bot.settings.BotSettings;
import app.mentorbot.bot.demo.Modes;
import app.mentorbot.conversations.people.Person;
import app.mentorbot.conversations.people.Role;
import app.mentorbot.conversations.roster.Parent;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.RosterStore;
import app.mentorbot.conversations.roster.SchoolClass;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.roster.Teacher;
import jakarta.servlet.http.HttpServletRequest;

/** The chat page and the demo's list of people to be. */
@RestController
class ChatPage {
    private final Modes modes;
    private final WebDevices devices;
    private final RosterStore rosters;
    private final BotSettings settings;
    private final Schools schools;
    private final WebChatAdapter webChat;

    ChatPage(Modes modes, WebDevices devices, RosterStore rosters, BotSettings settings, WebChatAdapter webChat, Schools schools) {
        this.schools = schools;
        this.modes = modes;
        this.devices = devices;
        this.rosters = rosters;
        this.settings = settings;
        this.webChat = webChat;
    }

    /**
     * The chat page. An invitation link ({@code ?token=}) is redeemed here: the browser that opens it
     * first gets a device cookie and is sent on to the bare page, so the token leaves the address bar
     * and history; the same link elsewhere gets a polite refusal.
     */
    @GetMapping(value = {"/", "/chat"}, produces = Html.TYPE)
    ResponseEntity<String> page(@RequestParam(name = "token", required = false) String token,
                                @CookieValue(name = WebDevices.COOKIE, required = false) String deviceKey,
                                HttpServletRequest request) {
        if (token != null) {
            WebDevices.Opening opening = devices.open(token, deviceKey);
            if (opening instanceof WebDevices.Opening.Bound bound) {
                ResponseEntity.BodyBuilder onward = ResponseEntity.status(HttpStatus.SEE_OTHER)
                        .location(URI.create(request.getRequestURI()))
                        .cacheControl(CacheControl.noStore());
                if (bound.newKey() != null) onward.header(HttpHeaders.SET_COOKIE, devices.cookie(bound.newKey(), request).toString());
                return onward.build();
            }
            if (opening instanceof WebDevices.Opening.AlreadyUsed) return refused(WebChatAdapter.Refusal.INVITATION_USED);
            if (opening instanceof WebDevices.Opening.Expired) return refused(WebChatAdapter.Refusal.INVITATION_EXPIRED);
            if (opening instanceof WebDevices.Opening.OtherPerson) return refused(WebChatAdapter.Refusal.SIGNED_IN_AS_SOMEONE_ELSE);
            return refused(WebChatAdapter.Refusal.INVITATION_REQUIRED);
        }
        if (!modes.demo() && devices.owner(deviceKey).isEmpty()) return refused(WebChatAdapter.Refusal.INVITATION_REQUIRED);
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(webChat.chatPage());
    }

    private ResponseEntity<String> refused(WebChatAdapter.Refusal refusal) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(Html.MEDIA_TYPE).cacheControl(CacheControl.noStore())
                .body(webChat.refusalPage(refusal));
    }

    @GetMapping("/api/demo/people")
    ResponseEntity<Map<String, Object>> demoPeople() {
        if (!modes.demo()) return ResponseEntity.notFound().build();
        Roster roster = rosters.load(settings.schoolId());
        List<Map<String, String>> people = new ArrayList<>();
        for (Teacher t : roster.teachers()) people.add(teacher(settings.schoolId(), roster, t));
        roster.parents().forEach(parent -> people.add(parent(roster, parent)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("school", roster.schoolName());
        body.put("people", people);
        return ResponseEntity.ok(body);
    }

    /** Who this browser's invitation signed in, for the chat page's header: name, role and label as in the demo's list. */
    @GetMapping("/api/me")
    ResponseEntity<Map<String, String>> me(@CookieValue(name = WebDevices.COOKIE, required = false) String deviceKey) {
        Optional<String> id = devices.owner(deviceKey);
        if (id.isEmpty()) return ResponseEntity.notFound().build();
        Schools.SchoolPerson v = schools.parse(id.get());
        Roster roster = rosters.load(v.schoolId());
        Optional<Map<String, String>> described = roster.parent(v.personId()).map(p -> parent(roster, p))
                .or(() -> roster.teacher(v.personId()).map(t -> teacher(v.schoolId(), roster, t)))
                .or(() -> roster.student(v.personId()).map(st -> student(roster, st)));
        return described.map(d -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(d))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private Map<String, String> teacher(String schoolId, Roster roster, Teacher t) {
        Person p = Person.find(schoolId, roster, t.id()).orElseThrow();
        String role = p.is(Role.ADMIN) ? "ADMIN" : p.is(Role.CLASS_HEAD) ? "CLASS_HEAD" : "TEACHER";
        StringBuilder label = new StringBuilder(t.name());
        if (t.subject() != null && !t.subject().isBlank()) label.append(" · ").append(t.subject()).append("老师");
        for (SchoolClass c : roster.classes()) {
            if (t.id().equals(c.headTeacherId())) label.append(" · ").append(c.name()).append("班主任");
        }
        int mentees = roster.menteesOf(t.id()).size();
        if (mentees > 0) label.append(" · 导师（").append(mentees).append(" 名学生）");
        return person(t.id(), t.name(), role, label.toString());
    }

    /** 「李华 · 导师：刘洋」: a student (where the school has student accounts) sees whom their words go to. */
    private static Map<String, String> student(Roster roster, Student s) {
        String mentor = roster.teacher(s.mentorId() == null ? "" : s.mentorId()).map(Teacher::name).orElse(null);
        return person(s.id(), s.name(), "STUDENT", mentor == null ? s.name() : s.name() + " · 导师：" + mentor);
    }

    /** 「张小明妈妈 · 导师：刘洋」: a parent sees whom their words go to. */
    private static Map<String, String> parent(Roster roster, Parent parent) {
        String name = Person.parentDisplayName(roster, parent);
        String mentor = roster.student(parent.studentId()).map(Student::mentorId).flatMap(roster::teacher).map(Teacher::name).orElse(null);
        return person(parent.id(), name, "PARENT", mentor == null ? name : name + " · 导师：" + mentor);
    }

    private static Map<String, String> person(String id, String name, String role, String label) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("id", id);
        p.put("name", name);
        p.put("role", role);
        p.put("label", label);
        return p;
    }
}
