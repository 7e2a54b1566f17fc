package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import app.mentorbot.adapters.api.testing.FakeChat;
import app.mentorbot.bot.schedule.SlotScheduler;
import app.mentorbot.bot.testing.ChatTest;
import app.mentorbot.bot.testing.SchoolDayClock;
import app.mentorbot.bot.testing.TestClock;
import app.mentorbot.conversations.dialogue.Links;
import app.mentorbot.conversations.duties.Duty;
import app.mentorbot.conversations.duties.DutyState;
import app.mentorbot.conversations.duties.Ledger;
import app.mentorbot.conversations.schedule.SchoolCalendar;

/**
 * A school with student accounts on: 李华 (S02, mentor 刘洋 T01, 高二(1)班 headed by 孙丽 T02) binds
 * a phone with the code 刘洋 asked for, writes to 刘洋 through the relay, is asked for a half-month
 * report after 15 counting days, answers, and 刘洋 sees it; a safety phrase in a later report reaches
 * the class head. The tests run in order on one moving clock (the outbox and questions are shared).
 */
@ChatTest
@Import(SchoolDayClock.class)
@TestPropertySource(properties = "mentorbot.school.duties.student-reports=true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StudentReportTest {
    static final String PHONE = "lihua-phone";
    static final ZonedDateTime BOUND_AT = SchoolDayClock.TUESDAY_AFTERNOON;

    @Autowired
    FakeChat chat;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    SlotScheduler scheduler;
    @Autowired
    Ledger ledger;
    @Autowired
    Links links;
    @Autowired
    WebApplicationContext web;

    /** The afternoon reminder slot of a day, a minute after it starts. */
    private void afternoonSlotOf(LocalDate day) {
        clock.set(day.atTime(16, 31).atZone(SchoolCalendar.ZONE));
        scheduler.runDue(clock.instant());
    }

    /** The school day a student last asked on {@code asked} is asked again: 15 counting days on. */
    private LocalDate nextAsk(LocalDate asked) {
        LocalDate next = ledger.rules("main").calendar().afterCountingDays(asked, 15);
        while (!ledger.rules("main").calendar().isSchoolDay(next)) next = next.plusDays(1);
        return next;
    }

    private long reportsAbout(String studentId) {
        return jdbc.sql("select count(*) from record r join record_student s on s.record_id = r.id "
                + "where s.student_id = ? and r.kind = 'STUDENT_REPORT' and r.author_id = 'T01' and r.deleted_at is null")
                .param(studentId).query(Long.class).single();
    }

    private int status(String page, String link) throws Exception {
        return MockMvcBuilders.webAppContextSetup(web).build().perform(get(URI.create(link))).andReturn().getResponse().getStatus();
    }

    @Test
    @Order(1)
    void aStudentBindsWithTheStudentCodeTheirMentorAskedForAndWritesToTheMentor() throws Exception {
        clock.set(BOUND_AT);
        String code;
        try (FakeChat.Phone liu = chat.as("T01")) {
            String issued = liu.ask("给李华一个学生绑定码");
            assertThat(issued).contains("李华 的学生绑定码");
            Matcher m = Pattern.compile("(\\d{6})").matcher(issued);
            assertThat(m.find()).as(issued).isTrue();
            code = m.group(1);
        }
        try (FakeChat.Phone lihua = chat.as(PHONE); FakeChat.Phone liu = chat.as("T01")) {
            assertThat(lihua.ask("绑定 " + code)).contains("绑定成功").contains("刘洋老师");
            assertThat(lihua.ask("刘老师，我想下周找您聊聊选科")).contains("已转达给刘洋老师");
            String relayed = liu.pushContaining("选科");
            assertThat(relayed).startsWith("李华（学生）：").contains("回复学生李华").doesNotContain(PHONE);

            assertThat(liu.ask("回复学生李华 好的，周四下午来办公室找我")).contains("已发送给李华");
            assertThat(lihua.pushContaining("周四下午")).startsWith("刘洋老师：");
        }
        assertThat(jdbc.sql("select count(*) from relay_message where student_id = 'S02' and writer = 'STUDENT'").query(Long.class).single())
                .isEqualTo(2);
        assertThat(reportsAbout("S02")).as("a message is not a report").isZero();
    }

    @Test
    @Order(2)
    void onTheFifteenthCountingDayTheStudentIsAskedAndTheMentorSeesTheAnswer() throws Exception {
        LocalDate day15 = ledger.rules("main").calendar().afterCountingDays(BOUND_AT.toLocalDate(), 15);
        assertThat(day15).isEqualTo(LocalDate.of(2026, 3, 25));
        try (FakeChat.Phone lihua = chat.as(PHONE); FakeChat.Phone liu = chat.as("T01")) {
            afternoonSlotOf(day15.minusDays(1));
            assertThat(lihua.quietFor(Duration.ofMillis(1500))).as("not asked on day 14").isTrue();

            afternoonSlotOf(day15);
            String question = lihua.pushContaining("半月汇报");
            assertThat(question).startsWith("李华，你好").contains("刘洋老师").contains("学习").contains("生活").contains("心情");
            afternoonSlotOf(day15); // the same slot again: asked once
            assertThat(lihua.quietFor(Duration.ofMillis(1000))).isTrue();

            clock.set(day15.atTime(19, 5).atZone(SchoolCalendar.ZONE));
            String answer = lihua.ask("这两周数学进步了一点，住校生活挺好的，就是有点想家，心情还可以");
            assertThat(answer).contains("收到啦").contains("刘洋老师");
            assertThat(liu.pushContaining("半月汇报")).startsWith("李华交了半月汇报：").contains("想家");
        }
        assertThat(reportsAbout("S02")).isEqualTo(1);
        assertThat(jdbc.sql("select event_date::text from record where kind = 'STUDENT_REPORT'").query(String.class).single())
                .isEqualTo("2026-03-25");

        String page = MockMvcBuilders.webAppContextSetup(web).build().perform(get(URI.create(links.growthFile("main", "T01", "S02"))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("半月汇报").contains("想家");
    }

    @Test
    @Order(3)
    void theLedgerCountsTheReportAndShowsTheStudentLateWhenTheNextOneDoesNotCome() {
        LocalDate reported = LocalDate.of(2026, 3, 25);
        DutyState done = ledger.mentor("main", "T01", reported.plusDays(1)).studentReports().get(0);
        assertThat(done.duty()).isEqualTo(Duty.STUDENT_REPORT);
        assertThat(done.subject()).isEqualTo("S02");
        assertThat(done.status()).isEqualTo(DutyState.Status.DONE);
        assertThat(done.lastDone()).isEqualTo(reported);

        LocalDate late = ledger.rules("main").calendar().afterCountingDays(reported, 19);
        DutyState overdue = ledger.mentor("main", "T01", late).studentReports().get(0);
        assertThat(overdue.status()).isEqualTo(DutyState.Status.OVERDUE);
        assertThat(ledger.mentor("main", "T01", late).attention()).contains(overdue);
        assertThat(ledger.mentor("main", "T04", late).studentReports()).as("only mentees with an account report").isEmpty();
    }

    @Test
    @Order(4)
    void aSafetyPhraseInAStudentsReportReachesTheClassHeadAtOnce() throws Exception {
        LocalDate next = nextAsk(LocalDate.of(2026, 3, 25));
        try (FakeChat.Phone lihua = chat.as(PHONE); FakeChat.Phone liu = chat.as("T01"); FakeChat.Phone sun = chat.as("T02")) {
            afternoonSlotOf(next);
            assertThat(lihua.pushContaining("半月汇报")).contains("心情");
            clock.set(next.atTime(17, 0).atZone(SchoolCalendar.ZONE));
            String answer = lihua.ask("学习还行。宿舍里有人打我，我不想活了");
            assertThat(answer).contains("班主任").contains("110");
            assertThat(liu.pushContaining("不想活了")).startsWith("【紧急·学生反映安全情况】").contains("李华交了半月汇报");
            assertThat(sun.pushContaining("不想活了")).startsWith("【紧急·学生反映安全情况】").contains("李华");
        }
        assertThat(jdbc.sql("select count(*) from record where kind = 'STUDENT_REPORT' and 'SAFETY' = any(flags)").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    @Order(5)
    void aStudentSeesNoRecordsAndNoOtherStudent() throws Exception {
        try (FakeChat.Phone lihua = chat.as(PHONE); FakeChat.Phone liu = chat.as("T01")) {
            for (String asking : new String[] {"张小明最近的记录", "李华的成长档案", "我这周还有谁没谈过"}) {
                String answer = lihua.ask(asking);
                assertThat(answer).as(asking).contains("已转达").doesNotContain("最近记录").doesNotContain("http").doesNotContain("张小明：");
                assertThat(liu.pushContaining(asking)).startsWith("李华（学生）：");
            }
            assertThat(lihua.ask("撤销")).contains("已转达");
        }
        assertThat(status("records", links.studentPage("main", "S02", "S01"))).isEqualTo(403);
        assertThat(status("own records", links.studentPage("main", "S02", "S02"))).isEqualTo(403);
        assertThat(status("growth file", links.growthFile("main", "S02", "S02"))).isEqualTo(403);
        assertThat(reportsAbout("S02")).as("nothing was undone").isEqualTo(2);
    }

    @Test
    @Order(6)
    void aDescribedSituationInAReportAsksTheMentorAndTheClassHeadHearsOnTheirWord() throws Exception {
        LocalDate next = nextAsk(nextAsk(LocalDate.of(2026, 3, 25)));
        try (FakeChat.Phone lihua = chat.as(PHONE); FakeChat.Phone liu = chat.as("T01"); FakeChat.Phone sun = chat.as("T02")) {
            afternoonSlotOf(next);
            assertThat(lihua.pushContaining("半月汇报")).contains("心情");
            clock.set(next.atTime(17, 0).atZone(SchoolCalendar.ZONE));
            String answer = lihua.ask("学习还行，但是宿舍里有人一直打我，我有时候不想活了");
            assertThat(answer).contains("刘洋老师").contains("110");
            assertThat(liu.pushContaining("打我")).startsWith("【").contains("李华交了半月汇报");
            if (!answer.contains("班主任")) { // read as a described situation: the mentor is asked, as for a teacher's note
                assertThat(sun.quietFor(Duration.ofMillis(500))).isTrue();
                assertThat(liu.ask("通知")).contains("孙丽老师");
            }
            assertThat(sun.pushContaining("打我")).startsWith("【紧急").contains("李华");
        }
    }

    @Test
    @Order(7)
    void theMentorsWeeklySummaryShowsWhoseReportIsLate() throws Exception {
        LocalDate friday = nextAsk(nextAsk(LocalDate.of(2026, 3, 25)));
        while (friday.getDayOfWeek() != java.time.DayOfWeek.FRIDAY || !ledger.rules("main").calendar().isSchoolDay(friday)
                || ledger.mentor("main", "T01", friday).studentReports().get(0).status() != DutyState.Status.OVERDUE) {
            friday = friday.plusDays(1);
        }
        try (FakeChat.Phone liu = chat.as("T01")) {
            afternoonSlotOf(friday);
            assertThat(liu.pushContaining("本周小结")).contains("半月汇报未交：李华");
        }
    }

    @org.springframework.beans.factory.annotation.Value("${spring.datasource.url}")
    String datasourceUrl;

    @Test
    @Order(8)
    void anInvitationLinkMakesAStudentAccountToo() throws Exception {
        RosterImportCommandTest.Run run = RosterImportCommandTest.capture(() -> app.mentorbot.bot.cli.InviteCommand.run(
                StudentAccountsOffTest.invite(datasourceUrl, "S01", "--mentorbot.school.duties.student-reports=true")));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("/?token=");
        assertThat(jdbc.sql("select count(*) from student_account where student_id = 'S01'").query(Long.class).single()).isEqualTo(1);
    }
}
