package app.mentorbot.conversations.digests;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.mentorbot.conversations.assessments.StageAssessment;

import app.mentorbot.conversations.understanding.Flag;
import app.mentorbot.conversations.understanding.Topic;

/**
 * The material for a class's case conference (学情会商材料): the class at a glance, the key students with
 * everything written about them, each mentor's coverage and whether earlier decisions happened. Data only;
 * the bot renders it as a page and a workbook.
 *
 * @param from               first day of the period: the previous conference, or 30 days back
 * @param previousConference the previous conference date, null when the period is the last 30 days
 */
public record ConferenceDigest(String classId, String className, String classHeadId, String classHeadName,
                               LocalDate today, LocalDate from, LocalDate previousConference, String termName,
                               Totals totals, List<StudentLine> students, List<KeyStudent> keyStudents,
                               List<MentorCoverage> coverage, List<Decision> decisions) {
    public ConferenceDigest {
        students = List.copyOf(students);
        keyStudents = List.copyOf(keyStudents);
        coverage = List.copyOf(coverage);
        decisions = List.copyOf(decisions);
        classHeadName = classHeadName == null ? "" : classHeadName;
    }

    /** The class's period in numbers, each record counted once however many students it names. */
    public record Totals(int individualTalks, int groupTalks, int parentContacts, int observations) {}

    /**
     * One student's period in numbers (records by anyone), when their guidance plan was set (null: 未定计划) and their
     * latest stage assessment (null: none yet).
     * {@code safetySuspected}: SAFETY is among the flags only through records whose signal was read from a
     * described situation (疑似), none from a keyword or a teacher.
     */
    public record StudentLine(String studentId, String name, String mentorId, String mentorName, int individualTalks,
                              int groupTalks, int parentContacts, int observations, Set<Flag> flags, boolean safetySuspected,
                              LocalDate planSetOn, StageAssessment assessment) {
        public StudentLine {
            flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
            mentorName = mentorName == null ? "" : mentorName;
        }

        public int talks() {
            return individualTalks + groupTalks;
        }
    }

    /** Why a student is key this time. */
    public enum Why { FLAGGED, TALK_OVERDUE }

    /**
     * @param flags        FLAGGED: the flags written in the period
     * @param overdueSince TALK_OVERDUE: the first overdue day of the mentor's individual talk
     * @param lastTalk     TALK_OVERDUE: the mentor's last individual talk, null if none
     * @param overdueDays  TALK_OVERDUE: days since overdueSince, counting it
     */
    public record Reason(Why why, Set<Flag> flags, LocalDate overdueSince, LocalDate lastTalk, int overdueDays) {
        public Reason {
            flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        }
    }

    /**
     * A key student: {@code timeline} is every record about them in the period by any author, oldest first;
     * {@code tried} the term's talks and parent contacts; {@code earlierDecisions} conference decisions
     * that named them; {@code openFollowUps} reminders about them still open.
     */
    public record KeyStudent(String studentId, String name, String mentorName, List<Reason> reasons,
                             List<Entry> timeline, List<Entry> tried, List<Decision> earlierDecisions,
                             List<FollowUp> openFollowUps) {
        public KeyStudent {
            reasons = List.copyOf(reasons);
            timeline = List.copyOf(timeline);
            tried = List.copyOf(tried);
            earlierDecisions = List.copyOf(earlierDecisions);
            openFollowUps = List.copyOf(openFollowUps);
            mentorName = mentorName == null ? "" : mentorName;
        }

        public boolean is(Why why) {
            return reasons.stream().anyMatch(r -> r.why() == why);
        }

        /** The people who wrote about the student in the period, in order of first appearance. */
        public List<String> authors() {
            return timeline.stream().map(Entry::authorName).distinct().toList();
        }
    }

    /**
     * A mentor's work with their mentees of this class in the period: how many mentees, how many of them
     * had an individual talk, talks, contacts, and how often each of the five duties came up.
     */
    public record MentorCoverage(String mentorId, String name, int mentees, int menteesTalkedTo, int individualTalks,
                                 int groupTalks, int parentContacts, int overdueTalks, Map<Topic, Integer> topics) {
        public MentorCoverage {
            EnumMap<Topic, Integer> all = new EnumMap<>(Topic.class);
            for (Topic t : Topic.values()) all.put(t, topics.getOrDefault(t, 0));
            topics = Collections.unmodifiableMap(all);
        }

        public Set<Topic> covered() {
            Set<Topic> covered = EnumSet.noneOf(Topic.class);
            topics.forEach((t, n) -> { if (n > 0) covered.add(t); });
            return covered;
        }
    }

    /**
     * A conference decision and whether it happened: all its reminders done, or records by its owner about
     * its students after the decision date ({@code laterRecords}).
     */
    public record Decision(long id, LocalDate decidedOn, String text, List<String> studentIds, List<String> studentNames,
                           String ownerId, String ownerName, List<FollowUp> reminders, List<Entry> laterRecords) {
        public Decision {
            studentIds = List.copyOf(studentIds);
            studentNames = List.copyOf(studentNames);
            reminders = List.copyOf(reminders);
            laterRecords = List.copyOf(laterRecords);
            ownerName = ownerName == null ? "" : ownerName;
        }

        public boolean remindersDone() {
            return !reminders.isEmpty() && reminders.stream().allMatch(r -> r.status() == app.mentorbot.conversations.reminders.Reminder.Status.DONE);
        }

        public boolean happened() {
            return remindersDone() || !laterRecords.isEmpty();
        }
    }
}
