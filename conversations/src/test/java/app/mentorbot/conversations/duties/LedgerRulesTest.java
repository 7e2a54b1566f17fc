package app.mentorbot.conversations.duties;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import app.mentorbot.conversations.duties.DutyState.Status;
import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.SchoolClass;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.roster.Teacher;
import app.mentorbot.conversations.schedule.SchoolCalendar;
import app.mentorbot.conversations.understanding.Channel;
import app.mentorbot.conversations.understanding.Kind;
import app.mentorbot.conversations.understanding.TalkType;

/**
 * A spring term simulated week by week for one mentor and two mentees: the term starts Monday 2 March
 * 2026, the week of 6–10 April is a holiday, the term ends 26 June; the summary is due 19 June.
 */
class LedgerRulesTest {
    static final SchoolCalendar CALENDAR = new SchoolCalendar(
            List.of(new SchoolCalendar.Term("2026春", d("2026-03-02"), d("2026-06-26"), d("2026-06-19"))),
            List.of(new SchoolCalendar.DateRange(d("2026-04-06"), d("2026-04-12"), "春假")),
            List.of());
    static final Roster ROSTER = new Roster("测试中学",
            List.of(new SchoolClass("K1", "初二(1)班", "M2")),
            List.of(new Teacher("M1", "高老师", "数学", List.of("K1"), false), new Teacher("M2", "林老师", "语文", List.of("K1"), false)),
            List.of(new Student("A", "宋佳琪", "K1", "M1"), new Student("B", "韩磊", "K1", "M1")),
            List.of());
    final LedgerRules rules = new LedgerRules(CALENDAR, DutyRules.defaults());
    final List<Record> records = new ArrayList<>();

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    void talk(String day, TalkType type, String author, String... students) {
        records.add(new Record((long) records.size() + 1, "main", author, Kind.TALK, type, null, d(day), null, Set.of(), Set.of(),
                List.of(students), "谈话", List.of(), null, Instant.EPOCH));
    }

    void contact(String day, String student) {
        records.add(new Record((long) records.size() + 1, "main", "M1", Kind.PARENT_CONTACT, null, Channel.PHONE, d(day), null,
                Set.of(), Set.of(), List.of(student), "电话", List.of(), null, Instant.EPOCH));
    }

    MentorLedger on(String day) {
        return rules.mentor(ROSTER, "M1", records, false, d(day));
    }

    DutyState talkWith(MentorLedger l, String student) {
        return l.individualTalks().stream().filter(s -> s.subject().equals(student)).findFirst().orElseThrow();
    }

    @Test
    void aPlanAskingForWeeklyTalksAndMoreContactsIsStricterButAPlanAskingForLessChangesNothing() {
        talk("2026-03-03", TalkType.INDIVIDUAL, "M1", "A", "B");
        java.util.Map<String, StudentPace> paces = java.util.Map.of("A", new StudentPace(7, 4), "B", new StudentPace(30, 1));
        MentorLedger l = rules.mentor(ROSTER, "M1", records, false, paces, Map.of(), d("2026-03-11"));
        assertThat(talkWith(l, "A").status()).as("8 days after the talk, with weekly talks planned").isEqualTo(Status.OVERDUE);
        assertThat(talkWith(l, "A").dueBy()).isEqualTo(d("2026-03-10"));
        assertThat(talkWith(l, "B").status()).as("a looser plan keeps the school's 14 days").isEqualTo(Status.DONE);
        assertThat(talkWith(l, "B").dueBy()).isEqualTo(d("2026-03-17"));
        assertThat(l.parentContacts()).extracting(DutyState::needed).containsExactly(4, 2);
    }

