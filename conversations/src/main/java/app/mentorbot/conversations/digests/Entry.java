package app.mentorbot.conversations.digests;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import app.mentorbot.conversations.understanding.Channel;
import app.mentorbot.conversations.understanding.Flag;
import app.mentorbot.conversations.understanding.Kind;
import app.mentorbot.conversations.understanding.TalkType;
import app.mentorbot.conversations.understanding.Topic;

/**
 * One record as a page shows it: the author by name and by what they are to the student, the students
 * by name. {@code date} is the event date, or the day the record was made when it has none.
 * {@code safetySuspected}: its SAFETY flag comes from a situation the reader recognised rather than a keyword
 * (pages show 安全（疑似））; a teacher's 「不是」 takes the flag off altogether.
 */
public record Entry(long recordId, LocalDate date, String authorId, String authorName, AuthorRole authorRole,
                    Kind kind, TalkType talkType, Channel channel, Set<Topic> topics, Set<Flag> flags,
                    List<String> studentIds, List<String> studentNames, String note, LocalDate followUp,
                    boolean safetySuspected) {
    public Entry {
        topics = Set.copyOf(topics);
        flags = Set.copyOf(flags);
        studentIds = List.copyOf(studentIds);
        studentNames = List.copyOf(studentNames);
        note = note == null ? "" : note;
        authorName = authorName == null ? "" : authorName;
    }

    public boolean isIndividualTalk() {
        return kind == Kind.TALK && talkType != TalkType.GROUP;
    }

    public boolean isGroupTalk() {
        return kind == Kind.TALK && talkType == TalkType.GROUP;
    }
}
