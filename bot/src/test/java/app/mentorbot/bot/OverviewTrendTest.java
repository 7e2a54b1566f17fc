package app.mentorbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import app.mentorbot.bot.testing.ChatTest;
import app.mentorbot.conversations.duties.DutyState;
import app.mentorbot.conversations.duties.DutyState.Status;
import app.mentorbot.conversations.duties.Ledger;
import app.mentorbot.conversations.duties.LedgerRules;
import app.mentorbot.conversations.duties.MentorLedger;
import app.mentorbot.conversations.leadership.OverviewBuilder;
import app.mentorbot.conversations.leadership.SchoolOverview;
import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.records.RecordStore;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.RosterStore;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.roster.Teacher;
import app.mentorbot.conversations.understanding.Channel;
import app.mentorbot.conversations.understanding.Kind;
import app.mentorbot.conversations.understanding.TalkType;

/**
 * The overview keeps its read of the term's records and each past week's point between requests. Whatever it kept,
 * each point of the trend must be what the duty ledger says on that day from the records as they are now: on a term
 * of generated records for the demo school's mentors, then after a note dated in an earlier week, a withdrawal and a
 * correction that moves a talk to another week.
 */
@ChatTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverviewTrendTest {
    static final LocalDate DAY = LocalDate.of(2026, 6, 5);

    @Autowired
    OverviewBuilder overview;
    @Autowired
    Ledger ledger;
    @Autowired
    RecordStore records;
    @Autowired
    RosterStore rosters;

    @BeforeAll
    void aTermOfGeneratedRecords() {
        Roster roster = rosters.load("main");
        LocalDate start = ledger.rules("main").calendar().currentOrLastTerm(DAY).start();
        Random rnd = new Random(16);
        for (LocalDate d = start; !d.isAfter(DAY); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() > 5) continue;
            for (Student s : roster.students()) {
                if (s.mentorId() == null) continue;
                if (rnd.nextInt(12) == 0) save(s.mentorId(), Kind.TALK, TalkType.INDIVIDUAL, null, d, s.id());
                if (rnd.nextInt(40) == 0) save(s.mentorId(), Kind.PARENT_CONTACT, null, rnd.nextBoolean() ? Channel.PHONE : Channel.HOME_VISIT, d, s.id());
            }
            for (Teacher t : roster.teachers()) {
                if (!roster.menteesOf(t.id()).isEmpty() && rnd.nextInt(6) == 0) {
                    save(t.id(), Kind.TALK, TalkType.GROUP, null, d, roster.menteesOf(t.id()).get(0).id());
                }
            }
        }
    }

    @Test
    void eachWeekOfTheTrendIsWhatTheLedgerSaysOnThatDay() {
        SchoolOverview page = overview.build("main", DAY);
        assertThat(page.trend()).hasSizeGreaterThan(5);
        assertThat(page.trend()).isEqualTo(fromTheLedger(page));
        assertThat(overview.build("main", DAY).trend()).as("a reload, from what was kept").isEqualTo(page.trend());
    }

    @Test
    void aNoteInAnEarlierWeekAWithdrawalAndACorrectionReachThePastWeeksTheyChange() {
        List<SchoolOverview.Week> before = overview.build("main", DAY).trend();
        LocalDate early = before.get(1).day();
        // every mentor's group talk in the second week goes: that week's group talks drop
        for (Record r : records.all("main", early.with(DayOfWeek.MONDAY), early)) {
            if (r.talkType() == TalkType.GROUP) records.softDelete(r.id(), r.authorId(), Instant.now());
        }
        // a talk moves from the last week to the first, and a late note about the third week is filed
        Record moved = records.all("main", DAY.with(DayOfWeek.MONDAY), DAY).stream().filter(r -> r.talkType() == TalkType.INDIVIDUAL)
                .findFirst().orElseThrow();
        records.correct(new Record(moved.id(), moved.schoolId(), moved.authorId(), moved.kind(), moved.talkType(), moved.channel(),
                before.get(0).day(), null, Set.of(), Set.of(), moved.studentIds(), moved.note(), List.of(), null, moved.createdAt()),
                moved.authorId(), "DATE", Instant.now());
        save("T01", Kind.PARENT_CONTACT, null, Channel.PHONE, before.get(2).day(), "S01");

        SchoolOverview page = overview.build("main", DAY);
        assertThat(page.trend()).isNotEqualTo(before);
        assertThat(page.trend().get(1).groupTalks()).isLessThan(before.get(1).groupTalks());
        assertThat(page.trend()).isEqualTo(fromTheLedger(page));
    }

    @Test
    void notesFiledLateAboutAnEarlierWeekReachThatWeek() {
        List<SchoolOverview.Week> before = overview.build("main", DAY).trend();
        LocalDate third = before.get(2).day();
        for (Student s : rosters.load("main").students()) {
            if (s.mentorId() == null) continue;
            for (int i = 0; i < ledger.rules("main").rules().parentContactsPerTerm(); i++) save(s.mentorId(), Kind.PARENT_CONTACT, null, Channel.PHONE, third, s.id());
        }

        SchoolOverview page = overview.build("main", DAY);
        assertThat(page.trend().get(2).contactsMet()).isEqualTo(100);
        assertThat(page.trend()).isEqualTo(fromTheLedger(page));
    }

    /** The trend computed afresh: the ledger of every mentor on each point's day, from the records read now. */
    private List<SchoolOverview.Week> fromTheLedger(SchoolOverview page) {
        Roster roster = rosters.load("main");
        LedgerRules rules = ledger.rules("main");
        List<Record> all = records.forDuties("main", roster.teachers().stream().map(Teacher::id).toList(), rules.readFrom(DAY), DAY);
        List<String> mentors = roster.students().stream().map(Student::mentorId).filter(Objects::nonNull).distinct().toList();
        List<SchoolOverview.Week> weeks = new ArrayList<>();
        for (SchoolOverview.Week w : page.trend()) {
            int onTime = 0, talks = 0, groupsDone = 0, groups = 0, met = 0, contacts = 0;
            for (String m : mentors) {
                MentorLedger l = rules.mentor(roster, m, all, false, ledger.paces("main"), Map.of(), w.day());
                if (l.groupTalk().status() != Status.NOT_APPLICABLE) {
                    groups++;
                    if (l.groupTalk().status() == Status.DONE) groupsDone++;
                }
                for (DutyState t : l.individualTalks()) {
                    if (t.status() == Status.NOT_APPLICABLE) continue;
                    talks++;
                    if (t.status() != Status.OVERDUE) onTime++;
                }
                for (DutyState c : l.parentContacts()) {
                    contacts++;
                    if (c.status() == Status.DONE) met++;
                }
            }
            weeks.add(new SchoolOverview.Week(w.day(), percent(onTime, talks), percent(groupsDone, groups), percent(met, contacts)));
        }
        return weeks;
    }

    private static int percent(int n, int of) {
        return of == 0 ? 0 : Math.round(100f * n / of);
    }

    private long save(String author, Kind kind, TalkType talk, Channel channel, LocalDate on, String student) {
        return records.save(new Record(null, "main", author, kind, talk, channel, on, null, Set.of(), Set.of(), List.of(student), "谈心",
                List.of(), null, Instant.parse("2026-03-10T07:00:00Z"))).id();
    }
}
