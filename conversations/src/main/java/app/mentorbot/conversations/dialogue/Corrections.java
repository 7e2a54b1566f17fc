package app.mentorbot.conversations.dialogue;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.understanding.Channel;
import app.mentorbot.conversations.understanding.Kind;
import app.mentorbot.conversations.understanding.Note;
import app.mentorbot.conversations.understanding.TalkType;

/**
 * Reads a correction of the last record in plain words — 不对，是昨天 / 改成集体交流 / 还有王子轩 /
 * 不是李华是李娜 / 删掉跟进 / 跟进改到下周五 — and applies it to a copy of the record. Names and
 * dates in the correction are read by the same note reader, so every form it knows works here too.
 * Anything it does not recognise is not a correction (the text is then read as a new note).
 */
final class Corrections {
    private static final Pattern LEAD = Pattern.compile(
            "^\\s*(不对|不是|错了|搞错了|更正|纠正|改成|改为|改一下|应该是|其实是|还有|加上|再加上|补充|漏了|删掉|删除|去掉|不用跟进|不需要跟进|取消跟进|跟进)");
    private static final Pattern DROP_FOLLOW_UP = Pattern.compile("(删掉|删除|去掉|取消|不用|不需要)(跟进|提醒)|(跟进|提醒)(删掉|删了|去掉|不要了|取消)");
    private static final Pattern MOVE_FOLLOW_UP = Pattern.compile("(跟进|提醒)(时间)?(改到|改成|改为|推迟到|提前到|定在|放到)(.+)");
    private static final Pattern REPLACE = Pattern.compile("不是(.+?)[，,、\\s]*(而)?是(.+)");
    private static final Pattern ADD = Pattern.compile("^\\s*(还有|加上|再加上|补充|漏了)[：:，,\\s]*(.+)");
    private static final Pattern NEW_VALUE = Pattern.compile("(是|改成|改为|应该是|其实是|更正为|更正成)[：:，,\\s]*(.+)");

    private Corrections() {}

    /** Reads words as the author's note ({@code NoteReader::read} of the school's roster). */
    @FunctionalInterface
    interface Reader {
        Note read(String authorId, String text, ZonedDateTime at);
    }

    /** The words after 「不是…是」 (李娜 in 不是李华是李娜), or empty when the text is not of that form. */
    static Optional<String> replacingWords(String text) {
        Matcher replace = REPLACE.matcher(text);
        return replace.find() ? Optional.of(replace.group(3)) : Optional.empty();
    }

    static boolean looksLikeCorrection(String text) {
        return LEAD.matcher(text).find();
    }

    /** The record with the correction applied, or empty when the words are not a correction we understand. */
    static Optional<Record> apply(Record r, String text, Reader reader, String authorId, ZonedDateTime now) {
        String t = text.strip().replaceAll("[。.!！]+$", "");
        if (!looksLikeCorrection(t)) return Optional.empty();
        Draft d = new Draft(r);

        if (DROP_FOLLOW_UP.matcher(t).find()) {
            d.followUp = null;
            d.changed = true;
            return Optional.of(d.build());
        }
        Matcher move = MOVE_FOLLOW_UP.matcher(t);
        if (move.find()) {
            Note n = reader.read(authorId, "提醒我" + move.group(4), now);
            if (n.followUp() == null) return Optional.empty();
            d.followUp = n.followUp();
            d.changed = true;
            return Optional.of(d.build());
        }
        Matcher replace = REPLACE.matcher(t);
        if (replace.find()) {
            List<String> out = students(reader, authorId, replace.group(1), now);
            List<String> in = students(reader, authorId, replace.group(3), now);
            if (!out.isEmpty() && !in.isEmpty()) {
                d.students.removeAll(out);
                d.students.addAll(in);
                d.changed = true;
                return Optional.of(d.build());
            }
        }
        Matcher add = ADD.matcher(t);
        if (add.find()) {
            List<String> more = students(reader, authorId, add.group(2), now);
            if (more.isEmpty()) return Optional.empty();
            d.students.addAll(more);
            if (d.kind == Kind.TALK && d.talkType == TalkType.INDIVIDUAL && !t.contains("分别") && d.students.size() > 1
                    && r.studentIds().size() == 1) {
                d.talkType = TalkType.GROUP; // "还有王子轩" after a one-to-one talk: they talked together
            }
            d.changed = true;
            return Optional.of(d.build());
        }
        Matcher value = NEW_VALUE.matcher(t);
        String v = value.find() ? value.group(2) : t;
        applyType(d, v);
        if (!d.changed || mentionsTime(v)) {
            Note n = reader.read(authorId, v + "谈了", now);
            if (n.date() != null && mentionsTime(v)) {
                d.date = n.date();
                d.changed = true;
            }
        }
        return d.changed ? Optional.of(d.build()) : Optional.empty();
    }

    private static boolean mentionsTime(String v) {
        return Pattern.compile("天|晚|早|周|星期|礼拜|月|号|日|\\d").matcher(v).find();
    }

    private static void applyType(Draft d, String v) {
        if (v.matches(".*(集体|小组|一起).*")) { d.kind = Kind.TALK; d.talkType = TalkType.GROUP; d.channel = null; d.changed = true; }
        else if (v.matches(".*(单独|个别|一对一|分别).*")) { d.kind = Kind.TALK; d.talkType = TalkType.INDIVIDUAL; d.channel = null; d.changed = true; }
        else if (v.contains("家访")) { d.kind = Kind.PARENT_CONTACT; d.channel = Channel.HOME_VISIT; d.talkType = null; d.changed = true; }
        else if (v.matches(".*(电话|来电).*")) { d.kind = Kind.PARENT_CONTACT; d.channel = Channel.PHONE; d.talkType = null; d.changed = true; }
        else if (v.matches(".*(微信|线上|短信|钉钉|视频).*")) { d.kind = Kind.PARENT_CONTACT; d.channel = Channel.ONLINE; d.talkType = null; d.changed = true; }
        else if (v.matches(".*(面谈|来校|见面).*")) { d.kind = Kind.PARENT_CONTACT; d.channel = Channel.IN_PERSON; d.talkType = null; d.changed = true; }
        else if (v.matches(".*(观察|看到).*")) { d.kind = Kind.OBSERVATION; d.talkType = null; d.channel = null; d.changed = true; }
        else if (v.matches(".*(谈心|谈话|聊).*")) { d.kind = Kind.TALK; d.channel = null; if (d.talkType == null) d.talkType = TalkType.INDIVIDUAL; d.changed = true; }
    }

    private static List<String> students(Reader reader, String authorId, String words, ZonedDateTime now) {
        Note n = reader.read(authorId, "和" + words + "聊了", now);
        if (n.clarify() != null) return List.of();
        return n.studentIds();
    }

    /** A mutable copy of a record's correctable fields. */
    private static final class Draft {
        final Record base;
        Kind kind;
        TalkType talkType;
        Channel channel;
        LocalDate date;
        LocalDate followUp;
        final Set<String> students;
        boolean changed;

        Draft(Record r) {
            base = r;
            kind = r.kind();
            talkType = r.talkType();
            channel = r.channel();
            date = r.date();
            followUp = r.followUp();
            students = new LinkedHashSet<>(r.studentIds());
        }

        Record build() {
            return new Record(base.id(), base.schoolId(), base.authorId(), kind, talkType, channel, date, followUp,
                    base.topics(), base.flags(), new ArrayList<>(students), base.note(), base.evidence(),
                    base.sourceMessageId(), base.createdAt());
        }
    }
}
