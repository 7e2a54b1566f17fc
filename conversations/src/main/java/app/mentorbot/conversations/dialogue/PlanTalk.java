package app.mentorbot.conversations.dialogue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.mentorbot.conversations.dialogue.PendingQuestions.PlanDraft;
import app.mentorbot.conversations.people.Access;
import app.mentorbot.conversations.people.Person;
import app.mentorbot.conversations.plans.GuidancePlan;
import app.mentorbot.conversations.plans.PlanDrafter;
import app.mentorbot.conversations.plans.PlanEdits;
import app.mentorbot.conversations.plans.PlanStore;
import app.mentorbot.conversations.records.RecordStore;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.text.Texts;
import app.mentorbot.conversations.understanding.Note;

/**
 * Guidance plans (指导计划) in chat. 「给李华定个计划」 drafts one from the term's records (or, when the student
 * has a plan, starts from it) and shows it as four numbered lines; while the draft is open the mentor
 * changes it line by line (「目标改成：……」, 「内容加上：……」, 「改成每周谈一次」, 「家长联系改成每月一次」), then
 * 「确认」 stores it as the next version or 「算了」 drops it. 「李华的计划」 shows the plan in force. The draft is
 * the person's open question in {@link PendingQuestions}, so it survives a restart. Plans are the mentor's,
 * the class head's and admins' ({@link Access#mayRead}); words that are none of this go on to the note reader.
 */
final class PlanTalk {
    private static final Pattern DRAFT = Pattern.compile(
            "^(?:请|麻烦)?(?:你)?(?:帮我)?给(.{1,6}?)(?:定|做|制定|订|拟|写|起草|出)(?:一)?(?:个|份|下)?(?:指导)?计划吧?$");
    private static final Pattern REVISE = Pattern.compile("^(?:改|修改|调整|更新)(?:一下)?(.{1,6}?)的(?:指导)?计划$");
    private static final Pattern VIEW = Pattern.compile("^(?:看看|看一下|查看|查一下|发我)?(.{1,6}?)的(?:指导)?计划$");
    private static final Pattern CONFIRM = Pattern.compile("^(?:确认|确认计划|确定|保存|保存计划|就这样|就这样吧|可以了?|没问题)$");
    private static final Pattern DROP = Pattern.compile("^(?:算了|不要了|放弃|取消计划|不定了|先不定了)$");

    private final NoteReading reading;
    private final PendingQuestions pending;
    private final PlanStore plans;
    private final Function<String, PlanDrafter> drafters;
    private final RecordStore records;
    private final Texts texts;
    private final Wording wording;
    private final Clock clock;

    /** {@code drafters}: each school's drafter (by school id), which knows that school's term and talk rule. */
    PlanTalk(NoteReading reading, PendingQuestions pending, PlanStore plans, Function<String, PlanDrafter> drafters, RecordStore records,
             Texts texts, Wording wording, Clock clock) {
        this.reading = reading;
        this.pending = pending;
        this.plans = plans;
        this.drafters = drafters;
        this.records = records;
        this.texts = texts;
        this.wording = wording;
        this.clock = clock;
    }

    /** The answer when the words are about a plan; empty otherwise. */
    Optional<Reply> replyIfAbout(Person asker, Roster roster, String said, Long messageId, ZonedDateTime at) {
        Optional<Answer> answer = answer(asker, roster, said, at);
        // the words and the answer hold the plan: an erasure of the student must find them
        answer.ifPresent(a -> plans.noteMessage(asker.schoolId(), a.studentId(), messageId));
        return answer.map(Answer::reply);
    }

    /** A reply about one student's plan. */
    private record Answer(String studentId, Reply reply) {}

    private Optional<Answer> answer(Person asker, Roster roster, String said, ZonedDateTime at) {
        String t = said.strip().replaceAll("[\\s。.!！?？]+$", "").replaceAll("^[「\\s]+|[」]+$", "");
        Optional<PlanDraft> open = pending.openPlanDraft(asker.schoolId(), asker.id(), clock.instant());
        if (open.isPresent()) {
            Optional<Reply> onDraft = onDraft(asker, roster, open.get(), t, at.toLocalDate());
            if (onDraft.isPresent()) return Optional.of(new Answer(open.get().plan().studentId(), onDraft.get()));
        }
        Matcher m = DRAFT.matcher(t);
        if (!m.matches()) m = REVISE.matcher(t);
        if (m.matches()) return student(asker, roster, m.group(1), at).map(s -> new Answer(s.id(), startDraft(asker, roster, s, at.toLocalDate())));
        m = VIEW.matcher(t);
        if (m.matches()) return student(asker, roster, m.group(1), at).map(s -> new Answer(s.id(), view(asker, roster, s, at.toLocalDate())));
        return Optional.empty();
    }

