package app.mentorbot.conversations.dialogue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.mentorbot.conversations.assessments.AssessmentDays;
import app.mentorbot.conversations.assessments.AssessmentDrafter;
import app.mentorbot.conversations.assessments.AssessmentEdits;
import app.mentorbot.conversations.assessments.AssessmentPrompts;
import app.mentorbot.conversations.assessments.AssessmentStore;
import app.mentorbot.conversations.assessments.FamilyFeedback;
import app.mentorbot.conversations.assessments.StageAssessment;
import app.mentorbot.conversations.assessments.YearReviews;
import app.mentorbot.conversations.dialogue.PendingQuestions.AssessmentDraft;
import app.mentorbot.conversations.dialogue.RelayLog.Direction;
import app.mentorbot.conversations.dialogue.RelayLog.Relayed;
import app.mentorbot.conversations.people.Access;
import app.mentorbot.conversations.people.Person;
import app.mentorbot.conversations.plans.PlanStore;
import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.records.RecordStore;
import app.mentorbot.conversations.roster.Parent;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.text.Texts;

/**
 * Stage assessments (阶段评估) and year-end reviews (学年总结) in chat. 「给李华做阶段评估」 drafts one from the
 * period's records (since the student's last assessment, the stage's previous point or the term's start); while it
 * is open the mentor sets levels and sentences (「学业改成一般」, 「心理：最近情绪稳定多了」), chooses 「发给家长」 or
 * 「不发」, and 「确认」 saves it — sending the family's feedback through the relay when chosen, and offering to
 * change the plan. 「李华的阶段评估」 shows every stage; 「阶段评估」 lists one's mentees; 「写学年总结」 (or
 * 「写李华的学年总结」) gives review drafts. All of it for the mentor, the class head and admins ({@link Access#mayRead}).
 */
final class AssessmentTalk {
    private static final Pattern DRAFT = Pattern.compile("^(?:请|麻烦)?(?:你)?(?:帮我)?给(.{1,6}?)(?:做|写|填)(?:一)?(?:个|份|下|次)?阶段(?:性)?评估吧?$");
    private static final Pattern VIEW = Pattern.compile("^(?:看看|看一下|查看|查一下|发我)?(.{1,6}?)的阶段(?:性)?评估$");
    private static final Pattern LIST = Pattern.compile("^(?:做|开始)?(?:一下)?阶段(?:性)?评估$");
    private static final Pattern YEAR = Pattern.compile("^(?:请|麻烦)?(?:帮我)?(?:写|起草|生成)(?:一下)?(?:(.{1,6}?)的)?学年总结$");
    private static final Pattern CONFIRM = Pattern.compile("^(?:确认|确定|保存|保存评估|确认评估|就这样|就这样吧|可以了?|没问题)$");
    private static final Pattern DROP = Pattern.compile("^(?:算了|不要了|放弃|取消评估|先不评了)$");
    private static final Pattern SEND = Pattern.compile("^(?:发给家长|发家长|发送给家长|给家长发|发给家长吧|发吧|发)$");
    private static final Pattern KEEP = Pattern.compile("^(?:不发|不发了|不用发|不发给家长|先不发|只留校内|留在校内)$");

    /** What the talk needs besides the dialogue's own parts. */
    record Parts(AssessmentStore store, AssessmentDrafter drafter, AssessmentDays.BySchool days, FamilyFeedback feedback, YearReviews reviews,
                 AssessmentPrompts prompts, PlanStore plans) {}

    private final NoteReading reading;
    private final PendingQuestions pending;
    private final Parts parts;
    private final RecordStore records;
    private final RelayLog log;
    private final RelayMessages relayed;
    private final StudentAccounts accounts;
    private final Texts texts;
    private final Clock clock;

    AssessmentTalk(NoteReading reading, PendingQuestions pending, Parts parts, RecordStore records, RelayLog log, RelayMessages relayed,
                   StudentAccounts accounts, Texts texts, Clock clock) {
        this.reading = reading;
        this.pending = pending;
        this.parts = parts;
        this.records = records;
        this.log = log;
        this.relayed = relayed;
        this.accounts = accounts;
        this.texts = texts;
        this.clock = clock;
    }

    /** A reply about one student's assessment or review, with the replies to their family when sent. */
    private record Answer(String studentId, List<Reply> replies) {
        static Answer one(String studentId, String text) {
            return new Answer(studentId, List.of(Reply.back(text)));
        }
    }

    /** The answer when the words are about an assessment or a year-end review; empty otherwise. */
    Optional<List<Reply>> replyIfAbout(Person asker, Roster roster, String said, Long messageId, ZonedDateTime at) {
        Optional<Answer> answer = answer(asker, roster, said, messageId, at);
        // the words and the answer hold the assessment: an erasure of the student must find them
        answer.filter(a -> a.studentId() != null).ifPresent(a -> parts.store().noteMessage(asker.schoolId(), a.studentId(), messageId));
        return answer.map(Answer::replies);
    }

