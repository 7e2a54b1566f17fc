package app.mentorbot.conversations.modelreader;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import app.mentorbot.conversations.understanding.Channel;
import app.mentorbot.conversations.understanding.Evidence;
import app.mentorbot.conversations.understanding.Flag;
import app.mentorbot.conversations.understanding.Kind;
import app.mentorbot.conversations.understanding.Note;
import app.mentorbot.conversations.understanding.TalkType;
import app.mentorbot.conversations.understanding.Topic;

/**
 * How the rules' reading and the model's combine. SAFETY and PSYCH are the union of the two: a
 * model's safety signal is never dropped. A field the rules left empty or uncertain takes the model's
 * value: the kind when the rules could not place the note (OTHER, and then the model's whole reading) or
 * only guessed it (an OBSERVATION read from no words),
 * the students when they found none, the day when no words of the note gave it (today by default), the
 * channel of a parent contact, the follow-up. Where both are confident and differ, the rules stand and
 * the field is named in {@link Combined#disagreements()} for the school to review.
 *
 * <p>Each value the model brought is marked in the evidence ({@value #MODEL_EVIDENCE}, the field or
 * flag, no span), so the record says which reader raised it.
 */
public final class TwoReadings {
    /** The evidence field that marks a value the model brought; its value is the field name or the flag. */
    public static final String MODEL_EVIDENCE = "model";
    /** The model's mark when it filed a note the rules could not place. */
    public static final String FILED = "filed";

    private static final Set<Flag> UNION = EnumSet.of(Flag.SAFETY, Flag.PSYCH);

    private TwoReadings() {}

    /**
     * @param note          the combined reading
     * @param filled        fields the model filled ({@value #FILED} for a whole note, kind, students, date, channel, followUp), in that order
     * @param flagsAdded    SAFETY or PSYCH the model raised and the rules did not
     * @param disagreements fields where both were confident and differed (the rules' value kept)
     */
    public record Combined(Note note, List<String> filled, Set<Flag> flagsAdded, List<String> disagreements) {
        public boolean changed() {
            return !filled.isEmpty() || !flagsAdded.isEmpty();
        }

        /** Fields and flags changed, for the counters. */
        public int changes() {
            return filled.size() + flagsAdded.size();
        }
    }

    public static Combined combine(Note rules, Note model) {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(model, "model");
        List<String> filled = new ArrayList<>();
        List<String> disagree = new ArrayList<>();
        Kind kind = rules.kind();
        TalkType talkType = rules.talkType();
        Channel channel = rules.channel();
        List<String> students = rules.studentIds();
        LocalDate date = rules.date();
        LocalDate followUp = rules.followUp();
        Set<Topic> topics = EnumSet.noneOf(Topic.class);
        topics.addAll(rules.topics());

        boolean filable = model.kind() != Kind.OTHER && model.kind() != Kind.QUERY;
        boolean placed = rules.kind() != Kind.OTHER;
        if (filable && model.kind() != rules.kind() && (!placed || guessedKind(rules))) {
            kind = model.kind();
            talkType = model.talkType();
            channel = model.channel();
            if (!placed) {
                date = model.date();
                topics.addAll(model.topics());
            } else if (date == null && model.date() != null) {
                date = model.date();   // a reminder the rules guessed becomes a report: it gets its day
            }
            filled.add(placed ? "kind" : FILED);
        } else if (model.kind() != rules.kind()) {
            disagree.add("kind");
        }
        boolean sameKind = kind == model.kind();
        if (students.isEmpty() && !model.studentIds().isEmpty() && sameKind) {
            students = model.studentIds();
            filled.add("students");
        } else if (!students.isEmpty() && !model.studentIds().isEmpty() && !new HashSet<>(students).equals(new HashSet<>(model.studentIds()))) {
            disagree.add("students");
        }
        if (!filled.contains(FILED) && sameKind && date != null && model.date() != null && !date.equals(model.date())) {
            if (saidIn(rules, "date")) disagree.add("date");
            else {
                date = model.date();
                filled.add("date");
            }
        }
        if (!filled.contains(FILED) && kind == Kind.PARENT_CONTACT && sameKind && model.channel() != null && model.channel() != channel) {
            if (channel == null) {
                channel = model.channel();
                filled.add("channel");
            } else {
                disagree.add("channel");
            }
        }
        if (model.followUp() != null && !model.followUp().equals(followUp)) {
            if (followUp == null) {
                followUp = model.followUp();
                filled.add("followUp");
            } else {
                disagree.add("followUp");
            }
        }

        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        flags.addAll(rules.flags());
        Set<Flag> added = EnumSet.noneOf(Flag.class);
        for (Flag f : UNION) {
            if (model.flags().contains(f) && flags.add(f)) added.add(f);
        }
        if (filled.contains(FILED)) flags.addAll(model.flags());   // a note only the model could place: its reading whole

        List<Evidence> evidence = new ArrayList<>(rules.evidence());
        for (String f : filled) evidence.add(new Evidence(MODEL_EVIDENCE, f, 0, 0));
        for (Flag f : added) evidence.add(new Evidence(MODEL_EVIDENCE, f.name(), 0, 0));
        Note note = new Note(kind, talkType, channel, students, date, topics, flags, followUp,
                students.isEmpty() ? rules.clarify() : null, students.isEmpty() ? rules.unresolvedName() : null, evidence,
                rules.doubts());
        return new Combined(note, List.copyOf(filled), Set.copyOf(added), List.copyOf(disagree));
    }

    /**
     * The rules' kind was their fallback, read from no words of the note (a student named and nothing
     * else: an OBSERVATION whose evidence spans nothing).
     */
    private static boolean guessedKind(Note n) {
        return n.evidence().stream().anyMatch(e -> e.field().equals("kind") && e.start() == e.end());
    }

    private static boolean saidIn(Note n, String field) {
        return n.evidence().stream().anyMatch(e -> e.field().equals(field));
    }
}
