package app.mentorbot.conversations.dialogue;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.mentorbot.conversations.people.Access;
import app.mentorbot.conversations.people.Person;
import app.mentorbot.conversations.roster.Parent;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.RosterStore;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.text.Texts;

/**
 * Binding chat accounts to roster people with one-time codes. Someone not yet bound may only send a
 * code (「绑定 123456」), which anyone may send; staff ask for one for a parent or a colleague
 * (「绑定码 李华爸爸」, or a student's name for their only parent).
 */
final class BindingConversation implements Conversation {
    private static final Pattern BIND = Pattern.compile("^\\s*(?:绑定|绑定码|bind)\\s*[：:]?\\s*(\\d{6})\\s*$", Pattern.CASE_INSENSITIVE);
    /** 「给李华一个学生绑定码」, 「李华的学生绑定码」, 「学生绑定码 李华」. */
    private static final List<Pattern> STUDENT_CODE = List.of(
            Pattern.compile("^\\s*(?:请)?(?:生成|给|发)?\\s*(.+?)\\s*的?\\s*(?:生成|发)?\\s*(?:一个|一张)?\\s*学生绑定码\\s*[。.!！]*\\s*$"),
            Pattern.compile("^\\s*(?:生成|给|发)?\\s*(?:一个)?学生绑定码\\s*[：:，,]?\\s*(?:给)?\\s*(.+?)\\s*[。.!！]*\\s*$"));
    private static final Pattern ISSUE_CODE = Pattern.compile("^\\s*(?:生成|给|发)?\\s*(?:一个)?绑定码\\s*[：:，,]?\\s*(?:给)?\\s*(.+?)\\s*$");

    private final BindingCodes codes;
    private final RosterStore rosters;
    private final Texts texts;
    private final Clock clock;
    private final Predicate<String> students;
    private final StudentAccounts accounts;

    /** {@code students}: whether a school (by id) lets students bind an account of their own. */
    BindingConversation(BindingCodes codes, RosterStore rosters, Texts texts, Clock clock, Predicate<String> students, StudentAccounts accounts) {
        this.students = students;
        this.accounts = accounts;
        this.codes = codes;
        this.rosters = rosters;
        this.texts = texts;
        this.clock = clock;
    }

    /** True when the words are a binding code being redeemed. */
    static boolean isCode(String said) {
        return BIND.matcher(said).matches();
    }

    /** A code binds the speaker's account; anything else from someone not yet bound is not understood. */
    @Override
    public List<Reply> reply(Turn turn, String said) {
        Matcher bind = BIND.matcher(said);
        if (!bind.matches()) return List.of(Reply.back(texts.get("unknown.sender")));
        BindingCodes.Redemption r = codes.redeem(turn.schoolId(), turn.platform(), turn.account(), bind.group(1), clock.instant());
        Roster roster = rosters.load(turn.schoolId());
        boolean student = r.personId() != null && roster.student(r.personId()).isPresent();
        if (student && (r.outcome() == BindingCodes.Outcome.BOUND || r.outcome() == BindingCodes.Outcome.ALREADY_BOUND)) {
            if (!students.test(turn.schoolId())) return List.of(Reply.back(texts.get("student.off")));
            accounts.register(turn.schoolId(), r.personId(), clock.instant());
            Student s = roster.student(r.personId()).orElseThrow();
            String mentor = Relay.mentorOf(s, roster).flatMap(roster::teacher).map(t -> t.name()).orElse("");
            return List.of(Reply.back(texts.get("bind.doneStudent", StudentReports.given(s.name()), mentor)));
        }
        return List.of(switch (r.outcome()) {
            case BOUND, ALREADY_BOUND -> Reply.back(texts.get("bind.done",
                    Person.find(turn.schoolId(), roster, r.personId()).map(Person::displayName).orElse(r.personId())));
            case TOO_MANY_TRIES -> Reply.back(texts.get("bind.tooMany"));
            default -> Reply.back(texts.get("bind.invalid"));
        });
    }

    /** A staff member asking for a code for someone; empty when the words are not such a request. */
    Optional<Reply> issueIfAsked(Person asker, Roster roster, String said) {
        for (Pattern p : STUDENT_CODE) {
            Matcher m = p.matcher(said);
            if (m.matches()) return Optional.of(issueToStudent(asker, roster, m.group(1).replaceAll("的$", "").strip()));
        }
        Matcher issue = ISSUE_CODE.matcher(said);
        return issue.matches() ? Optional.of(issue(asker, roster, issue.group(1))) : Optional.empty();
    }

    /** A student's own code: only where student accounts are on, for their mentor, class head or an admin. */
    private Reply issueToStudent(Person asker, Roster roster, String who) {
        if (!students.test(asker.schoolId())) return Reply.back(texts.get("code.studentsOff"));
        List<Student> named = roster.students().stream().filter(s -> s.name().equals(who) || s.id().equals(who)).toList();
        if (named.isEmpty()) return Reply.back(texts.get("code.unknownStudent", who));
        Optional<Student> mine = named.stream().filter(s -> Access.mayIssueStudentCode(asker, s, roster)).findFirst();
        if (mine.isEmpty()) return Reply.back(texts.get("code.notAllowed"));
        String code = codes.issue(asker.schoolId(), mine.get().id(), asker.id(), clock.instant());
        return Reply.back(texts.get("code.issuedStudent", mine.get().name(), code, BindingCodes.LIFETIME.toDays()));
    }

    private Reply issue(Person asker, Roster roster, String whoWords) {
        String who = whoWords.replaceAll("[。.!！]+$", "").strip();
        Optional<Parent> parent = ParentWords.find(roster, who);
        if (parent.isEmpty()) {
            // a whole student: their only parent
            Optional<Student> student = roster.students().stream().filter(s -> s.name().equals(who) || s.id().equals(who)).findFirst();
            if (student.isPresent()) {
                List<Parent> ps = roster.parentsOf(student.get().id());
                if (ps.size() == 1) parent = Optional.of(ps.get(0));
                else if (ps.size() > 1) return Reply.back(texts.get("code.whichParent", student.get().name(),
                        String.join(texts.get("list.separator"), ps.stream().map(p -> Person.parentDisplayName(roster, p)).toList())));
            }
        }
        if (parent.isPresent()) {
            if (!Access.mayIssueCodeFor(asker, parent.get(), roster)) return Reply.back(texts.get("code.notAllowed"));
            String code = codes.issue(asker.schoolId(), parent.get().id(), asker.id(), clock.instant());
            return Reply.back(texts.get("code.issued", Person.parentDisplayName(roster, parent.get()), code,
                    BindingCodes.LIFETIME.toDays()));
        }
        Optional<Person> staff = roster.teachers().stream().filter(t -> t.id().equals(who) || t.name().equals(who)).findFirst()
                .flatMap(t -> Person.find(asker.schoolId(), roster, t.id()));
        if (staff.isPresent()) {
            if (!Access.mayIssueStaffCode(asker)) return Reply.back(texts.get("code.notAllowed"));
            String code = codes.issue(asker.schoolId(), staff.get().id(), asker.id(), clock.instant());
            return Reply.back(texts.get("code.issued", staff.get().displayName(), code, BindingCodes.LIFETIME.toDays()));
        }
        return Reply.back(texts.get("code.unknown", who));
    }
}
