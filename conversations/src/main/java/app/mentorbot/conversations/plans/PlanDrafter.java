package app.mentorbot.conversations.plans;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import app.mentorbot.conversations.duties.DutyRules;
import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.schedule.SchoolCalendar;
import app.mentorbot.conversations.text.Texts;
import app.mentorbot.conversations.understanding.Flag;
import app.mentorbot.conversations.understanding.Topic;

/**
 * Drafts a guidance plan from what the records of this term already say about a student: each flag adds
 * a goal and a way of working (学业 → grades and the subject teachers; 心理 → mood and regular talks;
 * 家庭 → parent contact; 安全 → weekly talks and the class head), each of the five duties that came up (or
 * the flags point to) becomes a line of content, and the schedule starts from the school's rules, made
 * stricter by 心理 and 安全 (weekly talks) and by 家庭 and 安全 (a parent contact a month). The words come
 * from the replies bundle ({@code plan.goal.*}, {@code plan.content.*}, {@code plan.method.*}).
 */
public final class PlanDrafter {
    private final Texts texts;
    private final SchoolCalendar calendar;
    private final DutyRules rules;

    public PlanDrafter(Texts texts, SchoolCalendar calendar, DutyRules rules) {
        this.texts = Objects.requireNonNull(texts, "texts");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** The first day whose records a draft for {@code day} reads: the term's first day. */
    public LocalDate readFrom(LocalDate day) {
        return calendar.currentOrLastTerm(day).start();
    }

    /** Months in the term of {@code day}: what 「每月一次」 parent contact comes to. */
    public int monthsInTerm(LocalDate day) {
        SchoolCalendar.Term term = calendar.currentOrLastTerm(day);
        return (int) Math.max(1, Math.round(ChronoUnit.DAYS.between(term.start(), term.end().plusDays(1)) / 30.0));
    }

    /** The school's individual-talk rule, in counting days (a plan may only ask for more often). */
    public int schoolTalkDays() {
        return rules.individualTalkDays();
    }

    /** A draft (version 0) for the student from the records about them (this term's, by anyone). */
    public GuidancePlan draft(String studentId, List<Record> records, LocalDate day) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        Set<Topic> topics = EnumSet.noneOf(Topic.class);
        for (Record r : records) {
            flags.addAll(r.flags());
            topics.addAll(r.topics());
        }
        if (flags.contains(Flag.ACADEMIC)) topics.add(Topic.ACADEMIC);
        if (flags.contains(Flag.PSYCH) || flags.contains(Flag.SAFETY)) topics.add(Topic.PSYCH);
        if (flags.contains(Flag.FAMILY)) topics.add(Topic.LIFE);
        if (topics.isEmpty()) topics.addAll(EnumSet.of(Topic.THOUGHT, Topic.ACADEMIC, Topic.CAREER));

        List<String> goals = new ArrayList<>();
        List<String> methods = new ArrayList<>();
        methods.add(texts.get("plan.method.talk"));
        for (Flag f : flags) {
            goals.add(texts.get("plan.goal." + f.name()));
            methods.add(texts.get("plan.method." + f.name()));
        }
        if (goals.isEmpty()) goals.add(texts.get("plan.goal.steady"));
        List<String> content = topics.stream().map(t -> texts.get("plan.content." + t.name())).toList();

        int talkDays = flags.contains(Flag.SAFETY) || flags.contains(Flag.PSYCH) ? Math.min(7, rules.individualTalkDays()) : rules.individualTalkDays();
        int contacts = flags.contains(Flag.FAMILY) || flags.contains(Flag.SAFETY)
                ? Math.max(rules.parentContactsPerTerm(), monthsInTerm(day)) : rules.parentContactsPerTerm();
        return new GuidancePlan(studentId, 0, goals, content, methods, talkDays, contacts, null, null);
    }
}
