package app.mentorbot.conversations.records;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import app.mentorbot.conversations.understanding.Channel;
import app.mentorbot.conversations.understanding.Evidence;
import app.mentorbot.conversations.understanding.Flag;
import app.mentorbot.conversations.understanding.Kind;
import app.mentorbot.conversations.understanding.TalkType;
import app.mentorbot.conversations.understanding.Topic;

/** A stored talk log, parent contact, observation or reminder. {@code id} is null until saved. */
public record Record(Long id, String schoolId, String authorId, Kind kind, TalkType talkType, Channel channel,
                     LocalDate date, LocalDate followUp, Set<Topic> topics, Set<Flag> flags,
                     List<String> studentIds, String note, List<Evidence> evidence,
                     Long sourceMessageId, Instant createdAt) {
    public Record {
        topics = Set.copyOf(topics);
        flags = Set.copyOf(flags);
        studentIds = List.copyOf(studentIds);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public Record withId(long newId) {
        return new Record(newId, schoolId, authorId, kind, talkType, channel, date, followUp, topics, flags,
                studentIds, note, evidence, sourceMessageId, createdAt);
    }
}
