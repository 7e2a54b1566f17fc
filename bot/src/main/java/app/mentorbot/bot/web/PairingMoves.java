package app.mentorbot.bot.web;

import static app.mentorbot.bot.web.PageHtml.h;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.mentorbot.conversations.pairing.Proposal;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.Teacher;

/**
 * The move form of each row of the proposal page: a student not yet confirmed can go to a mentor with a free seat
 * who may take them (one who teaches their class, where the school wants that). The choices of a class are built
 * once; a class with many of them, or a page of many rows, gets one shared list to type into instead of a menu in
 * every row. The form
 * posts to the page's own signed address ({@link PairingPages#move}), which moves the student as chat does.
 */
final class PairingMoves {
    /** More choices than this, or more rows than {@link #MENUS_UP_TO_ROWS}: a text field with a shared list rather than a menu in every row. */
    private static final int MENU_UP_TO = 30;
    /** A page of more rows (an admin's whole school) keeps its size down with shared lists only. */
    private static final int MENUS_UP_TO_ROWS = 300;

    private final Proposal proposal;
    private final Roster roster;
    private final String action;
    private final boolean menus;
    private final String move = h("pairing.move");
    private final List<Teacher> free = new ArrayList<>();
    private final Map<String, Integer> seatsLeft = new HashMap<>();
    private final Map<String, Set<String>> classesOf = new HashMap<>();
    /** Per class (or "*" when any mentor may take any student): the choices as HTML, and the lists to append. */
    private final Map<String, String> choices = new HashMap<>();
    private final Map<String, String> lists = new LinkedHashMap<>();

    PairingMoves(Proposal proposal, Roster roster, String action, int rowsShown) {
        this.proposal = proposal;
        this.menus = rowsShown <= MENUS_UP_TO_ROWS;
        this.roster = roster;
        this.action = Html.escape(action);
        Map<String, Integer> count = new HashMap<>();
        for (Proposal.Row r : proposal.rows()) if (r.mentorId() != null) count.merge(r.mentorId(), 1, Integer::sum);
        for (Map.Entry<String, Integer> seats : proposal.seats().entrySet()) {
            int left = seats.getValue() - count.getOrDefault(seats.getKey(), 0);
            if (left <= 0) continue;
            roster.teacher(seats.getKey()).ifPresent(free::add);
            seatsLeft.put(seats.getKey(), left);
            classesOf.put(seats.getKey(), roster.classIdsOf(seats.getKey()));
        }
        free.sort(Comparator.comparing(Teacher::name).thenComparing(Teacher::id));
    }

    void form(Proposal.Row r, StringBuilder html) {
        html.append("<td class=\"noprint\">");
        if (!r.confirmed()) {
            String key = proposal.ownClassesOnly() ? roster.student(r.studentId()).map(s -> s.classId()).orElse("") : "*";
            String field = choices.computeIfAbsent(key, this::field);
            html.append("<form method=\"post\" action=\"").append(action).append("\">").append(field)
                    .append(" <button name=\"student\" value=\"").append(Html.escape(r.studentId())).append("\">").append(move).append("</button></form>");
        }
        html.append("</td>");
    }

    /** The shared lists the rows' text fields refer to. */
    void lists(StringBuilder html) {
        lists.values().forEach(html::append);
    }

    private String field(String classKey) {
        List<Teacher> eligible = free.stream().filter(t -> classKey.equals("*") || classesOf.get(t.id()).contains(classKey)).toList();
        StringBuilder options = new StringBuilder();
        for (Teacher t : eligible) {
            options.append("<option value=\"").append(Html.escape(t.id())).append("\">")
                    .append(h("pairing.seatsLeft", t.name(), String.valueOf(seatsLeft.get(t.id())))).append("</option>");
        }
        if (menus && eligible.size() <= MENU_UP_TO) {
            return "<select name=\"mentor\" aria-label=\"" + h("pairing.col.move") + "\"><option value=\"\">" + h("pairing.pick") + "</option>"
                    + options + "</select>";
        }
        String id = "m" + (lists.size() + 1);
        lists.put(classKey, "<datalist id=\"" + id + "\">" + options + "</datalist>");
        return "<input name=\"mentor\" list=\"" + id + "\" size=\"8\" placeholder=\"" + h("pairing.pick") + "\">";
    }
}
