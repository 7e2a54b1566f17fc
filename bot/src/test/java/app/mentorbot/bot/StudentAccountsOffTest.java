package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.adapters.api.testing.FakeChat;
import app.mentorbot.bot.testing.ChatTest;
import app.mentorbot.bot.testing.SchoolDayClock;
import app.mentorbot.conversations.dialogue.StudentReports;
import app.mentorbot.conversations.duties.Ledger;

/**
 * A school that has not turned student accounts on (the default: mentorbot.school.duties.student-reports
 * is false): no student gets a code, a student who reaches the bot anyway is told so kindly and nothing
 * reaches the mentor, and no half-month report is due or asked. Demo school: 李华 (S02), mentor 刘洋 (T01).
 */
@ChatTest
@Import(SchoolDayClock.class)
class StudentAccountsOffTest {
    @Autowired
    FakeChat chat;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Ledger ledger;
    @Autowired
    StudentReports reports;
    @org.springframework.beans.factory.annotation.Value("${spring.datasource.url}")
    String datasourceUrl;

    /** {@code invite} as an admin runs it, on this test's database. */
    static String[] invite(String datasourceUrl, String... more) {
        java.util.List<String> a = new java.util.ArrayList<>(java.util.List.of(more));
        a.add("--spring.datasource.url=" + datasourceUrl);
        a.add("--spring.datasource.username=" + app.mentorbot.bot.testing.TestDatabase.user());
        a.add("--spring.datasource.password=" + app.mentorbot.bot.testing.TestDatabase.password());
        return a.toArray(String[]::new);
    }

    @Test
    void anInvitationLinkForAStudentIsRefusedWithTheReason() throws Exception {
        RosterImportCommandTest.Run run = RosterImportCommandTest.capture(
                () -> app.mentorbot.bot.cli.InviteCommand.run(invite(datasourceUrl, "S02")));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("还没有开通学生账号");
        assertThat(run.out()).doesNotContain("token=");
    }

    @Test
    void aMentorAskingForAStudentCodeIsToldPolitelyThatTheSchoolHasNoStudentAccounts() throws Exception {
        try (FakeChat.Phone liu = chat.as("T01")) {
            assertThat(liu.ask("给李华一个学生绑定码")).contains("还没有开通学生账号").doesNotContainPattern("\\d{6}");
            assertThat(liu.ask("学生绑定码 李华")).contains("还没有开通学生账号");
        }
        assertThat(jdbc.sql("select count(*) from binding_code where person_id = 'S02'").query(Long.class).single()).isZero();
    }

    @Test
    void aStudentWhoReachesTheBotAnywayIsToldKindlyAndTheMentorHearsNothing() throws Exception {
        try (FakeChat.Phone lihua = chat.as("S02"); FakeChat.Phone liu = chat.as("T01")) {
            assertThat(lihua.ask("刘老师好，我想找您聊聊")).contains("还没有开通学生账号").contains("导师");
            assertThat(liu.quietFor(Duration.ofMillis(800))).isTrue();
        }
        assertThat(jdbc.sql("select count(*) from relay_message where student_id = 'S02'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from student_account").query(Long.class).single()).isZero();
    }

    @Test
    void noHalfMonthReportIsDueOrAsked() {
        LocalDate later = LocalDate.of(2026, 4, 20);
        assertThat(reports.register("main", "S02")).isFalse();
        assertThat(reports.askDue("main", later)).isEmpty();
        assertThat(ledger.mentor("main", "T01", later).studentReports()).isEmpty();
    }
}