    private Optional<Reply> onDraft(Person asker, Roster roster, PlanDraft draft, String t, LocalDate today) {
        PlanDrafter drafter = drafters.apply(asker.schoolId());
        String name = roster.student(draft.plan().studentId()).map(Student::name).orElse(null);
        if (name == null) {
            pending.close(asker.schoolId(), asker.id());
            return Optional.empty();
        }
        if (CONFIRM.matcher(t).matches()) {
            pending.close(asker.schoolId(), asker.id());
            GuidancePlan saved = plans.confirm(asker.schoolId(), draft.plan(), today, asker.id(), clock.instant());
            String stricter = saved.talkEveryDays() > drafter.schoolTalkDays()
                    ? texts.get("plan.schoolStricter", every(drafter.schoolTalkDays())) : "";
            return Optional.of(Reply.back(texts.get("plan.saved", name, saved.version(), wording.day(today, today),
                    every(saved.talkEveryDays()), saved.parentContactsPerTerm(), stricter)));
        }
        if (DROP.matcher(t).matches()) {
            pending.close(asker.schoolId(), asker.id());
            return Optional.of(Reply.back(texts.get("plan.dropped", name)));
        }
        return PlanEdits.apply(draft.plan(), t, drafter.monthsInTerm(today)).map(changed -> {
            pending.ask(asker.schoolId(), asker.id(), new PlanDraft(changed, draft.recordsRead()), clock.instant());
            return Reply.back(texts.get("plan.changed", name, lines(changed)));
        });
    }

    private Reply startDraft(Person asker, Roster roster, Student s, LocalDate today) {
        if (!Access.mayRead(asker, s, roster)) return Reply.back(texts.get("plan.notAllowed", s.name()));
        Optional<GuidancePlan> current = plans.current(asker.schoolId(), s.id());
        if (current.isPresent()) {
            pending.ask(asker.schoolId(), asker.id(), new PlanDraft(current.get().asDraft(), 0), clock.instant());
            return Reply.back(texts.get("plan.revise", s.name(), current.get().version(), lines(current.get())));
        }
        PlanDrafter drafter = drafters.apply(asker.schoolId());
        List<app.mentorbot.conversations.records.Record> about = records.about(asker.schoolId(), List.of(s.id()), drafter.readFrom(today), today);
        int read = about.size();
        GuidancePlan draft = drafter.draft(s.id(), about, today);
        pending.ask(asker.schoolId(), asker.id(), new PlanDraft(draft, read), clock.instant());
        return Reply.back(texts.get(read == 0 ? "plan.draftNoRecords" : "plan.draft", s.name(), read, lines(draft)));
    }

    private Reply view(Person asker, Roster roster, Student s, LocalDate today) {
        if (!Access.mayRead(asker, s, roster)) return Reply.back(texts.get("plan.notAllowed", s.name()));
        return plans.current(asker.schoolId(), s.id())
                .map(p -> Reply.back(texts.get("plan.view", s.name(), p.version(), wording.day(p.setOn(), today), lines(p))))
                .orElseGet(() -> Reply.back(texts.get("plan.none", s.name())));
    }

    /** The student the words name, and nothing more (「李华」, 「小明」); empty when they name none or several. */
    private Optional<Student> student(Person asker, Roster roster, String who, ZonedDateTime at) {
        return onlyStudent(reading, asker, roster, who, at);
    }

    /** The student the words name, and nothing more; empty when they name none or several (also for assessments). */
    static Optional<Student> onlyStudent(NoteReading reading, Person asker, Roster roster, String who, ZonedDateTime at) {
        Note n = reading.read(roster, asker.id(), "和" + who + "聊了", at);
        if (n.clarify() != null || n.studentIds().size() != 1) return Optional.empty();
        boolean onlyTheName = n.evidence().stream().anyMatch(e -> e.field().equals("students") && e.start() == 1 && e.end() == 1 + who.length());
        return onlyTheName ? roster.student(n.studentIds().get(0)) : Optional.empty();
    }

    /** The plan as four numbered lines. */
    String lines(GuidancePlan p) {
        String sep = texts.get("plan.sep");
        return String.join("\n",
                texts.get("plan.line.goals", String.join(sep, p.goals())),
                texts.get("plan.line.content", String.join(sep, p.content())),
                texts.get("plan.line.methods", String.join(sep, p.methods())),
                texts.get("plan.line.schedule", every(p.talkEveryDays()), p.parentContactsPerTerm()));
    }

    private String every(int days) {
        return switch (days) {
            case 7 -> texts.get("plan.every.week");
            case 14 -> texts.get("plan.every.twoWeeks");
            case 30 -> texts.get("plan.every.month");
            default -> texts.get("plan.every.days", days);
        };
    }
}