    private Optional<Answer> answer(Person asker, Roster roster, String said, Long messageId, ZonedDateTime at) {
        String t = said.strip().replaceAll("[\\s。.!！?？]+$", "").replaceAll("^[「\\s]+|[」]+$", "");
        LocalDate today = at.toLocalDate();
        Optional<AssessmentDraft> open = pending.openAssessmentDraft(asker.schoolId(), asker.id(), clock.instant());
        if (open.isPresent()) {
            Optional<Answer> onDraft = onDraft(asker, roster, open.get(), t, messageId, today);
            if (onDraft.isPresent()) return onDraft;
        }
        Matcher m = DRAFT.matcher(t);
        if (m.matches()) return student(asker, roster, m.group(1), at).map(s -> startDraft(asker, roster, s, today));
        m = VIEW.matcher(t);
        if (m.matches()) return student(asker, roster, m.group(1), at).map(s -> view(asker, roster, s));
        m = YEAR.matcher(t);
        if (m.matches()) {
            if (m.group(1) == null) return Optional.of(new Answer(null, List.of(Reply.back(yearReviews(asker, roster, today)))));
            return student(asker, roster, m.group(1), at).map(s -> yearReview(asker, roster, s, today));
        }
        if (LIST.matcher(t).matches()) {
            List<Student> mentees = roster.menteesOf(asker.id());
            String text = mentees.isEmpty() ? texts.get("assessment.noMentees")
                    : parts.prompts().assessmentPrompt(parts.days().forSchool(asker.schoolId()).stageFor(today).name(), mentees);
            return Optional.of(new Answer(null, List.of(Reply.back(text))));
        }
        return Optional.empty();
    }

    private Optional<Student> student(Person asker, Roster roster, String who, ZonedDateTime at) {
        return PlanTalk.onlyStudent(reading, asker, roster, who, at);
    }

    private Answer startDraft(Person asker, Roster roster, Student s, LocalDate today) {
        if (!Access.mayRead(asker, s, roster)) return Answer.one(s.id(), texts.get("assessment.notAllowed", s.name()));
        AssessmentDays.Stage stage = parts.days().forSchool(asker.schoolId()).stageFor(today);
        LocalDate from = stage.from();
        Optional<StageAssessment> last = parts.store().latest(asker.schoolId(), s.id());
        if (last.isPresent() && !last.get().stage().equals(stage.name()) && !last.get().to().isBefore(from) && last.get().to().isBefore(today)) {
            from = last.get().to().plusDays(1);
        }
        List<Record> about = records.about(asker.schoolId(), List.of(s.id()), from, today);
        StageAssessment draft = parts.drafter().draft(s.id(), stage, from, today, about);
        pending.ask(asker.schoolId(), asker.id(), new AssessmentDraft(draft, about.size()), clock.instant());
        return Answer.one(s.id(), texts.get("assessment.draft", s.name(), stage.name(), AssessmentDrafter.day(from), about.size(), lines(draft)));
    }

    private Optional<Answer> onDraft(Person asker, Roster roster, AssessmentDraft open, String t, Long messageId, LocalDate today) {
        StageAssessment draft = open.assessment();
        Optional<Student> found = roster.student(draft.studentId());
        if (found.isEmpty()) {
            pending.close(asker.schoolId(), asker.id());
            return Optional.empty();
        }
        Student s = found.get();
        if (CONFIRM.matcher(t).matches()) return Optional.of(save(asker, roster, s, draft, messageId, today));
        if (DROP.matcher(t).matches()) {
            pending.close(asker.schoolId(), asker.id());
            return Optional.of(Answer.one(s.id(), texts.get("assessment.dropped", s.name())));
        }
        if (SEND.matcher(t).matches()) {
            if (!Access.mayWriteToParentOf(asker, s, roster)) return Optional.of(Answer.one(s.id(), texts.get("assessment.sendNotAllowed", s.name())));
            pending.ask(asker.schoolId(), asker.id(), new AssessmentDraft(draft.sending(true), open.recordsRead()), clock.instant());
            String also = accounts.has(asker.schoolId(), s.id()) ? texts.get("assessment.alsoStudent", s.name()) : "";
            String none = roster.parentsOf(s.id()).isEmpty() ? texts.get("assessment.noParents", s.name()) : "";
            return Optional.of(Answer.one(s.id(), texts.get("assessment.willSend", s.name(), also,
                    parts.feedback().forParents(draft, s, roster), none)));
        }
        if (KEEP.matcher(t).matches()) {
            pending.ask(asker.schoolId(), asker.id(), new AssessmentDraft(draft.sending(false), open.recordsRead()), clock.instant());
            return Optional.of(Answer.one(s.id(), texts.get("assessment.willKeep", s.name())));
        }
        return AssessmentEdits.apply(draft, t).map(changed -> {
            pending.ask(asker.schoolId(), asker.id(), new AssessmentDraft(changed, open.recordsRead()), clock.instant());
            return Answer.one(s.id(), texts.get("assessment.changed", s.name(), lines(changed)));
        });
    }

