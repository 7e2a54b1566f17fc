package app.mentorbot.bot.web;

import static app.mentorbot.bot.web.PageHtml.h;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.mentorbot.conversations.pairing.Proposal;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.Teacher;

/**
 * The move form of each row of the proposal page: a student not yet confirmed can go to a mentor with a free seat
 * who may take them (one who teaches their class, where the school wants that). The choices of a class are built
 * once; a class with many of them gets one shared list to type into instead of a long menu in every row. The form
 * posts to the page's own signed address ({@link PairingPages#move}), which moves the student as chat does.
 */
final class PairingMoves {
    /** More choices than this: a text field with a shared list rather than a menu in every row. */
    private static final int MENU_UP_TO = 30;

    private final Proposal proposal;
    private final Roster roster;
    private final String action;
    private final List<Teacher> free = new ArrayList<>();
    private final Map<String, Integer> seatsLeft = new HashMap<>();
    /** Per class (or "*" when any mentor may take any student): the choices as HTML, and the lists to append. */
    private final Map<String, String> choices = new HashMap<>();
    private final Map<String, String> lists = new LinkedHashMap<>();

    PairingMoves(Proposal proposal, Roster roster, String action) {
        this.proposal = proposal;
        this.roster = roster;
        this.action = Html.escape(action);
        Map<String, Integer> count = new HashMap<>();
        for (Proposal.Row r : proposal.rows()) if (r.mentorId() != null) count.merge(r.mentorId(), 1, Integer::sum);
        for (Map.Entry<String, Integer> seats : proposal.seats().entrySet()) {
            int left = seats.getValue() - count.getOrDefault(seats.getKey(), 0);
            if (left <= 0) continue;
            roster.teacher(seats.getKey()).ifPresent(free::add);
            seatsLeft.put(seats.getKey(), left);
        }
        free.sort(Comparator.comparing(Teacher::name).thenComparing(Teacher::id));
    }

    void form(Proposal.Row r, StringBuilder html) {
        html.append("<td class=\"noprint\">");
        if (!r.confirmed()) {
            String key = proposal.ownClassesOnly() ? roster.student(r.studentId()).map(s -> s.classId()).orElse("") : "*";
            String field = choices.computeIfAbsent(key, this::field);
            html.append("<form method=\"post\" action=\"").append(action).append("\"><input type=\"hidden\" name=\"student\" value=\"")
                    .append(Html.escape(r.studentId())).append("\">").append(field).append(" <button>").append(h("pairing.move"))
                    .append("</button></form>");
        }
        html.append("</td>");
    }

    /** The shared lists the rows' text fields refer to. */
    void lists(StringBuilder html) {
        lists.values().forEach(html::append);
    }

    private String field(String classKey) {
        List<Teacher> eligible = free.stream().filter(t -> classKey.equals("*") || roster.classIdsOf(t.id()).contains(classKey)).toList();
        StringBuilder options = new StringBuilder();
        for (Teacher t : eligible) {
            options.append("<option value=\"").append(Html.escape(t.id())).append("\">")
                    .append(h("pairing.seatsLeft", t.name(), String.valueOf(seatsLeft.get(t.id())))).append("</option>");
        }
        if (eligible.size() <= MENU_UP_TO) {
            return "<select name=\"mentor\" aria-label=\"" + h("pairing.col.move") + "\"><option value=\"\">" + h("pairing.pick") + "</option>"
                    + options + "</select>";
        }
        String id = "m" + (lists.size() + 1);
        lists.put(classKey, "<datalist id=\"" + id + "\">" + options + "</datalist>");
        return "<input name=\"mentor\" list=\"" + id + "\" size=\"8\" aria-label=\"" + h("pairing.col.move") + "\" placeholder=\""
                + h("pairing.pick") + "\">";
    }
}
