package app.mentorbot.conversations.dialogue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.conversations.duties.Duty;
import app.mentorbot.conversations.duties.DutyState;
import app.mentorbot.conversations.duties.Ledger;
import app.mentorbot.conversations.duties.MentorLedger;
import app.mentorbot.conversations.people.Access;
import app.mentorbot.conversations.people.Person;
import app.mentorbot.conversations.people.Role;
import app.mentorbot.conversations.reminders.Reminder;
import app.mentorbot.conversations.reminders.ReminderBook;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.SchoolClass;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.text.Texts;
import app.mentorbot.conversations.understanding.Note;
import app.mentorbot.conversations.understanding.NoteReader;

/**
 * The duty side of the conversation: "我的任务", answers to a reminder batch (完成 / 明天再提醒 / 取消),
 * a summary handed in, a class head setting the conference date, recording its decisions and asking
 * for the digest.
 */
final class DutyTalk {
    private static final Pattern MY_TASKS = Pattern.compile("^(我的)?(任务|待办|待办事项)$|^本周完成情况$|^(我的)?完成情况$|^还有什么(没做|要做)");
    private static final Pattern DONE = Pattern.compile("^(完成|已完成|做完了|搞定|好了|已办)\\s*([1-9]?)$");
    private static final Pattern SNOOZE = Pattern.compile("^(明天再提醒|明天提醒我?|推迟|晚点再说|明天再说)\\s*([1-9]?)$");
    private static final Pattern CANCEL = Pattern.compile("^(取消|不用提醒了|不用了|取消提醒)\\s*([1-9]?)$");
    private static final Pattern SUMMARY_DONE = Pattern.compile("(工作)?总结(已|已经)(交|提交|上交)|(已|已经)(交|提交|上交)了?(导师)?(工作)?总结");
    private static final Pattern DECISION = Pattern.compile("^\\s*(学情)?会商决定[：:，,\\s]*(.+)$", Pattern.DOTALL);
    private static final Pattern DIGEST = Pattern.compile("(生成|发我|要|看看?|给我)?.{0,4}(会商材料|学情会商材料|会商摘要)");
    private static final Pattern CONFERENCE_DATE = Pattern.compile("会商");
    private static final Pattern SUMMARY_DRAFT = Pattern.compile("(生成|写|起草|出).{0,4}(工作总结|总结草稿)|工作总结草稿");
    private static final Pattern WEEKLY = Pattern.compile("每周|每个?星期|每个?礼拜");

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final ReminderBook reminders;
    private final Texts texts;
    private final Wording wording;
    private final Links links;
    private final Clock clock;

    DutyTalk(JdbcClient jdbc, Ledger ledger, ReminderBook reminders, Texts texts, Wording wording, Links links, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.reminders = reminders;
        this.texts = texts;
        this.wording = wording;
        this.links = links;
        this.clock = clock;
        this.dutyLines = new DutyLines(texts, wording);
    }

    private final DutyLines dutyLines;

    Optional<List<Reply>> answer(Person asker, Roster roster, String said, NoteReader reader, ZonedDateTime saidAt) {
        String t = said.strip().replaceAll("[。.!！]+$", "");
        LocalDate today = LocalDate.now(clock);
        if (MY_TASKS.matcher(t).find()) return one(tasks(asker, roster, today));
        Optional<String> batch = batchAnswer(asker, t, today);
        if (batch.isPresent()) return one(batch.get());
        if (SUMMARY_DONE.matcher(t).find()) {
            String term = ledger.rules().calendar().currentOrLastTerm(today).name();
            ledger.markDone(asker.schoolId(), Duty.SEMESTER_SUMMARY, asker.id(), term, asker.id(), clock.instant());
            return one(texts.get("duty.summaryDone", term));
        }
        if (SUMMARY_DRAFT.matcher(t).find()) {
            String link = links.summaryDraft(asker.id(), asker.id());
            return one(link == null ? texts.get("duty.noPage") : texts.get("duty.summaryDraft", link));
        }
        List<SchoolClass> headed = headedBy(asker, roster);
        boolean mayRunAny = !headed.isEmpty() || asker.is(Role.ADMIN);
        Matcher decision = DECISION.matcher(said);
        if (decision.matches()) {
            if (!mayRunAny) return one(texts.get("duty.notClassHead"));
            return one(decide(asker, roster, headed, decision.group(2).strip(), reader, saidAt, today));
        }
        if (DIGEST.matcher(t).find() && !t.contains("定在") && !t.contains("改到")) {
            if (!mayRunAny) return one(texts.get("duty.notClassHead"));
            List<SchoolClass> named = ClassNames.named(roster, t);
            List<SchoolClass> classes = !named.isEmpty() ? named : headed.isEmpty() ? roster.classes() : headed;
            List<String> lines = new ArrayList<>();
            for (SchoolClass c : classes) {
                if (!Access.mayRunConferenceOf(asker, c.id(), roster)) {
                    lines.add(texts.get("duty.notYourClassDigest", c.name()));
                    continue;
                }
                String link = links.digestPage(asker.id(), c.id());
                lines.add(link == null ? texts.get("duty.noPage") : texts.get("duty.digestLink", c.name(), link));
            }
            return one(String.join("\n", lines));
        }
        return Optional.empty();
    }

