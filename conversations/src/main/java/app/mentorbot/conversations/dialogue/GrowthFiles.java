package app.mentorbot.conversations.dialogue;

import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.regex.Pattern;

import app.mentorbot.conversations.people.Access;
import app.mentorbot.conversations.people.Person;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.text.Texts;
import app.mentorbot.conversations.understanding.Note;

/**
 * 「李华的成长档案」, 「李华成长档案」, 「成长档案 李华」: the signed link to one student's growth file, for
 * those who may read the student. The words besides 成长档案 must name one student and nothing more,
 * so a note that merely mentions the growth file is still filed as a note.
 */
final class GrowthFiles {
    private static final String GROWTH_FILE = "成长档案";
    private static final Pattern POLITE = Pattern.compile("^(请|麻烦)?(你)?(帮我|给我)?(看看|看一下|查|查一下|调出|发我|发一下)?|(发我|发给我|给我看看|看看|看一下)$");

    private final NoteReading reading;
    private final Links links;
    private final Texts texts;

    GrowthFiles(NoteReading reading, Links links, Texts texts) {
        this.reading = reading;
        this.links = links;
        this.texts = texts;
    }

    /** The answer with the link; empty when the words are no request for one student's growth file. */
    Optional<String> linkIfAsked(Person asker, Roster roster, String said, ZonedDateTime at) {
        String t = said.replaceAll("[\\s。.!！?？：:，,]", "");
        int at1 = t.indexOf(GROWTH_FILE);
        if (at1 < 0 || t.indexOf(GROWTH_FILE, at1 + 1) >= 0) return Optional.empty();
        String who = POLITE.matcher(t.replace(GROWTH_FILE, "")).replaceAll("").replaceFirst("的$", "");
        if (who.isEmpty() || who.length() > 6) return Optional.empty();
        Note n = reading.read(roster, asker.id(), "和" + who + "聊了", at);
        if (n.clarify() != null || n.studentIds().size() != 1) return Optional.empty();
        // the name must be all the other words: 「李华成长档案交了」 is a note, not a request
        boolean onlyTheName = n.evidence().stream().anyMatch(e -> e.field().equals("students") && e.start() == 1 && e.end() == 1 + who.length());
        if (!onlyTheName) return Optional.empty();
        Student s = roster.student(n.studentIds().get(0)).orElse(null);
        if (s == null) return Optional.empty();
        if (!Access.mayRead(asker, s, roster)) return Optional.of(texts.get("growth.notAllowed", s.name()));
        String link = links.growthFile(asker.schoolId(), asker.id(), s.id());
        return Optional.of(link == null ? texts.get("duty.noPage") : texts.get("growth.link", s.name(), link));
    }
}
