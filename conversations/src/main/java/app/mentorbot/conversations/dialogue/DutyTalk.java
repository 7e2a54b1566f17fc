package app.mentorbot.conversations.dialogue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.mentorbot.conversations.duties.Duty;
import app.mentorbot.conversations.duties.DutyState;
import app.mentorbot.conversations.duties.Ledger;
import app.mentorbot.conversations.duties.MentorChanges;
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

/**
 * The duty side of a staff member's conversation: 「我的任务」, answers to a reminder batch (完成 /
 * 明天再提醒 / 取消), a summary handed in or asked for, a class head recording the conference's
 * decisions and asking for its digest. (A note that sets the conference date is filed as a note:
 * {@link ConferenceDates}.)
 */
final class DutyTalk {
    private static final Pattern MY_TASKS = Pattern.compile("^(我的)?(任务|待办|待办事项)$|^本周完成情况$|^(我的)?完成情况$|^还有什么(没做|要做)");
    private static final Pattern DONE = Pattern.compile("^(完成|已完成|做完了|搞定|好了|已办)\\s*([1-9]?)$");
    private static final Pattern SNOOZE = Pattern.compile("^(明天再提醒|明天提醒我?|推迟|晚点再说|明天再说)\\s*([1-9]?)$");
    private static final Pattern CANCEL = Pattern.compile("^(取消|不用提醒了|不用了|取消提醒)\\s*([1-9]?)$");
    private static final Pattern SUMMARY_DONE = Pattern.compile("(工作)?总结(已|已经)(交|提交|上交)|(已|已经)(交|提交|上交)了?(导师)?(工作)?总结");
    private static final Pattern DECISION = Pattern.compile("^\\s*(学情)?会商决定[：:，,\\s]*(.+)$", Pattern.DOTALL);
    private static final Pattern DIGEST = Pattern.compile("(生成|发我|要|看看?|给我)?.{0,4}(会商材料|学情会商材料|会商摘要)");
    private static final Pattern SUMMARY_DRAFT = Pattern.compile("(生成|写|起草|出).{0,4}(工作总结|总结草稿)|工作总结草稿");

    private final Ledger ledger;
    private final ReminderBook reminders;
    private final ConferenceDecisions decisions;
    private final NoteReading reading;
    private final Texts texts;
    private final Wording wording;
    private final DutyLines dutyLines;
    private final Links links;
    private final Clock clock;

    DutyTalk(Ledger ledger, ReminderBook reminders, ConferenceDecisions decisions, NoteReading reading, Texts texts, Wording wording,
             Links links, Clock clock) {
        this.ledger = ledger;
        this.reminders = reminders;
        this.decisions = decisions;
        this.reading = reading;
        this.texts = texts;
        this.wording = wording;
        this.dutyLines = new DutyLines(texts, wording);
        this.links = links;
        this.clock = clock;
    }

