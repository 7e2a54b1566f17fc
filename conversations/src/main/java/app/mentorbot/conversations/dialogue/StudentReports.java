package app.mentorbot.conversations.dialogue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import app.mentorbot.conversations.duties.DutyRules;
import app.mentorbot.conversations.duties.LedgerRules;
import app.mentorbot.conversations.duties.SchoolRules;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.RosterStore;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.text.Texts;

/**
 * Asking students with an account for their half-month report (学习、生活、心情), every
 * {@link DutyRules#studentReportDays()} counting days since they were last asked (or since their
 * account was made). Only where the school turned student reports on. The scheduler calls
 * {@link #askDue} in a reminder slot (school days only) and holds the questions through quiet hours;
 * the answer is filed by the student's side of the dialogue.
 */
public final class StudentReports {
    private final StudentAccounts accounts;
    private final RosterStore rosters;
    private final SchoolRules rules;
    private final Texts texts;
    private final Clock clock;

    /** {@code rules}: each school's calendar and whether (and how often) its students report. */
    public StudentReports(JdbcClient jdbc, RosterStore rosters, SchoolRules rules, Texts texts, Clock clock) {
        this.accounts = new StudentAccounts(Objects.requireNonNull(jdbc, "jdbc"));
        this.rosters = Objects.requireNonNull(rosters, "rosters");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether this school lets students have accounts at all. */
    public boolean enabled(String schoolId) {
        return rules.forSchool(schoolId).rules().studentReports();
    }

    /** Remembers that a student has an account (an invitation link was made for them); false when student accounts are off. */
    public boolean register(String schoolId, String studentId) {
        if (!enabled(schoolId)) return false;
        accounts.register(schoolId, studentId, clock.instant());
        return true;
    }

    /**
     * The questions due on {@code day}, one per student whose time has come, each asked once (two
     * instances in the same slot ask once). Each reply goes to the student by their roster id.
     */
    public List<Reply> askDue(String schoolId, LocalDate day) {
        LedgerRules school = rules.forSchool(schoolId);
        if (!school.rules().studentReports() || !school.calendar().counts(day)) return List.of();
        Roster roster = rosters.load(schoolId);
        Instant now = clock.instant();
        List<Reply> questions = new ArrayList<>();
        for (StudentAccounts.Account a : accounts.all(schoolId)) {
            Optional<Student> s = roster.student(a.studentId());
            Optional<String> mentor = s.flatMap(st -> Relay.mentorOf(st, roster));
            if (mentor.isEmpty()) continue;
            LocalDate from = accounts.lastAsked(schoolId, a.studentId()).orElse(a.since().atZone(clock.getZone()).toLocalDate());
            if (school.calendar().countingDaysBetween(from, day) < school.rules().studentReportDays()) continue;
            if (!accounts.ask(schoolId, a.studentId(), mentor.get(), day, now)) continue;
            String mentorName = roster.teacher(mentor.get()).map(t -> t.name()).orElse("");
            questions.add(new Reply(a.studentId(), texts.get("studentReport.ask", given(s.get().name()), mentorName), false));
        }
        return questions;
    }

    /** 李华 → 李华, 张小明 → 小明: how a teacher calls a student. */
    static String given(String name) {
        return name.length() > 2 ? name.substring(name.length() - 2) : name;
    }
}
