package app.mentorbot.bot.web;

import static app.mentorbot.bot.web.PageHtml.h;

import java.util.Optional;
import java.util.Set;

import app.mentorbot.conversations.pairing.Pairings;
import app.mentorbot.conversations.pairing.Proposal;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.roster.Teacher;

/**
 * What a move from the proposal page did, carried to the page it answers with as a short code ({@code done}) and
 * the student's id, and said there from the proposal as it now stands: nothing a link can carry is shown as typed.
 */
final class MoveNotice {
    private MoveNotice() {}

    static String code(Pairings.MoveOutcome outcome) {
        if (outcome.refused() == null) return outcome.outsideClassRule() ? "rule" : outcome.moved().overSeats() ? "over" : "moved";
        return switch (outcome.refused()) {
            case NOT_YOURS -> "notyours";
            case WHICH_TEACHER -> "which";
            case ALREADY_THERE -> "same";
            case CONFIRMED -> "confirmed";
        };
    }

    /** The notice, ready for HTML; null when there is none or the student is not one the viewer sees. */
    static String of(String done, String studentId, Proposal p, Roster roster, Set<String> shown) {
        if (done == null || !done.matches("moved|over|rule|same|which|confirmed|notyours")) return null;
        if (done.equals("which") || done.equals("notyours")) return h("pairing.done." + done);
        if (studentId == null || !shown.contains(studentId)) return null;
        String name = roster.student(studentId).map(Student::name).orElse(studentId);
        Optional<Proposal.Row> row = p.row(studentId);
        if (done.equals("same") || done.equals("confirmed") || row.isEmpty() || row.get().mentorId() == null) return h("pairing.done." + done, name);
        String mentorId = row.get().mentorId();
        String mentor = roster.teacher(mentorId).map(Teacher::name).orElse(mentorId);
        long count = p.countOf(mentorId);
        int seats = p.seats().getOrDefault(mentorId, 0);
        String moved = h(count > seats ? "pairing.done.over" : "pairing.done.moved", name, mentor, String.valueOf(count), String.valueOf(seats));
        return done.equals("rule") ? moved + " " + h("pairing.done.rule", name, mentor) : moved;
    }
}
