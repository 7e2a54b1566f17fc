package app.mentorbot.conversations.dialogue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import app.mentorbot.conversations.pairing.Pairings;
import app.mentorbot.conversations.pairing.Proposal;
import app.mentorbot.conversations.people.Person;
import app.mentorbot.conversations.people.Role;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.SchoolClass;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.roster.Teacher;
import app.mentorbot.conversations.text.Texts;
import app.mentorbot.conversations.understanding.Lexicon;

/**
 * The class head's side of pairing (导师分配): 「导师分配方案」 sends the link to the open proposal, 「把李华调给王老师」
 * moves one student of their class in it (a warning when it breaks the mentor's seats or the class rule), and
 * 「确认导师分配」 puts it in force for their class (an admin's: for the whole proposal), and each parent of a student
 * whose mentor changed gets one short notice from the bot naming the new mentor. Any teacher may give the students
 * they would like to mentor ({@link WishTalk}). Other staff are told
 * politely that this is the class head's; words that merely look alike go on to the note reader.
 */
final class PairingTalk {
    private static final Pattern LINK = Pattern.compile("^(?:看看|查看|发我|给我)?(?:导师)?分配方案$|^导师分配$");
    private static final Pattern MOVE = Pattern.compile("^(?:请|麻烦)?(?:你)?(?:帮我)?把(.{1,6}?)(?:调给|调到|分给|换给|改给|换到)(.{1,6}?)(?:老师)?(?:那里|名下|那儿)?$");
    private static final Pattern CONFIRM = Pattern.compile("^(?:确认|确定)(?:导师)?分配(?:方案)?$");

    private final Pairings pairings;
    private final Links links;
    private final Texts texts;
    private final Clock clock;
    private final WishTalk wishes;
    private final Lexicon lexicon;

    PairingTalk(Pairings pairings, Links links, Texts texts, Clock clock, Lexicon lexicon) {
        this.lexicon = lexicon;
        this.wishes = new WishTalk(pairings.wishes(), texts, clock);
        this.pairings = pairings;
        this.links = links;
        this.texts = texts;
        this.clock = clock;
    }

    Optional<List<Reply>> replyIfAbout(Person asker, Roster roster, String said) {
        String t = said.strip().replaceAll("[\\s。.!！?？]+$", "").replaceAll("^[「\\s]+|[」]+$", "");
        Optional<List<Reply>> wish = wishes.replyIfAbout(asker, roster, t);
        if (wish.isPresent()) return wish;
        boolean link = LINK.matcher(t).matches();
        Matcher move = MOVE.matcher(t);
        boolean moving = move.matches();
        boolean confirm = CONFIRM.matcher(t).matches();
        if (!link && !moving && !confirm) return Optional.empty();
        Set<String> classes = classesOf(asker, roster);
        if (classes.isEmpty()) return moving ? Optional.empty() : one(texts.get("pairing.notAllowed"));
        Optional<Proposal> open = pairings.open(asker.schoolId());
        Set<String> mine = open.map(p -> Pairings.studentsOf(p, roster, classes)).orElse(Set.of());
        if (open.isEmpty() || mine.isEmpty()) return moving ? Optional.empty() : one(texts.get("pairing.none"));
        Proposal p = open.get();
        if (link) {
            String url = links.pairingPage(asker.schoolId(), asker.id(), p.id());
            return one(url == null ? texts.get("duty.noPage") : texts.get("pairing.link", String.valueOf(p.id()), url));
        }
        if (confirm) return Optional.of(confirm(asker, roster, p, mine));
        return Optional.of(List.of(move(asker, roster, p, mine, move.group(1), move.group(2))));
    }

    private static Optional<List<Reply>> one(String text) {
        return Optional.of(List.of(Reply.back(text)));
    }

    private Reply move(Person asker, Roster roster, Proposal p, Set<String> mine, String who, String to) {
        List<Student> named = mine.stream().map(id -> roster.student(id).orElse(null))
                .filter(s -> s != null && s.name().equals(who)).toList();
        if (named.size() != 1) return Reply.back(texts.get("pairing.notYours", who));
        Student s = named.get(0);
        Pairings.MoveOutcome done = pairings.move(asker.schoolId(), roster, p, mine, s.id(), to, asker.id());
        if (done.refused() != null) {
            return Reply.back(switch (done.refused()) {
                case NOT_YOURS -> texts.get("pairing.notYours", who);
                case WHICH_TEACHER -> texts.get("pairing.whichTeacher", to + (to.length() == 1 ? "老师" : ""));
                case ALREADY_THERE -> texts.get("pairing.same", s.name(), done.mentor().name());
                case CONFIRMED -> texts.get("pairing.alreadyConfirmed", s.name());
            });
        }
        String rule = done.outsideClassRule() ? texts.get("pairing.classRule", done.mentor().name()) : "";
        return Reply.back(texts.get(done.moved().overSeats() ? "pairing.movedOver" : "pairing.moved", s.name(), done.mentor().name(),
                String.valueOf(done.moved().count()), String.valueOf(done.moved().seats()), rule).strip());
    }

    private List<Reply> confirm(Person asker, Roster roster, Proposal p, Set<String> mine) {
        List<Proposal.Row> waiting = p.rows().stream().filter(r -> mine.contains(r.studentId()) && !r.confirmed()).toList();
        if (waiting.isEmpty()) return List.of(Reply.back(texts.get("pairing.nothingToConfirm")));
        List<String> changed = pairings.confirm(asker.schoolId(), p, mine, clock.instant());
        long unplaced = waiting.stream().filter(r -> r.mentorId() == null).count();
        List<Reply> replies = new ArrayList<>();
        replies.add(Reply.back(texts.get("pairing.confirmed", String.valueOf(waiting.size() - unplaced), String.valueOf(changed.size()),
                unplaced == 0 ? "" : texts.get("pairing.unplaced", String.valueOf(unplaced))).strip()));
        for (String studentId : changed) replies.addAll(toParents(roster, p, studentId));
        return replies;
    }

    /** One short notice from the bot to each parent of a student whose mentor changed: who the new mentor is. */
    private List<Reply> toParents(Roster roster, Proposal p, String studentId) {
        Optional<Teacher> mentor = p.row(studentId).map(Proposal.Row::mentorId).flatMap(roster::teacher);
        if (mentor.isEmpty()) return List.of();
        String name = mentor.get().name();
        String text = texts.get("pairing.toParent", name, name.substring(0, Math.min(name.length(), lexicon.surnameLength(name))));
        return roster.parentsOf(studentId).stream().map(parent -> new Reply(parent.id(), text, false)).toList();
    }

    /** The classes whose pairing the person coordinates: those they head; an admin's, every class. */
    private static Set<String> classesOf(Person asker, Roster roster) {
        return roster.classes().stream().filter(c -> asker.is(Role.ADMIN) || asker.id().equals(c.headTeacherId()))
                .map(SchoolClass::id).collect(Collectors.toSet());
    }
}
