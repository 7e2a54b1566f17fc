package app.mentorbot.bot.district;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import app.mentorbot.bot.cli.MatchCommand;
import app.mentorbot.bot.schedule.SlotScheduler;
import app.mentorbot.bot.testing.ChatClient;
import app.mentorbot.bot.testing.RunningBot;
import app.mentorbot.bot.testing.TestClock;
import app.mentorbot.bot.testing.TestDatabase;
import app.mentorbot.conversations.duties.Duty;
import app.mentorbot.conversations.duties.DutyState;
import app.mentorbot.conversations.duties.Ledger;
import app.mentorbot.conversations.roster.RosterJson;
import app.mentorbot.conversations.roster.RosterStore;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * Two schools of one deployment with calendars and duties of their own: the home school west keeps the deployment's
 * (config/calendar.yml and duties.yml), east sets a holiday on Wednesday 18 March 2026 (校庆), a 7-day individual-talk
 * rule where west has 14, and its weekly summary on Thursday where west has Friday. Both have the same roster; each
 * school's 刘洋 talked with 张小明 on Tuesday 10 March and asked to be reminded on 18 March. The clock only moves on.
 * East also pairs mentors with 2 seats each where the deployment has 8.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchoolsOwnCalendarsTest {
    private static final Map<String, String> SETTINGS = Map.of(
            "mentorbot.scheduler.initial-delay", "1h",
            "mentorbot.school-id", "west",
            "mentorbot.demo-records", "false",
            "mentorbot.schools.east.holidays[0].name", "校庆",
            "mentorbot.schools.east.holidays[0].from", "2026-03-18",
            "mentorbot.schools.east.duties.individual-talk-days", "7",
            "mentorbot.schools.east.schedule.weekly-summary-day", "THURSDAY",
            "mentorbot.schools.east.duties.mentor-capacity", "2",
            "mentorbot.schools.nowhere.duties.individual-talk-days", "5");
    private static String db;
    private static RunningBot bot;
    private static RunningBot second;
    private static final List<String> warnings = new ArrayList<>();
    private static final List<String> filed = new ArrayList<>();

    @BeforeAll
    static void twoSchoolsWithCalendarsOfTheirOwn() throws Exception {
        db = TestDatabase.newDatabase();
        bot = RunningBot.start(db, SETTINGS);
        String example = Files.readString(Path.of("../config/example-school.json"));
        bot.bean(TransactionTemplate.class).executeWithoutResult(s -> bot.bean(RosterStore.class).replace("east",
                RosterJson.read(new ByteArrayInputStream(example.replace("示范中学（演示）", "东城中学").getBytes(StandardCharsets.UTF_8)))));
        // a second instance starts once east is imported: of the configured schools, only "nowhere" has no roster
        Logger logger = (Logger) LoggerFactory.getLogger("app.mentorbot.bot.schools.UnknownSchoolsWarning");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        logger.addAppender(captured);
        try {
            second = RunningBot.start(db, SETTINGS);
        } finally {
            logger.detachAppender(captured);
        }
        captured.list.stream().filter(e -> e.getLevel() == Level.WARN).forEach(e -> warnings.add(e.getFormattedMessage()));
        try (ChatClient west = ChatClient.as(bot.port(), "T01"); ChatClient east = ChatClient.as(bot.port(), "T01@east")) {
            for (ChatClient c : List.of(west, east)) {
                filed.add(c.replyTo(c.say("今天和张小明单独谈心，聊了学习计划")));
                filed.add(c.replyTo(c.say("提醒我3月18号交成长档案")));
            }
        }
    }

    @AfterAll
    static void stop() {
        if (second != null) second.close();
        if (bot != null) bot.close();
    }

    @Test
    @Order(1)
    void aSchoolIdInConfigThatNamesNoImportedSchoolGetsOneWarningAtStart() {
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("for [nowhere], which name no imported school").contains("--school=ID");
    }

    @Test
    @Order(2)
    void theSameGapSinceATalkIsOverdueForEastsMentorAndNotForWests() {
        assertThat(filed).hasSize(4);
        assertThat(List.of(filed.get(0), filed.get(2))).allMatch(r -> r.startsWith("已记录") && r.contains("张小明"));
        assertThat(List.of(filed.get(1), filed.get(3))).allMatch(r -> r.contains("3月18日") && r.contains("成长档案"));
        LocalDate thursday = LocalDate.of(2026, 3, 19);
        DutyState east = talkWithZhang("east", thursday);
        DutyState west = talkWithZhang("west", thursday);
        assertThat(east.status()).isEqualTo(DutyState.Status.OVERDUE);
        assertThat(east.needed()).isEqualTo(7);
        assertThat(east.count()).as("counting days since the talk: 11-19 March less east's holiday").isEqualTo(8);
        assertThat(west.status()).isEqualTo(DutyState.Status.DONE);
        assertThat(west.needed()).isEqualTo(14);
        assertThat(west.count()).isEqualTo(9);
    }

    @Test
    @Order(3)
    void onEastsHolidayWestsReminderSlotRunsAndEastsDoesNotAndEastsComesTheNextSchoolDay() {
        runAt("2026-03-18T07:30:00");
        runAt("2026-03-18T16:30:00");
        assertThat(slots("reminders", "03-18")).containsExactly("west 07:30", "west 16:30");
        assertThat(reminders("west")).as("west's 18 March reminder, on the day").hasSize(1);
        assertThat(reminders("east")).as("nothing for east on its holiday").isEmpty();
        runAt("2026-03-19T07:30:00");
        assertThat(slots("reminders", "03-19")).containsExactly("east 07:30", "west 07:30");
        assertThat(reminders("east")).as("east's, the next school day").hasSize(1);
        assertThat(reminders("west")).as("west's only once").hasSize(1);
    }

    @Test
    @Order(4)
    void eastsWeeklySummaryGoesOutOnThursdayAndWestsOnFriday() {
        runAt("2026-03-19T16:30:00");
        assertThat(slots("weekly-summary", "03-19")).containsExactly("east 16:30");
        assertThat(summaries("east")).hasSize(1);
        assertThat(summaries("west")).isEmpty();
        runAt("2026-03-20T16:30:00");
        assertThat(slots("weekly-summary", "03-20")).containsExactly("west 16:30");
        assertThat(summaries("west")).hasSize(1);
        assertThat(summaries("east")).as("Thursday's, not again on Friday").hasSize(1);
    }

    @Test
    @Order(5)
    void matchForEastPairsWithEastsMentorCapacityAndForWestWithTheDeployments() throws Exception {
        assertThat(match("--school=east")).contains("每位导师 2 个名额", "名额不足", "mentorbot.schools.east.duties 的 mentor-capacity");
        assertThat(match()).as("west sets none: duties.yml's").contains("每位导师 8 个名额").doesNotContain("mentorbot.schools");
    }

    /** {@code match config/example-choices.csv} beside the running bot, with the bot's settings; what it prints. */
    private static String match(String... school) throws Exception {
        List<String> args = new ArrayList<>(List.of("../config/example-choices.csv", "--spring.datasource.url=" + db,
                "--spring.datasource.username=" + TestDatabase.user(), "--spring.datasource.password=" + TestDatabase.password()));
        args.addAll(List.of(school));
        SETTINGS.forEach((k, v) -> args.add("--" + k + "=" + v));
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertThat(MatchCommand.run(args.toArray(String[]::new))).isZero();
        } finally {
            System.setOut(out);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static DutyState talkWithZhang(String schoolId, LocalDate day) {
        return bot.bean(Ledger.class).mentor(schoolId, "T01", day).individualTalks().stream()
                .filter(d -> d.duty() == Duty.INDIVIDUAL_TALK && "S01".equals(d.subject())).findFirst().orElseThrow();
    }

    private static void runAt(String local) {
        ZonedDateTime when = ZonedDateTime.parse(local + "+08:00[Asia/Shanghai]");
        bot.bean(TestClock.class).set(when);
        bot.bean(SlotScheduler.class).runDue(when.toInstant());
    }

    /** The schools and times a job ran for on one day (MM-DD), as "school HH:MM". */
    private static List<String> slots(String job, String day) {
        return bot.jdbc().sql("select school_id || ' ' || to_char(slot_at at time zone 'Asia/Shanghai', 'HH24:MI') from slot_run "
                        + "where job = ? and to_char(slot_at at time zone 'Asia/Shanghai', 'MM-DD') = ? order by 1")
                .params(job, day).query(String.class).list();
    }

    /** The reminder batches (on its day, or late) that carried the 18 March reminder to the school's 刘洋. */
    private static List<String> reminders(String schoolId) {
        return bodiesTo(schoolId).stream().filter(b -> (b.startsWith("今天的提醒") || b.startsWith("提醒（")) && b.contains("成长档案")).toList();
    }

    private static List<String> summaries(String schoolId) {
        return bodiesTo(schoolId).stream().filter(b -> b.startsWith("本周小结")).toList();
    }

    private static List<String> bodiesTo(String schoolId) {
        return bot.jdbc().sql("select body from outbox where school_id = ? and recipient_id = 'T01' order by id")
                .params(schoolId).query(String.class).list();
    }
}
