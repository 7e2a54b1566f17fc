package app.mentorbot.conversations.understanding;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.schedule.SchoolCalendar;

/**
 * Turns a teacher's free-form note into a {@link Note}, following the conventions of docs/notes.md
 * (kinds, topics and flags, time, who a name means).
 *
 * <p>Pipeline: normalise (simplified chars, same offsets) → find student mentions → mask them so
 * no lexicon reads a name as a word → find time expressions → classify the kind (the rules, then the kind model's
 * second opinion where it is sure of another report) → pick the event
 * date and the follow-up by kind → talk type, channel, topics, flags. Each step is a small
 * package-private class; this one only wires them and records Evidence.
 *
 * <p>Built once per roster; holds no mutable state, so one instance is safe across threads.
 * Time comes only from the {@code now} argument.
 */
public final class NoteReader {
    private final NameMatcher names;
    private final DateResolver dates = new DateResolver();
    private final KindClassifier kinds;
    private final ChannelDetector channels;
    private final TopicLexicon topics;
    private final FlagDetector flags;
    private final Dialect dialect;

    /** A reader with the built-in word lists. */
    public NoteReader(Roster roster) {
        this(roster, Lexicon.builtIn());
    }

    /** A reader with the given word lists ({@link Lexicon#withAdditions} adds a school's own). */
    public NoteReader(Roster roster, Lexicon lexicon) {
        Objects.requireNonNull(roster, "roster");
        Objects.requireNonNull(lexicon, "lexicon");
        this.names = new NameMatcher(roster, lexicon);
        this.topics = new TopicLexicon(lexicon);
        this.flags = new FlagDetector(lexicon);
        this.kinds = new KindClassifier(lexicon, topics, flags);
        this.channels = new ChannelDetector(lexicon);
        this.dialect = new Dialect(lexicon);
        NoteText.warmUp();
        NameContext.warmUp();   // dictionary loading belongs to start-up, not to the first teacher's note
        FollowUpModel.startTraining();
        WordNameModel.startTraining();
    }

    /** Waits until everything the reader builds in the background (the situation, follow-up and word-name models) is ready. */
    public void awaitReady() {
        SituationModel.risks();
        SituationModel.notes();
        SituationModel.kinds();
        SituationModel.family();
        FollowUpModel.awaitTrained();
        WordNameModel.awaitTrained();
        // a few notes read once, with no one named: the first teacher's note then finds the reader's code loaded and compiled
        ZonedDateTime at = ZonedDateTime.now(SchoolCalendar.ZONE);
        for (String note : WARM_UP) read("", note, at);
    }

    /** Notes of every kind the reader knows, naming no one, read by {@link #awaitReady()}. */
    private static final List<String> WARM_UP = List.of(
            "今天下午找他谈心，他说最近数学跟不上，晚上睡不好，下周三再跟进一下。",
            "他妈妈打电话来说孩子周末在家一直玩手机，我建议家长和孩子约定时间。",
            "昨晚他没回宿舍，电话也关机了，手腕上有几道划痕，说是猫抓的。", "提醒我月底前联系家长", "帮我查一下上个月的记录", "好的，谢谢");

    public Note read(String senderId, String text, ZonedDateTime now) {
        Objects.requireNonNull(now, "now");
        NoteText nt = NoteText.of(text, dialect);
        List<Mention> mentions = names.find(nt, senderId == null ? "" : senderId);
        ZonedDateTime local = now.withZoneSameInstant(SchoolCalendar.ZONE);
        Reading r = new Reading(nt, mask(nt.simple, mentions), mentions, local.toLocalDate(), local.toLocalTime());
        who(r);
        what(r);
        when(r);
        how(r);
        aboutWhat(r);
        return r.note();
    }

    /** The note as the situation models read it: simplified, every student mention masked (for making their examples). */
    String masked(String senderId, String text) {
        NoteText nt = NoteText.of(text, dialect);
        return mask(nt.simple, names.find(nt, senderId == null ? "" : senderId));
    }

