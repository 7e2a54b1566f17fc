package app.mentorbot.conversations.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.SchoolClass;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.roster.Teacher;
import app.mentorbot.conversations.schedule.SchoolCalendar;
import app.mentorbot.conversations.text.Texts;
import app.mentorbot.conversations.understanding.Flag;
import app.mentorbot.conversations.understanding.Kind;
import app.mentorbot.conversations.understanding.TalkType;
import app.mentorbot.conversations.understanding.Topic;

/** How a stage assessment is drafted, changed, dated and worded for a family, without a database. */
class StageAssessmentRulesTest {
    static final Texts TEXTS = Texts.chinese();
    static final SchoolCalendar CALENDAR = new SchoolCalendar(
            List.of(new SchoolCalendar.Term("2026秋", d("2026-09-01"), d("2027-01-22"), d("2027-01-15")),
                    new SchoolCalendar.Term("2027春", d("2027-02-22"), d("2027-07-09"), d("2027-07-02"))),
            List.of(new SchoolCalendar.DateRange(d("2026-10-01"), d("2026-10-07"), "国庆节")),
            List.of(new SchoolCalendar.DateRange(d("2026-11-09"), d("2026-11-13"), "期中考试"),
                    new SchoolCalendar.DateRange(d("2027-01-18"), d("2027-01-22"), "期末考试")));
    static final AssessmentDays DEFAULT_DAYS = new AssessmentDays(List.of(), CALENDAR, "{0}评估", "阶段评估");
    static final AssessmentDays.Stage MIDTERM = new AssessmentDays.Stage("2026秋", "期中评估", d("2026-09-01"));

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    static Record note(String day, Set<Topic> topics, Set<Flag> flags) {
        return new Record(1L, "main", "T01", Kind.TALK, TalkType.INDIVIDUAL, null, d(day), null, topics, flags, List.of("S02"),
                "数学越来越跟不上", List.of(), null, Instant.EPOCH);
    }

    StageAssessment draft(List<Record> records) {
        return new AssessmentDrafter(TEXTS).draft("S02", MIDTERM, MIDTERM.from(), d("2026-11-16"), records);
    }

