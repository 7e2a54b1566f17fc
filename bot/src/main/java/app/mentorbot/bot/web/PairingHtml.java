package app.mentorbot.bot.web;

import static app.mentorbot.bot.web.PageHtml.h;
import static app.mentorbot.bot.web.PageHtml.t;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import app.mentorbot.conversations.matching.Placement;
import app.mentorbot.conversations.pairing.Proposal;
import app.mentorbot.conversations.roster.Roster;
import app.mentorbot.conversations.roster.Student;
import app.mentorbot.conversations.roster.Teacher;

/**
 * The proposal as one page: per mentor their students with the choice met, tags, band and why a higher choice
 * was not met, and the spread of tags and bands; then the students the seats did not reach.
 */
final class PairingHtml {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private PairingHtml() {}

    /**
     * @param xlsxLink   the signed link to the confirmed part as a workbook (导师结对名单), shown once some of it is confirmed
     * @param moveAction the signed address a row's move form posts to; null when the proposal takes no more moves
     * @param notice     what the last move did, ready for HTML; null for none
     */
    static String render(Proposal p, Roster roster, Set<String> shown, String xlsxLink, String moveAction, String notice) {
        String title = t("pairing.title");
        StringBuilder html = new StringBuilder(PageHtml.head(title)).append("<h1>").append(Html.escape(title)).append("</h1>");
        if (notice != null) html.append("<p class=\"key\">").append(notice).append("</p>");
        List<Proposal.Row> rows = p.rows().stream().filter(r -> shown.contains(r.studentId())).toList();
        html.append("<p class=\"meta\">").append(h("pairing.meta", String.valueOf(p.id()),
                PageHtml.fullDate(p.madeAt().atZone(SHANGHAI).toLocalDate()), String.valueOf(rows.size()))).append("<br>")
                .append(h(rows.stream().allMatch(Proposal.Row::confirmed) ? "pairing.state.done" : "pairing.state.open"))
                .append("<br>").append(h("pairing.tagsNote")).append("</p>");
        PairingMoves moves = moveAction == null ? null : new PairingMoves(p, roster, moveAction, rows.size());
        if (rows.stream().anyMatch(Proposal.Row::confirmed)) {
            html.append("<p class=\"noprint\"><a href=\"").append(Html.escape(xlsxLink)).append("\">").append(h("pairing.download"))
                    .append("</a></p>");
        }
        Map<String, List<Proposal.Row>> byMentor = new LinkedHashMap<>();
        List<Proposal.Row> unplaced = new ArrayList<>();
        for (Proposal.Row r : rows) {
            if (r.mentorId() == null) unplaced.add(r);
            else byMentor.computeIfAbsent(r.mentorId(), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<Proposal.Row>> m : new TreeMap<>(byMentor).entrySet()) {
            long count = p.countOf(m.getKey());
            int seats = p.seats().getOrDefault(m.getKey(), 0);
            html.append("<h2>").append(h("pairing.mentor", teacher(roster, m.getKey()), String.valueOf(count), String.valueOf(seats)));
            if (count > seats) html.append(" <span class=\"no\">").append(h("pairing.over")).append("</span>");
            html.append("</h2><p class=\"meta\">").append(h("pairing.spread", spread(m.getValue(), true), spread(m.getValue(), false))).append("</p>");
            table(m.getValue(), roster, moves, html);
        }
        if (!unplaced.isEmpty()) {
            html.append("<h2 class=\"no\">").append(h("pairing.shortfall", String.valueOf(unplaced.size()))).append("</h2>");
            table(unplaced, roster, moves, html);
        }
        if (moves != null) moves.lists(html);
        return html.append(PageHtml.foot()).toString();
    }

    private static void table(List<Proposal.Row> rows, Roster roster, PairingMoves moves, StringBuilder html) {
        html.append("<div class=\"wrap\"><table><tr><th>").append(h("col.studentId")).append("</th><th>").append(h("col.student"))
                .append("</th><th>").append(h("pairing.col.met")).append("</th><th>").append(h("pairing.col.tags"))
                .append("</th><th>").append(h("pairing.col.band")).append("</th><th>").append(h("pairing.col.why")).append("</th>");
        if (moves != null) html.append("<th class=\"noprint\">").append(h("pairing.col.move")).append("</th>");
        html.append("</tr>");
        Map<String, String> said = new HashMap<>(); // the same few words on many rows: formatted once (a whole school has 3,000 rows)
        for (Proposal.Row r : rows) {
            String met = r.rank() > 0 ? said.computeIfAbsent("rank|" + r.rank(), k -> h("pairing.rank", String.valueOf(r.rank())))
                    : r.rank() == Placement.ASSIGNED ? h("pairing.assigned") : "";
            if (r.movedBy() != null) met += h("pairing.moved", teacher(roster, r.movedBy()));
            if (r.confirmed()) met += " <span class=\"ok\">" + h("pairing.confirmed") + "</span>";
            html.append("<tr><td>").append(Html.escape(r.studentId())).append("</td><td>")
                    .append(Html.escape(roster.student(r.studentId()).map(Student::name).orElse(r.studentId()))).append("</td><td>")
                    .append(met).append("</td><td>").append(Html.escape(String.join("、", r.tags().stream().sorted().toList())))
                    .append("</td><td>").append(r.band() == null ? "" : Html.escape(r.band().label())).append("</td><td>")
                    .append(r.missed().stream().map(m -> said.computeIfAbsent(m.why() + "|" + m.mentorId(), k -> h("pairing.why." + m.why().name(),
                            m.why() == Placement.Why.NOT_A_MENTOR ? m.mentorId() : teacher(roster, m.mentorId()) + "老师")))
                            .collect(Collectors.joining("<br>")))
                    .append("</td>");
            if (moves != null) moves.form(r, html);
            html.append("</tr>");
        }
        html.append("</table></div>");
    }

    /** 「父母离异 1、学习困难 2」 or 「尖子 2、学困 1」; 无 when there is none. */
    private static String spread(List<Proposal.Row> rows, boolean tags) {
        Map<String, Long> n = new TreeMap<>(tags
                ? rows.stream().flatMap(r -> r.tags().stream()).collect(Collectors.groupingBy(x -> x, Collectors.counting()))
                : rows.stream().filter(r -> r.band() != null).collect(Collectors.groupingBy(r -> r.band().label(), Collectors.counting())));
        if (n.isEmpty()) return t("pairing.none");
        return n.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("、"));
    }

    private static String teacher(Roster roster, String id) {
        return roster.teacher(id).map(Teacher::name).orElse(id);
    }

}
