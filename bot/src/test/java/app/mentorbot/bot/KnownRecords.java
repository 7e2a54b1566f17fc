package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import app.mentorbot.bot.settings.SchoolOverrides;
import app.mentorbot.bot.settings.SchoolSettings;
import app.mentorbot.bot.testing.BotTest;
import app.mentorbot.bot.testing.SchoolDayClock;
import app.mentorbot.bot.testing.TestClock;
import app.mentorbot.conversations.dialogue.Links;
import app.mentorbot.conversations.digests.DigestBuilder;
import app.mentorbot.conversations.duties.Ledger;
import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.records.RecordStore;
import app.mentorbot.conversations.reminders.Reminder;
import app.mentorbot.conversations.reminders.ReminderBook;
import app.mentorbot.conversations.roster.RosterStore;
import app.mentorbot.conversations.schedule.SchoolCalendar;
import app.mentorbot.conversations.understanding.Channel;
import app.mentorbot.conversations.understanding.Flag;
import app.mentorbot.conversations.understanding.Kind;
import app.mentorbot.conversations.understanding.TalkType;
import app.mentorbot.conversations.understanding.Topic;

/**
 * A known set of records in the demo school, written once per test class, for the tests of the case-conference
 * digest ({@link ConferenceDigestTest}) and of the pages ({@link DigestPagesTest}); and how those tests fetch and
 * check a page. Today is Tuesday 10 March 2026; the spring term began on 16 February; 高二(1)班 (C21, class head
 * 孙丽 T02) last met on 27 February, so the period is 27 February – 10 March.
 *
 * <p>Every mentee of C21 had a routine individual talk with their mentor on 2 March, except 杨帆 (S05), whose
 * last talk was on 16 February (overdue since 3 March, 8 days: key). 黄佳怡 (S06) was written about by three
 * people (observation by her mentor 刘洋, a SAFETY observation by subject teacher 赵强 with {@code <script>} in
 * it, a phone call by class head 孙丽, a talk by 刘洋 with a follow-up) and 王子轩 (S03) was flagged ACADEMIC by
 * 赵强. Decisions of the last conference: one whose reminder is done, one that did not happen, one shown as
 * happened by the owner's later record; and one from last term, not shown.
 */