    @Test
    void withoutConfiguredPointsTheMondayAfterEachExamWeekIsAnAssessmentDayNamedAfterTheExam() {
        assertThat(DEFAULT_DAYS.points()).extracting(AssessmentDays.Point::name, AssessmentDays.Point::on)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("期中评估", d("2026-11-16")),
                        org.assertj.core.groups.Tuple.tuple("期末评估", d("2027-01-25")));
        assertThat(DEFAULT_DAYS.promptedOn(d("2026-11-16"))).map(AssessmentDays.Point::name).contains("期中评估");
        assertThat(DEFAULT_DAYS.promptedOn(d("2027-01-25"))).as("after the term: its last school day before").isEmpty();
        assertThat(DEFAULT_DAYS.promptedOn(d("2027-01-22"))).map(AssessmentDays.Point::name).contains("期末评估");
    }

    @Test
    void aStageRunsFromThePreviousPointOrTheTermsStartAndALateAssessmentIsStillForItsStage() {
        assertThat(DEFAULT_DAYS.stageFor(d("2026-10-20"))).isEqualTo(new AssessmentDays.Stage("2026秋", "期中评估", d("2026-09-01")));
        assertThat(DEFAULT_DAYS.stageFor(d("2026-11-20"))).as("four days late").extracting(AssessmentDays.Stage::name).isEqualTo("期中评估");
        assertThat(DEFAULT_DAYS.stageFor(d("2026-12-10"))).isEqualTo(new AssessmentDays.Stage("2026秋", "期末评估", d("2026-11-17")));
        assertThat(DEFAULT_DAYS.stageFor(d("2027-03-10"))).as("a term without points").extracting(AssessmentDays.Stage::name).isEqualTo("阶段评估");
        assertThat(DEFAULT_DAYS.yearStart(d("2027-06-01"))).isEqualTo(d("2026-09-01"));
        assertThat(DEFAULT_DAYS.yearEndReviewDay(d("2027-07-02"))).isTrue();
        assertThat(DEFAULT_DAYS.yearEndReviewDay(d("2027-01-15"))).as("the first term's summary day").isFalse();
    }

    @Test
    void aFlagStillStandingIsNeedsAttentionAFlagFollowedByCalmerRecordsIsFairAndRecordsWithoutFlagsAreFairlyGood() {
        StageAssessment a = draft(List.of(
                note("2026-10-09", Set.of(Topic.ACADEMIC), Set.of(Flag.ACADEMIC)),
                note("2026-10-12", Set.of(Topic.PSYCH), Set.of(Flag.PSYCH)),
                note("2026-10-23", Set.of(Topic.ACADEMIC), Set.of()),
                note("2026-11-02", Set.of(Topic.PSYCH, Topic.THOUGHT), Set.of(Flag.SAFETY))));
        assertThat(a.area(Area.ACADEMIC).level()).isEqualTo(Level.FAIR);
        assertThat(a.area(Area.ACADEMIC).line()).isEqualTo("本阶段2条记录（10月9日、10月23日）提到学业，其中1条标记学业困难，之后的记录没有再标记");
        assertThat(a.area(Area.PSYCH).level()).isEqualTo(Level.WATCH);
        assertThat(a.area(Area.PSYCH).line()).contains("其中2条标记").contains("心理", "安全");
        assertThat(a.area(Area.THOUGHT).level()).isEqualTo(Level.FAIRLY_GOOD);
        assertThat(a.area(Area.LIFE).line()).startsWith("本阶段没有记录提到生活");
        assertThat(a.sendToFamily()).isNull();
    }

    @Test
    void levelsAndSentencesChangeInPlainWordsAndOtherWordsLeaveTheDraftAlone() {
        StageAssessment a = draft(List.of());
        assertThat(AssessmentEdits.apply(a, "学业改成一般").orElseThrow().area(Area.ACADEMIC).level()).isEqualTo(Level.FAIR);
        assertThat(AssessmentEdits.apply(a, "心理状态改为需关注").orElseThrow().area(Area.PSYCH).level()).isEqualTo(Level.WATCH);
        assertThat(AssessmentEdits.apply(a, "生活：较好").orElseThrow().area(Area.LIFE).level()).isEqualTo(Level.FAIRLY_GOOD);
        StageAssessment said = AssessmentEdits.apply(a, "心理：最近情绪稳定多了。").orElseThrow();
        assertThat(said.area(Area.PSYCH).words()).isEqualTo("最近情绪稳定多了");
        assertThat(said.area(Area.PSYCH).level()).as("a sentence keeps the level").isEqualTo(a.area(Area.PSYCH).level());
        for (String other : List.of("和李华聊了学习", "确认", "改成每周谈一次", "学业改成很差", "")) {
            assertThat(AssessmentEdits.apply(a, other)).as(other).isEmpty();
        }
    }

    @Test
    void theFamilyReadsKindWordsAndTheMentorsSentencesButNoClassmateAndNoDraftedLineWhileAGivenNameFromAnotherClassStaysAWord() {
        Roster roster = new Roster("示范中学", List.of(new SchoolClass("C21", "高二(1)班", "T02")),
                List.of(new Teacher("T01", "刘洋", "数学", List.of("C21"), false)),
                List.of(new Student("S02", "李华", "C21", "T01"), new Student("S03", "王子轩", "C21", "T01"),
                        new Student("S30", "张明天", "C22", null)), List.of());
        StageAssessment a = AssessmentEdits.apply(draft(List.of(note("2026-10-09", Set.of(Topic.ACADEMIC), Set.of(Flag.ACADEMIC)))),
                "心理：和王子轩一起时，子轩常鼓励她，明天再聊").orElseThrow();
        String text = new FamilyFeedback(TEXTS).forParents(a, roster.student("S02").orElseThrow(), roster);
        assertThat(text).startsWith("李华家长您好").contains("学业成绩需要我们一起多关心", "老师想说：和同学一起时，同学常鼓励她，明天再聊")
                .doesNotContain("王子轩", "子轩", "条记录", "10月9日", "跟不上");
    }
}
