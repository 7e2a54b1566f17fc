package app.mentorbot.conversations.understanding;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What the bot understood of one teacher's note. Fields that do not apply are null
 * (talkType outside TALK, channel outside PARENT_CONTACT, date for REMINDER/QUERY/OTHER).
 *
 * @param clarify        null unless the bot must ask which student is meant; then the candidates (maybe empty)
 * @param unresolvedName the words the bot could not pin down (e.g. "李同学", "张伟"), null otherwise
 * @param evidence       one entry per value set, pointing into the original text
 * @param doubts         what the dialogue should ask about before filing, each "CODE:words as written",
 *                       e.g. {@value #DATE_IMPOSSIBLE}2月30日 (a day that does not exist: date or
 *                       followUp is then left null rather than guessed); empty when there is none
 */
public record Note(Kind kind, TalkType talkType, Channel channel, List<String> studentIds, LocalDate date,
                   Set<Topic> topics, Set<Flag> flags, LocalDate followUp,
                   List<String> clarify,
                   String unresolvedName,
                   List<Evidence> evidence,
                   List<String> doubts) {
    /** Doubt code: the note names a day the calendar does not have (2月30日, 13月5日, 4.31). */
    public static final String DATE_IMPOSSIBLE = "DATE_IMPOSSIBLE:";
    /**
     * Doubt code: SAFETY was raised only by a described situation (marks on a wrist, not coming
     * home), not by a keyword: the record is marked 疑似 and the teacher is asked whether to tell
     * the class head now. Followed by the words that raised it.
     */
    public static final String SAFETY_SUSPECTED = "SAFETY_SUSPECTED:";

    /**
     * The evidence field that marks SAFETY as 疑似 on the note and, carried in the evidence, on the
     * record filed from it (its span: the words that raised it).
     */
    public static final String SUSPECTED_EVIDENCE = "suspected";

    /** True when SAFETY is set only on an indirect signal (see {@link #SAFETY_SUSPECTED}). */
    public boolean safetySuspected() {
        return flags.contains(Flag.SAFETY) && doubts.stream().anyMatch(d -> d.startsWith(SAFETY_SUSPECTED));
    }

    public Note {
        studentIds = studentIds == null ? List.of() : List.copyOf(studentIds);
        topics = topics == null ? Set.of() : Set.copyOf(topics);
        flags = flags == null ? Set.of() : Set.copyOf(flags);
        clarify = clarify == null ? null : List.copyOf(clarify);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        doubts = doubts == null ? List.of() : List.copyOf(doubts);
    }

    /** The note without doubts (the shape before doubts existed). */
    public Note(Kind kind, TalkType talkType, Channel channel, List<String> studentIds, LocalDate date,
                Set<Topic> topics, Set<Flag> flags, LocalDate followUp, List<String> clarify,
                String unresolvedName, List<Evidence> evidence) {
        this(kind, talkType, channel, studentIds, date, topics, flags, followUp, clarify, unresolvedName, evidence, List.of());
    }
}