@BotTest
@Import({SchoolDayClock.class, KnownRecords.Term.class})
@TestPropertySource(properties = "mentorbot.scheduler.initial-delay=24h") // no duty nudges appear among the known records
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class KnownRecords {
    static final String SCHOOL = "main";
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static final String SCRIPT_NOTE = "英语课上黄佳怡说\"不想活了\"<script>alert('x')</script> & 请大家关注";

    /**
     * The test's own term (from 16 February) and no holidays or exam weeks, so the school's config/calendar.yml can
     * change without changing what is overdue here: the school's own calendar (as {@code mentorbot.schools.main} would
     * set it), which the application's ledger picks up; its duties stay config/duties.yml's.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class Term {
        @Bean
        @Primary
        SchoolOverrides testCalendar() {
            return new SchoolOverrides(Map.of(SCHOOL, new SchoolSettings.Own(List.of(new SchoolSettings.TermSetting("2025-2026学年第二学期",
                    LocalDate.of(2026, 2, 16), LocalDate.of(2026, 7, 10), LocalDate.of(2026, 7, 15))), List.of(), List.of(), null, null, null)));
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RecordStore records;
    @Autowired
    ReminderBook reminders;
    @Autowired
    Ledger ledger;
    @Autowired
    RosterStore rosters;
    @Autowired
    DigestBuilder digests;
    @Autowired
    Links links;
    @Autowired
    TestClock clock;

    long observationByMentor;
    long safetyObservation;
    long callByClassHead;
    long talkWithFollowUp;
    long januaryRecord;
    long followUpReminder;
    long decisionDone;
    long decisionNotYet;
    long decisionByRecords;

    @BeforeAll
    void knownRecords() {
        ledger.setConferenceDate(SCHOOL, "C21", LocalDate.of(2026, 2, 27), "T02");
        Map<String, String> mentors = new java.util.LinkedHashMap<>();
        for (int i = 1; i <= 16; i++) mentors.put(String.format("S%02d", i), i <= 8 ? "T01" : i <= 12 ? "T02" : "T03");
        mentors.forEach((student, mentor) -> {
            if (!student.equals("S05")) save(mentor, Kind.TALK, TalkType.INDIVIDUAL, null, day(2), null, Set.of(Topic.THOUGHT), Set.of(), "例行谈心", student);
        });
        save("T01", Kind.TALK, TalkType.INDIVIDUAL, null, LocalDate.of(2026, 2, 16), null, Set.of(Topic.ACADEMIC), Set.of(), "开学谈话：杨帆的学习计划", "S05");
        januaryRecord = save("T01", Kind.OBSERVATION, null, null, LocalDate.of(2026, 1, 12), null, Set.of(Topic.LIFE), Set.of(), "期末前黄佳怡情绪尚好", "S06");
        // 黄佳怡's period, saved out of order: the timeline sorts by date.
        callByClassHead = save("T02", Kind.PARENT_CONTACT, null, Channel.PHONE, day(6), null, Set.of(Topic.PSYCH, Topic.LIFE), Set.of(Flag.FAMILY),
                "和黄佳怡妈妈电话沟通，家里最近有变故", "S06");
        observationByMentor = save("T01", Kind.OBSERVATION, null, null, day(4), null, Set.of(Topic.PSYCH), Set.of(Flag.PSYCH), "黄佳怡这两天情绪很低落，上课走神", "S06");
        safetyObservation = save("T03", Kind.OBSERVATION, null, null, day(5), null, Set.of(Topic.PSYCH), Set.of(Flag.SAFETY, Flag.PSYCH), SCRIPT_NOTE, "S06");
        talkWithFollowUp = save("T01", Kind.TALK, TalkType.INDIVIDUAL, null, day(9), day(16), Set.of(Topic.PSYCH), Set.of(), "和黄佳怡单独谈心，她愿意每周来聊一次", "S06");
        save("T03", Kind.OBSERVATION, null, null, day(3), null, Set.of(Topic.ACADEMIC), Set.of(Flag.ACADEMIC), "王子轩数学作业连续三次没交", "S03");
        save("T01", Kind.TALK, TalkType.GROUP, null, day(3), null, Set.of(Topic.CAREER), Set.of(), "和张小明、李华、王子轩一起聊选科", "S01", "S02", "S03");
        save("T01", Kind.PARENT_CONTACT, null, Channel.HOME_VISIT, day(7), null, Set.of(Topic.LIFE), Set.of(), "去赵磊家家访", "S07");
        followUpReminder = reminders.add(SCHOOL, "T01", Reminder.Kind.FOLLOW_UP, "再找黄佳怡聊一次", day(16), List.of("S06"), talkWithFollowUp,
                null, null, null, Instant.parse("2026-03-09T10:00:00Z")).orElseThrow();

        LocalDate conference = LocalDate.of(2026, 2, 27);
        decisionDone = decision(conference, "刘洋老师本周内与黄佳怡家长电话沟通", "T01", "S06");
        long done = reminders.add(SCHOOL, "T01", Reminder.Kind.DECISION, "与黄佳怡家长沟通", day(3), List.of("S06"), null, decisionDone,
                null, null, Instant.parse("2026-02-27T10:00:00Z")).orElseThrow();
        reminders.complete(List.of(done), TODAY.atStartOfDay(SchoolCalendar.ZONE).toInstant());
        decisionNotYet = decision(conference, "赵强老师检查李华的<b>英语作业</b> & 订正", "T03", "S02");
        reminders.add(SCHOOL, "T03", Reminder.Kind.DECISION, "检查李华的英语作业", day(6), List.of("S02"), null, decisionNotYet,
                null, null, Instant.parse("2026-02-27T10:00:00Z"));
        decisionByRecords = decision(conference, "孙丽老师与李娜谈一次", "T02", "S09");
        decision(LocalDate.of(2025, 12, 20), "上学期的决定", "T03", "S02");
    }

    @AfterEach
    void backToTuesday() {
        clock.set(SchoolDayClock.TUESDAY_AFTERNOON);
    }

    static LocalDate day(int march) {
        return LocalDate.of(2026, 3, march);
    }

    long save(String author, Kind kind, TalkType talkType, Channel channel, LocalDate date, LocalDate followUp, Set<Topic> topics,
              Set<Flag> flags, String note, String... students) {
        return records.save(new Record(null, SCHOOL, author, kind, talkType, channel, date, followUp, topics, flags, List.of(students),
                note, List.of(), null, date.atTime(18, 0).toInstant(java.time.ZoneOffset.ofHours(8)))).id();
    }

    long decision(LocalDate on, String text, String owner, String... students) {
        return jdbc.sql("insert into conference_decision (school_id, class_id, decided_on, text, student_ids, owner_id, created_by, created_at) "
                        + "values (?, 'C21', ?, ?, string_to_array(?, ','), ?, 'T02', now()) returning id")
                .params(SCHOOL, java.sql.Date.valueOf(on), text, String.join(",", students), owner).query(Long.class).single();
    }

    HttpResponse<byte[]> get(String link) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link.startsWith("http") ? link : "http://localhost:" + port + link)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    String page(String link) throws Exception {
        HttpResponse<byte[]> response = get(link);
        String body = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(response.statusCode()).as(body).isEqualTo(200);
        return body;
    }

    int status(String link) throws Exception {
        return get(link).statusCode();
    }

    /** No nulls, no unfilled {0}, no empty cells, and every chart parses as XML with finite, non-negative sizes. */
    static void assertComplete(String html) throws Exception {
        assertThat(html).doesNotContain("null").doesNotContain("NaN").doesNotContain("Infinity").doesNotContain("<td></td>")
                .doesNotContain("<li></li>").doesNotContain("<p></p>").doesNotContainPattern("\\{\\d\\}");
        for (String svg : svgs(html)) {
            org.w3c.dom.Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
            NodeList rects = doc.getElementsByTagName("rect");
            for (int i = 0; i < rects.getLength(); i++) {
                Element rect = (Element) rects.item(i);
                for (String attr : List.of("x", "y", "width", "height")) {
                    double v = Double.parseDouble(rect.getAttribute(attr));
                    assertThat(v).as(svg).isFinite().isGreaterThanOrEqualTo(0);
                }
            }
            assertThat(doc.getElementsByTagName("text").getLength()).isPositive();
        }
    }

    static List<String> svgs(String html) {
        return Pattern.compile("<svg.*?</svg>", Pattern.DOTALL).matcher(html).results().map(m -> m.group()).toList();
    }
}
