package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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

import app.mentorbot.bot.testing.BotTest;
import app.mentorbot.bot.testing.SchoolDayClock;
import app.mentorbot.bot.testing.TestClock;
import app.mentorbot.conversations.dialogue.Links;
import app.mentorbot.conversations.digests.ConferenceDigest;
import app.mentorbot.conversations.digests.ConferenceDigest.Decision;
import app.mentorbot.conversations.digests.ConferenceDigest.KeyStudent;
import app.mentorbot.conversations.digests.ConferenceDigest.MentorCoverage;
import app.mentorbot.conversations.digests.ConferenceDigest.StudentLine;
import app.mentorbot.conversations.digests.ConferenceDigest.Why;
import app.mentorbot.conversations.digests.DigestBuilder;
import app.mentorbot.conversations.digests.Entry;
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
 * The case-conference digest, growth file and summary pages over a known set of records in the demo school.
 * Today is Tuesday 10 March 2026; the spring term began on 16 February; 高二(1)班 (C21, class head 孙丽 T02)
 * last met on 27 February, so the period is 27 February – 10 March.
 *
 * <p>Every mentee of C21 had a routine individual talk with their mentor on 2 March, except 杨帆 (S05), whose
 * last talk was on 16 February (overdue since 3 March, 8 days: key). 黄佳怡 (S06) was written about by three
 * people (observation by her mentor 刘洋, a SAFETY observation by subject teacher 赵强 with {@code <script>} in
 * it, a phone call by class head 孙丽, a talk by 刘洋 with a follow-up) and 王子轩 (S03) was flagged ACADEMIC by
 * 赵强. Decisions of the last conference: one whose reminder is done, one that did not happen, one shown as
 * happened by the owner's later record; and one from last term, not shown.
 */
