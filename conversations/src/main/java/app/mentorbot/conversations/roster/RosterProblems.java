package app.mentorbot.conversations.roster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import app.mentorbot.conversations.roster.HeaderAliases.Field;
import app.mentorbot.conversations.roster.RosterFile.Problem;

/**
 * The problems found in an import file, handed back in file order however they were found: problems
 * of the whole file first, then by table and row.
 */
final class RosterProblems {
    private record Noted(long order, Problem problem) {}

    private final List<Noted> found = new ArrayList<>();

    /** A problem of the whole file, or one found before the rows were read. */
    void first(String where, String message) {
        found.add(new Noted(-1, new Problem(where, message)));
    }

    void table(Table t, String message) {
        found.add(new Noted(t.order, new Problem(t.where, message)));
    }

    void row(Table.Row r, String message) {
        found.add(new Noted(r.order(), new Problem(r.where(), message)));
    }

    void missingCell(Table t, Table.Row r, Field field) {
        row(r, "「" + t.header(field) + "」没有填写");
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    List<Problem> inFileOrder() {
        return found.stream().sorted(Comparator.comparingLong(Noted::order)).map(Noted::problem).toList();
    }
}