    /**
     * A class head's note that fixes the conference date: 「这个月的学情会商定在3月27日下午」 sets it for the
     * classes they head, 「高二(1)班的学情会商定在…」 for the class named (an admin's for any class named).
     * A class head naming a class that is not theirs gets the refusal back, and nothing is set or filed;
     * a teacher who heads no class has their note kept as their own reminder, as any other.
     */
    Optional<String> noticeConferenceDate(Person asker, Roster roster, String said, Note note) {
        if (note.followUp() == null || !CONFERENCE_DATE.matcher(said).find()) return Optional.empty();
        List<SchoolClass> headed = headedBy(asker, roster);
        if (headed.isEmpty() && !asker.is(Role.ADMIN)) return Optional.empty();
        List<SchoolClass> named = ClassNames.named(roster, said);
        List<String> notTheirs = named.stream().map(SchoolClass::id).filter(c -> !Access.mayRunConferenceOf(asker, c, roster)).toList();
        if (!notTheirs.isEmpty()) return Optional.of(texts.get("duty.notYourClassDate", classNames(roster, notTheirs)));
        for (SchoolClass c : named.isEmpty() ? headed : named) ledger.setConferenceDate(asker.schoolId(), c.id(), note.followUp(), asker.id());
        return Optional.empty();
    }

    /** The reminder a filed record brings: its follow-up, or the reminder it is. */
    void remindFor(app.mentorbot.conversations.records.Record saved, Roster roster, LocalDate today) {
        if (saved.followUp() == null) return;
        boolean isReminder = saved.kind() == app.mentorbot.conversations.understanding.Kind.REMINDER;
        boolean weekly = isReminder && WEEKLY.matcher(saved.note()).find();
        String text = isReminder ? Wording.reminderText(saved.note())
                : texts.get("reminder.followUp", wording.describe(saved, roster, today));
        reminders.add(saved.schoolId(), saved.authorId(),
                weekly ? Reminder.Kind.RECURRING : isReminder ? Reminder.Kind.EXPLICIT : Reminder.Kind.FOLLOW_UP,
                text, saved.followUp(), saved.studentIds(), saved.id(), null,
                weekly ? "WEEKLY:" + saved.followUp().getDayOfWeek().getValue() : null, null, clock.instant());
    }

    private Optional<String> batchAnswer(Person asker, String t, LocalDate today) {
        Matcher done = DONE.matcher(t);
        Matcher snooze = SNOOZE.matcher(t);
        Matcher cancel = CANCEL.matcher(t);
        Matcher which = done.matches() ? done : snooze.matches() ? snooze : cancel.matches() ? cancel : null;
        if (which == null) return Optional.empty();
        List<Reminder> batch = reminders.lastDelivered(asker.schoolId(), asker.id(), clock.instant().minus(Duration.ofDays(3)));
        if (batch.isEmpty()) return Optional.empty();
        List<Reminder> chosen = batch;
        if (!which.group(2).isEmpty()) {
            int n = Integer.parseInt(which.group(2));
            if (n > batch.size()) return Optional.of(texts.get("reminder.noSuchNumber", batch.size()));
            chosen = List.of(batch.get(n - 1));
        }
        List<Long> ids = chosen.stream().map(Reminder::id).toList();
        if (which == done) {
            reminders.complete(ids);
            return Optional.of(texts.get("reminder.done", ids.size()));
        }
        if (which == snooze) {
            LocalDate next = ledger.rules().calendar().nextSchoolDay(today).orElse(today.plusDays(1));
            reminders.snooze(ids, next);
            return Optional.of(texts.get("reminder.snoozed", ids.size(), wording.dayWithWeekday(next, today)));
        }
        reminders.cancel(ids);
        return Optional.of(texts.get("reminder.cancelled", ids.size()));
    }

    /** 「我的任务」: what is due soon or overdue, and this week's pending reminders. */
    String tasks(Person asker, Roster roster, LocalDate today) {
        List<String> lines = new ArrayList<>();
        if (!roster.menteesOf(asker.id()).isEmpty()) {
            MentorLedger l = ledger.mentor(asker.schoolId(), asker.id(), today);
            long done = l.all().stream().filter(d -> d.status() == DutyState.Status.DONE).count();
            long counted = l.all().stream().filter(d -> d.status() != DutyState.Status.NOT_APPLICABLE).count();
            lines.add(texts.get("duty.header", done, counted));
            for (DutyState d : l.attention()) lines.add("· " + dutyLines.describe(d, roster, today));
            if (l.attention().isEmpty()) lines.add(texts.get("duty.allGood"));
        }
        for (SchoolClass c : headedBy(asker, roster)) {
            DutyState conf = ledger.conference(asker.schoolId(), c.id(), today);
            if (conf.status() != DutyState.Status.NOT_APPLICABLE) lines.add("· " + c.name() + " " + dutyLines.describe(conf, roster, today));
        }
        List<Reminder> soon = reminders.pending(asker.schoolId(), asker.id(), today.minusYears(1), today.plusDays(7));
        for (Reminder r : soon) lines.add(texts.get("duty.reminderLine", wording.dayWithWeekday(r.dueOn(), today), r.text()));
        return lines.isEmpty() ? texts.get("duty.nothing") : String.join("\n", lines);
    }