    @Test
    void anIndividualTalkIsDueEveryFourteenDaysAndOverdueTheDayAfter() {
        talk("2026-03-03", TalkType.INDIVIDUAL, "M1", "A");
        assertThat(talkWith(on("2026-03-10"), "A").status()).isEqualTo(Status.DONE);
        assertThat(talkWith(on("2026-03-14"), "A").status()).as("11 days: due soon").isEqualTo(Status.DUE_SOON);
        DutyState due = talkWith(on("2026-03-17"), "A");
        assertThat(due.status()).isEqualTo(Status.DUE_SOON);
        assertThat(due.dueBy()).isEqualTo(d("2026-03-17"));
        DutyState late = talkWith(on("2026-03-18"), "A");
        assertThat(late.status()).isEqualTo(Status.OVERDUE);
        assertThat(late.overdueSince()).isEqualTo(d("2026-03-18"));
        assertThat(late.count()).as("days since the talk").isEqualTo(15);

        talk("2026-03-19", TalkType.INDIVIDUAL, "M1", "A");
        assertThat(talkWith(on("2026-03-19"), "A").status()).isEqualTo(Status.DONE);
    }

    @Test
    void aMenteeNobodyHasTalkedToIsDueFromTheStartOfTheTerm() {
        assertThat(talkWith(on("2026-03-03"), "B").status()).isEqualTo(Status.DUE);
        assertThat(talkWith(on("2026-03-03"), "B").dueBy()).isEqualTo(d("2026-03-15"));
        assertThat(talkWith(on("2026-03-16"), "B").status()).isEqualTo(Status.OVERDUE);
    }

    @Test
    void holidayDaysDoNotCountAndNothingIsDueDuringAHoliday() {
        talk("2026-04-01", TalkType.INDIVIDUAL, "M1", "A");
        assertThat(talkWith(on("2026-04-08"), "A").status()).isEqualTo(Status.NOT_APPLICABLE);
        // 1 April + 14 counting days, skipping the seven days of 6–12 April = 22 April
        DutyState after = talkWith(on("2026-04-20"), "A");
        assertThat(after.status()).isEqualTo(Status.DUE_SOON);
        assertThat(after.dueBy()).isEqualTo(d("2026-04-22"));
        assertThat(talkWith(on("2026-04-23"), "A").status()).isEqualTo(Status.OVERDUE);
    }

