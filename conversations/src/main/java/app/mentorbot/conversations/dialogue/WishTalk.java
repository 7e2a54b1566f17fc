package app.mentorbot.conversations.dialogue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.mentorbot.conversations.pairing.Wishes;
import app.mentorbot.conversations.people.Person;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.text.Texts;

/**
 * A teacher's own wishes for pairing: 「我愿意带：李华、张小明」 (also 我想带, 愿意带; names or 学号 separated by 、，, or
 * spaces) keeps the students of classes they teach, in that order, as their list in the next match; names not taken
 * (not on the roster, not in a class they teach, or shared by two of their students) are listed back. 「我的意向学生」
 * shows the list, 「清空意向学生」 clears it. Words that only start alike (我想带李华去医院看看) are not a list of names:
 * they go on to the note reader.
 */
final class WishTalk {
    private static final Pattern ADD = Pattern.compile("^(?:我)?(?:也)?(?:愿意|想|希望|可以)带[：:\\s]*(.+)$");
    private static final Pattern SHOW = Pattern.compile("^(?:看看|查看|查一下)?(?:我的意向学生|我(?:愿意|想)带的学生(?:有哪些|是谁)?|意向学生)$");
    private static final Pattern CLEAR = Pattern.compile("^(?:清空|清除|删除|取消)(?:我的)?(?:意向学生|意向|我?愿意带的学生)$");
    private static final Pattern LIST = Pattern.compile("[、，,；;\\s]+");
    /** A piece that can be a name (two to four characters, 欧阳晓雨) or a 学号. */
    private static final Pattern NAME = Pattern.compile("^(?:\\p{IsHan}{2,4}|[A-Za-z0-9]{1,20})$");

    private final Wishes wishes;
    private final Texts texts;
    private final Clock clock;

    WishTalk(Wishes wishes, Texts texts, Clock clock) {
        this.wishes = wishes;
        this.texts = texts;
        this.clock = clock;
    }

    Optional<List<Reply>> replyIfAbout(Person asker, Roster roster, String t) {
        if (roster.teacher(asker.id()).isEmpty()) return Optional.empty();
        if (SHOW.matcher(t).matches()) return one(show(asker, roster));
        if (CLEAR.matcher(t).matches()) {
            int n = wishes.clear(asker.schoolId(), asker.id());
            return one(n == 0 ? texts.get("wish.none") : texts.get("wish.cleared", String.valueOf(n)));
        }
        Matcher add = ADD.matcher(t);
        if (!add.matches()) return Optional.empty();
        List<String> pieces = LIST.splitAsStream(add.group(1)).filter(p -> !p.isBlank()).toList();
        if (pieces.isEmpty() || !pieces.stream().allMatch(p -> NAME.matcher(p).matches())) return Optional.empty();
        boolean listed = t.contains("：") || t.contains(":") || pieces.size() > 1;
        if (!listed && roster.students().stream().noneMatch(s -> s.name().equals(pieces.get(0)) || s.id().equalsIgnoreCase(pieces.get(0)))) {
            return Optional.empty(); // 我想带班会: not a name, a note
        }
        if (roster.classIdsOf(asker.id()).isEmpty()) return one(texts.get("wish.noClasses"));
        List<Student> taught = roster.studentsTaughtBy(asker.id());
        List<String> taken = new ArrayList<>();
        List<String> notTaken = new ArrayList<>();
        for (String p : pieces) {
            List<Student> found = taught.stream().filter(s -> s.id().equalsIgnoreCase(p) || s.name().equals(p)).toList();
            if (found.size() == 1) taken.add(found.get(0).id());
            else notTaken.add(p);
        }
        List<String> lines = new ArrayList<>();
        if (!taken.isEmpty()) {
            List<String> all = wishes.add(asker.schoolId(), asker.id(), taken, clock.instant());
            lines.add(texts.get("wish.saved", names(roster, taken), names(roster, all)));
        }
        if (!notTaken.isEmpty()) lines.add(texts.get("wish.notTaken", String.join(texts.get("list.separator"), notTaken)));
        return one(String.join("\n", lines));
    }

    private String show(Person asker, Roster roster) {
        List<String> mine = wishes.of(asker.schoolId(), asker.id());
        return mine.isEmpty() ? texts.get("wish.none") : texts.get("wish.list", names(roster, mine));
    }

    private String names(Roster roster, List<String> studentIds) {
        return String.join(texts.get("list.separator"), studentIds.stream().map(id -> roster.student(id).map(Student::name).orElse(id)).toList());
    }

    private static Optional<List<Reply>> one(String text) {
        return Optional.of(List.of(Reply.back(text)));
    }
}
