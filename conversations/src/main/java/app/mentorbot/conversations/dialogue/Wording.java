package app.mentorbot.conversations.dialogue;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.text.Texts;
import app.mentorbot.conversations.understanding.Kind;
import app.mentorbot.conversations.understanding.TalkType;

/** Turns records into the short sentences a teacher reads on a phone. */
final class Wording {
    private final Texts texts;

    Wording(Texts texts) {
        this.texts = texts;
    }

    /** "3月10日", with the year only when it is not this year. */
    String day(LocalDate date, LocalDate today) {
        String md = texts.get("date.monthDay", date.getMonthValue(), date.getDayOfMonth());
        return date.getYear() == today.getYear() ? md : texts.get("date.year", date.getYear()) + md;
    }

    /** "3月18日（周三）" */
    String dayWithWeekday(LocalDate date, LocalDate today) {
        return day(date, today) + texts.get("date.weekday." + date.getDayOfWeek().getValue());
    }

    String names(Roster roster, Collection<String> studentIds) {
        return studentIds.stream()
                .map(id -> roster.student(id).map(Student::name).orElse(id))
                .collect(Collectors.joining(texts.get("list.separator")));
    }

    /** The one-line description of a record: "3月10日 与 张小明 单独谈心（学业、生活）" */
    String describe(Record r, Roster roster, LocalDate today) {
        String who = names(roster, r.studentIds());
        String when = r.date() == null ? "" : day(r.date(), today) + " ";
        String what = switch (r.kind()) {
            case TALK -> texts.get("record.talk", who, texts.get(talkWord(r)));
            case PARENT_CONTACT -> texts.get("record.parentContact", who,
                    texts.get("channel." + (r.channel() == null ? "NONE" : r.channel().name())));
            case OBSERVATION -> texts.get("record.observation", who);
            case REMINDER -> texts.get("record.reminder", r.note());
            default -> r.note();
        };
        String topics = r.topics().isEmpty() ? "" : texts.get("record.topics", joined("topic.", r.topics()));
        return when + what + topics;
    }

    private static String talkWord(Record r) {
        if (r.talkType() == TalkType.GROUP) return "talk.GROUP";
        return r.studentIds().size() > 1 ? "talk.EACH" : "talk.INDIVIDUAL";
    }

    String joined(String prefix, Collection<? extends Enum<?>> values) {
        List<String> words = values.stream().sorted().map(v -> texts.get(prefix + v.name())).toList();
        return String.join(texts.get("list.topicSeparator"), words);
    }

    /** The confirmation of a newly filed record. */
    String confirmation(Record r, Roster roster, LocalDate today) {
        StringBuilder s = new StringBuilder();
        if (r.kind() == Kind.REMINDER) {
            s.append(r.followUp() == null
                    ? texts.get("confirm.reminderNoDate", r.note())
                    : texts.get("confirm.reminder", dayWithWeekday(r.followUp(), today), r.note()));
        } else {
            s.append(texts.get("confirm.record", describe(r, roster, today)));
            if (!r.flags().isEmpty()) s.append(texts.get("confirm.flags", joined("flag.", r.flags())));
            if (r.followUp() != null) s.append(texts.get("confirm.followUp", dayWithWeekday(r.followUp(), today)));
        }
        s.append(texts.get("confirm.undoHint"));
        return s.toString();
    }

    static String shortened(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max) + "…";
    }
}
