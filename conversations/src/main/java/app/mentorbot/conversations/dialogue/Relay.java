package app.mentorbot.conversations.dialogue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.records.RecordStore;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.SchoolClass;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.understanding.Channel;
import app.mentorbot.conversations.understanding.Flag;
import app.mentorbot.conversations.understanding.Kind;

/**
 * Carries messages between a parent and their child's mentor. Neither side sees the other's account:
 * the mentor reads "张小明妈妈：…", the parent reads "刘洋老师（示范中学）：…". Every relayed message is
 * kept, and each day's exchange between one parent and one mentor about one child counts as a single
 * PARENT_CONTACT (ONLINE) record in the mentor's name.
 */
final class Relay implements RelayLog {
    /** The day's contact record says why, without the parent's words: those stay in the relayed message. */
    private static final String NOTE = "线上沟通（经导师助手转达）";
    private static final String URGENT_NOTE = "家长紧急反映（安全），线上沟通（经导师助手转达）";

    private final RelayMessages messages;
    private final RecordStore records;
    private final ZoneId zone;

    Relay(RelayMessages messages, RecordStore records, ZoneId zone) {
        this.messages = messages;
        this.records = records;
        this.zone = zone;
    }

    /** Who hears about a child: the mentor, else the class head. */
    static Optional<String> mentorOf(Student s, Roster roster) {
        if (s.mentorId() != null && roster.teacher(s.mentorId()).isPresent()) return Optional.of(s.mentorId());
        return roster.schoolClass(s.classId()).map(SchoolClass::headTeacherId).filter(id -> roster.teacher(id).isPresent());
    }

    /** The class head, when they are someone other than the given teacher. */
    static Optional<String> classHeadBesides(Student s, Roster roster, String teacherId) {
        return roster.schoolClass(s.classId()).map(SchoolClass::headTeacherId)
                .filter(id -> !id.equals(teacherId) && roster.teacher(id).isPresent());
    }

    @Override
    public long log(Relayed m) {
        long recordId = dailyContact(m);
        messages.add(m, recordId);
        return recordId;
    }

    /** The day's contact record for this parent, child and mentor, made on the first message of the day. */
    private long dailyContact(Relayed m) {
        LocalDate day = m.at().atZone(zone).toLocalDate();
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        Optional<Long> existing = messages.contactRecord(m, from, to);
        if (existing.isPresent()) {
            if (m.safety()) {
                records.findForChange(existing.get()).filter(r -> !r.flags().contains(Flag.SAFETY)).ifPresent(r ->
                        records.correct(withSafety(r), m.mentorId(), "SAFETY_FROM_PARENT", m.at()));
            }
            return existing.get();
        }
        Record contact = new Record(null, m.schoolId(), m.mentorId(), Kind.PARENT_CONTACT, null, Channel.ONLINE, day, null,
                Set.of(), m.safety() ? Set.of(Flag.SAFETY) : Set.of(), List.of(m.studentId()), m.safety() ? URGENT_NOTE : NOTE, List.of(),
                m.sourceMessageId(), m.at());
        return records.save(contact).id();
    }

    private static Record withSafety(Record r) {
        Set<Flag> flags = new HashSet<>(r.flags());
        flags.add(Flag.SAFETY);
        return new Record(r.id(), r.schoolId(), r.authorId(), r.kind(), r.talkType(), r.channel(), r.date(), r.followUp(),
                r.topics(), flags, r.studentIds(), r.note(), r.evidence(), r.sourceMessageId(), r.createdAt());
    }
}