    /**
     * One read in progress: the text (simplified, with every mention masked) and what the steps have
     * found so far, each value with its evidence.
     */
    static final class Reading {
        final NoteText nt;
        final String s;
        /** The note's sentences for the models, each read once whichever model reads it first (kind, then flags). */
        final ModelSentences sentences;
        final List<Mention> mentions;
        final LocalDate today;
        /** The note's time of day: a part of the day still to come is a plan, one gone by a report. */
        final LocalTime time;
        final List<Evidence> evidence = new ArrayList<>();
        final Set<String> students = new LinkedHashSet<>();
        /** Null unless some mention is not pinned down: then the candidates of all of them. */
        Set<String> clarify;
        final List<String> unresolved = new ArrayList<>();
        List<DateResolver.TimeExpr> times;
        KindClassifier.Decision decision;
        Kind kind;
        /** A report of something that happened (a talk, a contact, an observation): it has a day. */
        boolean report;
        LocalDate date;
        LocalDate followUp;
        TalkType talkType;
        Channel channel;
        final Set<Topic> topicSet = EnumSet.noneOf(Topic.class);
        final Set<Flag> flagSet = EnumSet.noneOf(Flag.class);
        /** The words that raised SAFETY from a described situation, when no keyword did first. */
        String suspectedBy;

        Reading(NoteText nt, String s, List<Mention> mentions, LocalDate today, LocalTime time) {
            this.nt = nt;
            this.time = time;
            this.s = s;
            this.sentences = new ModelSentences(s);
            this.mentions = mentions;
            this.today = today;
        }

        void evidence(String field, String value, int start, int end) {
            evidence.add(ev(nt, field, value, start, end));
        }

        Note note() {
            List<String> doubts = new ArrayList<>();
            if (kind != Kind.OTHER && kind != Kind.QUERY) {
                for (DateResolver.TimeExpr t : times) {
                    if (t.impossible()) doubts.add(Note.DATE_IMPOSSIBLE + nt.original.substring(t.start(), t.end()));
                }
            }
            if (suspectedBy != null) doubts.add(Note.SAFETY_SUSPECTED + suspectedBy);
            List<String> clarifyList = clarify == null ? null : List.copyOf(clarify);
            return new Note(kind, talkType, channel, List.copyOf(students), date, topicSet, flagSet, followUp,
                    clarifyList, unresolved.isEmpty() ? null : String.join("、", unresolved), evidence, doubts);
        }
    }

    /** Who: a pinned-down mention is a student of the note; any other is asked about, with its candidates. */
    private static void who(Reading r) {
        Set<String> named = new LinkedHashSet<>();
        for (Mention m : r.mentions) if (m.pinned()) named.addAll(m.candidates());
        for (Mention m : r.mentions) {
            // 跟小罗聊过了，是罗晓琳: an ambiguous form one of whose candidates the note names in full is that student
            List<String> same = m.pinned() ? List.of() : m.candidates().stream().filter(named::contains).toList();
            if (same.size() == 1) {
                r.evidence("students", same.get(0), m.start(), m.end());
                continue;
            }
            if (m.pinned()) {
                r.students.addAll(m.candidates());
                for (String id : m.candidates()) r.evidence("students", id, m.start(), m.end());
            } else {
                if (r.clarify == null) r.clarify = new LinkedHashSet<>();
                r.clarify.addAll(m.candidates());
                r.unresolved.add(r.nt.original.substring(m.start(), m.end()));
                r.evidence("clarify", String.join(",", m.candidates()), m.start(), m.end());
            }
        }
        // a word read as a name no roster holds (周测, 王校长) beside students the roster does: the note is about them,
        // and there is no one to ask about; a name with candidates is still asked about
        if (!r.students.isEmpty() && r.clarify != null && r.clarify.isEmpty()) {
            r.clarify = null;
            r.unresolved.clear();
        }
    }

    /** What: the time expressions of the note, and its kind. */
    private void what(Reading r) {
        r.times = dates.find(r.s, r.today);
        r.decision = KindSecondOpinion.reconsider(r.sentences, kinds.classify(r.s, !r.mentions.isEmpty(), r.times, r.time));
        r.kind = r.decision.kind();
        r.report = r.kind == Kind.TALK || r.kind == Kind.PARENT_CONTACT || r.kind == Kind.OBSERVATION;
        r.evidence("kind", r.kind.name(), r.decision.start(), r.decision.end());
    }

