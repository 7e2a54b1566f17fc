package app.mentorbot.conversations.assessments;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import app.mentorbot.conversations.assessments.StageAssessment.AreaLine;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.text.Texts;

/**
 * What a family reads of a stage assessment: the four levels in kind words and the mentor's own sentences, nothing
 * else. Never the drafted lines (they count records), never a note, and never another student: another student's
 * full name in the mentor's words, or a classmate's given name (of a three-character name), becomes 同学.
 */
public final class FamilyFeedback {
    private final Texts texts;

    public FamilyFeedback(Texts texts) {
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    /** The feedback for the student's parents. */
    public String forParents(StageAssessment a, Student s, Roster roster) {
        return texts.get("assessment.feedback.parents", s.name(), a.stage(), levels(a), words(a, s, roster));
    }

    /** The feedback for the student themself (where they have an account). */
    public String forStudent(StageAssessment a, Student s, Roster roster) {
        return texts.get("assessment.feedback.student", given(s.name()), a.stage(), levels(a), words(a, s, roster));
    }

    /** 思想表现很好；学业成绩还有进步的空间；… */
    private String levels(StageAssessment a) {
        return a.areas().stream().map(l -> texts.get("assessment.area." + l.area().name()) + texts.get("assessment.kind." + l.level().name()))
                .collect(Collectors.joining(texts.get("assessment.feedback.sep")));
    }

    /** "\n老师想说：……" with the mentor's sentences, or nothing when they wrote none. */
    private String words(StageAssessment a, Student s, Roster roster) {
        List<String> said = a.areas().stream().map(AreaLine::words).filter(w -> !w.isBlank()).map(w -> withoutOthers(w, s, roster)).toList();
        return said.isEmpty() ? "" : texts.get("assessment.feedback.words", String.join(texts.get("assessment.feedback.sep"), said));
    }

    /** The words with every other student's name (full, then given) made 同学, longest names first. */
    static String withoutOthers(String words, Student s, Roster roster) {
        List<String> names = new ArrayList<>();
        for (Student other : roster.students()) {
            if (other.id().equals(s.id()) || other.name().equals(s.name())) continue;
            names.add(other.name());
            // a classmate is called by the given name; elsewhere in the school two characters are too often a word
            boolean classmate = other.classId().equals(s.classId());
            if (classmate && other.name().length() >= 3 && !s.name().endsWith(given(other.name()))) names.add(given(other.name()));
        }
        names.sort(Comparator.comparingInt(String::length).reversed());
        String out = words;
        for (String n : names) out = out.replace(n, "同学");
        return out;
    }

    /** 李华 → 李华, 张小明 → 小明. */
    static String given(String name) {
        return name.length() > 2 ? name.substring(name.length() - 2) : name;
    }
}
