package app.mentorbot.conversations.dialogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.mentorbot.conversations.duties.DutyState;
import app.mentorbot.conversations.duties.MentorLedger;
import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.reminders.Reminder;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.text.Texts;
import app.mentorbot.conversations.understanding.Flag;
import app.mentorbot.conversations.understanding.Kind;
import app.mentorbot.conversations.understanding.TalkType;
import app.mentorbot.conversations.understanding.Topic;

/**
 * The scheduled messages (reminder batches, weekly summaries, digest notices), worded here so every
 * sentence the bot says stays in the replies bundle and reads the same as the chat.
 */
public final class Phrases {
    static final int MAX_ITEMS = 4;
    private final Texts texts;
    private final Wording wording;
    private final DutyLines dutyLines;

    public Phrases(Texts texts) {
        this.texts = texts;
        this.wording = new Wording(texts);
        this.dutyLines = new DutyLines(texts, wording);
    }

    /** A duty in one line, as in 「我的任务」. */
    public String duty(DutyState d, Roster roster, LocalDate today) {
        return dutyLines.describe(d, roster, today);
    }

    /** One message for a person's reminders in a slot, numbered so they can answer 「完成 2」. */
    public String reminderBatch(List<Reminder> batch, LocalDate today) {
        boolean missed = batch.stream().anyMatch(r -> r.dueOn().isBefore(today));
        List<String> lines = new ArrayList<>();
        lines.add(texts.get(missed ? "batch.headerMissed" : "batch.header", batch.size()));
        for (int i = 0; i < batch.size(); i++) {
            Reminder r = batch.get(i);
            String late = r.dueOn().isBefore(today) ? texts.get("batch.late", wording.day(r.dueOn(), today)) : "";
            lines.add(texts.get("batch.line", i + 1, r.text(), late));
        }
        lines.add(texts.get("batch.howToAnswer"));
        return String.join("\n", lines);
    }

    /**
     * A mentor's week on a phone screen: talks and contacts, coverage of the five duties, who is due or
     * overdue, whose half-month report is late, next week's follow-ups, flagged students.
     */
    public String weeklySummary(Roster roster, MentorLedger ledger, List<Record> ownThisWeek, List<Record> aboutMenteesThisWeek,
                                List<Reminder> nextWeek, LocalDate monday, LocalDate today) {
        int individual = 0, group = 0, contacts = 0, observations = 0;
        Set<Topic> covered = EnumSet.noneOf(Topic.class);
        for (Record r : ownThisWeek) {
            if (r.kind() == Kind.TALK && r.talkType() == TalkType.GROUP) group++;
            else if (r.kind() == Kind.TALK) individual++;
            else if (r.kind() == Kind.PARENT_CONTACT) contacts++;
            else if (r.kind() == Kind.OBSERVATION) observations++;
            covered.addAll(r.topics());
        }
        List<String> lines = new ArrayList<>();
        lines.add(texts.get("weekly.header", wording.day(monday, today), wording.day(today, today)));
        lines.add(texts.get("weekly.counts", individual + group, individual, group, contacts, observations));
        StringBuilder coverage = new StringBuilder();
        for (Topic t : Topic.values()) {
            coverage.append(texts.get("topic." + t.name())).append(covered.contains(t) ? "✓" : "—").append(' ');
        }
        lines.add(texts.get("weekly.coverage", coverage.toString().strip()));
        List<DutyState> attention = ledger.attention();
        if (!attention.isEmpty()) {
            lines.add(texts.get("weekly.attention", attention.size()));
            attention.stream().limit(MAX_ITEMS).forEach(d -> lines.add("· " + duty(d, roster, today)));
            if (attention.size() > MAX_ITEMS) lines.add(texts.get("weekly.more", attention.size() - MAX_ITEMS));
        }
        // late half-month reports get a line of their own: students' reports are not hidden by the mentor's own duties
        List<String> late = ledger.studentReports().stream().filter(d -> d.status() == DutyState.Status.OVERDUE)
                .map(d -> roster.student(d.subject()).map(Student::name).orElse(d.subject())).toList();
        if (!late.isEmpty()) lines.add(texts.get("weekly.lateReports", String.join("、", late)));
        if (!nextWeek.isEmpty()) {
            List<String> items = nextWeek.stream().limit(MAX_ITEMS)
                    .map(r -> wording.dayWithWeekday(r.dueOn(), today) + " " + Wording.shortened(r.text(), 24)).toList();
            lines.add(texts.get("weekly.nextWeek", String.join("；", items)));
        }
        Map<String, Set<Flag>> flagged = new LinkedHashMap<>();
        for (Record r : aboutMenteesThisWeek) {
            if (r.flags().isEmpty()) continue;
            for (String id : r.studentIds()) flagged.computeIfAbsent(id, k -> EnumSet.noneOf(Flag.class)).addAll(r.flags());
        }
        if (!flagged.isEmpty()) {
            List<String> items = new ArrayList<>();
            flagged.forEach((id, flags) -> items.add(roster.student(id).map(Student::name).orElse(id)
                    + texts.get("record.topics", wording.joined("flag.", flags))));
            lines.add(texts.get("weekly.flagged", String.join("、", items)));
        }
        return String.join("\n", lines);
    }

    /** The class head's notice that the conference material is ready. */
    public String digestNotice(String className, LocalDate conference, int records, List<String> keyStudents, String link, LocalDate today) {
        String keys = keyStudents.isEmpty() ? texts.get("digest.noKeyStudents")
                : texts.get("digest.keyStudents", keyStudents.size(), String.join("、", keyStudents.stream().limit(6).toList()));
        return texts.get("digest.notice", className, wording.dayWithWeekday(conference, today), records, keys,
                link == null ? texts.get("duty.noPage") : link);
    }
}