    /** What the duty words ask for, done and answered; empty when the words are not about duties. */
    Optional<List<Reply>> replyToDutyWords(Person asker, Roster roster, String said, ZonedDateTime saidAt) {
        String t = said.strip().replaceAll("[。.!！]+$", "");
        LocalDate today = LocalDate.now(clock);
        if (MY_TASKS.matcher(t).find()) return one(tasks(asker, roster, today));
        Optional<String> batch = batchAnswer(asker, t, today);
        if (batch.isPresent()) return one(batch.get());
        if (SUMMARY_DONE.matcher(t).find()) {
            String term = ledger.rules(asker.schoolId()).calendar().currentOrLastTerm(today).name();
            ledger.markDone(asker.schoolId(), Duty.SEMESTER_SUMMARY, asker.id(), term, asker.id(), clock.instant());
            return one(texts.get("duty.summaryDone", term));
        }
        if (SUMMARY_DRAFT.matcher(t).find()) {
            String link = links.summaryDraft(asker.schoolId(), asker.id(), asker.id());
            return one(link == null ? texts.get("duty.noPage") : texts.get("duty.summaryDraft", link));
        }
        List<SchoolClass> headed = ClassNames.headedBy(asker, roster);
        boolean mayRunAny = !headed.isEmpty() || asker.is(Role.ADMIN);
        Matcher decision = DECISION.matcher(said);
        if (decision.matches()) {
            if (!mayRunAny) return one(texts.get("duty.notClassHead"));
            return one(decide(asker, roster, headed, decision.group(2).strip(), saidAt, today));
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
                String link = links.digestPage(asker.schoolId(), asker.id(), c.id());
                lines.add(link == null ? texts.get("duty.noPage") : texts.get("duty.digestLink", c.name(), link));
            }
            return one(String.join("\n", lines));
        }
        return Optional.empty();
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
            reminders.complete(ids, clock.instant());
            return Optional.of(texts.get("reminder.done", ids.size()));
        }
        if (which == snooze) {
            LocalDate next = ledger.rules(asker.schoolId()).calendar().nextSchoolDay(today).orElse(today.plusDays(1));
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
            lines.addAll(newMentees(asker, roster, today));
            for (DutyState d : l.attention()) lines.add("· " + dutyLines.describe(d, roster, today));
            if (l.attention().isEmpty()) lines.add(texts.get("duty.allGood"));
        }
        for (SchoolClass c : ClassNames.headedBy(asker, roster)) {
            DutyState conf = ledger.conference(asker.schoolId(), c.id(), today);
            if (conf.status() != DutyState.Status.NOT_APPLICABLE) lines.add("· " + c.name() + " " + dutyLines.describe(conf, roster, today));
        }
        List<Reminder> soon = reminders.pending(asker.schoolId(), asker.id(), today.minusYears(1), today.plusDays(7));
        for (Reminder r : soon) lines.add(texts.get("duty.reminderLine", wording.dayWithWeekday(r.dueOn(), today), r.text()));
        return lines.isEmpty() ? texts.get("duty.nothing") : String.join("\n", lines);
    }

    /** Mentees who came to the asker in the last 30 days, each with the day and who had them before. */
    private List<String> newMentees(Person asker, Roster roster, LocalDate today) {
        List<String> lines = new ArrayList<>();
        for (MentorChanges.Change c : ledger.mentorChanges(asker.schoolId()).values()) {
            if (!asker.id().equals(c.toMentor()) || c.on().isBefore(today.minusDays(30))) continue;
            String from = c.fromMentor() == null ? "" : texts.get("duty.newMentee.from", roster.teacher(c.fromMentor()).map(t -> t.name()).orElse(c.fromMentor()));
            lines.add(texts.get("duty.newMentee", roster.student(c.studentId()).map(Student::name).orElse(c.studentId()), wording.day(c.on(), today), from));
        }
        lines.sort(null);
        return lines;
    }

    /**
     * 「会商决定：李明每周谈话一次，联系心理老师」 → a decision, and reminders for its owner. The decision belongs to
     * the conference of its students' class (else of the class it names, else the asker's own), which the
     * asker must run; nothing is stored or marked done when they do not.
     */
    private String decide(Person asker, Roster roster, List<SchoolClass> headed, String text, ZonedDateTime saidAt, LocalDate today) {
        Note n = reading.read(roster, asker.id(), "和" + text, saidAt);
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
        long id = decisions.add(asker.schoolId(), classId, today, text, students, owner, asker.id(), now);
        ledger.markDone(asker.schoolId(), Duty.CASE_CONFERENCE, classId, Ledger.month(today), asker.id(), now);
        LocalDate first = ledger.rules(asker.schoolId()).calendar().nextSchoolDay(today).orElse(today.plusDays(1));
        int made = 0;
        for (String part : text.split("[，,；;。]")) {
            String p = part.strip();
            if (p.isEmpty()) continue;
            boolean weekly = FollowUpReminders.WEEKLY.matcher(p).find();
            reminders.add(asker.schoolId(), owner, Reminder.Kind.DECISION, texts.get("reminder.decision", p), first, students, null, id,
                    weekly ? Reminder.weeklyFrom(first) : null, null, now);
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

    private String classNames(Roster roster, Collection<String> classIds) {
        return ClassNames.joined(roster, classIds, texts);
    }

    private static Optional<List<Reply>> one(String text) {
        return Optional.of(List.of(Reply.back(text)));
    }
}