    /** When: a report's day (today when unsaid) and planned follow-up; a reminder's due day. */
    private static void when(Reading r) {
        if (r.report) {
            DateResolver.TimeExpr event = EventDays.eventTime(r.s, r.times, r.decision, r.time);
            r.date = event == null ? r.today : event.date();   // null for an impossible day: the dialogue asks
            if (r.date != null && event != null) r.evidence("date", r.date.toString(), event.start(), event.end());
            DateResolver.TimeExpr next = EventDays.followUpTime(r.s, r.times, r.today, r.time);
            // a day ahead the model doubts is the teacher's (她爸说下周五回来): someone else's plan; the teacher's step later today, if any
            boolean ahead = next != null && !next.impossible() && (next.role() == DateResolver.Role.FUTURE || next.deadline());
            if (ahead && FollowUpModel.doubts(r.s, next)) next = EventDays.laterTodayFollowUp(r.s, r.times, r.today, r.time);
            followUp(r, next);
        } else if (r.kind == Kind.REMINDER) {
            followUp(r, EventDays.dueTime(r.s, r.decision, r.times, r.today, r.time));
        }
    }

    private static void followUp(Reading r, DateResolver.TimeExpr t) {
        if (t == null || t.impossible()) return;
        r.followUp = t.date();
        r.evidence("followUp", r.followUp.toString(), t.start(), t.end());
    }

    /** How: a talk with one student or several together; the channel of a parent contact. */
    private void how(Reading r) {
        if (r.kind == Kind.TALK) r.talkType = TalkTypes.of(r);
        if (r.kind == Kind.PARENT_CONTACT) {
            ChannelDetector.Found c = channels.detect(r.s);
            if (c != null) {
                r.channel = c.channel();
                r.evidence("channel", r.channel.name(), c.start(), c.end());
            }
        }
    }

    /** About what: the duties the note touches (topics), then what the class head must see (flags). */
    private void aboutWhat(Reading r) {
        if (r.kind != Kind.OTHER && r.kind != Kind.QUERY) {
            for (TopicLexicon.Hit h : topics.find(r.s)) {
                r.topicSet.add(h.topic());
                r.evidence("topics", h.topic().name(), h.start(), h.end());
            }
        }
        if (r.kind != Kind.QUERY) flags(r, flags.find(r.s, r.sentences));
        else askedAboutARisk(r);
    }

    /**
     * Words of a request to look records up (李华最近的记录, 统计…, 哪几个是留守的, 还有谁没谈过, 家长联系方式): such a query stays
     * one, whatever it names. 有谁 asks which of a set, not who did something (谁打的他？ is no look-up).
     */
    private static final GatedPattern LOOK_UP = GatedPattern.compile("记录|档案|情况|查|列|统计|汇总|导出|多少|第几|几次|几条|电话|号码|联系方式|哪几个|哪些|有谁");

    /**
     * Safety first: a one-clause question that tells of a child at risk (有学生说不想活了怎么办？) is a report with a question,
     * not a query to the bot: it is filed as an observation with its flags, so the class head hears of it. A note of
     * several clauses that tells of a risk never reaches here: the kind classifier files it as the report it is.
     */
    private void askedAboutARisk(Reading r) {
        if (LOOK_UP.foundIn(r.s)) return;
        List<FlagDetector.Hit> hits = flags.find(r.s, r.sentences);
        if (hits.stream().noneMatch(h -> h.flag() == Flag.SAFETY)) return;
        r.kind = Kind.OBSERVATION;
        r.report = true;
        r.date = r.today;
        flags(r, hits);   // the same hits, read once
    }

