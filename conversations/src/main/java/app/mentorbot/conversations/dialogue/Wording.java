package app.mentorbot.conversations.dialogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.text.Texts;
import app.mentorbot.conversations.understanding.Kind;
import app.mentorbot.conversations.understanding.TalkType;

/** Turns records into the short sentences a teacher reads on a phone. */
final class Wording {
    private static final Pattern REMIND_REQUEST = Pattern.compile(
            "^(请|麻烦)?(记得)?提醒(一下)?[：:，,\\s]*|(请|麻烦)?(记得)?提醒(一下)?(我|一下我)(一下)?[：:，,\\s]*");
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
            case STUDENT_REPORT -> texts.get("record.studentReport", who);
            case REMINDER -> texts.get("record.reminder", reminderText(r.note()));
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
        String body = body(r, roster, today, true);
        return (r.kind() == Kind.REMINDER ? body : texts.get("confirm.record", body)) + texts.get("confirm.undoHint");
    }

    /** The confirmation of a corrected record. */
    String corrected(Record r, Roster roster, LocalDate today) {
        return texts.get("confirm.corrected", body(r, roster, today, false)) + texts.get("confirm.undoHint");
    }

    /**
     * What to be reminded of, without the request around it: 「明天下午提醒我交导师工作总结」 is
     * 「交导师工作总结」 (the day is shown apart). When nothing follows 提醒我 the note stays whole.
     */
    static String reminderText(String note) {
        String t = note.strip().replaceAll("[。.!！]+$", "");
        Matcher request = REMIND_REQUEST.matcher(t);
        return request.find() && request.end() < t.length() ? t.substring(request.end()) : t;
    }

    /**
     * The fields of a record, each with the words it came from when those differ from what is shown
     * (张小明（"小明"）, 3月18日（"下周三"）), so a teacher sees at once why the bot understood it so.
     */
    private String body(Record r, Roster roster, LocalDate today, boolean withSources) {
        StringBuilder s = new StringBuilder();
        if (r.kind() == Kind.REMINDER) {
            String when = r.followUp() == null ? null : dayWithWeekday(r.followUp(), today) + (withSources ? source(r, "followUp", null) : "");
            String what = reminderText(r.note());
            boolean weekly = r.followUp() != null && FollowUpReminders.WEEKLY.matcher(r.note()).find();
            if (weekly) {
                String weekday = texts.get("date.weekday." + r.followUp().getDayOfWeek().getValue()).replaceAll("[（）()]", "");
                s.append(texts.get("confirm.reminderWeekly", when, weekday, what));
            } else {
                s.append(when == null ? texts.get("confirm.reminderNoDate", what) : texts.get("confirm.reminder", when, what));
            }
            return s.toString();
        }
        String who = withSources ? namesWithSources(r, roster) : names(roster, r.studentIds());
        // "today" needs no source: it is what a note without a date means anyway
        boolean sourced = withSources && r.date() != null && !r.date().equals(today);
        String when = r.date() == null ? "" : day(r.date(), today) + (sourced ? source(r, "date", day(r.date(), today)) : "") + " ";
        String what = switch (r.kind()) {
            case TALK -> texts.get("record.talk", who, texts.get(talkWord(r)));
            case PARENT_CONTACT -> texts.get("record.parentContact", who,
                    texts.get("channel." + (r.channel() == null ? "NONE" : r.channel().name())));
            case OBSERVATION -> texts.get("record.observation", who);
            case STUDENT_REPORT -> texts.get("record.studentReport", who);
            default -> r.note();
        };
        String topics = r.topics().isEmpty() ? "" : texts.get("record.topics", joined("topic.", r.topics()));
        s.append(when).append(what).append(topics).append('。');
        if (!r.flags().isEmpty()) s.append(texts.get("confirm.flags", joined("flag.", r.flags())));
        if (r.followUp() != null) {
            s.append(texts.get("confirm.followUp", dayWithWeekday(r.followUp(), today) + (withSources ? source(r, "followUp", null) : "")));
        }
        return s.toString();
    }

    private String namesWithSources(Record r, Roster roster) {
        List<String> parts = new ArrayList<>();
        for (String id : r.studentIds()) {
            String name = roster.student(id).map(Student::name).orElse(id);
            String said = r.evidence().stream().filter(e -> e.field().equals("students") && e.value().equals(id))
                    .map(e -> spoken(r, e)).filter(w -> w != null && !w.isBlank()).findFirst().orElse(null);
            parts.add(said == null || said.equals(name) ? name : name + texts.get("confirm.source", said));
        }
        return String.join(texts.get("list.separator"), parts);
    }

    /** （"下周三"） when the field came from words other than what is shown. */
    private String source(Record r, String field, String shown) {
        return r.evidence().stream().filter(e -> e.field().equals(field)).map(e -> spoken(r, e))
                .filter(w -> w != null && !w.isBlank() && !w.equals(shown))
                .findFirst().map(w -> texts.get("confirm.source", w)).orElse("");
    }

    private static String spoken(Record r, app.mentorbot.conversations.understanding.Evidence e) {
        if (e.start() < 0 || e.end() > r.note().length() || e.start() >= e.end()) return null;
        return r.note().substring(e.start(), e.end());
    }

    static String shortened(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max) + "…";
    }
}
