package app.mentorbot.conversations.digests;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import app.mentorbot.conversations.duties.DutyState;
import app.mentorbot.conversations.understanding.Channel;
import app.mentorbot.conversations.understanding.Flag;
import app.mentorbot.conversations.understanding.Topic;

/**
 * A mentor's draft semester work summary (导师工作总结): the term's work in numbers, the five duties, the
 * flagged students and what was done, the follow-ups, and the ledger. Every number is a {@link Tally} that
 * carries the records behind it, so a page can link each statement to those records in {@link #records}.
 *
 * @param to the last day counted: today, or the term's end when it is over
 */
public record SemesterSummary(String teacherId, String name, String termName, LocalDate termStart, LocalDate to,
                              LocalDate today, int mentees, Tally menteesTalkedTo, Tally individualTalks, Tally groupTalks,
                              Tally parentContacts, Map<Channel, Tally> contactsByChannel, Tally observations,
                              Map<Topic, Tally> duties, List<Highlight> highlights, List<Planned> followUps,
                              List<DutyLine> ledger, List<Entry> records) {
    public SemesterSummary {
        contactsByChannel = complete(Channel.class, contactsByChannel);
        duties = complete(Topic.class, duties);
        highlights = List.copyOf(highlights);
        followUps = List.copyOf(followUps);
        ledger = List.copyOf(ledger);
        records = List.copyOf(records);
    }

    private static <E extends Enum<E>> Map<E, Tally> complete(Class<E> type, Map<E, Tally> given) {
        EnumMap<E, Tally> all = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) all.put(e, given.getOrDefault(e, Tally.NONE));
        return Collections.unmodifiableMap(all);
    }

    /** A number and the records it counts (the records themselves for most; the talks for mentees talked to). */
    public record Tally(int count, List<Long> recordIds) {
        public static final Tally NONE = new Tally(0, List.of());

        public Tally {
            recordIds = List.copyOf(recordIds);
        }

        public static Tally of(List<Entry> entries) {
            return new Tally(entries.size(), entries.stream().map(Entry::recordId).toList());
        }
    }

    /**
     * A student someone flagged this term: the flags and the records that carry them, what the mentor did
     * about it afterwards (talks and parent contacts), and the mentor's open reminders about the student.
     */
    public record Highlight(String studentId, String name, Set<Flag> flags, List<Long> flaggedRecordIds,
                            List<Long> actionRecordIds, List<FollowUp> openFollowUps) {
        public Highlight {
            flags = Set.copyOf(flags);
            flaggedRecordIds = List.copyOf(flaggedRecordIds);
            actionRecordIds = List.copyOf(actionRecordIds);
            openFollowUps = List.copyOf(openFollowUps);
        }
    }

    /** A follow-up the mentor planned in a record, and whether its day has come. */
    public record Planned(long recordId, LocalDate on, List<String> studentNames, boolean due) {
        public Planned {
            studentNames = List.copyOf(studentNames);
        }
    }

    /** One duty of the mentor's ledger today, with the student it is about by name ("" for the mentor's own). */
    public record DutyLine(DutyState state, String subjectName) {
        public DutyLine {
            subjectName = subjectName == null ? "" : subjectName;
        }
    }

    /** Record ids shown on the summary, for links that must land on a row. */
    public Set<Long> recordIds() {
        return records.stream().map(Entry::recordId).collect(Collectors.toUnmodifiableSet());
    }
}