@BotTest
@Import({SchoolDayClock.class, DigestPagesTest.Term.class})
@TestPropertySource(properties = "mentorbot.scheduler.initial-delay=24h") // no duty nudges appear among the known records
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DigestPagesTest {
    static final String SCHOOL = "main";
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static final String SCRIPT_NOTE = "英语课上黄佳怡说\"不想活了\"<script>alert('x')</script> & 请大家关注";

    /**
     * The test's own term (from 16 February), so the school's config/calendar.yml can change without changing
     * what is overdue here; the application's ledger picks it up.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class Term {
        @Bean
        @Primary
        SchoolCalendar testCalendar() {
            return new SchoolCalendar(List.of(new SchoolCalendar.Term("2026春", LocalDate.of(2026, 2, 16), LocalDate.of(2026, 7, 10),
                    LocalDate.of(2026, 7, 15))), List.of(), List.of());
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
        reminders.complete(List.of(done));
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
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + link)).build(),
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

    // (1) content

    @Test
    void theDigestNamesTheKeyStudentsAndWhyCountsEachStudentAndCoversEachMentor() {
        ConferenceDigest d = digests.build(SCHOOL, "C21", TODAY).orElseThrow();

        assertThat(d.from()).isEqualTo(LocalDate.of(2026, 2, 27));
        assertThat(d.previousConference()).isEqualTo(LocalDate.of(2026, 2, 27));
        assertThat(d.classHeadName()).isEqualTo("孙丽");
        assertThat(d.keyStudents()).extracting(KeyStudent::name).containsExactly("黄佳怡", "王子轩", "杨帆");
        KeyStudent huang = d.keyStudents().get(0);
        assertThat(huang.reasons()).singleElement().satisfies(r -> {
            assertThat(r.why()).isEqualTo(Why.FLAGGED);
            assertThat(r.flags()).containsExactlyInAnyOrder(Flag.PSYCH, Flag.SAFETY, Flag.FAMILY);
        });
        KeyStudent yang = d.keyStudents().get(2);
        assertThat(yang.is(Why.TALK_OVERDUE)).isTrue();
        assertThat(yang.reasons().get(0).overdueSince()).isEqualTo(day(3));
        assertThat(yang.reasons().get(0).overdueDays()).isEqualTo(8);
        assertThat(yang.reasons().get(0).lastTalk()).isEqualTo(LocalDate.of(2026, 2, 16));
        assertThat(yang.timeline()).isEmpty();
        assertThat(yang.tried()).extracting(Entry::note).containsExactly("开学谈话：杨帆的学习计划");

        StudentLine line = d.students().stream().filter(s -> s.studentId().equals("S06")).findFirst().orElseThrow();
        assertThat(List.of(line.individualTalks(), line.groupTalks(), line.parentContacts(), line.observations())).containsExactly(2, 0, 1, 2);
        StudentLine zhang = d.students().stream().filter(s -> s.studentId().equals("S01")).findFirst().orElseThrow();
        assertThat(List.of(zhang.individualTalks(), zhang.groupTalks(), zhang.parentContacts(), zhang.observations())).containsExactly(1, 1, 0, 0);
        assertThat(zhang.flags()).isEmpty();
        assertThat(d.students()).hasSize(16);

        assertThat(d.coverage()).extracting(MentorCoverage::name).containsExactly("刘洋", "孙丽", "赵强");
        MentorCoverage liu = d.coverage().get(0);
        assertThat(List.of(liu.mentees(), liu.menteesTalkedTo(), liu.individualTalks(), liu.groupTalks(), liu.parentContacts(), liu.overdueTalks()))
                .containsExactly(8, 7, 8, 1, 1, 1);
        assertThat(liu.covered()).containsExactlyInAnyOrder(Topic.THOUGHT, Topic.PSYCH, Topic.CAREER, Topic.LIFE);
        assertThat(liu.topics()).containsEntry(Topic.THOUGHT, 7).containsEntry(Topic.PSYCH, 2).containsEntry(Topic.ACADEMIC, 0);
        MentorCoverage sun = d.coverage().get(1);
        assertThat(List.of(sun.mentees(), sun.menteesTalkedTo(), sun.parentContacts())).containsExactly(4, 4, 0);
    }

    @Test
    void aKeyStudentsTimelineRunsInDateOrderAcrossEveryAuthorWithTheOpenFollowUps() {
        KeyStudent huang = digests.build(SCHOOL, "C21", TODAY).orElseThrow().keyStudents().get(0);

        assertThat(huang.timeline()).extracting(Entry::date).containsExactly(day(2), day(4), day(5), day(6), day(9));
        assertThat(huang.timeline()).extracting(Entry::recordId).containsSubsequence(observationByMentor, safetyObservation, callByClassHead, talkWithFollowUp);
        assertThat(huang.authors()).containsExactly("刘洋", "赵强", "孙丽");
        assertThat(huang.timeline()).extracting(e -> e.authorRole().name())
                .containsExactly("MENTOR", "MENTOR", "TEACHER", "CLASS_HEAD", "MENTOR");
        assertThat(huang.timeline()).extracting(Entry::recordId).doesNotContain(januaryRecord);
        assertThat(huang.openFollowUps()).singleElement().satisfies(f -> {
            assertThat(f.reminderId()).isEqualTo(followUpReminder);
            assertThat(f.dueOn()).isEqualTo(day(16));
            assertThat(f.personName()).isEqualTo("刘洋");
        });
        assertThat(huang.earlierDecisions()).extracting(Decision::id).containsExactly(decisionDone);
        assertThat(huang.tried()).extracting(Entry::date).containsExactly(day(2), day(6), day(9));
    }

    @Test
    void earlierDecisionsShowWhetherTheyHappenedAndWhy() {
        List<Decision> decisions = digests.build(SCHOOL, "C21", TODAY).orElseThrow().decisions();

        assertThat(decisions).extracting(Decision::id).containsExactly(decisionDone, decisionNotYet, decisionByRecords);
        Decision done = decisions.get(0);
        assertThat(done.remindersDone()).isTrue();
        assertThat(done.happened()).isTrue();
        Decision notYet = decisions.get(1);
        assertThat(notYet.happened()).isFalse();
        assertThat(notYet.reminders()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(Reminder.Status.PENDING));
        Decision byRecords = decisions.get(2);
        assertThat(byRecords.remindersDone()).isFalse();
        assertThat(byRecords.laterRecords()).extracting(Entry::note).containsExactly("例行谈心");
        assertThat(byRecords.happened()).isTrue();
    }

    @Test
    void theDigestPageShowsTheSameContentWithAChartPerStudentAndPerMentor() throws Exception {
        String html = page(links.digestPage("T02", "C21"));

        assertThat(html).contains("高二(1)班 学情会商材料", "自上次会商 2月27日 以来", "班主任：孙丽");
        assertThat(html).contains("全班 16 名学生。本期个别谈话 16 次，集体交流 1 次，家长联系 2 次，观察记录 3 条；重点学生 3 名。");
        assertThat(html.indexOf("id=\"s-S06\"")).isLessThan(html.indexOf("id=\"s-S03\"")).isLessThan(html.indexOf("id=\"s-S05\""));
        assertThat(html).contains("本期被标记：心理、家庭、安全", "个别谈话已逾期 8 天（自 3月3日 起；上次个别谈话：2月16日）");
        assertThat(html).contains("3月16日 刘洋：再找黄佳怡聊一次（待办）");
        assertThat(html).contains("已落实：相关提醒已全部完成", "尚未见落实", "已落实：决定后负责人已有 1 条相关记录");
        assertThat(html).doesNotContain("上学期的决定");
        assertThat(html).contains("/pages/digest/C21.xlsx?viewer=T02&amp;exp=");
        assertThat(svgs(html)).hasSize(2);
    }

    // (2) nothing missing when there is nothing to show

    @Test
    void aClassWithNoRecordsRendersWithoutNullsPlaceholdersOrBrokenCharts() throws Exception {
        String html = page(links.digestPage("T04", "C22"));
        assertComplete(html);
        assertThat(html).contains("高二(2)班 学情会商材料", "近 30 天", "本期个别谈话 0 次", "暂无往次会商决定。", "本期暂无关于该生的记录。");
        assertThat(svgs(html)).hasSize(2);

        jdbc.sql("insert into school_class (school_id, id, name, head_teacher_id) values ('main', 'C99', '高三(9)班', null)").update();
        rosters.forget(SCHOOL);
        try {
            String empty = page(links.digestPage("T05", "C99"));
            assertComplete(empty);
            assertThat(empty).contains("本班花名册中暂无学生。", "本期没有重点学生", "本班学生暂未分配导师。", "班主任：未分配");
        } finally {
            jdbc.sql("delete from school_class where school_id = 'main' and id = 'C99'").update();
            rosters.forget(SCHOOL);
        }
        String summary = page(links.summaryDraft("T05", "T05"));
        assertComplete(summary);
        assertThat(summary).contains("本学期暂无记录。", "本学期没有被标记的学生。");
        String growth = page(links.growthFile("T04", "S17"));
        assertComplete(growth);
        assertThat(growth).contains("共 0 条记录", "暂无记录。", "家长：父亲");
    }

    // (3) escaping

    @Test
    void scriptsAndAmpersandsInNotesAreEscapedOnEveryPage() throws Exception {
        String escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; 请大家关注";
        for (String link : List.of(links.digestPage("T02", "C21"), links.growthFile("T01", "S06"), links.summaryDraft("T01", "T01"),
                links.summaryDraft("T03", "T03"), links.studentPage("T02", "S06"))) {
            String html = page(link);
            assertThat(html).as(link).contains(escaped).doesNotContain("<script>").doesNotContain("alert('x')");
        }
        String digest = page(links.digestPage("T02", "C21"));
        assertThat(digest).contains("赵强老师检查李华的&lt;b&gt;英语作业&lt;/b&gt; &amp; 订正").doesNotContain("<b>英语作业");
    }

    // (4) the workbook

    @Test
    void theWorkbookDownloadsAndOpensWithTheFourSheetsAndTheirRows() throws Exception {
        HttpResponse<byte[]> response = get(links.digestPage("T02", "C21").replace("/pages/digest/C21?", "/pages/digest/C21.xlsx?"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("spreadsheetml"));
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(t -> assertThat(t).contains("attachment"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            assertThat(List.of(book.getSheetName(0), book.getSheetName(1), book.getSheetName(2), book.getSheetName(3)))
                    .containsExactly("概览", "重点学生", "导师覆盖", "会商决定");
            List<List<String>> glance = rows(book.getSheet("概览"));
            assertThat(glance.get(0)).startsWith("学生", "学号", "导师", "个别谈话", "集体交流", "家长联系", "观察记录", "标记");
            assertThat(glance).hasSize(17);
            assertThat(glance).anySatisfy(r -> assertThat(r).startsWith("黄佳怡", "S06", "刘洋", "2", "0", "1", "2"));

            List<List<String>> keys = rows(book.getSheet("重点学生"));
            assertThat(keys.subList(1, keys.size())).extracting(r -> r.get(0)).containsOnly("黄佳怡", "王子轩", "杨帆");
            assertThat(keys).filteredOn(r -> r.get(0).equals("黄佳怡")).hasSize(6); // five records and the open follow-up
            assertThat(keys).anySatisfy(r -> assertThat(r).contains(SCRIPT_NOTE));

            List<List<String>> coverage = rows(book.getSheet("导师覆盖"));
            assertThat(coverage.get(0)).contains("导师", "受导学生", "思想引导", "生涯规划");
            assertThat(coverage.subList(1, coverage.size())).extracting(r -> r.get(0)).containsExactly("刘洋", "孙丽", "赵强");

            List<List<String>> decisions = rows(book.getSheet("会商决定"));
            assertThat(decisions).hasSize(4);
            assertThat(decisions.get(2)).contains("赵强老师检查李华的<b>英语作业</b> & 订正");
            assertThat(decisions.get(2).get(5)).startsWith("尚未见落实");
        }
        HttpResponse<byte[]> forged = get(links.digestPage("T03", "C21").replace("/pages/digest/C21?", "/pages/digest/C21.xlsx?"));
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    // (5) growth file and summary

    @Test
    void theGrowthFileHoldsEveryRecordByMonthNewestLastWithFlagsAndFollowUps() throws Exception {
        String html = page(links.growthFile("T01", "S06"));
        assertThat(html).contains("黄佳怡 成长档案", "班级：高二(1)班", "导师：刘洋", "班主任：孙丽", "共 6 条记录");
        assertThat(html.indexOf("<h2>2026年1月</h2>")).isPositive().isLessThan(html.indexOf("<h2>2026年3月</h2>"));
        assertThat(html.indexOf("期末前黄佳怡情绪尚好")).isLessThan(html.indexOf("黄佳怡这两天情绪很低落"));
        assertThat(html.indexOf("黄佳怡这两天情绪很低落")).isLessThan(html.indexOf("和黄佳怡妈妈电话沟通"));
        assertThat(html.indexOf("和黄佳怡妈妈电话沟通")).isLessThan(html.indexOf("和黄佳怡单独谈心"));
        assertThat(html).contains("赵强（任课教师）", "孙丽（班主任）", "家长联系（电话）", "心理 2 次", "安全 1 次", "再找黄佳怡聊一次");
        for (long id : List.of(januaryRecord, observationByMentor, safetyObservation, callByClassHead, talkWithFollowUp)) {
            assertThat(html).contains("id=\"r" + id + "\"");
        }
        assertThat(page(links.growthFile("T02", "S03"))).contains("家长：祖母").doesNotContain("电话：");
    }

    @Test
    void theSummaryCountsTheTermAndLinksEveryStatementToARecordOnThePage() throws Exception {
        String html = page(links.summaryDraft("T01", "T01"));
        assertThat(html).contains("刘洋 导师工作总结（草稿）", "受导学生 8 名，本学期其中 8 名已有个别谈话", "个别谈话 9 次", "集体交流 1 次",
                "家长联系 1 次", "家访 1 次", "电话 0 次", "观察记录 1 条", "学业辅导：1 条记录", "黄佳怡（心理、家庭、安全）");
        assertThat(html).contains("赵强（任课教师）"); // the SAFETY observation behind the highlight is shown, so its link lands
        assertThat(html).doesNotContain("期末前黄佳怡情绪尚好"); // last term
        assertThat(html).contains("个别谈话", "已逾期", "杨帆");

        Matcher link = Pattern.compile("href=\"#r(\\d+)\"").matcher(html);
        List<String> targets = new ArrayList<>();
        while (link.find()) targets.add(link.group(1));
        assertThat(targets).contains(String.valueOf(talkWithFollowUp), String.valueOf(safetyObservation));
        assertThat(targets).allSatisfy(id -> assertThat(html).contains("<tr id=\"r" + id + "\">"));
        String individualStatement = html.substring(html.indexOf("个别谈话 9 次"), html.indexOf("</li>", html.indexOf("个别谈话 9 次")));
        assertThat(Pattern.compile("href=\"#r\\d+\"").matcher(individualStatement).results().count()).isEqualTo(9);
    }

    // (6) access

    @Test
    void forgedOrExpiredLinksAreRefusedPolitely() throws Exception {
        String good = links.digestPage("T02", "C21");
        HttpResponse<byte[]> forged = get(good.replaceAll("sig=[^&]+", "sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(new String(forged.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("链接无效或已过期");
        assertThat(status(good.replace("viewer=T02", "viewer=T05"))).isEqualTo(403);
        assertThat(status(good.replaceAll("&sig=[^&]+", ""))).isEqualTo(403);
        assertThat(status(links.growthFile("T02", "S06").replace("/pages/growth/S06", "/pages/growth/S07"))).isEqualTo(403);
        assertThat(status(links.studentPage("T02", "S06").replaceAll("sig=[^&]+", "sig=x"))).isEqualTo(403);

        String growth = links.growthFile("T01", "S06");
        String summary = links.summaryDraft("T01", "T01");
        clock.advance(Duration.ofDays(8));
        for (String expired : List.of(good, growth, summary)) assertThat(status(expired)).as(expired).isEqualTo(403);
    }

    @Test
    void onlyTheClassHeadOrAnAdminOpensTheDigestAndOnlyThoseWhoMayReadOpenTheRest() throws Exception {
        assertThat(status(links.digestPage("T02", "C21"))).isEqualTo(200);
        assertThat(status(links.digestPage("T05", "C21"))).isEqualTo(200);
        HttpResponse<byte[]> notHead = get(links.digestPage("T03", "C21"));
        assertThat(notHead.statusCode()).isEqualTo(403);
        assertThat(new String(notHead.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("只对本班班主任和管理员开放").doesNotContain("黄佳怡");
        assertThat(status(links.digestPage("T01", "C21"))).isEqualTo(403);
        assertThat(status(links.digestPage("T04", "C21"))).isEqualTo(403);
        assertThat(status(links.digestPage("P01", "C21"))).isEqualTo(403);

        assertThat(status(links.growthFile("T01", "S06"))).isEqualTo(200);
        assertThat(status(links.growthFile("T02", "S06"))).isEqualTo(200);
        assertThat(status(links.growthFile("T03", "S06"))).isEqualTo(403);
        assertThat(status(links.growthFile("P01", "S01"))).isEqualTo(403);

        assertThat(status(links.summaryDraft("T05", "T01"))).isEqualTo(200);
        assertThat(status(links.summaryDraft("T02", "T01"))).isEqualTo(403);
        assertThat(status(links.summaryDraft("P01", "P01"))).isEqualTo(403);
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

    static List<List<String>> rows(Sheet sheet) {
        DataFormatter format = new DataFormatter();
        List<List<String>> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.getLastCellNum(); c++) cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
            rows.add(cells);
        }
        return rows;
    }
}
