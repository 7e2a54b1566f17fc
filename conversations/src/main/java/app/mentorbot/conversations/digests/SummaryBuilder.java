package app.mentorbot.conversations.digests;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import app.mentorbot.conversations.digests.SemesterSummary.DutyLine;
import app.mentorbot.conversations.digests.SemesterSummary.Highlight;
import app.mentorbot.conversations.digests.SemesterSummary.Planned;
import app.mentorbot.conversations.digests.SemesterSummary.Tally;
import app.mentorbot.conversations.duties.DutyState;
import app.mentorbot.conversations.duties.Ledger;
import app.mentorbot.conversations.duties.MentorLedger;
import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.records.RecordStore;
import app.mentorbot.conversations.reminders.ReminderBook;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.RosterStore;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.roster.Teacher;
import app.mentorbot.conversations.schedule.SchoolCalendar;
import app.mentorbot.conversations.understanding.Channel;
import app.mentorbot.conversations.understanding.Flag;
import app.mentorbot.conversations.understanding.Kind;
import app.mentorbot.conversations.understanding.Topic;

/**
 * Builds a mentor's {@link SemesterSummary} for the term {@code today} falls in (or the last one). It counts
 * the mentor's own records of the term; a mentee flagged by another teacher is a highlight too, and that
 * teacher's flagged record is then shown on the summary so the statement can link to it.
 */
public final class SummaryBuilder {
    private final RosterStore rosters;
    private final RecordStore records;
    private final Ledger ledger;
    private final ReminderBook reminders;

    public SummaryBuilder(RosterStore rosters, RecordStore records, Ledger ledger, ReminderBook reminders) {
        this.rosters = Objects.requireNonNull(rosters, "rosters");
        this.records = Objects.requireNonNull(records, "records");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.reminders = Objects.requireNonNull(reminders, "reminders");
    }

    /** The draft summary of an active teacher, or empty when there is no such teacher. */
    public Optional<SemesterSummary> build(String schoolId, String teacherId, LocalDate today) {
        Objects.requireNonNull(today, "today");
        Roster roster = rosters.load(schoolId);
        Optional<Teacher> teacher = roster.teacher(teacherId);
        if (teacher.isEmpty()) return Optional.empty();
        SchoolCalendar.Term term = ledger.rules(schoolId).calendar().currentOrLastTerm(today);
        LocalDate to = today.isAfter(term.end()) ? term.end() : today;
        List<Student> mentees = roster.menteesOf(teacherId);
        List<String> menteeIds = mentees.stream().map(Student::id).toList();

        List<Entry> own = records.byAuthor(schoolId, teacherId, term.start(), to).stream()
                .map(r -> Entries.of(r, roster, null)).sorted(Entries.OLDEST_FIRST).toList();
        List<Record> aboutMentees = records.about(schoolId, menteeIds, term.start(), to);

        List<Entry> individual = own.stream().filter(Entry::isIndividualTalk).toList();
        List<Entry> contacts = own.stream().filter(e -> e.kind() == Kind.PARENT_CONTACT).toList();
        Map<Channel, Tally> byChannel = new EnumMap<>(Channel.class);
        for (Channel c : Channel.values()) byChannel.put(c, Tally.of(contacts.stream().filter(e -> e.channel() == c).toList()));
        Map<Topic, Tally> duties = new EnumMap<>(Topic.class);
        for (Topic t : Topic.values()) duties.put(t, Tally.of(own.stream().filter(e -> e.topics().contains(t)).toList()));
        List<Entry> talksWithMentees = individual.stream().filter(e -> e.studentIds().stream().anyMatch(menteeIds::contains)).toList();
        int talkedTo = (int) menteeIds.stream().filter(m -> talksWithMentees.stream().anyMatch(e -> e.studentIds().contains(m))).count();

        // Flagged students: in the mentor's own records, or mentees flagged by anyone.
        Map<String, List<Entry>> flaggedBy = new LinkedHashMap<>();
        List<Entry> shownOthers = new ArrayList<>();
        for (Entry e : own) {
            if (!e.flags().isEmpty()) e.studentIds().forEach(s -> flaggedBy.computeIfAbsent(s, k -> new ArrayList<>()).add(e));
        }
        for (Record r : aboutMentees) {
            if (r.authorId().equals(teacherId) || r.flags().isEmpty()) continue;
            for (String s : r.studentIds()) {
                if (!menteeIds.contains(s)) continue;
                Entry e = Entries.of(r, roster, s);
                flaggedBy.computeIfAbsent(s, k -> new ArrayList<>()).add(e);
                if (shownOthers.stream().noneMatch(x -> x.recordId() == e.recordId())) shownOthers.add(e);
            }
        }
        List<Highlight> highlights = new ArrayList<>();
        for (Map.Entry<String, List<Entry>> f : flaggedBy.entrySet()) {
            String sid = f.getKey();
            List<Entry> flagged = f.getValue().stream().sorted(Entries.OLDEST_FIRST).toList();
            Set<Flag> flags = EnumSet.noneOf(Flag.class);
            flagged.forEach(e -> flags.addAll(e.flags()));
            LocalDate first = flagged.get(0).date();
            List<Long> actions = own.stream()
                    .filter(e -> e.studentIds().contains(sid) && (e.kind() == Kind.TALK || e.kind() == Kind.PARENT_CONTACT)
                            && !e.date().isBefore(first))
                    .map(Entry::recordId).toList();
            List<FollowUp> open = reminders.openAbout(schoolId, List.of(sid)).stream()
                    .filter(r -> r.personId().equals(teacherId)).map(r -> Entries.of(r, roster)).toList();
            highlights.add(new Highlight(sid, roster.student(sid).map(Student::name).orElse(sid), flags,
                    new ArrayList<>(new LinkedHashSet<>(flagged.stream().map(Entry::recordId).toList())), actions, open));
        }
        highlights.sort(Comparator.comparing((Highlight h) -> !h.flags().contains(Flag.SAFETY)).thenComparing(h -> -h.flags().size()));

        List<Planned> planned = own.stream().filter(e -> e.followUp() != null)
                .map(e -> new Planned(e.recordId(), e.followUp(), e.studentNames(), !e.followUp().isAfter(today))).toList();

        MentorLedger ml = ledger.mentor(schoolId, teacherId, today);
        List<DutyLine> ledgerLines = new ArrayList<>();
        for (DutyState d : ml.all()) {
            if (d.status() == DutyState.Status.NOT_APPLICABLE) continue;
            ledgerLines.add(new DutyLine(d, d.subject() == null ? "" : roster.student(d.subject()).map(Student::name).orElse(d.subject())));
        }

        List<Entry> shown = new ArrayList<>(own);
        shown.addAll(shownOthers);
        shown.sort(Entries.OLDEST_FIRST);
        return Optional.of(new SemesterSummary(teacherId, teacher.get().name(), term.name(), term.start(), to, today,
                mentees.size(), new Tally(talkedTo, talksWithMentees.stream().map(Entry::recordId).toList()),
                Tally.of(individual), Tally.of(own.stream().filter(Entry::isGroupTalk).toList()), Tally.of(contacts), byChannel,
                Tally.of(own.stream().filter(e -> e.kind() == Kind.OBSERVATION).toList()), duties, highlights, planned,
                ledgerLines, shown));
    }
}
