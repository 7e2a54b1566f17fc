package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.adapters.api.testing.FakeChat;
import app.mentorbot.bot.testing.ChatTest;
import app.mentorbot.bot.testing.SchoolDayClock;
import app.mentorbot.bot.testing.TestClock;
import app.mentorbot.conversations.duties.DutyState;
import app.mentorbot.conversations.duties.Ledger;
import app.mentorbot.conversations.reminders.Reminder;
import app.mentorbot.conversations.reminders.ReminderBook;

/**
 * A student who changes mentor takes their open reminders and their duties along: 刘洋 (T01) has a follow-up about
 * 李华 (S02) and a nudge that 李华's talk is overdue; 孙丽 (T02, head of 高二(1)班) moves 李华 to herself and confirms.
 * The follow-up is hers now, the nudge is gone, 刘洋 is no longer told about 李华, and 孙丽's talk clock for 李华
 * starts on the day she took him (10 March), not on the term's first day (24 February).
 */
@ChatTest
@Import(SchoolDayClock.class)
class MentorChangeTest {
    @Autowired
    ReminderBook reminders;
    @Autowired
    FakeChat chat;
    @Autowired
    Environment env;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Ledger ledger;
    @Autowired
    TestClock clock;

    String holderOf(String reminderText) {
        return jdbc.sql("select person_id || ' ' || status from reminder where text like ?").param("%" + reminderText + "%")
                .query(String.class).single();
    }

    DutyState talkDutyFor(String mentor, String student, LocalDate day) {
        return ledger.mentor("main", mentor, day).individualTalks().stream().filter(d -> d.subject().equals(student)).findFirst().orElseThrow();
    }

    @Test
    void aMovedStudentsFollowUpsGoToTheNewMentorTheOldMentorsNudgeAboutThemGoesAndTheirDutiesCountFromTheMove() throws Exception {
        RosterImportCommandTest.Run run = MentorMatchingTest.match(env, "../config/example-choices.csv");
        assertThat(run.exit()).as(run.err()).isZero();
        LocalDate today = SchoolDayClock.TUESDAY_AFTERNOON.toLocalDate();
        // this morning's nudges: 刘洋 has not talked with 李华 alone this term; one reminder is about 李华 and 张小明 together
        reminders.add("main", "T01", Reminder.Kind.DUTY, "李华：本学期还没有单独谈话，已逾期", today, List.of("S02"), null, null, null, "test-nudge", clock.instant());
        reminders.add("main", "T01", Reminder.Kind.EXPLICIT, "约李华和张小明一起复盘月考", today.plusDays(3), List.of("S02", "S01"), null, null, null, null,
                clock.instant());
        assertThat(talkDutyFor("T01", "S02", today).status()).isEqualTo(DutyState.Status.OVERDUE);

        try (FakeChat.Phone sun = chat.as("T02"); FakeChat.Phone liu = chat.as("T01")) {
            assertThat(liu.ask("给李华爸爸打了电话，孩子数学跟不上，下周一再跟进一下")).startsWith("已记录：");
            assertThat(liu.ask("我的任务")).contains("李华", "跟进");

            assertThat(sun.ask("把李华调给孙老师")).startsWith("好的，已把 李华 调给 孙丽老师");
            assertThat(sun.ask("确认导师分配")).startsWith("已确认：");

            String sunsTasks = sun.ask("我的任务");
            assertThat(sunsTasks).contains("新受导学生 李华：3月10日起由你负责（原导师 刘洋老师，有关这名学生的待办提醒已一并转给你）")
                    .contains("提醒：跟进").as("no overdue talk with 李华 on the day she took him").doesNotContain("李华：已");
            assertThat(liu.ask("我的任务")).as("刘洋 is told nothing more about 李华 alone").doesNotContain("跟进", "李华：", "新受导学生 李华")
                    .contains("约李华和张小明一起复盘月考");
        }
        assertThat(jdbc.sql("select person_id from reminder where kind = 'FOLLOW_UP'").query(String.class).list()).containsExactly("T02");
        assertThat(jdbc.sql("select count(*) from reminder where kind = 'DUTY' and status = 'PENDING' and person_id = 'T01' and 'S02' = any(student_ids)")
                .query(Long.class).single()).as("no nudge about 李华 is left for 刘洋").isZero();
        assertThat(jdbc.sql("select status from reminder where dedupe_key = 'test-nudge'").query(String.class).single()).isEqualTo("CANCELLED");
        assertThat(holderOf("一起复盘月考")).as("a reminder about a student 刘洋 keeps stays his").isEqualTo("T01 PENDING");

        DutyState hers = talkDutyFor("T02", "S02", today);
        assertThat(hers.status()).isEqualTo(DutyState.Status.DUE);
        assertThat(hers.dueBy()).as("14 counting days from 10 March").isAfter(today.plusDays(13));
        assertThat(talkDutyFor("T02", "S02", today.plusDays(10)).status()).as("still in time ten days on").isNotEqualTo(DutyState.Status.OVERDUE);
        assertThat(ledger.mentor("main", "T02", today).parentContacts().stream().filter(d -> d.subject().equals("S02")).findFirst().orElseThrow()
                .needed()).as("two contacts a term, for the part of the term left").isEqualTo(2);
        assertThat(ledger.mentor("main", "T01", today).individualTalks()).extracting(DutyState::subject).doesNotContain("S02");
    }
}