    /**
     * 「会商决定：李明每周谈话一次，联系心理老师」 → a decision, and reminders for its owner. The decision belongs to
     * the conference of its students' class (else of the class it names, else the asker's own), which the
     * asker must run; nothing is stored or marked done when they do not.
     */
    private String decide(Person asker, Roster roster, List<SchoolClass> headed, String text, NoteReader reader,
                          ZonedDateTime saidAt, LocalDate today) {
        Note n = reader.read(asker.id(), "和" + text, saidAt);
        List<String> students = n.clarify() == null ? n.studentIds() : List.of();
        Set<String> classIds = new LinkedHashSet<>();
        for (String s : students) roster.student(s).ifPresent(st -> classIds.add(st.classId()));
        if (classIds.isEmpty()) ClassNames.named(roster, text).forEach(c -> classIds.add(c.id()));
        if (classIds.isEmpty() && !headed.isEmpty()) classIds.add(headed.get(0).id());
        Optional<String> refused = refusal(asker, roster, students, classIds);
        if (refused.isPresent()) return refused.get();
        String classId = classIds.iterator().next();
        String owner = students.isEmpty() ? asker.id()
                : roster.student(students.get(0)).map(Student::mentorId).filter(m -> m != null).orElse(asker.id());
        Instant now = clock.instant();
        Long id = jdbc.sql("insert into conference_decision (school_id, class_id, decided_on, text, student_ids, owner_id, created_by, created_at) "
                        + "values (?, ?, ?, ?, coalesce(string_to_array(?::text, ','), '{}'), ?, ?, ?) returning id")
                .params(asker.schoolId(), classId, java.sql.Date.valueOf(today), text,
                        students.isEmpty() ? null : String.join(",", students), owner, asker.id(), java.sql.Timestamp.from(now))
                .query(Long.class).single();
        ledger.markDone(asker.schoolId(), Duty.CASE_CONFERENCE, classId, Ledger.month(today), asker.id(), now);
        LocalDate first = ledger.rules().calendar().nextSchoolDay(today).orElse(today.plusDays(1));
        int made = 0;
        for (String part : text.split("[，,；;。]")) {
            String p = part.strip();
            if (p.isEmpty()) continue;
            boolean weekly = WEEKLY.matcher(p).find();
            reminders.add(asker.schoolId(), owner, Reminder.Kind.DECISION, texts.get("reminder.decision", p), first, students, null, id,
                    weekly ? "WEEKLY:" + first.getDayOfWeek().getValue() : null, null, now);
            made++;
        }
        String ownerName = roster.teacher(owner).map(t -> t.name()).orElse(owner);
        return texts.get("duty.decided", made, ownerName, wording.dayWithWeekday(first, today));
    }

    /** Why the asker may not record a decision for these classes, if they may not: one class, and theirs. */
    private Optional<String> refusal(Person asker, Roster roster, List<String> students, Set<String> classIds) {
        List<String> notTheirs = classIds.stream().filter(c -> !Access.mayRunConferenceOf(asker, c, roster)).toList();
        if (!notTheirs.isEmpty()) {
            List<String> whose = students.stream().map(roster::student).flatMap(Optional::stream)
                    .filter(s -> notTheirs.contains(s.classId())).map(Student::name).toList();
            return Optional.of(whose.isEmpty() ? texts.get("duty.notYourClassDecision", classNames(roster, notTheirs))
                    : texts.get("duty.notYourStudentDecision", String.join(texts.get("list.separator"), whose), classNames(roster, notTheirs)));
        }
        if (classIds.size() > 1) return Optional.of(texts.get("duty.decisionOneClass", classNames(roster, classIds)));
        return classIds.isEmpty() ? Optional.of(texts.get("duty.decisionWhichClass")) : Optional.empty();
    }

    private String classNames(Roster roster, java.util.Collection<String> classIds) {
        return String.join(texts.get("list.separator"),
                classIds.stream().map(c -> roster.schoolClass(c).map(SchoolClass::name).orElse(c)).toList());
    }

    private static List<SchoolClass> headedBy(Person asker, Roster roster) {
        return roster.classes().stream().filter(c -> asker.id().equals(c.headTeacherId())).toList();
    }

    private static Optional<List<Reply>> one(String text) {
        return Optional.of(List.of(Reply.back(text)));
    }
}
