package app.mentorbot.conversations.duties;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import app.mentorbot.conversations.duties.DutyState.Status;
import app.mentorbot.conversations.records.Record;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.schedule.SchoolCalendar;
import app.mentorbot.conversations.understanding.Kind;
import app.mentorbot.conversations.understanding.TalkType;

/**
 * The ledger's arithmetic, from records alone: no database, so a whole semester can be simulated in a
 * unit test. Only the mentor's own records count towards their duties.
 */
public final class LedgerRules {
    private final SchoolCalendar calendar;
    private final DutyRules rules;

    public LedgerRules(SchoolCalendar calendar, DutyRules rules) {
        this.calendar = calendar;
        this.rules = rules;
    }

    public SchoolCalendar calendar() {
        return calendar;
    }

    public DutyRules rules() {
        return rules;
    }

    /**
     * @param records the mentor's records about their mentees from at least one rule period before the term
     * @param summaryDone whether the mentor marked this term's summary as handed in
     */
    public MentorLedger mentor(Roster roster, String mentorId, List<Record> records, boolean summaryDone, LocalDate day) {
        return mentor(roster, mentorId, records, summaryDone, Map.of(), Map.of(), day);
    }

    /**
     * As above, with the paces students' plans ask for (by student id; the stricter of plan and rule applies).
     *
     * @param accounts mentees with a student account, each with the day it was made: only they report,
     *                 and only when the school's rules turn student reports on
     */
    public MentorLedger mentor(Roster roster, String mentorId, List<Record> records, boolean summaryDone,
                               Map<String, StudentPace> paces, Map<String, LocalDate> accounts, LocalDate day) {
        return mentor(roster, mentorId, records, summaryDone, paces, accounts, Map.of(), day);
    }

    /**
     * As above, for mentees some of whom came to this mentor during the term ({@code since}: the day each one's
     * mentor changed, by student id): their talk and report clocks start on that day, and they need parent
     * contacts in proportion to the part of the term left.
     */
    public MentorLedger mentor(Roster roster, String mentorId, List<Record> records, boolean summaryDone,
                               Map<String, StudentPace> paces, Map<String, LocalDate> accounts, Map<String, LocalDate> since, LocalDate day) {
        List<Record> own = records.stream()
                .filter(r -> r.authorId().equals(mentorId) && r.date() != null && !r.date().isAfter(day)).toList();
        List<DutyState> talks = new ArrayList<>();
        List<DutyState> contacts = new ArrayList<>();
        List<DutyState> reports = new ArrayList<>();
        for (Student s : roster.menteesOf(mentorId)) {
            StudentPace pace = paces.get(s.id());
            LocalDate mentorSince = since.get(s.id());
            talks.add(individualTalk(s.id(), own, talkDays(pace), mentorSince, day));
            contacts.add(parentContacts(s.id(), own, contactsNeeded(pace), mentorSince, day));
            if (rules.studentReports() && accounts.containsKey(s.id())) reports.add(studentReport(s.id(), later(accounts.get(s.id()), mentorSince), own, day));
        }
        return new MentorLedger(mentorId, day, groupTalk(mentorId, own, day), talks, contacts, reports, summary(mentorId, summaryDone, day));
    }

    /**
     * One student's individual-talk duty, from records that hold at least their mentor's talks with them
     * since one rule period before the term (others' records are skipped): a class digest reads its
     * students' records once and needs no mentor's whole ledger.
     */
    public DutyState individualTalk(String studentId, String mentorId, List<Record> records, LocalDate day) {
        return individualTalk(studentId, mentorId, records, null, day);
    }

    /** As above, for a student whose plan may ask for talks more often ({@code pace} null: the school's rule). */
    public DutyState individualTalk(String studentId, String mentorId, List<Record> records, StudentPace pace, LocalDate day) {
        return individualTalk(studentId, mentorId, records, pace, null, day);
    }

    /** As above, for a student who has had this mentor only since {@code since} (null: all term). */
    public DutyState individualTalk(String studentId, String mentorId, List<Record> records, StudentPace pace, LocalDate since, LocalDate day) {
        List<Record> own = records.stream()
                .filter(r -> r.authorId().equals(mentorId) && r.date() != null && !r.date().isAfter(day)).toList();
        return individualTalk(studentId, own, talkDays(pace), since, day);
    }

    /** The longest gap between individual talks for a student: the school's, or their plan's when shorter. */
    public int talkDays(StudentPace pace) {
        return pace == null ? rules.individualTalkDays() : Math.min(rules.individualTalkDays(), pace.individualTalkDays());
    }

    /** Parent contacts a student needs this term: the school's, or their plan's when more. */
    public int contactsNeeded(StudentPace pace) {
        return pace == null ? rules.parentContactsPerTerm() : Math.max(rules.parentContactsPerTerm(), pace.parentContactsPerTerm());
    }

    /** The first day whose records a duty can depend on (one rule period before the term's start, for the talk clock). */
    public LocalDate readFrom(LocalDate day) {
        return calendar.currentOrLastTerm(day).start().minusDays(rules.individualTalkDays() * 2L);
    }