    @Test
    void theWeeklyGroupTalkIsDueEachSchoolWeekAndOverdueAfterAMissedWeek() {
        assertThat(on("2026-03-03").groupTalk().status()).isEqualTo(Status.DUE);
        assertThat(on("2026-03-05").groupTalk().status()).as("Thursday: due soon").isEqualTo(Status.DUE_SOON);
        talk("2026-03-05", TalkType.GROUP, "M1", "A", "B");
        assertThat(on("2026-03-06").groupTalk().status()).isEqualTo(Status.DONE);
        assertThat(on("2026-03-10").groupTalk().status()).isEqualTo(Status.DUE);
        // the week of 9 March went by without one
        DutyState missed = on("2026-03-17").groupTalk();
        assertThat(missed.status()).isEqualTo(Status.OVERDUE);
        assertThat(missed.overdueSince()).isEqualTo(d("2026-03-16"));
        assertThat(on("2026-04-08").groupTalk().status()).as("holiday week").isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void aWeekAfterTheHolidayIsNotOverdueBecauseOfTheHoliday() {
        talk("2026-04-02", TalkType.GROUP, "M1", "A", "B");
        assertThat(on("2026-04-14").groupTalk().status()).isEqualTo(Status.DUE);
    }

    @Test
    void anotherTeachersTalkDoesNotCountForTheMentor() {
        talk("2026-03-03", TalkType.INDIVIDUAL, "M2", "A");
        assertThat(talkWith(on("2026-03-16"), "A").status()).isEqualTo(Status.OVERDUE);
    }

    @Test
    void parentContactsCountTwicePerTermAndBecomeUrgentInTheLastMonth() {
        contact("2026-03-10", "A");
        DutyState once = on("2026-04-20").parentContacts().get(0);
        assertThat(once.status()).isEqualTo(Status.DUE);
        assertThat(once.count()).isEqualTo(1);
        assertThat(on("2026-06-01").parentContacts().get(0).status()).isEqualTo(Status.DUE_SOON);
        DutyState never = on("2026-04-30").parentContacts().get(1);
        assertThat(never.status()).as("half the term without any contact").isEqualTo(Status.DUE_SOON);
        contact("2026-05-01", "A");
        assertThat(on("2026-05-02").parentContacts().get(0).status()).isEqualTo(Status.DONE);
        assertThat(on("2026-06-27").parentContacts().get(1).status()).isEqualTo(Status.OVERDUE);
    }

    @Test
    void theSummaryIsDueSoonAWeekAheadAndDoneOnceHandedIn() {
        assertThat(on("2026-06-01").summary().status()).isEqualTo(Status.DUE);
        assertThat(on("2026-06-12").summary().status()).isEqualTo(Status.DUE_SOON);
        assertThat(on("2026-06-20").summary().status()).isEqualTo(Status.OVERDUE);
        assertThat(rules.mentor(ROSTER, "M1", records, true, d("2026-06-20")).summary().status()).isEqualTo(Status.DONE);
    }

    @Test
    void theConferenceIsDueByItsDateAndDoneWhenHeld() {
        assertThat(rules.conference("K1", d("2026-03-27"), false, d("2026-03-25")).status()).isEqualTo(Status.DUE_SOON);
        assertThat(rules.conference("K1", d("2026-03-27"), false, d("2026-03-28")).status()).isEqualTo(Status.OVERDUE);
        assertThat(rules.conference("K1", d("2026-03-27"), true, d("2026-03-28")).status()).isEqualTo(Status.DONE);
        assertThat(rules.conference("K1", null, false, d("2026-03-10")).dueBy()).isEqualTo(d("2026-03-31"));
    }

    @Test
    void attentionListsOverdueBeforeDueSoon() {
        talk("2026-03-05", TalkType.INDIVIDUAL, "M1", "A");
        List<DutyState> attention = on("2026-03-16").attention();
        assertThat(attention).isNotEmpty();
        assertThat(attention.get(0).status()).isEqualTo(Status.OVERDUE);
        assertThat(attention).extracting(DutyState::status).containsOnly(Status.OVERDUE, Status.DUE_SOON);
    }

    @Test
    void aMenteeWithAnAccountReportsEveryFifteenCountingDaysAndIsLateThreeDaysAfterTheQuestion() {
        LedgerRules withReports = new LedgerRules(CALENDAR, new DutyRules(1, 14, 2, true, 15, 1, 3));
        Map<String, LocalDate> accounts = Map.of("A", d("2026-03-02"));
        java.util.function.Function<String, DutyState> report = day ->
                withReports.mentor(ROSTER, "M1", records, false, Map.of(), accounts, d(day)).studentReports().get(0);
        assertThat(withReports.mentor(ROSTER, "M1", records, false, Map.of(), accounts, d("2026-03-10")).studentReports())
                .as("B has no account").singleElement().extracting(DutyState::subject).isEqualTo("A");
        assertThat(report.apply("2026-03-17").status()).as("asked on day 15, waiting").isEqualTo(Status.DUE);
        assertThat(report.apply("2026-03-20").status()).isEqualTo(Status.DUE);
        assertThat(report.apply("2026-03-21").status()).isEqualTo(Status.OVERDUE);

        records.add(new Record(1L, "main", "M1", Kind.STUDENT_REPORT, null, null, d("2026-03-22"), null, Set.of(), Set.of(),
                List.of("A"), "这半个月挺好的", List.of(), null, Instant.EPOCH));
        assertThat(report.apply("2026-03-23").status()).isEqualTo(Status.DONE);
        assertThat(report.apply("2026-03-23").lastDone()).isEqualTo(d("2026-03-22"));
        assertThat(report.apply("2026-04-08").status()).as("a holiday week does not count").isEqualTo(Status.NOT_APPLICABLE);
        assertThat(rules.mentor(ROSTER, "M1", records, false, Map.of(), accounts, d("2026-03-23")).studentReports())
                .as("off unless the school turns student reports on").isEmpty();
    }
}
