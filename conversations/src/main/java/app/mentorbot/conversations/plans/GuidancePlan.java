package app.mentorbot.conversations.plans;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import app.mentorbot.conversations.duties.StudentPace;

/**
 * A mentor's guidance plan (指导计划) for one mentee: goals, what they will work on, how, and the schedule
 * of individual talks and parent contacts. A draft has version 0 and no date; each confirmation stores a
 * new version and keeps the old ones.
 *
 * @param talkEveryDays         an individual talk at least every N counting days
 * @param parentContactsPerTerm parent contacts this term
 */
public record GuidancePlan(String studentId, int version, List<String> goals, List<String> content, List<String> methods,
                           int talkEveryDays, int parentContactsPerTerm, LocalDate setOn, String setBy) {
    /** The most items a line holds, so a plan stays a plan. */
    public static final int MAX_ITEMS = 6;
    /** The longest item, in characters. */
    public static final int MAX_ITEM = 60;

    public GuidancePlan {
        Objects.requireNonNull(studentId, "studentId");
        goals = List.copyOf(goals);
        content = List.copyOf(content);
        methods = List.copyOf(methods);
        if (talkEveryDays <= 0) throw new IllegalArgumentException("talkEveryDays must be positive, was " + talkEveryDays);
        if (parentContactsPerTerm < 0) throw new IllegalArgumentException("parentContactsPerTerm must not be negative");
    }

    /** The paces the ledger holds the mentor to for this student (the stricter of these and the school's rules). */
    public StudentPace pace() {
        return new StudentPace(talkEveryDays, parentContactsPerTerm);
    }

    /** This plan as a draft to change (the next version once confirmed). */
    public GuidancePlan asDraft() {
        return new GuidancePlan(studentId, version, goals, content, methods, talkEveryDays, parentContactsPerTerm, null, null);
    }

    GuidancePlan withLine(Line line, List<String> items) {
        List<String> kept = items.stream().map(String::strip).filter(i -> !i.isEmpty())
                .map(i -> i.length() > MAX_ITEM ? i.substring(0, MAX_ITEM) : i).distinct().limit(MAX_ITEMS).toList();
        return switch (line) {
            case GOALS -> new GuidancePlan(studentId, version, kept, content, methods, talkEveryDays, parentContactsPerTerm, setOn, setBy);
            case CONTENT -> new GuidancePlan(studentId, version, goals, kept, methods, talkEveryDays, parentContactsPerTerm, setOn, setBy);
            case METHODS -> new GuidancePlan(studentId, version, goals, content, kept, talkEveryDays, parentContactsPerTerm, setOn, setBy);
            case SCHEDULE -> this;
        };
    }

    GuidancePlan adding(Line line, String item) {
        List<String> items = new ArrayList<>(items(line));
        items.add(item);
        return withLine(line, items);
    }

    List<String> items(Line line) {
        return switch (line) {
            case GOALS -> goals;
            case CONTENT -> content;
            case METHODS -> methods;
            case SCHEDULE -> List.of();
        };
    }

    GuidancePlan withTalkEvery(int days) {
        return new GuidancePlan(studentId, version, goals, content, methods, days, parentContactsPerTerm, setOn, setBy);
    }

    GuidancePlan withParentContacts(int perTerm) {
        return new GuidancePlan(studentId, version, goals, content, methods, talkEveryDays, perTerm, setOn, setBy);
    }

    /** The four numbered lines of a plan, in the order they are shown. */
    public enum Line { GOALS, CONTENT, METHODS, SCHEDULE }
}