    DutyState individualTalk(String studentId, List<Record> own, LocalDate day) {
        return individualTalk(studentId, own, rules.individualTalkDays(), null, day);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private DutyState individualTalk(String studentId, List<Record> own, int talkDays, LocalDate since, LocalDate day) {
        Optional<SchoolCalendar.Term> term = calendar.termOf(day);
        if (term.isEmpty() || calendar.isHoliday(day)) {
            return new DutyState(Duty.INDIVIDUAL_TALK, studentId, Status.NOT_APPLICABLE, null, null, lastTalk(studentId, own, day), 0, 0);
        }
        LocalDate last = lastTalk(studentId, own, day);
        // The clock starts at the later of the last talk and the term's first day.
        LocalDate from = last == null || last.isBefore(term.get().start()) ? term.get().start().minusDays(1) : last;
        from = later(from, since); // a student who came to this mentor mid-term: the clock starts on that day
        LocalDate due = calendar.afterCountingDays(from, talkDays);
        int elapsed = calendar.countingDaysBetween(from, day);
        Status status;
        LocalDate overdueSince = null;
        if (elapsed > talkDays) {
            status = Status.OVERDUE;
            overdueSince = calendar.afterCountingDays(due, 1);
        } else if (elapsed >= talkDays - rules.dueSoonDays()) {
            status = Status.DUE_SOON;
        } else {
            status = last != null && !last.isBefore(term.get().start()) ? Status.DONE : Status.DUE;
        }
        return new DutyState(Duty.INDIVIDUAL_TALK, studentId, status, due, overdueSince, last, elapsed, talkDays);
    }

    private static LocalDate lastTalk(String studentId, List<Record> own, LocalDate day) {
        return own.stream()
                .filter(r -> r.kind() == Kind.TALK && r.talkType() == TalkType.INDIVIDUAL && r.studentIds().contains(studentId))
                .map(Record::date).filter(d -> !d.isAfter(day)).max(LocalDate::compareTo).orElse(null);
    }

    /**
     * A mentee's half-month report: the student is asked after {@code studentReportDays} counting days
     * (since their last report, their account or the term's start, whichever is latest) and has
     * {@code dueSoonDays} more to answer; a report not in by then is overdue.
     */
    DutyState studentReport(String studentId, LocalDate accountSince, List<Record> own, LocalDate day) {
        Optional<SchoolCalendar.Term> term = calendar.termOf(day);
        LocalDate last = own.stream().filter(r -> r.kind() == Kind.STUDENT_REPORT && r.studentIds().contains(studentId))
                .map(Record::date).filter(d -> !d.isAfter(day)).max(LocalDate::compareTo).orElse(null);
        if (term.isEmpty() || calendar.isHoliday(day)) {
            return new DutyState(Duty.STUDENT_REPORT, studentId, Status.NOT_APPLICABLE, null, null, last, 0, 0);
        }
        LocalDate from = term.get().start().minusDays(1);
        if (accountSince != null && accountSince.isAfter(from)) from = accountSince;
        if (last != null && last.isAfter(from)) from = last;
        int every = rules.studentReportDays(), grace = rules.dueSoonDays();
        LocalDate due = calendar.afterCountingDays(from, every + grace);
        int elapsed = calendar.countingDaysBetween(from, day);
        if (elapsed > every + grace) {
            return new DutyState(Duty.STUDENT_REPORT, studentId, Status.OVERDUE, due, calendar.afterCountingDays(due, 1), last, elapsed, every);
        }
        // asked and not yet answered is DUE, not DUE_SOON: the student reports, the mentor is not nudged until it is late
        Status status = elapsed < every && last != null && !last.isBefore(term.get().start()) ? Status.DONE : Status.DUE;
        return new DutyState(Duty.STUDENT_REPORT, studentId, status, due, null, last, elapsed, every);
    }

    DutyState parentContacts(String studentId, List<Record> own, LocalDate day) {
        return parentContacts(studentId, own, rules.parentContactsPerTerm(), null, day);
    }

    private DutyState parentContacts(String studentId, List<Record> own, int termNeeds, LocalDate since, LocalDate day) {
        SchoolCalendar.Term term = calendar.currentOrLastTerm(day);
        // a student who came mid-term needs contacts in proportion to the part of the term left, counted from that day
        LocalDate start = since != null && since.isAfter(term.start()) && !since.isAfter(term.end()) ? since : term.start();
        long termDays = ChronoUnit.DAYS.between(term.start(), term.end()) + 1;
        int needed = (int) Math.ceil(termNeeds * (double) (ChronoUnit.DAYS.between(start, term.end()) + 1) / termDays);
        int count = (int) own.stream()
                .filter(r -> r.kind() == Kind.PARENT_CONTACT && r.studentIds().contains(studentId) && term.contains(r.date()))
                .count();
        LocalDate last = own.stream().filter(r -> r.kind() == Kind.PARENT_CONTACT && r.studentIds().contains(studentId))
                .map(Record::date).max(LocalDate::compareTo).orElse(null);
        Status status;
        LocalDate overdueSince = null;
        if (count >= needed) status = Status.DONE;
        else if (day.isAfter(term.end())) {
            status = Status.OVERDUE;
            overdueSince = term.end().plusDays(1);
        } else if (ChronoUnit.DAYS.between(day, term.end()) <= 30
                || (count == 0 && !day.isBefore(start.plusDays(ChronoUnit.DAYS.between(start, term.end()) / 2)))) {
            status = Status.DUE_SOON; // the last month, or half the term gone without any contact
        } else {
            status = Status.DUE;
        }
        return new DutyState(Duty.PARENT_CONTACT, studentId, status, term.end(), overdueSince, last, count, needed);
    }

    DutyState groupTalk(String mentorId, List<Record> own, LocalDate day) {
        LocalDate monday = SchoolCalendar.mondayOf(day);
        if (rules.groupTalksPerWeek() <= 0 || !calendar.isSchoolWeek(monday)) {
            return new DutyState(Duty.GROUP_TALK, null, Status.NOT_APPLICABLE, null, null, null, 0, 0);
        }
        int thisWeek = groupTalksIn(own, monday, day);
        LocalDate last = own.stream().filter(LedgerRules::isGroupTalk).map(Record::date).max(LocalDate::compareTo).orElse(null);
        LocalDate friday = monday.with(DayOfWeek.FRIDAY);
        if (thisWeek >= rules.groupTalksPerWeek()) {
            return new DutyState(Duty.GROUP_TALK, null, Status.DONE, friday.plusWeeks(1), null, last, thisWeek, rules.groupTalksPerWeek());
        }
        // Overdue when the last school week of this term went by without one as well.
        LocalDate previous = monday.minusWeeks(1);
        while (!calendar.isSchoolWeek(previous) && calendar.termOf(previous.plusDays(4)).isPresent()) previous = previous.minusWeeks(1);
        boolean previousCounts = calendar.isSchoolWeek(previous) && calendar.termOf(day).equals(calendar.termOf(previous.plusDays(4)));
        if (previousCounts && groupTalksIn(own, previous, previous.plusDays(6)) < rules.groupTalksPerWeek()) {
            return new DutyState(Duty.GROUP_TALK, null, Status.OVERDUE, friday, previous.plusWeeks(1), last, thisWeek, rules.groupTalksPerWeek());
        }
        Status status = ChronoUnit.DAYS.between(day, friday) < rules.dueSoonDays() ? Status.DUE_SOON : Status.DUE;
        return new DutyState(Duty.GROUP_TALK, null, status, friday, null, last, thisWeek, rules.groupTalksPerWeek());
    }

    private static boolean isGroupTalk(Record r) {
        return r.kind() == Kind.TALK && r.talkType() == TalkType.GROUP;
    }

    private static int groupTalksIn(List<Record> own, LocalDate from, LocalDate to) {
        return (int) own.stream().filter(LedgerRules::isGroupTalk)
                .filter(r -> !r.date().isBefore(from) && !r.date().isAfter(to)).count();
    }

    DutyState summary(String mentorId, boolean done, LocalDate day) {
        SchoolCalendar.Term term = calendar.currentOrLastTerm(day);
        LocalDate due = term.summaryDue();
        if (done) return new DutyState(Duty.SEMESTER_SUMMARY, null, Status.DONE, due, null, null, 1, 1);
        if (day.isAfter(due)) return new DutyState(Duty.SEMESTER_SUMMARY, null, Status.OVERDUE, due, due.plusDays(1), null, 0, 1);
        Status status = ChronoUnit.DAYS.between(day, due) <= 7 ? Status.DUE_SOON : Status.DUE;
        return new DutyState(Duty.SEMESTER_SUMMARY, null, status, due, null, null, 0, 1);
    }

    /** A class's monthly case conference: done once held (a decision recorded, or marked held). */
    public DutyState conference(String classId, LocalDate plannedOn, boolean held, LocalDate day) {
        if (rules.conferencesPerMonth() <= 0) return new DutyState(Duty.CASE_CONFERENCE, classId, Status.NOT_APPLICABLE, null, null, null, 0, 0);
        LocalDate due = plannedOn != null ? plannedOn : day.withDayOfMonth(day.lengthOfMonth());
        if (held) return new DutyState(Duty.CASE_CONFERENCE, classId, Status.DONE, due, null, null, 1, 1);
        if (day.isAfter(due)) return new DutyState(Duty.CASE_CONFERENCE, classId, Status.OVERDUE, due, due.plusDays(1), null, 0, 1);
        Status status = ChronoUnit.DAYS.between(day, due) <= rules.dueSoonDays() ? Status.DUE_SOON : Status.DUE;
        return new DutyState(Duty.CASE_CONFERENCE, classId, status, due, null, null, 0, 1);
    }

}
