package app.mentorbot.conversations.dialogue;

import java.util.List;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dialogue's own rows about a student, for their erasure: the messages relayed between their
 * parents and mentor, the decisions that name them, open questions, a parent's chosen child, the
 * binding codes of their parents and their own, their student account and half-month report questions.
 */
public final class DialogueRows {
    private final RelayMessages relayed;
    private final ConferenceDecisions decisions;
    private final PendingQuestions pending;
    private final ParentChoices choices;
    private final BindingCodes codes;
    private final StudentAccounts accounts;

    private final JdbcClient jdbc;

    public DialogueRows(JdbcClient jdbc) {
        Objects.requireNonNull(jdbc, "jdbc");
        this.relayed = new RelayMessages(jdbc);
        this.decisions = new ConferenceDecisions(jdbc);
        this.pending = new PendingQuestions(jdbc);
        this.choices = new ParentChoices(jdbc);
        this.codes = new BindingCodes(jdbc);
        this.accounts = new StudentAccounts(jdbc);
        this.jdbc = jdbc;
    }

    /**
     * Forgets the student and, with them, their parents' open questions, choices and codes; their full
     * name in a decision's text becomes {@code mark}. Runs before their records go (a relayed message
     * points at its contact record). Returns how many relayed messages were deleted.
     */
    public int forgetStudent(String schoolId, String studentId, String fullName, List<String> parentIds, String mark) {
        int relayedMessages = relayed.forgetStudent(schoolId, studentId);
        decisions.forgetStudent(schoolId, studentId, fullName, mark);
        pending.forgetStudent(schoolId, studentId, fullName, parentIds);
        choices.forgetStudent(schoolId, studentId, parentIds);
        accounts.forgetStudent(schoolId, studentId);
        jdbc.sql("delete from match_pairing where school_id = ? and student_id = ?").params(schoolId, studentId).update(); // tags too
        List<String> people = new java.util.ArrayList<>(parentIds);
        people.add(studentId);
        codes.forgetPeople(schoolId, people);
        return relayedMessages;
    }
}