    /** Saves the draft; sends the family's feedback when the mentor chose to; offers to change the plan. */
    private Answer save(Person asker, Roster roster, Student s, StageAssessment draft, Long messageId, LocalDate today) {
        pending.close(asker.schoolId(), asker.id());
        StageAssessment saved = draft.saved(today, asker.id());
        parts.store().save(asker.schoolId(), saved, clock.instant());
        List<Reply> replies = new ArrayList<>();
        String family;
        if (saved.sent()) {
            replies.addAll(toFamily(asker, roster, s, saved, messageId));
            family = replies.isEmpty() ? texts.get("assessment.noParents", s.name()) : texts.get("assessment.sentNote");
        } else {
            family = texts.get("assessment.keptNote");
        }
        String plan = parts.plans().current(asker.schoolId(), s.id()).isPresent() ? texts.get("assessment.planOffer", s.name()) : "";
        replies.add(0, Reply.back(texts.get("assessment.saved", s.name(), saved.stage(), parts.reviews().levels(saved), family, plan)));
        return new Answer(s.id(), replies);
    }

    /** The feedback to each parent (kept in the relay, so the day's exchange is a parent contact) and to the student with an account. */
    private List<Reply> toFamily(Person asker, Roster roster, Student s, StageAssessment a, Long messageId) {
        List<Reply> out = new ArrayList<>();
        String school = roster.schoolName().isBlank() ? "" : "（" + roster.schoolName() + "）";
        String body = parts.feedback().forParents(a, s, roster);
        for (Parent p : roster.parentsOf(s.id())) {
            log.log(new Relayed(asker.schoolId(), s.id(), p.id(), asker.id(), Direction.TO_PARENT, body, clock.instant(), null, false, messageId));
            out.add(new Reply(p.id(), texts.get("relay.toParent", asker.displayName(), school, body), false));
        }
        if (accounts.has(asker.schoolId(), s.id())) {
            String mine = parts.feedback().forStudent(a, s, roster);
            relayed.addToStudent(asker.schoolId(), s.id(), asker.id(), mine, clock.instant(), messageId);
            out.add(new Reply(s.id(), texts.get("student.toParent", asker.displayName(), mine), false));
        }
        return out;
    }

    private Answer view(Person asker, Roster roster, Student s) {
        if (!Access.mayRead(asker, s, roster)) return Answer.one(s.id(), texts.get("assessment.notAllowed", s.name()));
        List<StageAssessment> all = parts.store().forStudent(asker.schoolId(), s.id());
        if (all.isEmpty()) return Answer.one(s.id(), texts.get("assessment.none", s.name()));
        List<String> stages = all.stream().map(a -> texts.get("assessment.viewStage", a.stage(), AssessmentDrafter.day(a.savedOn()),
                parts.reviews().levels(a), texts.get(a.sent() ? "assessment.view.sent" : "assessment.view.kept"))
                + words(a)).toList();
        return Answer.one(s.id(), texts.get("assessment.view", s.name(), String.join("\n", stages)));
    }

    private Answer yearReview(Person asker, Roster roster, Student s, LocalDate today) {
        if (!Access.mayRead(asker, s, roster)) return Answer.one(s.id(), texts.get("assessment.notAllowed", s.name()));
        return Answer.one(s.id(), parts.prompts().yearReviews(asker.schoolId(), List.of(s), today));
    }

    private String yearReviews(Person asker, Roster roster, LocalDate today) {
        List<Student> mentees = roster.menteesOf(asker.id());
        return mentees.isEmpty() ? texts.get("assessment.noMentees") : parts.prompts().yearReviews(asker.schoolId(), mentees, today);
    }

    /** The draft as four numbered areas, then whether it goes to the family. */
    private String lines(StageAssessment a) {
        List<String> out = new ArrayList<>();
        int i = 1;
        for (StageAssessment.AreaLine l : a.areas()) {
            out.add(texts.get("assessment.draftLine", i++, texts.get("assessment.area." + l.area().name()),
                    texts.get("assessment.level." + l.level().name()), l.line(),
                    l.words().isBlank() ? "" : texts.get("assessment.yourWords", l.words())));
        }
        out.add(texts.get(a.sendToFamily() == null ? "assessment.choice.undecided" : a.sent() ? "assessment.choice.send" : "assessment.choice.keep"));
        return String.join("\n", out);
    }

    private String words(StageAssessment a) {
        List<String> said = a.areas().stream().filter(l -> !l.words().isBlank())
                .map(l -> texts.get("assessment.areaWord." + l.area().name()) + "：" + l.words()).toList();
        return said.isEmpty() ? "" : texts.get("assessment.yourWords", String.join("；", said));
    }
}