    /**
     * A plan keeps every flag its words tell of the student (提醒我周一给她爸打电话，期中物理才考了二十六分: ACADEMIC): the class
     * head sees the student's state whatever the teacher means to do about it. Safety first: a note the reader could not
     * place still carries a safety signal (such a note is filed as an observation). A family in hardship or broken up is
     * family life too.
     */
    private void flags(Reading r, List<FlagDetector.Hit> found) {
        List<FlagDetector.Hit> hits = r.report || r.kind == Kind.REMINDER ? found : safetyOnly(found);
        if (r.kind == Kind.OTHER && !hits.isEmpty()) {
            r.kind = Kind.OBSERVATION;   // filed as what the teacher saw; the dialogue asks who when no one is named
            r.report = true;
            r.date = r.today;
        }
        for (FlagDetector.Hit h : hits) {
            if (r.flagSet.add(h.flag())) r.evidence("flags", h.flag().name(), h.start(), h.end());
            if (h.suspected() && h.flag() == Flag.SAFETY && r.suspectedBy == null) {
                String words = r.nt.original.substring(h.start(), h.end()).strip();
                r.suspectedBy = words.length() <= 20 ? words : words.substring(0, 19) + "…";   // a sentence the model read: its opening
                r.evidence(Note.SUSPECTED_EVIDENCE, "SAFETY", h.start(), h.end());   // the record keeps its 疑似 mark
            }
        }
        if (r.report) flagsTouchTopics(r);
        // 匿名留言, 没写名字: a safety signal about no one named; the dialogue asks who it is (no candidates)
        if (r.flagSet.contains(Flag.SAFETY) && r.students.isEmpty() && r.clarify == null && r.mentions.isEmpty()) {
            r.clarify = new LinkedHashSet<>();
        }
    }

    /** A student acting with force (动了手, 推了他一把), not the one it was done to (被打了). */
    private static final Pattern STUDENT_FORCE = Pattern.compile("(?<!被)(打架|打了一?架|动了?手|斗殴|推搡|推了|踹了|扇了|打了[^,.;!?。]{0,3}(一拳|一巴掌|几下))");

    /**
     * A flag is stronger than a topic in the same duty, so it touches that duty too: PSYCH → 心理疏导,
     * ACADEMIC → 学业辅导; a family in hardship or broken up is family life (生活指导); a safety
     * signal is the student's life (bullied, gone from home) unless it is self-harm talk (心理, with
     * its PSYCH flag) or the student's own use of force, which is discipline (思想引导).
     */
    private static void flagsTouchTopics(Reading r) {
        if (r.flagSet.contains(Flag.PSYCH)) touch(r, Flag.PSYCH, Topic.PSYCH);
        if (r.flagSet.contains(Flag.ACADEMIC)) touch(r, Flag.ACADEMIC, Topic.ACADEMIC);
        if (r.flagSet.contains(Flag.FAMILY)) touch(r, Flag.FAMILY, Topic.LIFE);
        if (r.flagSet.contains(Flag.SAFETY) && !r.flagSet.contains(Flag.PSYCH)) {
            touch(r, Flag.SAFETY, STUDENT_FORCE.matcher(r.s).find() ? Topic.THOUGHT : Topic.LIFE);
        }
    }

    private static void touch(Reading r, Flag flag, Topic topic) {
        if (!r.topicSet.add(topic)) return;
        r.evidence.add(r.evidence.stream().filter(e -> e.field().equals("flags") && e.value().equals(flag.name())).findFirst()
                .map(e -> new Evidence("topics", topic.name(), e.start(), e.end())).orElseThrow());
    }


    /** SAFETY hits, and the PSYCH that comes with self-harm talk (same words), for notes that are not reports. */
    private static List<FlagDetector.Hit> safetyOnly(List<FlagDetector.Hit> hits) {
        List<FlagDetector.Hit> out = new ArrayList<>();
        for (FlagDetector.Hit h : hits) if (h.flag() == Flag.SAFETY) out.add(h);
        for (FlagDetector.Hit h : hits) {
            if (h.flag() == Flag.PSYCH && out.stream().anyMatch(x -> x.start() == h.start())) out.add(h);
        }
        return out;
    }

    private static String mask(String s, List<Mention> mentions) {
        char[] chars = s.toCharArray();
        for (Mention m : mentions) {
            for (int i = m.start(); i < m.end(); i++) chars[i] = NoteText.NAME_MASK;
        }
        return new String(chars);
    }

    private static Evidence ev(NoteText nt, String field, String value, int start, int end) {
        int a = Math.max(0, Math.min(start, nt.original.length()));
        int b = Math.max(a, Math.min(end, nt.original.length()));
        return new Evidence(field, value, a, b);
    }
}
