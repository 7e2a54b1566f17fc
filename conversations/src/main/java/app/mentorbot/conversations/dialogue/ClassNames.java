package app.mentorbot.conversations.dialogue;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import app.mentorbot.conversations.people.Person;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.SchoolClass;
import app.mentorbot.conversations.text.Texts;

/**
 * The roster classes a message names, however the teacher wrote the name: 高二(1)班, 高二（1）班, 高二1班 and
 * 高二一班 are one class. Names and message are compared without brackets, spaces or punctuation, with
 * full-width characters folded and 一…九 read as digits; a name does not match inside a longer number
 * (高二(1)班 is not in 高二11班), and a name found inside a longer name found at the same place is dropped.
 */
final class ClassNames {
    private static final String CHINESE_DIGITS = "〇一二三四五六七八九";

    private ClassNames() {}

    /** The classes a teacher heads, in roster order. */
    static List<SchoolClass> headedBy(Person teacher, Roster roster) {
        return roster.classes().stream().filter(c -> teacher.id().equals(c.headTeacherId())).toList();
    }

    /** The classes' names for a sentence: 「高二(1)班、高二(2)班」 (an unknown id as itself). */
    static String joined(Roster roster, Collection<String> classIds, Texts texts) {
        return String.join(texts.get("list.separator"),
                classIds.stream().map(c -> roster.schoolClass(c).map(SchoolClass::name).orElse(c)).toList());
    }

    /** Where a class name stands in the plain text of a message. */
    private record Span(int start, int end) {
        boolean inside(Span other) {
            return other.start <= start && end <= other.end && other.end - other.start > end - start;
        }
    }

    static List<SchoolClass> named(Roster roster, String said) {
        String text = plain(said);
        List<SchoolClass> found = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        for (SchoolClass c : roster.classes()) {
            String name = plain(c.name());
            if (name.isEmpty()) continue;
            for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
                int end = at + name.length();
                boolean cut = at > 0 && Character.isDigit(text.charAt(at - 1)) && Character.isDigit(name.charAt(0))
                        || end < text.length() && Character.isDigit(text.charAt(end)) && Character.isDigit(name.charAt(name.length() - 1));
                if (cut) continue;
                found.add(c);
                spans.add(new Span(at, end));
                break;
            }
        }
        List<SchoolClass> named = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            if (!insideAnother(spans, i)) named.add(found.get(i));
        }
        return named;
    }

    private static boolean insideAnother(List<Span> spans, int i) {
        for (int j = 0; j < spans.size(); j++) {
            if (j != i && spans.get(i).inside(spans.get(j))) return true;
        }
        return false;
    }

    private static String plain(String s) {
        String folded = Normalizer.normalize(s, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char ch = folded.charAt(i);
            int digit = CHINESE_DIGITS.indexOf(ch);
            if (digit >= 0) out.append((char) ('0' + digit));
            else if (Character.isLetterOrDigit(ch)) out.append(ch);
        }
        return out.toString();
    }
}
